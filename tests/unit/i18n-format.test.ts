import { describe, expect, it } from 'vitest';
import { groupThousands, shiftPoint } from '../../src/lib/i18n/decimal.ts';
import { englishOrdinal, englishSpelling, formatValueEn, UnitSpellingError } from '../../src/lib/i18n/english.ts';
import { spellOrdinal, spellPeriod, spellRange, spellSpan, spellValue } from '../../src/lib/i18n/locale.ts';

describe('one value, two editions', () => {
  it('writes 億元 as billion: the point moves one place, one decimal more', () => {
    expect(spellValue('zh', 13769, '人民幣億元', 0)).toBe('人民幣13,769億元');
    expect(spellValue('en', 13769, '人民幣億元', 0)).toBe('RMB1,376.9 billion');
    expect(spellValue('en', 61, '人民幣億元', 0)).toBe('RMB6.1 billion');
    expect(spellValue('en', 83736, '人民幣億元', 0)).toBe('RMB8,373.6 billion');
    expect(spellValue('en', 2240, '人民幣億元', 0)).toBe('RMB224.0 billion');
    expect(spellValue('en', 10, '人民幣億元', 0)).toBe('RMB1.0 billion');
  });
  it('writes amounts under a billion in million, two places the other way', () => {
    expect(spellValue('en', 5, '人民幣億元', 0)).toBe('RMB500 million');
    expect(spellValue('en', 9.9, '人民幣億元', 1)).toBe('RMB990 million');
    expect(spellValue('en', 0.55, '人民幣億元', 2)).toBe('RMB55 million');
    expect(spellValue('en', 0.555, '人民幣億元', 3)).toBe('RMB55.5 million');
  });
  it('picks billion or million on the figure as the Chinese edition rounds it', () => {
    // 9.96億 shown with no decimal is 10億: both editions then speak of a billion.
    expect(spellValue('zh', 9.96, '人民幣億元', 0)).toBe('人民幣10億元');
    expect(spellValue('en', 9.96, '人民幣億元', 0)).toBe('RMB1.0 billion');
  });
  it('takes its digits from the decimal, not from float division', () => {
    // 0.7 / 10 is 0.06999999999999999 in floating point; the moved point is exact.
    expect(String(0.7 / 10)).not.toBe('0.07');
    expect(shiftPoint('0.7', -1)).toBe('0.07');
    expect(spellValue('en', 123456789.3, '人民幣億元', 1)).toBe('RMB12,345,678.93 billion');
    expect(shiftPoint('13769', -1)).toBe('1376.9');
    expect(shiftPoint('5', 2)).toBe('500');
    expect(shiftPoint('0.55', 2)).toBe('55');
    expect(shiftPoint('-61', -1)).toBe('-6.1');
    expect(shiftPoint('0', -1)).toBe('0.0');
    expect(groupThousands('1234567.89')).toBe('1,234,567.89');
  });
  it('writes US dollars, percentages, data volumes and device counts', () => {
    expect(spellValue('zh', 140000, '美元', 0)).toBe('140,000美元');
    expect(spellValue('en', 140000, '美元', 0)).toBe('US$140,000');
    expect(spellValue('zh', 19.5, '%', 1)).toBe('19.5%');
    expect(spellValue('en', 19.5, '%', 1)).toBe('19.5%');
    expect(spellValue('en', 30, '%', 0)).toBe('30%');
    expect(spellValue('en', 23, 'ZB', 0)).toBe('23 ZB');
    expect(spellValue('zh', 140, '億台', 0)).toBe('140億台');
    expect(spellValue('en', 140, '億台', 0)).toBe('14.0 billion units');
    expect(spellValue('en', 3.5, '億台', 1)).toBe('350 million units');
  });
  it('keeps the chart unit in billion as it is', () => {
    expect(spellValue('en', 1376.9, '人民幣十億元', 1)).toBe('RMB1,376.9 billion');
    expect(englishSpelling('人民幣十億元').caption).toBe('RMB billion');
  });
  it('spells ranks, years and forecast years', () => {
    expect(spellOrdinal('zh', 3)).toBe('三');
    expect(spellOrdinal('en', 3)).toBe('third');
    expect(spellOrdinal('en', 9)).toBe('ninth');
    expect(englishOrdinal(11)).toBe('11th');
    expect(englishOrdinal(22)).toBe('22nd');
    expect(englishOrdinal(103)).toBe('103rd');
    expect(() => englishOrdinal(0)).toThrow(RangeError);
    expect(spellPeriod('zh', '2027E')).toBe('2027年(預計)');
    expect(spellPeriod('en', '2027E')).toBe('2027E');
    expect(spellPeriod('zh', '2022')).toBe('2022年');
    expect(spellPeriod('en', '2022')).toBe('2022');
    expect(spellRange('zh', '2022', '2027E')).toBe('2022年至2027年(預計)');
    expect(spellRange('en', '2022', '2027E')).toBe('2022–2027E');
    expect(spellSpan('en', '15%', '20%')).toBe('15% to 20%');
  });
  it('stops on a unit with no English spelling, naming the unit', () => {
    expect(() => formatValueEn(61, '人民幣億元', 0, {})).toThrow(UnitSpellingError);
    expect(() => formatValueEn(61, '人民幣億元', 0, {})).toThrow(/unit "人民幣億元" has no English spelling/);
  });
});
