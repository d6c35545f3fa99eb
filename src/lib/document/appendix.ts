import { chineseNumeral } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';

/** Appendix numbers as prospectuses write them: I, II, III … (canonical Roman numerals up to 39). */
export const ROMAN = /^X{0,3}(?:IX|IV|V?I{0,3})$/;

const VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

/** `IV` → 4; undefined for anything that is not a canonical Roman numeral. */
export function romanValue(numeral: string): number | undefined {
  if (numeral === '' || !ROMAN.test(numeral)) return undefined;
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = VALUES[numeral[i] ?? ''] ?? 0;
    const next = VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** 附錄一 / APPENDIX I. */
export function appendixLabel(numeral: string, locale: Locale): string {
  return locale === 'en' ? `APPENDIX ${numeral}` : `附錄${chineseNumeral(romanValue(numeral) ?? 0)}`;
}

/**
 * The running head of an appendix's pages: 附錄一　會計師報告 / APPENDIX I  ACCOUNTANTS' REPORT
 * (the English head is set in capitals, as the title line of an English appendix is). The gap is
 * one em in both: an ideographic space in Chinese, two en spaces in English, which the Latin face
 * has; an ideographic space there drew from the Chinese face, so the English PDF embedded a
 * Chinese font for one space.
 */
export function appendixHead(numeral: string, title: string, locale: Locale): string {
  return locale === 'en'
    ? `${appendixLabel(numeral, locale)}\u2002\u2002${title.toUpperCase()}`
    : `${appendixLabel(numeral, locale)}\u3000${title}`;
}

/** The folio of an appendix page: `I-3`, the page within its appendix after the numeral. */
export function appendixFolio(numeral: string, page: number): string {
  return `${numeral}-${page}`;
}

/** A CSS identifier for an appendix's own page counter. */
function counterName(numeral: string): string {
  return `appendix-${numeral}`;
}

/**
 * The named page of an appendix: its running head, and folios `– I-1 –` from its own counter.
 * Chromium resets no counter at the start of a named page (`counter-reset: page` in @page resets
 * it on every page), but counts a counter that only this page increments: it starts at 1 on the
 * appendix's first page whatever came before, and the main chapters keep `– n –`.
 */
export function appendixPageCss(
  page: string,
  numeral: string,
  title: string,
  locale: Locale,
  headPrefix: string,
  css: (text: string) => string,
): string {
  const counter = counterName(numeral);
  return `@page ${page} { counter-increment: page ${counter}; @top-center { content: ${headPrefix} ${css(appendixHead(numeral, title, locale))}; } @bottom-center { content: "– ${numeral}-" counter(${counter}) " –"; } }`;
}

/** The bookmark the appendices are grouped under in the PDF. */
export const APPENDICES_BOOKMARK: Record<Locale, string> = { zh: '附錄', en: 'APPENDICES' };
