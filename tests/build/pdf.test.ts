import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type OutlineEntry, openPdf, pageTexts, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { APPENDICES_BOOKMARK, appendixLabel } from '../../src/lib/document/appendix.ts';
import { frontFolio } from '../../src/lib/document/front.ts';
import { isDraft } from '../../src/lib/document/stage.ts';
import type { Locale } from '../../src/lib/i18n/locale.ts';
import { DocumentSchema } from '../../src/lib/schema/document.ts';
import { ROOT, TEST_DIST } from '../build-once.ts';
import {
  DOCUMENT_HTML,
  figureTitles,
  htmlHeadings,
  layoutPages,
  listForMessage,
  nonEmptyLines,
  PDF_PATH,
  run,
  SOURCE_PREFIX,
  squash,
  WARNING_PREFIX,
} from './read.ts';

/**
 * The printed PDFs read like a reviewer would: page furniture, contents, bookmarks, metadata,
 * fonts. Each edition's PDF is held to the same rules; only the words differ.
 */

interface Edition {
  name: string;
  locale: Locale;
  pdf: string;
  /** The whole-document page the PDF is printed from. */
  documentHtml: string;
  chaptersDir: string;
  lang: string;
  contentsTitle: string;
  /** The front section printed before the contents. */
  timetableTitle: string;
  /** The marker of withheld wording in a publication copy. */
  marker: string;
  chapterTitle: string;
  warningPrefix: string;
  /** Lines the draft warning takes at the top of a page, before the running head. */
  warningLines: number;
  /** The generated sections printed between the front sections and the chapters: 釋義 and 技術詞彙表. */
  generated: string[];
  /** The page of the seed chapter alone (行業概覽), whose figures the figure tests read. */
  chapterHtml: string;
  sourcePrefix: string;
  /** The name each embedded font must have: the edition's own faces, Regular or Bold. */
  fontName: RegExp;
  /** Picks the chart titles among the figure titles. */
  chartTitle: RegExp;
  /** A chart's Alt text: its unit, and its first year with the total. */
  altUnit: RegExp;
  altFirstYear: RegExp;
  placeholderAlt: string;
  /** The figures other than charts: two tables and the placeholder. */
  otherFigures: string[];
  currency: string;
}

const EDITIONS: Edition[] = [
  {
    name: 'prospectus.pdf',
    locale: 'zh',
    pdf: PDF_PATH,
    documentHtml: DOCUMENT_HTML,
    chaptersDir: 'content/chapters',
    lang: 'zh-Hant-HK',
    contentsTitle: '目錄',
    timetableTitle: '預期時間表',
    marker: '[編纂]',
    chapterTitle: '行業概覽',
    warningPrefix: WARNING_PREFIX,
    warningLines: 1,
    generated: ['釋義', '技術詞彙表'],
    chapterHtml: join(TEST_DIST, 'chapters', 'industry-overview', 'index.html'),
    sourcePrefix: SOURCE_PREFIX,
    // Named by the weight it is: fontsource's files call the 400 weight "ExtraLight" (see woff2-names.ts).
    fontName: /^[A-Z]{6}\+Noto(Serif|Sans)TC-(Regular|Bold)$/u,
    chartTitle: /^按.*的市場規模\(2018年至2027年\(預計\)\)$/u,
    altUnit: /單位：/u,
    altFirstYear: /2018年合計[\d,.]+/u,
    placeholderAlt: '待補',
    otherFigures: [
      '2022年按收入計算的中國邊緣雲服務供應商比較分析',
      '2022年中國獨立邊緣雲服務供應商收入比較分析',
      '不同類型邊緣雲服務供應商的比較',
    ],
    currency: '人民幣',
  },
  {
    name: 'prospectus-en.pdf',
    locale: 'en',
    pdf: join(TEST_DIST, 'prospectus-en.pdf'),
    documentHtml: join(TEST_DIST, 'en', 'document', 'index.html'),
    chaptersDir: 'content/en/chapters',
    lang: 'en',
    contentsTitle: 'CONTENTS',
    timetableTitle: 'EXPECTED TIMETABLE',
    marker: '[REDACTED]',
    chapterTitle: 'INDUSTRY OVERVIEW',
    warningPrefix: 'This Application Proof is in draft form.',
    warningLines: 2,
    generated: ['DEFINITIONS', 'GLOSSARY OF TECHNICAL TERMS'],
    chapterHtml: join(TEST_DIST, 'en', 'chapters', 'industry-overview', 'index.html'),
    sourcePrefix: 'Source',
    // The Latin faces only: an English print needs no Chinese font. Its h4 headings are italic.
    fontName: /^[A-Z]{6}\+Noto(Serif|Sans)-(Regular|Bold|Italic)$/u,
    chartTitle: /^Marketsizeof.*2018–2027E$/u,
    altUnit: /Unit: RMB billion/u,
    altFirstYear: /2018: total [\d,.]+/u,
    placeholderAlt: 'to be supplied',
    otherFigures: [
      'Comparative analysis of edge cloud service providers in China by revenue, 2022',
      'Comparative analysis of independent edge cloud service providers in China by revenue, 2022',
      'Comparison of different types of edge cloud service providers',
    ],
    currency: 'RMB',
  },
];

