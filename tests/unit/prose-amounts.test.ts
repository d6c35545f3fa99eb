import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import { decimalsOf, roundDigits, trimZeros } from '../../src/lib/i18n/decimal.ts';
import { formatValueEn } from '../../src/lib/i18n/english.ts';
import { formatProseEn, ProseAmountError } from '../../src/lib/i18n/prose-amount.ts';
import { ProseFigureError, proseFigure } from '../../src/lib/render/prose-figure.ts';
import { renderVal } from '../../src/lib/render/val.ts';

/**
 * Amounts in prose, Hong Kong prospectus style: RMB'000 data written in million ("RMB120.0
 * million"), rounding only where the author wrote `digits`, and no minus sign in an amount.
 * Expected spellings are written out by hand from the fixture's YAML.
 */
const FINANCE = resolve(import.meta.dirname, '../fixtures/documents/finance');

describe('decimal strings rounded and trimmed without floats', () => {
  it('rounds half away from zero on the digits, carrying through nines', () => {
    expect(roundDigits('120.456', 1)).toBe('120.5');
    expect(roundDigits('120.449', 1)).toBe('120.4');
    expect(roundDigits('8.625', 2)).toBe('8.63');
    expect(roundDigits('-8.625', 2)).toBe('-8.63');
    expect(roundDigits('99.95', 1)).toBe('100.0');
    expect(roundDigits('1234.567', 0)).toBe('1235');
    expect(roundDigits('-0.04', 1)).toBe('0.0');
    expect(roundDigits('1.5', 3)).toBe('1.500');
  });
  it('drops only trailing zeros, down to the decimals asked to keep', () => {
    expect(trimZeros('120.000', 1)).toBe('120.0');
    expect(trimZeros('120.450', 1)).toBe('120.45');
    expect(trimZeros('6100', 0)).toBe('6100');
    expect(trimZeros('-87.000', 1)).toBe('-87.0');
    expect(decimalsOf('120.456')).toBe(3);
    expect(decimalsOf('6100')).toBe(0);
  });
});

describe('RMB thousands in English: million or billion, every stated digit kept', () => {
  it('writes 人民幣千元 in million, dropping only the zeros', () => {
    expect(formatValueEn(120000, '人民幣千元', 0)).toBe('RMB120.0 million');
    expect(formatValueEn(150000, '人民幣千元', 0)).toBe('RMB150.0 million');
    expect(formatValueEn(63500, '人民幣千元', 0)).toBe('RMB63.5 million');
    expect(formatValueEn(120456, '人民幣千元', 0)).toBe('RMB120.456 million');
    expect(formatValueEn(500, '人民幣千元', 0)).toBe('RMB0.5 million');
    expect(formatValueEn(999999, '人民幣千元', 0)).toBe('RMB999.999 million');
  });
  it('writes a million thousand and more in billion', () => {
    expect(formatValueEn(1000000, '人民幣千元', 0)).toBe('RMB1.0 billion');
    expect(formatValueEn(1350000, '人民幣千元', 0)).toBe('RMB1.35 billion');
  });
  it('does the same for other currencies, and leaves counts in thousands in full', () => {
    expect(formatValueEn(78900, '千港元', 0)).toBe('HK$78.9 million');
    expect(formatValueEn(2500, '千美元', 0)).toBe('US$2.5 million');
    expect(formatValueEn(1234, '千台', 0)).toBe('1,234,000 units');
  });
});

