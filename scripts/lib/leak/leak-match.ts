/**
 * How the leak scan compares text with withheld terms. Output breaks wording up in ways a reader
 * does not see: a line or page break in the PDF, inline markup or a character reference in HTML,
 * a soft hyphen, a full-width letter, an escape in a script. Both the text and the terms are
 * folded the same way, so a term is found however it was broken up. Folding errs towards
 * reporting: text on either side of a paragraph or table-cell boundary reads as one run, as it
 * does in the PDF once its line breaks are gone.
 */

import { indexOfTerm } from '../../../src/lib/offer/withhold.ts';

/** NFKC, lower case, and no whitespace or invisible format characters (soft hyphen, zero-width space, BOM). */
export function fold(text: string): string {
  // Two passes, not one `[\s\p{Cf}]` class: removing either set first gives the same text,
  // and V8 runs the two simple classes over megabytes of HTML in half the time of the union.
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\p{Cf}+/gu, '')
    .toLowerCase();
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  zwsp: '\u200b',
  zwj: '\u200d',
  zwnj: '\u200c',
};

function fromCodePoint(hex: string, radix: number, original: string): string {
  const code = Number.parseInt(hex, radix);
  return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : original;
}

/** HTML character references, JavaScript `\u` escapes and CSS hex escapes, decoded. */
export function decodeEscapes(text: string): string {
  return text
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (m, dec?: string, hex?: string, name?: string) =>
      dec !== undefined
        ? fromCodePoint(dec, 10, m)
        : hex !== undefined
          ? fromCodePoint(hex, 16, m)
          : (NAMED_REFERENCES[(name ?? '').toLowerCase()] ?? m),
    )
    .replace(/\\u\{([0-9a-f]{1,6})\}|\\u([0-9a-f]{4})/gi, (m, braced?: string, unit?: string) =>
      braced !== undefined ? fromCodePoint(braced, 16, m) : String.fromCharCode(Number.parseInt(unit ?? '', 16)),
    )
    .replace(/\\([0-9a-f]{1,6}) ?/gi, (m, hex: string) => fromCodePoint(hex, 16, m));
}

/** What a reader of an HTML, SVG or XML file sees of it: comments and tags removed, references decoded. */
export function textOfMarkup(text: string): string {
  return decodeEscapes(text.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''));
}

/** The ways one emitted file can be read: as written, with escapes decoded, and as text without markup. */
export function readingsOf(text: string): string[] {
  return [text, decodeEscapes(text), textOfMarkup(text)];
}

/** The terms found in any of the readings, folded on both sides; each term once, in the given order. */
export function findTerms(readings: readonly string[], terms: readonly string[]): string[] {
  // A file without escapes reads the same decoded: fold each distinct reading once.
  const folded = [...new Set(readings)].map(fold);
  return terms.filter((term) => {
    const t = fold(term);
    // A withheld number matches as a whole number only (15.0 is not in 115.0): see indexOfTerm.
    return t.length > 0 && folded.some((text) => indexOfTerm(text, t) !== -1);
  });
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * How many leading characters of `a` it shares with `b`, where any run of digits matches any
 * other: folios differ only in their number (`–9–` and `–10–`).
 */
function sharedStart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      while (isDigit(a[i])) i++;
      while (isDigit(b[j])) j++;
    } else if (a[i] === b[j]) {
      i++;
      j++;
    } else break;
  }
  return i;
}

/** As sharedStart, from the end. */
function sharedEnd(a: string, b: string): number {
  let i = a.length - 1;
  let j = b.length - 1;
  while (i >= 0 && j >= 0) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      while (isDigit(a[i])) i--;
      while (isDigit(b[j])) j--;
    } else if (a[i] === b[j]) {
      i--;
      j--;
    } else break;
  }
  return a.length - 1 - i;
}

/** A line as furniture is compared: folio numbers aside. */
const lineKey = (line: string) => line.replace(/\d+/g, '#');

/** How many leading lines two pages share. */
function sharedLines(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && lineKey(a[n] ?? '') === lineKey(b[n] ?? '')) n++;
  return n;
}

/**
 * Pages joined with each page's furniture left out: the draft warning, running head, repeated
 * table header and folio a page shares with the page before it (at its start) and the page after
 * it (at its end). A term that runs on to the next page stays in one chapter, so both pages of a
 * page break carry the same furniture.
 */
function stitch<T>(
  pages: readonly T[],
  size: (p: T) => number,
  start: (p: T, q: T) => number,
  end: (p: T, q: T) => number,
) {
  return pages.map((page, i) => {
    const before = pages[i - 1];
    const after = pages[i + 1];
    const from = before === undefined ? 0 : start(page, before);
    const to = after === undefined ? size(page) : size(page) - end(page, after);
    return [from, Math.max(from, to)] as const;
  });
}

/**
 * The PDF's page texts as runs to search: every page as it is, joined; and the pages with their
 * furniture left out, joined, so a term that runs on from one page to the next is one run again.
 * Text extractors put the furniture first (pdf.js, in content order) or at the top and foot of the
 * page (pdftotext, in reading order). Furniture is found twice, by characters and by whole lines:
 * by characters, a page whose first words happen to match the page before loses them too; by
 * lines, text that comes without line breaks keeps its furniture. A term in either run counts.
 */
export function pdfTextRuns(pages: readonly string[]): string[] {
  const folded = pages.map(fold);
  const byChars = stitch(folded, (p) => p.length, sharedStart, sharedEnd)
    .map(([from, to], i) => (folded[i] ?? '').slice(from, to))
    .join('');
  const lines = pages.map((p) => p.split('\n').map(fold).filter(Boolean));
  const reversed = (p: readonly string[]) => [...p].reverse();
  const byLines = stitch(
    lines,
    (p) => p.length,
    sharedLines,
    (p, q) => sharedLines(reversed(p), reversed(q)),
  )
    .map(([from, to], i) => (lines[i] ?? []).slice(from, to).join(''))
    .join('');
  // The PDF's text has no soft hyphens (page-marks.ts): a word broken at a line end reads
  // `Of-` + `fering`. Joined as a reader joins it, for a term broken there too.
  const joined = pages.map((p) => fold(p.replace(/(\p{L})[-\u2010][ \t]*\n\s*(?=\p{L})/gu, '$1'))).join('');
  return [folded.join(''), byChars, byLines, joined];
}
