import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { joinSoftHyphens } from '../../scripts/lib/print/pdf-text.ts';
import { TEST_DIST } from '../build-once.ts';

/** Shared readers for the build tests: poppler output, HTML text, whitespace handling. */

export const PDF_PATH = join(TEST_DIST, 'prospectus.pdf');
export const DOCUMENT_HTML = join(TEST_DIST, 'document', 'index.html');
export const CHAPTER_HTML = join(TEST_DIST, 'chapters', 'industry-overview', 'index.html');

export const WARNING_PREFIX = '本申請版本為草擬本';
export const RUNNING_HEAD = '行業概覽';
export const SOURCE_PREFIX = '資料來源：';

/** Runs a command and returns its stdout; stderr (poppler warnings) is captured, not echoed. */
export function run(cmd: string, args: readonly string[]): string {
  return execFileSync(cmd, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * `pdftotext -layout`, one string per page (index 0 = page 1), in reading position order, words
 * that a soft hyphen broke at a line end joined as the build's reader joins them.
 */
export function layoutPages(pdf: string): string[] {
  const pages = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']).split('\f');
  if (pages.length > 0 && (pages[pages.length - 1] ?? '').trim() === '') pages.pop();
  return pages.map(joinSoftHyphens);
}

export function nonEmptyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** All whitespace removed (incl. U+3000 and NBSP): how CJK text is compared across line breaks. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Whitespace runs collapsed to one space: keeps word boundaries, e.g. between numbers. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Visible-ish text of an HTML fragment: scripts/styles dropped, every tag a space, entities decoded. */
export function htmlToText(html: string): string {
  const withoutCode = html
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1>/giu, ' ');
  return decodeEntities(withoutCode.replace(/<[^>]*>/gu, ' '));
}

/** Text of the <main> element when there is one (skips the site header), else the whole page. */
export function mainText(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/iu.exec(html);
  return htmlToText(main?.[1] ?? html);
}

export interface HtmlHeading {
  level: number;
  text: string;
}

/**
 * h1–h4 in document order, with inner markup stripped. Inline markup joins its text to the words
 * around it (a withheld-wording span inside a Chinese heading is not a word break); only a line
 * break and the source's own whitespace separate words, as in the bookmarks.
 */
export function htmlHeadings(html: string): HtmlHeading[] {
  const out: HtmlHeading[] = [];
  for (const m of html.matchAll(/<h([1-4])\b[^>]*>([\s\S]*?)<\/h\1>/giu)) {
    const inner = (m[2] ?? '').replace(/<br\b[^>]*>/giu, ' ').replace(/<[^>]*>/gu, '');
    out.push({ level: Number(m[1]), text: collapse(htmlToText(inner)) });
  }
  return out;
}

/** Figure titles (`figcaption.figure-title`) in document order. */
export function figureTitles(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(
    /<figcaption\b[^>]*class="[^"]*\bfigure-title\b[^"]*"[^>]*>([\s\S]*?)<\/figcaption>/giu,
  )) {
    out.push(collapse(htmlToText(m[1] ?? '')));
  }
  return out;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Shortens a list for an assertion message. */
export function listForMessage(items: readonly string[], max = 40): string {
  const shown = items.slice(0, max).map((item) => `  - ${item}`);
  if (items.length > max) shown.push(`  … and ${items.length - max} more`);
  return shown.join('\n');
}