describe('the magnitude and decimals an author asks for', () => {
  it('rounds only to the digits asked for', () => {
    expect(formatProseEn(120456, '人民幣千元', 0, { digits: 1 })).toBe('RMB120.5 million');
    expect(formatProseEn(8625, '人民幣千元', 0, { digits: 1 })).toBe('RMB8.6 million');
    expect(formatProseEn(8625, '人民幣千元', 0, { digits: 2 })).toBe('RMB8.63 million');
    expect(formatProseEn(120456, '人民幣千元', 0, {})).toBe('RMB120.456 million');
  });
  it('keeps an amount over a billion in million when asked, exactly unless digits are given', () => {
    expect(formatProseEn(1234567, '人民幣千元', 0, { scale: 'million' })).toBe('RMB1,234.567 million');
    expect(formatProseEn(1234567, '人民幣千元', 0, { scale: 'million', digits: 1 })).toBe('RMB1,234.6 million');
    expect(formatProseEn(1234567, '人民幣千元', 0, { scale: 'billion', digits: 1 })).toBe('RMB1.2 billion');
    expect(formatProseEn(61, '人民幣億元', 0, { scale: 'million' })).toBe('RMB6,100 million');
    expect(formatProseEn(140000, '美元', 0, { scale: 'million' })).toBe('US$0.14 million');
  });
  it('refuses decimals the data does not state', () => {
    // 人民幣61億元 is known to the 100 million: 6,100.0 million would claim a tenth of a million.
    expect(() => formatProseEn(61, '人民幣億元', 0, { scale: 'million', digits: 1 })).toThrow(
      /digits="1" asks for more decimals than the data states: RMB6\.1 billion is exactly 6,100 million, to 0 decimals/,
    );
    expect(() => formatProseEn(120000, '人民幣千元', 0, { digits: 4 })).toThrow(ProseAmountError);
  });
  it('refuses digits for an amount written in full, and a scale for what is not money', () => {
    expect(() => formatProseEn(140000, '美元', 0, { digits: 1 })).toThrow(
      /US\$140,000 is written in full — expected scale="million" or scale="billion"/,
    );
    expect(() => formatProseEn(19.5, '%', 1, { scale: 'million' })).toThrow(/the unit "%" is not one/);
  });
});

describe('<Val> in prose: signs worded, options per edition', () => {
  const { registry, diagnostics } = loadRegistry(FINANCE);
  if (!registry) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const resolver = new Resolver(registry);

  it('writes the fixture revenue in million in English and in its data unit in Chinese', () => {
    // income.yaml: revenue FY2022 is 120000 in 人民幣千元.
    expect(renderVal(resolver, { of: 'income.revenue@FY2022' }, 'en').text).toBe('RMB120.0 million');
    expect(renderVal(resolver, { of: 'income.revenue@FY2022' }, 'zh').text).toBe('人民幣120,000千元');
  });
  it('refuses a negative amount unless the sentence words the sign', () => {
    // income.yaml: cost of sales FY2023 is -87000.
    for (const locale of ['en', 'zh'] as const) {
      expect(() => renderVal(resolver, { of: 'income.cost-of-sales@FY2023' }, locale)).toThrow(ProseFigureError);
    }
    expect(() => renderVal(resolver, { of: 'income.cost-of-sales@FY2023' }, 'en')).toThrow(
      /is negative \(RMB-87\.0 million\), and prospectus prose prints no minus sign in an amount — word the sign in the sentence/,
    );
    const en = renderVal(resolver, { of: 'income.cost-of-sales@FY2023', sign: 'worded' }, 'en');
    expect(en.text).toBe('RMB87.0 million');
    // Provenance and the schedule keep the datum as it is, sign included.
    expect(en.figure.value).toBe(-87000);
    expect(renderVal(resolver, { of: 'income.cost-of-sales@FY2023', sign: 'worded' }, 'zh').text).toBe(
      '人民幣87,000千元',
    );
  });
  it('refuses sign="worded" on a figure that is not negative', () => {
    expect(() => renderVal(resolver, { of: 'income.profit@FY2023', sign: 'worded' }, 'en')).toThrow(
      /sign="worded"> is RMB16\.8 million, not a negative/,
    );
  });
  it('rounds with digits in English, and refuses scale or digits in the Chinese edition', () => {
    // income.yaml: profit FY2022 is 8625.
    expect(renderVal(resolver, { of: 'income.profit@FY2022', digits: '1' }, 'en').text).toBe('RMB8.6 million');
    expect(() => renderVal(resolver, { of: 'income.profit@FY2022', digits: '1' }, 'zh')).toThrow(
      /scale and digits set how English prose writes an amount — the Chinese edition writes it in its data unit \(人民幣8,625千元\)/,
    );
  });
  it('keeps the sign of a percentage, which prospectuses print ("a CAGR of -2.1%")', () => {
    const growth = resolver.require('revenue-growth.growth@FY2023');
    const falling = { ...growth, value: -2.1 };
    expect(proseFigure(falling, undefined, 'en').value).toBe(-2.1);
    expect(proseFigure(falling, 'worded', 'en').value).toBe(2.1);
    expect(() => proseFigure(growth, 'worded', 'en')).toThrow(/is 25\.0%, not a negative/);
  });
});
