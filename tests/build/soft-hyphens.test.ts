import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf, pageTexts } from '../../scripts/lib/pdf-read.ts';
import { extractPageTexts } from '../../scripts/lib/pdf-text.ts';
import { TEST_DIST } from '../build-once.ts';
import { htmlHeadings, htmlToText, listForMessage, run } from './read.ts';

/**
 * The English edition is hyphenated at build time with soft hyphens (U+00AD). They must make
 * the print look typeset and change nothing that reads the text: the PDF read back by the
 * build's reader (pdftotext) and by pdf.js, and the search index.
 */

const EN_PDF = join(TEST_DIST, 'prospectus-en.pdf');
const EN_DOCUMENT = join(TEST_DIST, 'en', 'document', 'index.html');
const SHY = '\u00ad';

let html: string;
/** The prose paragraphs the build hyphenated, as the page's HTML has them (with U+00AD). */
let hyphenated: string[];

const count = (text: string, word: string) => text.match(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'gu'))?.length ?? 0;

/** Lines at the top of a page: the draft warning, the running head and the folio. */
const FURNITURE =
  /^(This Application Proof is in draft form\.|This document must be read in|INDUSTRY OVERVIEW$|–\s*\d+\s*–$)/u;

/** A page's text without its furniture: a paragraph runs on from the page before. */
function body(page: string): string {
  const lines = page.split('\n');
  while (lines.length > 0 && (FURNITURE.test(lines[0] ?? '') || (lines[0] ?? '').trim() === '')) lines.shift();
  return lines.join('\n').trim();
}

/**
 * The words the build hyphenated that `pages` holds fewer times than the prose does, so
 * each was read broken at least once (a line end, a leftover soft hyphen). A word also
 * drawn in a chart may be there more often. A page's text ends where its last line does, so
 * a word the last line broke is counted when its two halves, around the page break, make it.
 */
function brokenWords(pages: readonly string[]): string[] {
  const prose = hyphenated.join('\n').replaceAll(SHY, '');
  const bodies = pages.map(body);
  const text = bodies.join('\n');
  const acrossPages = bodies
    .slice(1)
    .map((next, i) => `${/\p{L}+$/u.exec(bodies[i] ?? '')?.[0] ?? ''}${/^\p{L}+/u.exec(next)?.[0] ?? ''}`);
  const read = (w: string) => count(text, w) + acrossPages.filter((joined) => joined === w).length;
  const words = new Set(hyphenated.join('\n').match(/\p{L}+(?:\u00ad\p{L}+)+/gu) ?? []);
  return [...words]
    .map((w) => w.replaceAll(SHY, ''))
    .filter((w) => read(w) < count(prose, w))
    .map((w) => `${w}: ${count(prose, w)}× in the prose, ${read(w)}× read back`);
}

beforeAll(() => {
  html = readFileSync(EN_DOCUMENT, 'utf8');
  hyphenated = [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gu)]
    .map((m) => htmlToText(m[1] ?? ''))
    .filter((p) => p.includes(SHY));
});

describe('soft hyphens in the English edition', () => {
  it('are set in the prose, not in headings, figures or the Chinese edition', () => {
    expect(hyphenated.length, 'hyphenated paragraphs').toBeGreaterThan(10);
    expect(htmlHeadings(html).filter((h) => h.text.includes(SHY))).toEqual([]);
    const figures = [...html.matchAll(/<span class="fig\b[^>]*>([^<]*)/gu)].map((m) => m[1] ?? '');
    expect(figures.length).toBeGreaterThan(30);
    expect(figures.filter((f) => f.includes(SHY))).toEqual([]);
    expect(readFileSync(join(TEST_DIST, 'document', 'index.html'), 'utf8')).not.toContain(SHY);
  });

  it('break words at line ends in the English PDF', () => {
    // pdftotext as is: U+00AD, then the hyphen Chromium drew where the line broke.
    const breaks = run('pdftotext', ['-raw', '-enc', 'UTF-8', EN_PDF, '-']).match(/\p{L}\u00ad\s*[-\u2010]\s/gu);
    expect(breaks?.length ?? 0, 'words hyphenated at a line end').toBeGreaterThan(10);
  });

  it('leave every hyphenated word whole in the text the build reads (pdftotext)', async () => {
    const pages = await extractPageTexts(new Uint8Array(readFileSync(EN_PDF))).texts;
    expect(pages.join('')).not.toContain(SHY);
    const broken = brokenWords(pages);
    expect(broken, `words read broken from the PDF:\n${listForMessage(broken)}`).toEqual([]);
    // The same text with only the soft hyphens dropped still has the words broken at line ends.
    const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', EN_PDF, '-']).split('\f');
    expect(brokenWords(raw.map((p) => p.replaceAll(SHY, ''))).length).toBeGreaterThan(5);
  });

  it('leave every hyphenated word whole in the text pdf.js reads', async () => {
    const pages = await pageTexts(await openPdf(new Uint8Array(readFileSync(EN_PDF))));
    const broken = brokenWords(pages);
    expect(broken, `words read broken from the PDF:\n${listForMessage(broken)}`).toEqual([]);
  });

  it('are not in the search index, where the hyphenated words are found whole', () => {
    const dir = join(TEST_DIST, 'pagefind');
    const files = ['fragment', 'index'].flatMap((d) => readdirSync(join(dir, d)).map((f) => join(dir, d, f)));
    const texts = files.map((f) => gunzipSync(readFileSync(f)).toString('utf8'));
    expect(texts.filter((t) => t.includes(SHY)).length, 'index files with a soft hyphen').toBe(0);
    const english = texts.filter((t) => t.includes('"url":"/en/')).join('\n');
    const word = /\b(\p{L}+\u00ad\p{L}+(?:\u00ad\p{L}+)*)/u.exec(hyphenated.join(' '))?.[1] ?? '';
    expect(word).not.toBe('');
    expect(english).toContain(word.replaceAll(SHY, ''));
  });
});
