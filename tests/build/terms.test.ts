import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type OutlineEntry, openPdf, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { ROOT, TEST_DIST } from '../build-once.ts';
import { collapse, escapeRegExp, layoutPages, nonEmptyLines, PDF_PATH } from './read.ts';

/** 釋義 / DEFINITIONS and 技術詞彙表 / GLOSSARY OF TECHNICAL TERMS, read back from both PDFs. */

const EN_PDF = join(TEST_DIST, 'prospectus-en.pdf');

interface RegistryTerm {
  zh: string;
  en: string;
  list: 'definitions' | 'glossary';
  definition: { zh: string; en: string };
}
const registry = parse(readFileSync(join(ROOT, 'data/terms.yaml'), 'utf8')) as RegistryTerm[];

async function outlineOf(pdf: string): Promise<OutlineEntry[]> {
  return readOutline(await openPdf(new Uint8Array(readFileSync(pdf))));
}

/** Contents lines "title  n" of the contents pages (`from` to `to`), as pdftotext lays them out. */
function contentsEntries(pages: string[], from: number, to: number): Map<string, number> {
  const entries = new Map<string, number>();
  for (const line of pages.slice(from - 1, to).flatMap(nonEmptyLines)) {
    const m = /^(.*\S)\s+(\d+)$/u.exec(line);
    if (m) entries.set(m[1] ?? '', Number(m[2]));
  }
  return entries;
}

/** The text of the pages from one depth-1 bookmark to the next. */
function sectionText(pages: string[], outline: OutlineEntry[], title: string): string {
  const top = outline.filter((o) => o.depth === 1);
  const index = top.findIndex((o) => o.title === title);
  const start = top[index]?.page ?? 0;
  const end = (top[index + 1]?.page ?? pages.length + 1) - 1;
  return pages.slice(start - 1, end).join('\n');
}

const CONTENTS: Record<string, string> = { 釋義: '目錄', DEFINITIONS: 'CONTENTS' };

describe.each([
  { pdf: PDF_PATH, titles: ['釋義', '技術詞彙表', '行業概覽'] },
  { pdf: EN_PDF, titles: ['DEFINITIONS', 'GLOSSARY OF TECHNICAL TERMS', 'INDUSTRY OVERVIEW'] },
])('$titles.0 in $pdf', ({ pdf, titles }) => {
  const pages = layoutPages(pdf);

  it('lists the generated sections and the chapter in the contents with the folio of their first page', async () => {
    const outline = await outlineOf(pdf);
    // The cover, the expected timetable, then the contents.
    const contentsAt = outline.findIndex((o) => o.depth === 1 && o.title === CONTENTS[titles[0] ?? '']);
    const contentsPage = outline[contentsAt]?.page ?? 0;
    // Folio 1 is the first page after the contents (which may take several pages): the page the
    // first section after it (the summary, else 釋義) starts on.
    const first = outline.slice(contentsAt + 1).find((o) => o.depth === 1)?.page ?? 0;
    expect(first).toBeGreaterThan(contentsPage);
    const contents = contentsEntries(pages, contentsPage, first - 1);
    for (const title of titles) {
      const start = outline.find((o) => o.depth === 1 && o.title === title)?.page;
      expect(start, `bookmark ${title}`).toBeDefined();
      expect(contents.get(title), `contents entry ${title}`).toBe((start ?? 0) - first + 1);
      // The contents' folio is printed at the foot of the page where the section starts.
      expect(nonEmptyLines(pages[(start ?? 0) - 1] ?? '').at(-1)).toMatch(
        new RegExp(`^–\\s*${contents.get(title)}\\s*–$`, 'u'),
      );
    }
    // 釋義 and 技術詞彙表 one after the other, after the front sections and before the chapters.
    const keys = [...contents.keys()];
    expect(keys.slice(keys.indexOf(titles[0] ?? ''), keys.indexOf(titles[0] ?? '') + 2)).toEqual(titles.slice(0, 2));
    expect(keys.indexOf(titles[2] ?? '')).toBeGreaterThan(keys.indexOf(titles[1] ?? ''));
  });
});

describe('the printed definitions', () => {
  it('gives every Chinese entry as 「term」 指 definition', async () => {
    const pages = layoutPages(PDF_PATH);
    const outline = await outlineOf(PDF_PATH);
    for (const list of ['definitions', 'glossary'] as const) {
      const text = collapse(sectionText(pages, outline, list === 'definitions' ? '釋義' : '技術詞彙表'));
      for (const t of registry.filter((r) => r.list === list)) {
        // A long term (or one with its alias: 「組織章程細則」或「章程細則」) wraps in its column, so
        // the text reads the rest of it after the definition's first line: its characters in
        // order, and 指 with the definition's start soon after the term opens.
        const chars = (text: string) => [...text].map(escapeRegExp);
        const term = chars(t.zh).join('(?:\\s*|\\s[\\s\\S]{0,120}?\\s)');
        expect(text, t.zh).toMatch(new RegExp(`「\\s*${term}\\s*」`, 'u'));
        const start = chars(t.definition.zh.slice(0, 8)).join('\\s*');
        expect(text, t.zh).toMatch(new RegExp(`「\\s*${chars(t.zh)[0]}[^指]{0,40}?指\\s*${start}`, 'u'));
      }
    }
  });

  it('gives every English entry as “term” means definition', async () => {
    const pages = layoutPages(EN_PDF);
    const outline = await outlineOf(EN_PDF);
    for (const list of ['definitions', 'glossary'] as const) {
      const text = collapse(
        sectionText(pages, outline, list === 'definitions' ? 'DEFINITIONS' : 'GLOSSARY OF TECHNICAL TERMS'),
      );
      for (const t of registry.filter((r) => r.list === list)) {
        const start = t.definition.en.split(' ').slice(0, 3).join(' ');
        // A long term wraps in its column, so the text reads its last words after the definition's
        // first line (“Cayman Companies means the … Act”): its words in order, and "means" after its start.
        // A hyphenated word may break after its hyphen (“Deed of Non- … competition”).
        const words = t.en
          .split(' ')
          .map((word) => word.split('-').map(escapeRegExp).join('-(?:|\\s+|\\s[\\s\\S]{0,400}?\\s)'));
        expect(text, t.en).toMatch(new RegExp(`“${words.join('(?:\\s+|\\s[\\s\\S]{0,400}?\\s)')}”`, 'u'));
        expect(text, t.en).toMatch(new RegExp(`“${words[0]}[\\s\\S]{0,200}?\\bmeans\\s+${escapeRegExp(start)}`, 'u'));
      }
    }
  });

  it('orders English entries alphabetically, and the Chinese edition in the same English order', async () => {
    // Alphabetical by the English term: CIC, Directors, Hong Kong, … Stock Exchange, this document.
    const english = ['“CIC”', '“Directors”', '“Hong Kong”', '“SSE”', '“Stock Exchange”', '“this document”'];
    // The same entries in the Chinese edition: an order of its own (by strokes or pinyin) would differ.
    const chinese = ['「灼識諮詢」', '「董事」', '「香港」', '「上交所」', '「聯交所」', '「本文件」'];
    for (const [pdf, title, terms] of [
      [EN_PDF, 'DEFINITIONS', english],
      [PDF_PATH, '釋義', chinese],
    ] as const) {
      const text = collapse(sectionText(layoutPages(pdf), await outlineOf(pdf), title));
      const positions = terms.map((t) => text.indexOf(t));
      expect(
        positions.every((p) => p >= 0),
        `${title}: ${terms.join(' ')}`,
      ).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});
