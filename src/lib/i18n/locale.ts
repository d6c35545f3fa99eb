import { englishOrdinal, formatPeriodEn, formatValueEn } from './english.ts';
import { chineseNumeral, formatPeriod, formatValue } from './format.ts';
import type { YearEnd } from './periods.ts';
import type { Unit } from './units.ts';

/**
 * One value, each edition's spelling. Every place that shows a figure, a year or a rank asks
 * here with the page's locale, so the two editions cannot format the same datum two ways.
 */
export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Each edition by name, in messages (the build's and the checks' are in English). */
export const EDITION_NAME: Record<Locale, string> = { zh: 'Chinese', en: 'English' };

/** The HTML `lang` of each edition. */
export const LANGUAGE_TAG: Record<Locale, string> = { zh: 'zh-Hant-HK', en: 'en' };

export function spellValue(locale: Locale, value: number, unit: Unit, decimals: number): string {
  return locale === 'en' ? formatValueEn(value, unit, decimals) : formatValue(value, unit, decimals);
}

/** `2027年(預計)` ↔ `2027E`. */
export function spellPeriod(locale: Locale, period: string, yearEnd?: YearEnd): string {
  return locale === 'en' ? formatPeriodEn(period, yearEnd) : formatPeriod(period, yearEnd);
}

/** `2022年至2027年(預計)` ↔ `2022–2027E`: a CAGR table's period. */
export function spellRange(locale: Locale, from: string, to: string): string {
  // Two financial years spelt in full would repeat 截至…止年度 twice in a table cell.
  const fy = (id: string) => /^FY(\d{4})(E?)$/.exec(id);
  const a = fy(from);
  const b = fy(to);
  if (a && b) {
    return locale === 'en'
      ? `${from}–${to}`
      : `${a[1]}財政年度${a[2] ? '(預計)' : ''}至${b[1]}財政年度${b[2] ? '(預計)' : ''}`;
  }
  return locale === 'en'
    ? `${formatPeriodEn(from)}–${formatPeriodEn(to)}`
    : `${formatPeriod(from)}至${formatPeriod(to)}`;
}

/** `15%至20%` ↔ `15% to 20%`. */
export function spellSpan(locale: Locale, low: string, high: string): string {
  return locale === 'en' ? `${low} to ${high}` : `${low}至${high}`;
}

/** The word of a rank: 三 (第三大) ↔ third (third largest). */
export function spellOrdinal(locale: Locale, n: number): string {
  return locale === 'en' ? englishOrdinal(n) : chineseNumeral(n);
}

/** The edition a site path belongs to: the English pages live under `<base>en/`. */
export function localeOfPath(pathname: string, base = '/'): Locale {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  return /^en(\/|$)/.test(rest) ? 'en' : 'zh';
}

/** The same page in the other edition: `/chapters/x/` ↔ `/en/chapters/x/`. */
export function pathIn(locale: Locale, pathname: string, base = '/'): string {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  const bare = rest.replace(/^en(\/|$)/, '');
  return `${base}${locale === 'en' ? 'en/' : ''}${bare}`;
}
