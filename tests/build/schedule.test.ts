import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf, pageTexts, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import { TEST_DIST } from '../build-once.ts';
import { projectCopy } from '../sample-copy.ts';
import { decodeEntities, listForMessage, PDF_PATH, squash } from './read.ts';

const EN_PDF_PATH = join(TEST_DIST, 'prospectus-en.pdf');
const DATA = join(import.meta.dirname, '../../data');

/** Text compared across line and page breaks: no whitespace, and no hyphens, which the line
 * breaker adds (soft hyphens) and pdf text readers drop when they rejoin a broken word. */
const fold = (text: string) => squash(text).replace(/[\u00AD\u2010\u2011-]/gu, '');

/** Each bound figure of a built document page, in order: its id and the text it shows. */
function boundInHtml(file: string): { ref: string; text: string }[] {
  const html = readFileSync(file, 'utf8');
  const articles = html.slice(html.indexOf('<article'), html.lastIndexOf('</article>'));
  return [...articles.matchAll(/<(\w+)\b[^>]*\bdata-ref="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/gu)].map((m) => ({
    ref: m[2] ?? '',
    text: decodeEntities((m[3] ?? '').replace(/<[^>]*>/gu, '')).trim(),
  }));
}

/**
 * Whether a figure id names a claim, fact, series or table row that data/ holds — read as the
 * build reads it, so the figures data/offer.yaml generates count too.
 */
function inData(ref: string): boolean {
  try {
    return resolver.figure(ref) !== undefined;
  } catch {
    return false;
  }
}
const resolver = (() => {
  const { registry } = loadRegistry(join(DATA, '..'));
  if (!registry) throw new Error('the sample data does not load');
  return new Resolver(registry);
})();

/**
 * The physical page of a folio: `12` counts from the first page after the contents; an appendix's
 * `II-1` is the page that prints that folio (– II-1 –).
 */
function physicalPage(folio: string, texts: readonly string[], offset: number): number | undefined {
  if (/^\d+$/u.test(folio)) return Number(folio) + offset;
  if (!/^[IVXLC]+-\d+$/u.test(folio)) return undefined;
  const mark = `– ${folio} –`;
  const index = texts.findIndex((t) => t.includes(squash(mark)) || t.includes(fold(mark)));
  return index === -1 ? undefined : index + 1;
}

/**
 * Whether physical page `physical` (texts squashed) prints `needle`: whole, or as the end of a
 * figure a page break splits — its start closing the page before (before that page's folio, if
 * the reader puts it last), its rest on this page (人民幣 | 22,480千元).
 */
function prints(texts: readonly string[], physical: number | undefined, printed: string): boolean {
  if (physical === undefined) return false;
  // Whatever its capitals: a table whose heading names it is found by the heading, which an
  // English chapter sets in capitals.
  const needle = printed.toLowerCase();
  const here = (texts[physical - 1] ?? '').toLowerCase();
  if (here.includes(needle)) return true;
  const before = (texts[physical - 2] ?? '').replace(/–(?:[IVX]*-?\d+|[ivx]+)–$/u, '').toLowerCase();
  for (let k = 1; k < needle.length; k++)
    if (before.endsWith(needle.slice(0, k)) && here.includes(needle.slice(k))) return true;
  return false;
}

/**
 * PDF page texts (pdf.js) and the physical page before folio 1: folio 1 is the first page after
 * the contents (the first depth-1 bookmark after the contents'), the cover and contents do not count.
 */
async function readEdition(path: string, contentsTitle: string): Promise<{ texts: string[]; offset: number }> {
  const doc = await openPdf(new Uint8Array(readFileSync(path)));
  const texts = (await pageTexts(doc)).map(fold);
  const outline = await readOutline(doc);
  const contents = outline.findIndex((e) => e.depth === 1 && e.title === contentsTitle);
  expect(contents, `bookmark of ${contentsTitle} in ${path}`).toBeGreaterThanOrEqual(0);
  const first = outline.slice(contents + 1).find((e) => e.depth === 1);
  expect(first, `bookmark of the first section after the contents in ${path}`).toBeDefined();
  return { texts, offset: (first?.page ?? 1) - 1 };
}

// The build places figures with the page text pdftotext reads; this reads the PDF with another
// reader (pdf.js) and checks each placement against what that page actually prints.
describe('verification schedule', () => {
  it('gives each figure the folio of the PDF page that prints it', async () => {
    const doc = await openPdf(new Uint8Array(readFileSync(PDF_PATH)));
    const texts = (await pageTexts(doc)).map(squash);
    const outline = await readOutline(doc);
    const [header = [], ...rows] = parseCsv(readFileSync(join(TEST_DIST, 'verification.csv'), 'utf8').slice(1));
    const column = (name: string) => header.indexOf(name);
    const [location, text, folio] = ['位置', '顯示文字', 'PDF頁碼'].map(column);
    const records = rows.filter((r) => r.length === header.length);
    expect(records.length).toBeGreaterThan(100);
    // Folio 1 is the first page after the contents (釋義; the cover and contents do not count).
    const contents = outline.findIndex((e) => e.depth === 1 && e.title === '目錄');
    const firstSection = outline.slice(contents + 1).find((e) => e.depth === 1);
    expect(contents, 'bookmark of the contents').toBeGreaterThanOrEqual(0);
    expect(firstSection, 'bookmark of the first section after the contents').toBeDefined();
    const offset = (firstSection?.page ?? 1) - 1;
    const wrong: string[] = [];
    for (const r of records) {
      const where = r[location ?? 0] ?? '';
      // A figure in a chart or table is placed by its title; one in prose by its own text.
      const needle = squash(/^[圖表]：/u.test(where) ? where.slice(2) : (r[text ?? 0] ?? ''));
      const physical = physicalPage(r[folio ?? 0] ?? '', texts, offset) ?? 0;
      if (!prints(texts, physical, needle)) wrong.push(`${needle} not on folio ${r[folio ?? 0]}`);
    }
    expect(wrong, listForMessage(wrong)).toEqual([]);
    // The figures run over several pages, so an answer of one page for all would not pass.
    expect(new Set(records.map((r) => r[folio ?? 0])).size).toBeGreaterThan(3);
  });
});

