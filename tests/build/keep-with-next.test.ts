import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinSoftHyphens } from '../../scripts/lib/print/pdf-text.ts';
import { TEST_DIST } from '../build-once.ts';
import { figureTitles, htmlHeadings, htmlToText, listForMessage, run, squash } from './read.ts';

/**
 * A heading (and a figure's title) keeps with what follows it in print: no page of the built
 * sample ends with one, and none ends with a heading and the one paragraph that leads into the
 * figure below it (the Summary's 發售統計數據 and its 「…計算：」 once stood at a page foot with
 * their table on the next page).
 */
const EDITIONS = [
  { name: 'Chinese', html: join(TEST_DIST, 'document', 'index.html'), pdf: join(TEST_DIST, 'prospectus.pdf') },
  { name: 'English', html: join(TEST_DIST, 'en', 'document', 'index.html'), pdf: join(TEST_DIST, 'prospectus-en.pdf') },
];

/** The folio at a page's foot (– 12 –, – ii –): furniture, not text. */
const FOLIO = /^[–-]\s*[0-9ivxlc]+\s*[–-]$/iu;

/** Each page's lines in reading order, the folio left off. */
function pageLines(pdf: string): string[][] {
  const pages = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).split('\f');
  if ((pages.at(-1) ?? '').trim() === '') pages.pop();
  return pages.map((page) => {
    const lines = joinSoftHyphens(page)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (FOLIO.test(lines.at(-1) ?? '')) lines.pop();
    return lines;
  });
}

/** Text as compared with the PDF's: no whitespace, no soft hyphens (break points, not letters). */
const flat = (text: string) => squash(text).replaceAll('\u00ad', '');

/** The chapters' part of the document page: the cover and contents list headings' words too. */
function chaptersHtml(html: string): string {
  return html.slice(html.search(/<article\b[^>]*\bprint-chapter\b/u));
}

/** Headings followed by one paragraph that leads into a figure: `[heading, paragraph]`, as text. */
function leadIns(html: string): string[] {
  return [
    ...html.matchAll(
      /<h([2-4])\b[^>]*>((?:(?!<\/h\1>)[\s\S])*)<\/h\1>\s*<p\b[^>]*>((?:(?!<\/p>)[\s\S])*)<\/p>\s*<figure\b/giu,
    ),
  ].map((m) => flat(htmlToText(`${m[2]}${m[3]}`)));
}

describe.each(EDITIONS)('the $name edition in print', ({ html: htmlFile, pdf }) => {
  const html = chaptersHtml(readFileSync(htmlFile, 'utf8'));
  // A heading of withheld wording alone reads as the marker, which a withheld section's page
  // ends with by design: it cannot be told apart, so it is not looked for.
  const headings = new Set(
    [...htmlHeadings(html).map((h) => h.text), ...figureTitles(html)]
      .map(flat)
      .filter((t) => t !== '' && !/^\[(編纂|REDACTED)\]$/u.test(t)),
  );
  const pages = pageLines(pdf);

  it('reads the headings and pages it checks', () => {
    expect(headings.size).toBeGreaterThan(100);
    expect(pages.length).toBeGreaterThan(100);
  });

  it('ends no page with a heading or a figure title', () => {
    const stranded = pages.flatMap((lines, i) => {
      // A heading may wrap: its last one to three lines, joined, are the whole heading.
      const tail = [1, 2, 3].map((k) => squash(lines.slice(-k).join(''))).find((t) => headings.has(t));
      return tail ? [`page ${i + 1}: ${tail}`] : [];
    });
    expect(stranded, listForMessage(stranded)).toEqual([]);
  });

  it('ends no page with a heading and the paragraph that leads into its figure', () => {
    const pairs = new Set(leadIns(html));
    expect(pairs.size).toBeGreaterThan(0);
    const stranded = pages.flatMap((lines, i) => {
      const tail = [2, 3, 4, 5, 6].map((k) => squash(lines.slice(-k).join(''))).find((t) => pairs.has(t));
      return tail ? [`page ${i + 1}: ${tail}`] : [];
    });
    expect(stranded, listForMessage(stranded)).toEqual([]);
  });
});