/** `– n –` (or `– I-n –` in an appendix) with en dashes, as pdf.js extracts it (one text line). */
const FOLIO_LINE = /^– ((?:[IVX]+-)?\d+) –$/u;
/** Folio as pdftotext -layout prints it (it may squeeze the spaces). */
const FOLIO_LAYOUT = /^–\s*((?:[IVX]+-)?\d+)\s*–$/u;
const ANY_FOLIO = /–\s*\d+\s*–/u;

const A4 = { width: 595, height: 842 };

/** Whether the built stage (the document's, or PROSPECTUS_STAGE as the test build saw it) is a draft. */
const DRAFT = isDraft(DocumentSchema.parse(parse(readFileSync(join(ROOT, 'content', 'document.yaml'), 'utf8'))));

/** Appendix numerals to recognise in bookmark titles, longest first (III before II before I). */
const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'].sort(
  (a, b) => b.length - a.length,
);

/** A section that has its own running head: a chapter (or 釋義 …), or an appendix with its numeral. */
interface HeadSection {
  title: string;
  page: number;
  numeral: string | undefined;
}

function page(list: readonly string[], physical: number): string {
  const text = list[physical - 1];
  if (text === undefined) throw new Error(`no page ${physical} (PDF has ${list.length})`);
  return text;
}

interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** `pdffonts` rows (one per font object), for the whole file or the pages that `args` select. */
function pdfFonts(file: string, args: readonly string[] = []): PdfFont[] {
  const out = run('pdffonts', [...args, file]).split('\n');
  // Column widths come from the dashed rule under the header; the type column contains spaces.
  const ruleIndex = out.findIndex((line) => /^-+( -+)+$/u.test(line));
  const rule = out[ruleIndex];
  if (rule === undefined) throw new Error(`no header rule in pdffonts output:\n${out.join('\n')}`);
  const spans: [number, number][] = [];
  for (const m of rule.matchAll(/-+/gu)) spans.push([m.index, m.index + m[0].length]);
  return out
    .slice(ruleIndex + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => spans.map(([a, b]) => line.slice(a, b + 1).trim()))
    .map(([name = '', type = '', , emb, sub]) => ({ name, type, embedded: emb === 'yes', subset: sub === 'yes' }));
}

interface ChapterFront {
  title: string;
  order: number;
  front: string | undefined;
  appendix: string | undefined;
}

/**
 * The depth-1 sections after the contents, in print order, read from the chapters' frontmatter
 * (order from the Chinese files, titles from the edition's): the front sections printed before
 * 釋義, the generated 釋義 and 技術詞彙表, the main chapters by `order`, then the one bookmark that
 * holds the appendices.
 */
