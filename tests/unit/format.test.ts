import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/i18n/decimal.ts';
import { chineseNumeral, formatPeriod, formatValue } from '../../src/lib/i18n/format.ts';

describe('Hong Kong number style', () => {
  it('writes amounts with thousands separators and unit words', () => {
    expect(formatValue(34368, '人民幣億元')).toBe('人民幣34,368億元');
    expect(formatValue(140000, '美元')).toBe('140,000美元');
    expect(formatValue(1376.9, '人民幣十億元')).toBe('人民幣1,376.9十億元');
  });
  it('writes percentages with one decimal, keeping a trailing zero', () => {
    expect(formatValue(38, '%')).toBe('38.0%');
    expect(formatValue(19.5, '%')).toBe('19.5%');
  });
  it('rounds half away from zero, as consultants round', () => {
    expect(formatNumber(0.05, 1)).toBe('0.1');
    expect(formatNumber(2.675, 2)).toBe('2.68');
    expect(formatNumber(-1234.5, 0)).toBe('-1,235');
  });
  it('marks forecast years', () => {
    expect(formatPeriod('2027E')).toBe('2027年(預計)');
    expect(formatPeriod('2022')).toBe('2022年');
  });
  it('writes ordinals in Chinese numerals', () => {
    expect(chineseNumeral(2)).toBe('二');
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(23)).toBe('二十三');
    expect(() => chineseNumeral(1.5)).toThrow();
  });
});
