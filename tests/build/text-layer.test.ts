import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST, TEST_EPOCH } from '../build-once.ts';
import { projectCopy } from '../sample-copy.ts';
import { INVISIBLE, joinLineEndHyphens, pageMarks, READERS } from './pdf-readers.ts';
import { decodeEntities, htmlToText, listForMessage } from './read.ts';

/**
 * The PDFs' text layer as users' tools read it (issue 26): poppler's pdftotext, pdf.js (browsers'
 * viewers) and MuPDF each give the source's words, with nothing but a visible hyphen where a line
 * broke a word, and no soft hyphen or zero-width character anywhere. The English edition is
 * hyphenated at build time (src/lib/markdown/hyphenate.ts); the readers here strip nothing.
 */

const PDF = { zh: join(TEST_DIST, 'prospectus.pdf'), en: join(TEST_DIST, 'prospectus-en.pdf') };
const CHAPTER_EN = join(TEST_DIST, 'en', 'chapters', 'industry-overview', 'index.html');
const SHY = '\u00ad';
const RUNNING_HEAD_EN = 'INDUSTRY OVERVIEW';

/** Lines every page carries: the draft warning, a running head (in capitals), the folio. */
const FURNITURE = [
  /^This Application Proof is in draft form\./u,
  /^This document must be read in conjunction with/u,
  /^[A-Z][A-Z ,.’'&()-]*$/u,
  /^–\s*(?:[IVX]+-)?\d+\s*–$/u,
];

/** The text of all pages without their furniture, so that a paragraph runs on across a page break. */
function body(pages: readonly string[]): string {
  return pages
    .map((page) =>
      page
        .split('\n')
        .filter((line) => !FURNITURE.some((f) => f.test(line.trim())))
        .join('\n'),
    )
    .join('\n');
}

/**
 * Text as words are compared: line-end hyphens joined, a hyphen inside a word dropped (a reader
 * that joins a line end cannot tell `cloud-` + `native` from `in-` + `formation`), white space
 * collapsed. A word still split by a space or an invisible character does not match.
 */
function words(text: string): string {
  return joinLineEndHyphens(text)
    .replace(/(\p{L})[-\u2010\u2011](?=\p{L})/gu, '$1')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}

const count = (text: string, word: string) => text.match(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'gu'))?.length ?? 0;

/**
 * Words of the chapter's prose that the build hyphenated and that no chart draws (a chart's
 * labels are in the PDF, not in the page's HTML): each must be counted as often in plain
 * pdftotext output as in the source.
 */
const COUNTED = ['information', 'industry', 'independent', 'market', 'development', 'infrastructure'];

/** The chapter page's main text as printed: a closed <details> (a chart's data table) is not. */
function printedMain(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/u.exec(html)?.[1] ?? html;
  return main.replace(/<details\b[\s\S]*?<\/details>/gu, ' ');
}

/**
 * Whether `text` holds the paragraph's words in order, whole, in at most three runs: a reader
 * may put a chart's labels or a page's furniture between the lines of a paragraph that a
 * figure or a page break interrupts, but never splits a word (each run is whole words).
 */
function readInOrder(text: string, paragraph: string, runs = 3): boolean {
  const padded = ` ${text} `;
  const words = paragraph.split(' ');
  let from = 0;
  let cursor = 0;
  for (let run = 0; run < runs && from < words.length; run++) {
    let to = from;
    let at = -1;
    let length = 0;
    // The longest run of the paragraph's next words found, whole, after the previous run.
    for (let end = from + 1; end <= words.length; end++) {
      const found = padded.indexOf(` ${words.slice(from, end).join(' ')} `, cursor);
      if (found < 0) break;
      to = end;
      at = found;
      length = words.slice(from, end).join(' ').length;
    }
    if (at < 0) return false;
    cursor = at + length;
    from = to;
  }
  return from === words.length;
}

let paragraphs: string[];
/** The chapter's text as the source has it, soft hyphens kept. */
let chapterText: string;
const read: Record<string, Record<keyof typeof PDF, string[]>> = {};

/** The chapter's paragraphs as printed, in words. */
function paragraphsOf(chapterHtml: string): string[] {
  return (
    [...printedMain(chapterHtml).matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gu)]
      // Inside a paragraph every element is inline: its tags take no room.
      .map((m) => words(decodeEntities((m[1] ?? '').replace(/<[^>]*>/gu, '')).replaceAll(SHY, '')))
      .filter((p) => p !== '')
  );
}

