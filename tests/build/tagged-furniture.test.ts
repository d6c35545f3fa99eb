import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from '../build-once.ts';
import { type PageMarks, pageMarks } from './pdf-readers.ts';
import { listForMessage, WARNING_PREFIX } from './read.ts';

/**
 * What a PDF/UA checker looks at, read from both PDFs (issue 26): every page's content is either
 * tagged or an artifact — no text or painting outside marked content; the page furniture (draft
 * warning, running head, folio) is an /Artifact of type Pagination; and the structure tree's
 * headings run H1… without a skipped level, its tables with header cells.
 */

const EDITIONS = {
  zh: { pdf: join(TEST_DIST, 'prospectus.pdf'), warning: WARNING_PREFIX, head: '行業概覽' },
  en: {
    pdf: join(TEST_DIST, 'prospectus-en.pdf'),
    warning: 'This Application Proof is in draft form.',
    head: 'INDUSTRY OVERVIEW',
  },
} as const;
/** `– 3 –`, `– I-3 –` in an appendix, or `– iii –` on the front pages (the timetable, the contents). */
const FOLIO = /^–\s*(?:(?:[IVX]+-)?\d+|[ivx]+)\s*–$/u;

const marks: Record<string, PageMarks[]> = {};
const docs: Record<string, PDFDocument> = {};

beforeAll(async () => {
  for (const [lang, { pdf }] of Object.entries(EDITIONS)) {
    marks[lang] = await pageMarks(pdf);
    docs[lang] = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  }
});

/** The structure elements under `from` (the StructTreeRoot) in document order, with their standard roles. */
function structureRoles(doc: PDFDocument, from?: PDFDict): { role: string; node: PDFDict }[] {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const out: { role: string; node: PDFDict }[] = [];
  const walk = (object: PDFObject | undefined) => {
    const node = object instanceof PDFRef ? doc.context.lookup(object) : object;
    if (node instanceof PDFArray) for (let i = 0; i < node.size(); i++) walk(node.get(i));
    if (!(node instanceof PDFDict)) return;
    const s = node.get(PDFName.of('S'));
    if (s instanceof PDFName) {
      const mapped = roleMap?.get(s);
      out.push({ role: (mapped instanceof PDFName ? mapped : s).decodeText(), node });
    }
    walk(node.get(PDFName.of('K')));
  };
  walk((from ?? root).get(PDFName.of('K')));
  return out;
}

describe.each(Object.keys(EDITIONS))('the %s PDF as a PDF/UA checker reads it', (lang) => {
  const edition = EDITIONS[lang as keyof typeof EDITIONS];

  it('draws no text and paints nothing outside marked content, on any page', () => {
    const pages = marks[lang] ?? [];
    expect(pages.length).toBeGreaterThan(10);
    const outside = pages.flatMap((page, i) => [
      ...page.unmarked.map((text) => `page ${i + 1}: text ${JSON.stringify(text)}`),
      ...[...new Set(page.unmarkedOps)].map((op) => `page ${i + 1}: ${op}`),
    ]);
    expect(outside, listForMessage(outside)).toEqual([]);
  });

  it('marks the draft warning, running head and folio of every page as artifacts, and nothing else of them', () => {
    const pages = marks[lang] ?? [];
    pages.forEach((page, i) => {
      const where = `page ${i + 1}`;
      expect(
        page.artifact.some((t) => t.startsWith(edition.warning)),
        `${where}: warning as artifact`,
      ).toBe(true);
      // The cover states the warning in its own text; elsewhere it is furniture only.
      if (i > 0)
        expect(
          page.tagged.filter((t) => t.startsWith(edition.warning)),
          where,
        ).toEqual([]);
      expect(
        page.tagged.filter((t) => FOLIO.test(t.trim())),
        where,
      ).toEqual([]);
    });
    // The chapter's pages carry its running head and a folio, as artifacts.
    const chapter = pages.filter((page) => page.artifact.includes(edition.head));
    expect(chapter.length).toBeGreaterThan(5);
    for (const page of chapter) expect(page.artifact.filter((t) => FOLIO.test(t.trim()))).toHaveLength(1);
    // A folio on every page after the cover: Roman on the front pages, then Arabic.
    const bare = pages.flatMap((page, i) =>
      i > 0 && !page.artifact.some((t) => FOLIO.test(t.trim())) ? [`page ${i + 1}`] : [],
    );
    expect(bare, `pages without a folio artifact:\n${listForMessage(bare)}`).toEqual([]);
  });

  it('types every artifact in the content streams as pagination or layout', () => {
    const doc = docs[lang] as PDFDocument;
    const types = new Map<string, number>();
    for (const page of doc.getPages()) {
      const stream = page.node.lookup(PDFName.of('Contents'));
      expect(stream).toBeInstanceOf(PDFRawStream);
      const text = Buffer.from(inflateSync((stream as PDFRawStream).contents)).toString('latin1');
      for (const m of text.matchAll(/\/Artifact\s*(<<[^>]*>>|BMC)/gu))
        types.set(m[1] ?? '', (types.get(m[1] ?? '') ?? 0) + 1);
    }
    expect([...types.keys()].sort()).toEqual(['<</Type /Layout>>', '<</Type /Pagination>>']);
  });

  it('has headings H1… in order without a skipped level, and header cells in every table', () => {
    const elements = structureRoles(docs[lang] as PDFDocument);
    const levels = elements.flatMap(({ role }) => (/^H([1-6])$/u.test(role) ? [Number(role.slice(1))] : []));
    expect(levels.length).toBeGreaterThan(10);
    expect(levels[0]).toBe(1);
    const skips = levels.flatMap((level, i) =>
      i > 0 && level > (levels[i - 1] ?? 0) + 1 ? [`heading ${i + 1}: H${levels[i - 1]} then H${level}`] : [],
    );
    expect(skips).toEqual([]);
    const tables = elements.filter(({ role }) => role === 'Table');
    expect(tables.length).toBeGreaterThan(3);
    const withoutTh = tables.filter(
      ({ node }) => !structureRoles(docs[lang] as PDFDocument, node).some(({ role }) => role === 'TH'),
    );
    expect(withoutTh).toHaveLength(0);
  });
});
