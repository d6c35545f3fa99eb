import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf, pageTexts, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { extractPageTexts } from '../../scripts/lib/print/pdf-text.ts';
import { TEST_DIST } from '../build-once.ts';
import { joinLineEndHyphens } from './pdf-readers.ts';
import { htmlHeadings, htmlToText, listForMessage, run, squash } from './read.ts';

/**
 * The English edition is hyphenated at build time with soft hyphens (U+00AD). They must make
 * the print look typeset and change nothing that reads the text: the PDF read back by
 * pdftotext and by pdf.js (a word broken at a line end joined as readers join it), and the
 * search index. tests/build/text-layer.test.ts reads the PDFs with three readers.
 */

const EN_PDF = join(TEST_DIST, 'prospectus-en.pdf');
const EN_DOCUMENT = join(TEST_DIST, 'en', 'document', 'index.html');
const SHY = '\u00ad';

let html: string;
/** The prose paragraphs the build hyphenated, as the page's HTML has them (with U+00AD). */
let hyphenated: string[];

const count = (text: string, word: string) => text.match(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'gu'))?.length ?? 0;

/** Lines at the top of a page: the draft warning and the folio (`– 3 –`, `– I-3 –`, `– ii –`). */
const FURNITURE =
  /^(This Application Proof is in draft form\.|This document must be read in|–\s*(?:[IVX]+-)?\d+\s*–$|–\s*[ivx]+\s*–$)/u;

/**
 * The running heads, squashed: each section's title and each appendix's (depth 1–2 bookmarks;
 * the appendix head's wide space is squashed away like the bookmark's word space).
 */
let runningHeads: Set<string>;

const isFurniture = (line: string) => FURNITURE.test(line) || line.trim() === '' || runningHeads.has(squash(line));

/** A page's text without its furniture: a paragraph runs on from the page before. */
function body(page: string): string {
  const lines = page.split('\n');
  while (lines.length > 0 && isFurniture(lines[0] ?? '')) lines.shift();
  return lines.join('\n').trim();
}

const compounds = (text: string) => text.replace(/(\p{Ll})[-\u2010](?=\p{Ll})/gu, '$1');

/**
 * The words the build hyphenated that `pages` holds fewer times than the prose does, so
 * each was read broken at least once (a line end, a leftover soft hyphen). A word also
 * drawn in a chart may be there more often. A page's text ends where its last line does, so
 * a word the last line broke is counted when its two halves, around the page break, make it.
 */
function brokenWords(pages: readonly string[]): string[] {
  // A hyphen typed between two words (`cost-effectiveness`) reads as nothing once a reader has
  // joined it at a line end: on both sides, a hyphen inside a word is not a word boundary.
  const prose = compounds(hyphenated.join('\n').replaceAll(SHY, ''));
  const bodies = pages.map(body);
  const text = compounds(bodies.join('\n'));
  const acrossPages = bodies
    .slice(1)
    .map(
      (next, i) => `${/\p{L}+(?=[-\u2010]?$)/u.exec(bodies[i] ?? '')?.[0] ?? ''}${/^\p{L}+/u.exec(next)?.[0] ?? ''}`,
    );
  const read = (w: string) => count(text, w) + acrossPages.filter((joined) => joined === w).length;
  const words = new Set(hyphenated.join('\n').match(/\p{L}+(?:\u00ad\p{L}+)+/gu) ?? []);
  return [...words]
    .map((w) => w.replaceAll(SHY, ''))
    .filter((w) => read(w) < count(prose, w))
    .map((w) => `${w}: ${count(prose, w)}× in the prose, ${read(w)}× read back`);
}

beforeAll(async () => {
  const outline = await readOutline(await openPdf(new Uint8Array(readFileSync(EN_PDF))));
  runningHeads = new Set(outline.filter((e) => e.depth <= 2).map((e) => squash(e.title)));
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

  it('break words at line ends in the English PDF, with a visible hyphen and no soft hyphen', () => {
    // pdftotext as is: the hyphen Chromium drew where the line broke, the rest of the word on
    // the next line; the soft hyphens where no line broke are gone (page-marks.ts).
    const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', EN_PDF, '-']);
    expect(raw).not.toContain(SHY);
    const breaks = raw.match(/\p{L}[-\u2010]\n\p{Ll}/gu);
    expect(breaks?.length ?? 0, 'words hyphenated at a line end').toBeGreaterThan(10);
  });

  it('leave every hyphenated word whole in the text pdftotext reads, line-end hyphens joined', async () => {
    const pages = await extractPageTexts(new Uint8Array(readFileSync(EN_PDF))).texts;
    expect(pages.join('')).not.toContain(SHY);
    const broken = brokenWords(pages.map(joinLineEndHyphens));
    expect(broken, `words read broken from the PDF:\n${listForMessage(broken)}`).toEqual([]);
    // The same text with nothing joined has the words broken at line ends.
    expect(brokenWords(pages).length).toBeGreaterThan(5);
  });

  it('leave every hyphenated word whole in the text pdf.js reads, line-end hyphens joined', async () => {
    const pages = await pageTexts(await openPdf(new Uint8Array(readFileSync(EN_PDF))));
    const broken = brokenWords(pages.map(joinLineEndHyphens));
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