function expectedSections(edition: Edition): string[] {
  const zhDir = join(ROOT, 'content', 'chapters');
  const frontOf = (path: string): Record<string, unknown> =>
    parse(/^---\n([\s\S]*?)\n---/u.exec(readFileSync(path, 'utf8'))?.[1] ?? '') as Record<string, unknown>;
  const chapters: ChapterFront[] = readdirSync(zhDir)
    .filter((file) => file.endsWith('.mdx') && existsSync(join(ROOT, edition.chaptersDir, file)))
    .map((file) => {
      const zh = frontOf(join(zhDir, file));
      const own = frontOf(join(ROOT, edition.chaptersDir, file));
      return {
        title: String(own['title']).replace(/\{[a-z0-9-]+\}/gu, edition.marker),
        order: Number(zh['order']),
        front: zh['front'] as string | undefined,
        appendix: zh['appendix'] as string | undefined,
      };
    });
  const byOrder = (list: ChapterFront[]) => [...list].sort((a, b) => a.order - b.order).map((c) => c.title);
  const appendices = chapters.some((c) => c.appendix !== undefined) ? [APPENDICES_BOOKMARK[edition.locale]] : [];
  return [
    ...byOrder(chapters.filter((c) => c.front === 'before-definitions')),
    ...edition.generated,
    ...byOrder(chapters.filter((c) => c.front === undefined && c.appendix === undefined)),
    ...appendices,
  ];
}

/** A contents line's folio: `12`, or `I-3` in an appendix. */
const CONTENTS_FOLIO = /^(?:(.*\S)\s+)?((?:[IVX]+-)?\d+)$/u;

/**
 * The contents entries as printed, read across every contents page: each page's lines after its
 * Roman folio (the draft warning and the folio come first in reading order), from the line after
 * the expected timetable's (listed with a Roman folio). A title too long for one line continues
 * on the next lines (even the next page) up to the line that ends with its folio.
 */
function printedContents(
  pages: readonly string[],
  timetableTitle: string,
  joiner: string,
): { title: string; printed: string }[] {
  const lines = pages.flatMap((text) => {
    const all = nonEmptyLines(text);
    return all.slice(all.findIndex((line) => /^– [ivx]+ –$/u.test(line)) + 1);
  });
  const entries: { title: string; printed: string }[] = [];
  let pending: string[] = [];
  for (const line of lines.slice(lines.findIndex((line) => line.startsWith(timetableTitle)) + 1)) {
    const m = CONTENTS_FOLIO.exec(line);
    if (!m) {
      pending.push(line);
      continue;
    }
    entries.push({ title: [...pending, m[1] ?? ''].filter((t) => t !== '').join(joiner), printed: m[2] ?? '' });
    pending = [];
  }
  if (pending.length > 0) entries.push({ title: pending.join(joiner), printed: '' });
  return entries;
}

