import { describe, expect, it } from 'vitest';
import { englishSpelling, UnitSpellingError } from '../../src/lib/i18n/english.ts';
import { spellValue } from '../../src/lib/i18n/locale.ts';
import { convertValue, parseUnit } from '../../src/lib/i18n/units.ts';
import { UnitSchema } from '../../src/lib/schema/common.ts';

describe('units as currency × scale × measure', () => {
  it('accepts the units of a financial statement on a dataset', () => {
    for (const name of [
      '人民幣千元',
      '港元',
      '千港元',
      '百萬港元',
      '人民幣百萬元',
      '千美元',
      '家',
      '名',
      '億台',
      '個百分點',
    ]) {
      expect(UnitSchema.safeParse(name).success, name).toBe(true);
    }
  });
  it('keeps an English name under its Chinese one', () => {
    expect(UnitSchema.parse("RMB'000")).toBe('人民幣千元');
    expect(UnitSchema.parse('HK$ million')).toBe('百萬港元');
    expect(UnitSchema.parse('港幣千元')).toBe('千港元');
    expect(UnitSchema.parse('US$')).toBe('美元');
  });
  it('refuses a name that is no unit, listing the forms it knows', () => {
    const r = UnitSchema.safeParse('人民幣千');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/unknown unit "人民幣千" — expected 人民幣元, 人民幣千元/);
    expect(UnitSchema.safeParse('元').success).toBe(false);
    expect(UnitSchema.safeParse('千').success).toBe(false);
  });
  it('spells each currency and scale each edition’s way', () => {
    expect(spellValue('zh', 1234, '人民幣千元', 0)).toBe('人民幣1,234千元');
    // Thousands are written in million: the point moves three places, no digit is lost.
    expect(spellValue('en', 1234, '人民幣千元', 0)).toBe('RMB1.234 million');
    expect(spellValue('en', 1234.5, '人民幣千元', 1)).toBe('RMB1.2345 million');
    expect(spellValue('zh', 560, '港元', 0)).toBe('560港元');
    expect(spellValue('en', 560, '港元', 0)).toBe('HK$560');
    expect(spellValue('zh', 78.9, '百萬港元', 1)).toBe('78.9百萬港元');
    expect(spellValue('en', 78.9, '百萬港元', 1)).toBe('HK$78.9 million');
    expect(spellValue('zh', 3, '人民幣十億元', 1)).toBe('人民幣3.0十億元');
    expect(spellValue('en', 3, '人民幣十億元', 1)).toBe('RMB3.0 billion');
    expect(spellValue('en', 25, '億美元', 0)).toBe('US$2.5 billion');
  });
  it('spells counts with their measure word, and percentage points', () => {
    expect(spellValue('zh', 12, '家', 0)).toBe('12家');
    expect(spellValue('en', 12, '家', 0)).toBe('12 companies');
    expect(spellValue('zh', 1350, '名', 0)).toBe('1,350名');
    expect(spellValue('en', 1350, '名', 0)).toBe('1,350 employees');
    expect(spellValue('en', 8, '台', 0)).toBe('8 units');
    expect(spellValue('zh', 2.5, '個百分點', 1)).toBe('2.5個百分點');
    expect(spellValue('en', 2.5, '個百分點', 1)).toBe('2.5 percentage points');
  });
  it('writes the unit in a caption or a header', () => {
    expect(englishSpelling('人民幣千元').caption).toBe("RMB'000");
    expect(englishSpelling('千港元').caption).toBe("HK$'000");
    expect(englishSpelling('人民幣百萬元').caption).toBe('RMB million');
    expect(englishSpelling('人民幣億元').caption).toBe('RMB100 million');
    expect(englishSpelling('名').caption).toBe('employees');
  });
  it('stops the English edition on a measure word English has no noun for', () => {
    expect(parseUnit('座')?.kind).toBe('count');
    expect(spellValue('zh', 3, '座', 0)).toBe('3座');
    expect(() => spellValue('en', 3, '座', 0)).toThrow(UnitSpellingError);
    expect(() => spellValue('en', 3, '座', 0)).toThrow(/unit "座" has no English spelling/);
  });
  it('converts between scales by moving the point, never across families', () => {
    expect(0.07 * 10).not.toBe(0.7);
    expect(convertValue(0.07, '人民幣十億元', '人民幣億元')).toBe(0.7);
    expect(1.1 * 100).not.toBe(110);
    expect(convertValue(1.1, '人民幣億元', '人民幣百萬元')).toBe(110);
    expect(convertValue(13769, '人民幣億元', '人民幣十億元')).toBe(1376.9);
    expect(convertValue(1234, '人民幣千元', '人民幣百萬元')).toBe(1.234);
    expect(() => convertValue(1, '人民幣千元', '千港元')).toThrow(/cannot convert/);
    expect(() => convertValue(1, '家', '名')).toThrow(/cannot convert/);
  });
});