describe('bilingual verification CSV', () => {
  it('lists every bound figure once, with both renderings on the pages of both PDFs that print them', async () => {
    const [header = [], ...records] = parseCsv(readFileSync(join(TEST_DIST, 'verification.csv'), 'utf8').slice(1));
    const rows = records.filter((r) => r.length === header.length);
    const cell = (r: string[], name: string) => r[header.indexOf(name)] ?? '';
    const zh = boundInHtml(join(TEST_DIST, 'document', 'index.html'));
    const en = boundInHtml(join(TEST_DIST, 'en', 'document', 'index.html'));
    // Every figure once: as many rows as each edition binds figures, the same ids in each.
    expect(zh.length).toBeGreaterThan(100);
    expect(rows.map((r) => cell(r, '數據編號')).sort()).toEqual(zh.map((f) => f.ref).sort());
    expect(rows.map((r) => cell(r, '數據編號')).sort()).toEqual(en.map((f) => f.ref).sort());
    const unknown = rows.map((r) => cell(r, '數據編號')).filter((ref) => !inData(ref));
    expect(unknown, 'ids not in data/').toEqual([]);
    // Each row shows what each edition prints for that id, occurrence by occurrence.
    const occurrences = (figures: { ref: string; text: string }[], ref: string) =>
      figures.filter((f) => f.ref === ref).map((f) => f.text);
    for (const ref of new Set(rows.map((r) => cell(r, '數據編號')))) {
      const mine = rows.filter((r) => cell(r, '數據編號') === ref);
      expect(
        mine.map((r) => cell(r, '顯示文字')),
        ref,
      ).toEqual(occurrences(zh, ref));
      expect(
        mine.map((r) => cell(r, '英文版顯示文字').replace(/\u00AD/gu, '')),
        ref,
      ).toEqual(occurrences(en, ref).map((t) => t.replace(/\u00AD/gu, '')));
    }
    // Both page numbers, each on the page of its own PDF that prints the figure (or the title of
    // the chart or table it sits in).
    const editions = [
      {
        pdf: await readEdition(PDF_PATH, '目錄'),
        page: 'PDF頁碼',
        where: '位置',
        text: '顯示文字',
        figure: /^[圖表]：/u,
      },
      {
        pdf: await readEdition(EN_PDF_PATH, 'CONTENTS'),
        page: '英文版PDF頁碼',
        where: '英文版位置',
        text: '英文版顯示文字',
        figure: /^(Chart|Table): /u,
      },
    ];
    const wrong: string[] = [];
    for (const e of editions) {
      for (const r of rows) {
        const where = cell(r, e.where);
        const needle = fold(e.figure.test(where) ? where.replace(e.figure, '') : cell(r, e.text));
        const folio = cell(r, e.page);
        const physical = physicalPage(folio, e.pdf.texts, e.pdf.offset);
        if (!prints(e.pdf.texts, physical, needle)) wrong.push(`${e.page}: ${needle} not on folio ${folio}`);
      }
    }
    expect(wrong, listForMessage(wrong)).toEqual([]);
    expect(new Set(rows.map((r) => cell(r, '英文版PDF頁碼'))).size).toBeGreaterThan(3);
    expect(new Set(rows.map((r) => cell(r, '版本')))).toEqual(new Set(['中英文版']));
  });
});

describe('a figure in one edition only', () => {
  it('is listed once, with no English rendering or page, and counted on the page', () => {
    const dir = projectCopy();
    // A chapter that exists in Chinese only, on purpose: the parity check lets it stand.
    writeFileSync(
      join(dir, 'content/chapters/business.mdx'),
      '---\ntitle: 業務\norder: 2\nsingleEdition: true\n---\n\n## 概覽\n\n報告費用為<Val of="facts.report-fee" />。\n',
    );
    const build = spawnSync(process.execPath, [join(dir, 'scripts/build.ts')], { cwd: dir, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const [header = [], ...records] = parseCsv(readFileSync(join(dir, 'dist', 'verification.csv'), 'utf8').slice(1));
    const cell = (r: string[], name: string) => r[header.indexOf(name)] ?? '';
    const single = records.filter((r) => cell(r, '版本') !== '中英文版');
    expect(
      single.map((r) => [cell(r, '章節'), cell(r, '數據編號'), cell(r, '英文版顯示文字'), cell(r, '英文版PDF頁碼')]),
    ).toEqual([['業務', 'facts.report-fee', '', '']]);
    expect(cell(single[0] ?? [], '版本')).toBe('只見於中文版');
    expect(cell(single[0] ?? [], 'PDF頁碼')).toMatch(/^\d+$/u);
    const page = readFileSync(join(dir, 'dist', 'verification', 'index.html'), 'utf8');
    expect(page).toContain('；1 項只見於一個版本');
    expect(page.match(/<tr [^>]*data-editions="zh"/gu)).toHaveLength(1);
  }, 300_000);
});