/** Each invisible character in the pages, with a little text around it. */
function invisibles(pages: readonly string[]): string[] {
  return pages.flatMap((page, i) => {
    const m = page.match(new RegExp(`.{0,12}${INVISIBLE.source}.{0,12}`, 'gu')) ?? [];
    return m.map((s) => `page ${i + 1}: ${JSON.stringify(s)}`);
  });
}

beforeAll(async () => {
  const html = readFileSync(CHAPTER_EN, 'utf8');
  paragraphs = paragraphsOf(html);
  chapterText = htmlToText(printedMain(html));
  for (const [name, reader] of Object.entries(READERS)) {
    read[name] = { zh: await reader(PDF.zh), en: await reader(PDF.en) };
  }
});

describe('the PDF text layer, read by poppler, pdf.js and MuPDF', () => {
  it('holds no soft hyphen or zero-width character in either PDF', () => {
    for (const [name, editions] of Object.entries(read)) {
      for (const [lang, pages] of Object.entries(editions)) {
        const found = invisibles(pages);
        expect(found, `${name}, ${lang}: invisible characters\n${listForMessage(found, 10)}`).toEqual([]);
      }
    }
  });

  it("gives every paragraph of the English industry overview in the source's words", () => {
    expect(paragraphs.length).toBeGreaterThan(20);
    for (const [name, editions] of Object.entries(read)) {
      const text = words(body(editions.en));
      const missing = paragraphs.filter((p) => !readInOrder(text, p));
      expect(missing, `${name}: paragraphs not read as written\n${listForMessage(missing, 8)}`).toEqual([]);
    }
  });

  it('counts words of the chapter in plain pdftotext output as often as the source has them', () => {
    const pages = (read['poppler']?.en ?? []).filter((page) => page.split('\n').slice(0, 4).includes(RUNNING_HEAD_EN));
    expect(pages.length).toBeGreaterThan(5);
    // pdftotext as a user runs it: nothing joined; only the furniture lines (not the chapter's) go.
    const text = body(pages);
    const source = chapterText.replaceAll(SHY, '');
    for (const word of COUNTED) {
      // Each is one the build hyphenated somewhere, so a soft hyphen left in the PDF would show.
      const spelled = new RegExp(`(?<!\\p{L})${[...word].join('\u00ad?')}(?!\\p{L})`, 'gu');
      expect(
        chapterText.match(spelled)?.some((w) => w.includes(SHY)),
        `${word} hyphenated in the source`,
      ).toBe(true);
      expect({ word, count: count(text, word) }).toEqual({ word, count: count(source, word) });
    }
  });
});

describe('the English PDF printed by units (PROSPECTUS_PRINT=units), read the same way', () => {
  let dir: string;
  let pdf: string;
  beforeAll(() => {
    dir = projectCopy();
    const built = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--lang', 'en'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, PROSPECTUS_PRINT: 'units' },
    });
    expect(built.status, built.stderr).toBe(0);
    pdf = join(dir, 'dist', 'prospectus-en.pdf');
  }, 240_000);

  it('has the same text layer: no invisible character, every paragraph in its source words', async () => {
    const expected = paragraphsOf(
      readFileSync(join(dir, 'dist', 'en', 'chapters', 'industry-overview', 'index.html'), 'utf8'),
    );
    expect(expected.length).toBeGreaterThan(20);
    for (const [name, reader] of Object.entries(READERS)) {
      const pages = await reader(pdf);
      expect(invisibles(pages), `${name}: invisible characters`).toEqual([]);
      const text = words(body(pages));
      expect(
        expected.filter((p) => !readInOrder(text, p)),
        `${name}: paragraphs not read as written`,
      ).toEqual([]);
    }
  });

  it('draws nothing outside marked content, its furniture inside /Artifact', async () => {
    const marks = await pageMarks(pdf);
    expect(marks.flatMap((m) => [...m.unmarked, ...m.unmarkedOps])).toEqual([]);
    expect(marks.every((m) => m.artifact.some((t) => t.startsWith('This Application Proof is in draft form.')))).toBe(
      true,
    );
  });
});