describe.each(EDITIONS)('$name', (edition) => {
  const { pdf: PDF, contentsTitle: CONTENTS_TITLE, chapterTitle: CHAPTER_TITLE } = edition;
  let bytes: Uint8Array;
  let numPages: number;
  let outline: OutlineEntry[];
  /** pdf.js text per page (index 0 = page 1). */
  let texts: string[];
  /** pdftotext -layout text per page (index 0 = page 1). */
  let layout: string[];
  /** Physical page (1-based) of the first page after the contents (釋義): folio 1. */
  let firstFolioPage: number;
  /** Physical page of the contents: after the cover and the expected timetable. */
  let contentsPage: number;
  /** Physical page (1-based) of the chapter's first page. */
  let firstChapterPage: number;
  /** Depth-1 bookmarks after the contents: each section's title and first page. */
  let sections: OutlineEntry[];
  /** The sections with a running head of their own, in print order: the appendices in their group. */
  let headSections: HeadSection[];
  /** Point size of the body text on the chapter's first page: the size most of its characters have. */
  let bodySize: number;

  const folioOf = (physical: number) => physical - firstFolioPage + 1;
  /** The section whose running head a page carries: the last one starting on or before it. */
  const sectionOf = (physical: number) => headSections.filter((s) => s.page <= physical).at(-1);
  /** The folio a page prints: `n` in the main part, `I-n` in an appendix. */
  const printedFolio = (physical: number) => {
    const section = sectionOf(physical);
    return section?.numeral ? `${section.numeral}-${physical - section.page + 1}` : String(folioOf(physical));
  };
  /** Physical pages of the contents: from its first page to the page before the first section. */
  const contentsPages = () => Array.from({ length: firstFolioPage - contentsPage }, (_, i) => contentsPage + i);
  /**
   * The bookmarks the contents lists after the timetable, in order: the front sections before
   * 釋義 (概要) by their title alone, then each chapter and its h2 sections (depth 1–2), and in
   * the appendices bookmark (which the contents does not list itself) each appendix and its
   * sections (depth 2–3).
   */
  const listedInContents = () => {
    const out: OutlineEntry[] = [];
    let inGroup = false;
    let front = true;
    for (const entry of outline.slice(outline.findIndex((e) => e.title === CONTENTS_TITLE) + 1)) {
      if (entry.depth === 1) {
        inGroup = entry.title === APPENDICES_BOOKMARK[edition.locale];
        if (entry.title === edition.generated[0]) front = false;
      }
      const listed = inGroup ? entry.depth === 2 || entry.depth === 3 : entry.depth <= (front ? 1 : 2);
      if (listed) out.push(entry);
    }
    return out;
  };

  beforeAll(async () => {
    bytes = new Uint8Array(readFileSync(PDF));
    const doc = await openPdf(bytes);
    numPages = doc.numPages;
    outline = await readOutline(doc);
    texts = await pageTexts(doc);
    layout = layoutPages(PDF);
    const chapter = outline.find((entry) => entry.depth === 1 && entry.title === CHAPTER_TITLE);
    if (!chapter) throw new Error(`no depth-1 bookmark "${CHAPTER_TITLE}" in ${JSON.stringify(outline)}`);
    firstChapterPage = chapter.page;
    // The sections after the contents; the expected timetable prints before it.
    const contentsAt = outline.findIndex((entry) => entry.title === CONTENTS_TITLE);
    contentsPage = outline[contentsAt]?.page ?? 0;
    sections = outline.slice(contentsAt + 1).filter((entry) => entry.depth === 1);
    firstFolioPage = sections[0]?.page ?? 0;
    // The appendices are bookmarked under one entry; each has its own running head and folios.
    const group = APPENDICES_BOOKMARK[edition.locale];
    headSections = [];
    let inGroup = false;
    for (const entry of outline.filter((e) => e.title !== CONTENTS_TITLE && e.depth <= 2)) {
      if (entry.depth === 1) inGroup = entry.title === group;
      if (entry.depth === 1 && !inGroup)
        headSections.push({ title: entry.title, page: entry.page, numeral: undefined });
      if (entry.depth === 2 && inGroup) {
        const numeral = NUMERALS.find((n) =>
          new RegExp(`^${appendixLabel(n, edition.locale)}\\s`, 'u').test(entry.title),
        );
        if (!numeral) throw new Error(`appendix bookmark without an appendix label: ${entry.title}`);
        headSections.push({ title: entry.title, page: entry.page, numeral });
      }
    }
    const content = await (await doc.getPage(firstChapterPage)).getTextContent();
    const chars = new Map<number, number>();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , c = 0, d = 0] = item.transform as number[];
      const size = Math.round(Math.hypot(c, d) * 10) / 10;
      chars.set(size, (chars.get(size) ?? 0) + item.str.length);
    }
    bodySize = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  });

  it('is A4 throughout, with a sane page count that every reader agrees on', () => {
    const info = run('pdfinfo', [PDF]);
    const pages = Number(/^Pages:\s+(\d+)$/mu.exec(info)?.[1]);
    expect(pages).toBe(numPages);
    expect(layout).toHaveLength(numPages);
    expect(numPages).toBeGreaterThanOrEqual(3);
    // The sample prospectus prints about 150 pages in Chinese and 200 in English: a page per
    // paragraph, or blank pages from a box too tall to break, would run far past this.
    expect(numPages).toBeLessThanOrEqual(400);

    const sizes = run('pdfinfo', ['-f', '1', '-l', String(numPages), PDF]);
    const wrong: string[] = [];
    let seen = 0;
    for (const m of sizes.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gmu)) {
      seen++;
      const [w, h] = [Number(m[2]), Number(m[3])];
      if (Math.abs(w - A4.width) > 1 || Math.abs(h - A4.height) > 1) wrong.push(`page ${m[1]}: ${w} x ${h} pt`);
    }
    expect(seen).toBe(numPages);
    expect(wrong, `pages not A4 (595 x 842 pt ± 1):\n${listForMessage(wrong)}`).toEqual([]);
  });

  it('opens with the cover, then the expected timetable, the contents, the definitions, the glossary and the chapters, each on a new page', () => {
    expect(outline[0], 'first bookmark').toMatchObject({ title: edition.timetableTitle, depth: 1, page: 2 });
    expect(outline[1], 'second bookmark').toMatchObject({ title: CONTENTS_TITLE, depth: 1, page: 3 });
    expect(contentsPage).toBe(3);
    expect(sections.map((s) => s.title)).toEqual(expectedSections(edition));
    // The contents takes as many pages as its entries need; the first section follows it.
    expect(firstFolioPage, 'physical page of the first section after the contents').toBeGreaterThan(contentsPage);
    const starts = sections.map((s) => s.page);
    expect(starts, 'each section starts on a later page than the one before').toEqual(
      [...new Set(starts)].sort((a, b) => a - b),
    );
    expect(firstChapterPage).toBeGreaterThan(firstFolioPage);
    expect(nonEmptyLines(page(texts, contentsPage))).toContain(CONTENTS_TITLE);
    expect(squash(page(texts, 1))).not.toContain(squash(CONTENTS_TITLE));
  });

  it('prints contents page numbers equal to the folio of the page where each entry starts', () => {
    // Contents lines read "title  n" (or "title  I-n" for an appendix); the leader dots are drawn, not text.
    const entries = printedContents(
      contentsPages().map((p) => page(texts, p)),
      edition.timetableTitle,
      edition.locale === 'zh' ? '' : ' ',
    );
    const listed = listedInContents();
    expect(
      entries.map((e) => squash(e.title)),
      'contents entries vs the chapters and their h2 sections, the appendices and theirs',
    ).toEqual(listed.map((e) => squash(e.title)));

    const wrong: string[] = [];
    entries.forEach((entry, i) => {
      const target = listed[i];
      if (!target) return;
      const actual = printedFolio(target.page);
      if (entry.printed !== actual)
        wrong.push(
          `${entry.title}: contents says ${entry.printed}, starts on folio ${actual} (physical ${target.page})`,
        );
    });
    expect(wrong, `contents page numbers wrong:\n${listForMessage(wrong)}`).toEqual([]);
  });

  it('links each contents entry, top to bottom, to the page where it starts', async () => {
    const doc = await openPdf(bytes);
    const targets: number[] = [];
    for (const p of contentsPages()) {
      const links = (await (await doc.getPage(p)).getAnnotations()).filter((a) => a.subtype === 'Link');
      for (const link of links.sort((a, b) => b.rect[1] - a.rect[1])) {
        const dest = typeof link.dest === 'string' ? await doc.getDestination(link.dest) : link.dest;
        const ref = Array.isArray(dest) ? dest[0] : undefined;
        targets.push(ref && typeof ref === 'object' ? (await doc.getPageIndex(ref)) + 1 : 0);
      }
    }
    // The timetable (before the contents), then every entry the contents lists after it.
    const timetable = outline.find((e) => e.title === edition.timetableTitle);
    expect(timetable, 'timetable bookmark').toBeDefined();
    expect(targets).toEqual([timetable?.page, ...listedInContents().map((e) => e.page)]);
  });

  it(DRAFT ? 'carries the draft warning at the top of every page' : 'carries no draft warning (final stage)', () => {
    const wrong: string[] = [];
    for (let p = 1; p <= numPages; p++) {
      const first = nonEmptyLines(page(layout, p))[0] ?? '';
      if (first.startsWith(edition.warningPrefix) !== DRAFT)
        wrong.push(`page ${p}: first line ${DRAFT ? 'is not' : 'is'} the draft warning: ${first}`);
    }
    expect(wrong, `running draft warning:\n${listForMessage(wrong)}`).toEqual([]);
  });

  it('puts the running head of its section at the top (under the warning) and its folio at the foot of every page after the contents', () => {
    const wrong: string[] = [];
    const folios: number[] = [];
    const headLine = DRAFT ? edition.warningLines : 0;
    for (let p = firstFolioPage; p <= numPages; p++) {
      const section = sectionOf(p);
      if (!section) throw new Error(`page ${p}: no section starts on or before it`);
      // The appendix head sets a wide space between its label and title; the bookmark a word space.
      const expectedHead = section.title;
      const expectedFolio = section.numeral ? `${section.numeral}-${p - section.page + 1}` : String(folioOf(p));
      const lines = nonEmptyLines(page(layout, p));
      const head = lines[headLine] ?? '';
      if (section.numeral ? squash(head) !== squash(expectedHead) : head !== expectedHead)
        wrong.push(`page ${p}: line ${headLine + 1} is not the running head ${expectedHead}: ${head}`);
      const foot = FOLIO_LAYOUT.exec(lines[lines.length - 1] ?? '');
      if (!foot) wrong.push(`page ${p}: last line is not a folio: ${lines[lines.length - 1]}`);
      else if (foot[1] !== expectedFolio) wrong.push(`page ${p}: foot folio ${foot[1]}, expected ${expectedFolio}`);

      const folioLines = nonEmptyLines(page(texts, p))
        .map((line) => FOLIO_LINE.exec(line))
        .filter((m) => m !== null);
      if (folioLines.length !== 1) wrong.push(`page ${p}: ${folioLines.length} lines of the form "– n –", expected 1`);
      const folio = folioLines[0]?.[1];
      if (!section.numeral) folios.push(Number(folio));
      if (folio !== expectedFolio) wrong.push(`page ${p}: folio "– ${folio} –", expected "– ${expectedFolio} –"`);
    }
    expect(wrong, `chapter page furniture:\n${listForMessage(wrong)}`).toEqual([]);
    expect(folios, 'folios of the main chapters run 1, 2, 3, … without gaps').toEqual(folios.map((_, i) => i + 1));
  });

  it('has no folio on the cover, and Roman folios on the front matter before – 1 –', () => {
    expect(page(texts, 1), 'cover (pdf.js)').not.toMatch(ANY_FOLIO);
    expect(page(layout, 1), 'cover (pdftotext)').not.toMatch(ANY_FOLIO);
    const romans = [];
    for (let p = 2; p < firstFolioPage; p++) romans.push(squash(nonEmptyLines(page(layout, p)).at(-1) ?? ''));
    expect(romans).toEqual(romans.map((_, i) => `–${frontFolio(i + 1)}–`));
  });

  it('has bookmarks equal to the h1–h4 headings of the document, in order and at the same level', () => {
    const headings = htmlHeadings(readFileSync(edition.documentHtml, 'utf8'));
    expect(headings.length).toBeGreaterThan(2);
    // The appendices (h1 "附錄一 …" on) are held by one bookmark of their own, which no heading
    // prints, each appendix's headings one level below it.
    const group = APPENDICES_BOOKMARK[edition.locale];
    const firstAppendix = headings.findIndex(
      (h) => h.level === 1 && NUMERALS.some((n) => h.text.startsWith(`${appendixLabel(n, edition.locale)} `)),
    );
    const expected = headings.map((h, i) =>
      firstAppendix >= 0 && i >= firstAppendix ? `h${h.level + 1} ${h.text}` : `h${h.level} ${h.text}`,
    );
    if (firstAppendix >= 0) expected.splice(firstAppendix, 0, `h1 ${group}`);
    expect(outline.map((e) => `h${e.depth} ${e.title}`)).toEqual(expected);
  });

  it('points every bookmark at a page that shows its heading', () => {
    const group = APPENDICES_BOOKMARK[edition.locale];
    const wrong = outline
      .filter((e) => e.title !== group && !squash(layout[e.page - 1] ?? '').includes(squash(e.title)))
      .map((e) => `${e.title} → page ${e.page}`);
    expect(wrong, `bookmarks pointing at a page without their heading:\n${listForMessage(wrong)}`).toEqual([]);
    // The appendices bookmark prints no heading: it opens the first appendix.
    const at = outline.findIndex((e) => e.title === group);
    if (at >= 0) expect(outline[at]?.page, `${group} → the first appendix`).toBe(outline[at + 1]?.page);
  });

  it('tags every figure with Alt text, and each chart with its values in words', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const alts: string[] = [];
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict) || object.get(PDFName.of('S')) !== PDFName.of('Figure')) continue;
      const alt = object.get(PDFName.of('Alt'));
      alts.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '');
    }
    // The five charts, the two tables and the placeholder, each as a figure; each chart's drawing too.
    expect(alts.length).toBeGreaterThanOrEqual(13);
    expect(alts.filter((a) => a.trim() === '')).toEqual([]);
    const charts = figureTitles(readFileSync(edition.documentHtml, 'utf8')).filter((t) =>
      edition.chartTitle.test(squash(t)),
    );
    expect(charts).toHaveLength(5);
    for (const title of charts) {
      const described = alts.find((a) => a.startsWith(title) && edition.altUnit.test(a));
      expect(described, `no Alt text describing the chart ${title}`).toMatch(edition.altFirstYear);
    }
    expect(alts.some((a) => a.includes(edition.placeholderAlt))).toBe(true);
  });

  it('has title, author, subject, tagging and the document language set', async () => {
    const info = run('pdfinfo', [PDF]);
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'mu').exec(info)?.[1]?.trim() ?? '';
    for (const name of ['Title', 'Author', 'Subject']) expect(field(name), `pdfinfo ${name}`).not.toBe('');
    expect(field('Tagged')).toBe('yes');
    // The keywords name every chapter, by the title its frontmatter gives (in the keywords'
    // own case: the English running head is in capitals), withheld wording as this publication
    // copy shows it.
    const chapters = join(ROOT, edition.chaptersDir);
    for (const file of readdirSync(chapters)) {
      const title = /^title:\s*"?(.+?)"?$/mu
        .exec(readFileSync(join(chapters, file), 'utf8'))?.[1]
        ?.trim()
        .replace(/\{[a-z0-9-]+\}/gu, edition.marker);
      expect(title, file).toBeDefined();
      expect(field('Keywords').toLowerCase()).toContain(title?.toLowerCase());
    }

    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const lang = doc.catalog.get(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString, `/Lang is a string: ${String(lang)}`).toBe(true);
    if (lang instanceof PDFString || lang instanceof PDFHexString) expect(lang.decodeText()).toBe(edition.lang);
  });

  it('embeds every font as a subset of its own Noto Regular or Bold face, none of them Type 3', () => {
    const rows = pdfFonts(PDF);
    expect(rows.length, 'fonts in the PDF').toBeGreaterThan(0);

    const wrong: string[] = [];
    for (const { name, type, embedded, subset } of rows) {
      if (!embedded) wrong.push(`${name}: not embedded`);
      if (!subset) wrong.push(`${name}: not a subset`);
      if (/Type 3/u.test(type)) wrong.push(`${name}: Type 3`);
      if (!edition.fontName.test(name)) wrong.push(`${name}: not one of ${edition.fontName}`);
    }
    expect(wrong, `font problems:\n${listForMessage(wrong)}`).toEqual([]);
  });

  it('embeds each face as one font: one font object per face in the file, none on a page twice', async () => {
    // The sliced web fonts made one font object per slice used (80 for four faces), and every
    // print embeds its own subset of each face: the front matter printed again with its page
    // numbers brought a second one. The subsets of a face are merged (font-merge.ts).
    const rows = pdfFonts(PDF);
    const face = (name: string) => name.replace(/^[A-Z]{6}\+/u, '');
    const perFace = new Map<string, number>();
    for (const { name } of rows) perFace.set(face(name), (perFace.get(face(name)) ?? 0) + 1);
    expect(
      [...perFace].filter(([, n]) => n > 1),
      `faces embedded more than once:\n${listForMessage(rows.map((r) => r.name))}`,
    ).toEqual([]);
    // pdffonts lists the fonts pages use; none other is left in the file.
    const doc = await PDFDocument.load(readFileSync(PDF), { updateMetadata: false });
    const type0 = doc.context
      .enumerateIndirectObjects()
      .filter(([, o]) => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
    expect(type0.length, 'Type0 font objects in the file').toBe(rows.length);

    const mixed: string[] = [];
    for (let p = 1; p <= numPages; p++) {
      const faces = pdfFonts(PDF, ['-f', String(p), '-l', String(p)]).map((r) => face(r.name));
      const twice = faces.filter((f, i) => faces.indexOf(f) !== i);
      if (twice.length > 0) mixed.push(`page ${p}: ${[...new Set(twice)].join(', ')} from more than one font file`);
    }
    expect(mixed, listForMessage(mixed)).toEqual([]);
  });

  it('maps every glyph to the character typed, not to a radical drawn by the same glyph', () => {
    // A whole Noto TC font draws 民 and the radical ⺠ with one glyph, and the PDF's ToUnicode
    // map names one of them (see font-cmap.ts): pdf.js reads only that map.
    const radicals = /[\u2e80-\u2fdf]/gu;
    expect(readFileSync(edition.documentHtml, 'utf8').match(radicals), 'radicals in the document itself').toBeNull();
    const found = texts.flatMap((text, i) => [...text.matchAll(radicals)].map((m) => `page ${i + 1}: ${m[0]}`));
    expect(found, listForMessage(found)).toEqual([]);
    expect(squash(texts.join(''))).toContain(edition.currency);
  });

  it('sets the body at the 10.5 pt of the print stylesheet, not shrunk to fit something too wide', () => {
    // Chromium scales a whole print down when any box is wider than the page; this once set the
    // body at 8.4 pt because charts were drawn for a wider window.
    expect(bodySize).toBeCloseTo(10.5, 1);
  });

  it('draws charts as vectors: no raster images at all', () => {
    const lines = run('pdfimages', ['-list', PDF]).split('\n');
    const rule = lines.findIndex((line) => /^-{10,}/u.test(line));
    expect(rule, 'pdfimages header').toBeGreaterThanOrEqual(0);
    const images = lines.slice(rule + 1).filter((line) => line.trim() !== '');
    expect(images, `raster images found:\n${images.join('\n')}`).toEqual([]);
  });

  it('keeps every figure title of the 行業概覽 chapter on the same page as its source line', () => {
    // The seed chapter's figures, each with a source line; other chapters' tables (the accounts
    // in the summary, the financial information and the accountants' report) share titles and
    // have none. Read on the chapter's own pages: from its bookmark to the next section's.
    const titles = figureTitles(readFileSync(edition.chapterHtml, 'utf8'));
    const charts = titles.filter((t) => edition.chartTitle.test(squash(t)));
    expect(charts.length, `chart titles among ${JSON.stringify(titles)}`).toBeGreaterThanOrEqual(5);
    expect(titles).toEqual(expect.arrayContaining(edition.otherFigures));

    const next = sections.find((s) => s.page > firstChapterPage)?.page ?? numPages + 1;
    const chapterPages = layout.slice(firstChapterPage - 1, next - 1);
    expect(chapterPages.length, 'pages of the chapter').toBeGreaterThan(1);
    const squashedPages = chapterPages.map(squash);
    const others = (title: string) => titles.filter((t) => t !== title).map(squash);
    const wrong: string[] = [];
    for (const title of titles) {
      const key = squash(title);
      const pages = squashedPages.flatMap((text, i) => (text.includes(key) ? [firstChapterPage + i] : []));
      if (pages.length !== 1) {
        wrong.push(`${title}: on pages [${pages.join(', ')}], expected exactly one`);
        continue;
      }
      const p = pages[0] ?? 0;
      const text = squashedPages[p - firstChapterPage] ?? '';
      const at = text.indexOf(key);
      const source = text.indexOf(edition.sourcePrefix, at + key.length);
      if (source < 0) {
        wrong.push(`${title}: title on page ${p}, its ${edition.sourcePrefix} line is not on that page`);
        continue;
      }
      const between = text.slice(at + key.length, source);
      const intruder = others(title).find((other) => between.includes(other));
      if (intruder)
        wrong.push(`${title}: page ${p} has no ${edition.sourcePrefix} line before the next figure (${intruder})`);
    }
    expect(wrong, `figures split from their source line:\n${listForMessage(wrong)}`).toEqual([]);
  });
});
