import { formatNumber } from './decimal.ts';
import { parsePeriodId, spellPeriodZh, type YearEnd } from './periods.ts';
import { type Unit, unitSpec } from './units.ts';

export function formatValue(value: number, unit: Unit, decimals = unitSpec(unit).decimals): string {
  const spec = unitSpec(unit);
  return `${spec.prefix}${formatNumber(value, decimals)}${spec.suffix}`;
}

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, for ordinals such as 第二大 / 第三大. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  if (n < 10) return ZH_DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${ones === 0 ? '' : ZH_DIGITS[ones]}`;
}

/** `2027E` → `2027年(預計)`; `2022` → `2022年`; `FY2023` → `截至2023年12月31日止年度`. */
export function formatPeriod(period: string, yearEnd?: YearEnd): string {
  return spellPeriodZh(period, yearEnd);
}

export function isForecast(period: string): boolean {
  return period.endsWith('E');
}

export function periodYear(period: string): number {
  return parsePeriodId(period)?.year ?? Number.NaN;
}
