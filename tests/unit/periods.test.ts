import { describe, expect, it } from 'vitest';
import { spellPeriod, spellRange } from '../../src/lib/i18n/locale.ts';
import { CagrClaimSchema } from '../../src/lib/schema/claim.ts';
import { PeriodSchema } from '../../src/lib/schema/common.ts';

describe('periods of a financial statement', () => {
  it('spells calendar years as before', () => {
    expect(spellPeriod('zh', '2022')).toBe('2022年');
    expect(spellPeriod('zh', '2027E')).toBe('2027年(預計)');
    expect(spellPeriod('en', '2027E')).toBe('2027E');
  });
  it('spells financial years with the issuer’s year end', () => {
    expect(spellPeriod('zh', 'FY2023')).toBe('截至2023年12月31日止年度');
    expect(spellPeriod('en', 'FY2023')).toBe('year ended 31 December 2023');
    expect(spellPeriod('zh', 'FY2023', '03-31')).toBe('截至2023年3月31日止年度');
    expect(spellPeriod('en', 'FY2023', '03-31')).toBe('year ended 31 March 2023');
    expect(spellPeriod('zh', 'FY2025E')).toBe('截至2025年12月31日止年度(預計)');
    expect(spellPeriod('en', 'FY2025E')).toBe('year ending 31 December 2025 (forecast)');
  });
  it('spells interim periods and balance-sheet dates', () => {
    expect(spellPeriod('zh', '6M-2024-06-30')).toBe('截至2024年6月30日止六個月');
    expect(spellPeriod('en', '6M-2024-06-30')).toBe('six months ended 30 June 2024');
    expect(spellPeriod('zh', '2023-12-31')).toBe('於2023年12月31日');
    expect(spellPeriod('en', '2023-12-31')).toBe('as at 31 December 2023');
  });
  it('spells a range of financial years short, as a CAGR table needs it', () => {
    expect(spellRange('zh', 'FY2021', 'FY2023')).toBe('2021財政年度至2023財政年度');
    expect(spellRange('en', 'FY2021', 'FY2023')).toBe('FY2021–FY2023');
    expect(spellRange('zh', 'FY2023', 'FY2026E')).toBe('2023財政年度至2026財政年度(預計)');
    expect(spellRange('zh', '2022', '2027E')).toBe('2022年至2027年(預計)');
  });
  it('refuses a period of no known form, listing the forms', () => {
    for (const id of ['H1 2024', '2023-02-30', '6M-2024-13-01', 'FY23']) {
      const r = PeriodSchema.safeParse(id);
      expect(r.success, id).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/^unknown period ".*" — expected a year \("2022"/);
    }
  });
  it('computes a CAGR only between annual periods of one kind', () => {
    const claim = { id: 'x', text: 't', source: 's', stated: 10, kind: 'cagr', of: 'a.b' };
    expect(CagrClaimSchema.safeParse({ ...claim, from: 'FY2021', to: 'FY2023' }).success).toBe(true);
    const mixed = CagrClaimSchema.safeParse({ ...claim, from: 'FY2023', to: '6M-2024-06-30' });
    expect(mixed.success).toBe(false);
    expect(mixed.error?.issues[0]?.message).toMatch(/a CAGR runs from one annual period to another of the same kind/);
    expect(CagrClaimSchema.safeParse({ ...claim, from: '2022', to: 'FY2023' }).success).toBe(false);
  });
});
