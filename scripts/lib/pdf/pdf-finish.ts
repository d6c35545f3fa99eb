import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFStreamWriter,
  PDFString,
} from 'pdf-lib';
import { mergeFontSubsets } from '../fonts/font-merge.ts';
import { markPages } from './page-marks.ts';
import { RenderError } from './render-error.ts';
import { renameStructureIds, structureIds } from './structure-ids.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  language: string;
  keywords: string[];
  /** Fixed dates make two builds of one commit byte-identical (SOURCE_DATE_EPOCH). */
  date: Date;
}

/**
 * pdf-lib yields to the event loop every 100 objects by default; a tagged 500-page print has
 * over 100,000, and the yields cost more than the parsing. Nothing else runs meanwhile.
 */
const PARSE = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

/** A print from Chromium, parsed once by pdf-lib for everything read from or changed in it. */
export interface Printed {
  bytes: Uint8Array;
  doc: PDFDocument;
}

export async function loadPrint(bytes: Uint8Array): Promise<Printed> {
  return { bytes, doc: await PDFDocument.load(bytes, PARSE) };
}

/** The print's bookmarks in document order, each with the physical page (1-based) it points to. */
export function outlineEntries(doc: PDFDocument): { title: string; page: number }[] {
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  return outlineItems(doc).map((item) => {
    const title = item.lookup(PDFName.of('Title'));
    // Chromium writes explicit destinations: [page /XYZ left top zoom].
    const target = item.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
    return {
      title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '',
      page: (target && pageOf.get(target.toString())) ?? 0,
    };
  });
}

/**
 * What Chromium cannot write, written in one save: the reprinted front matter in place of the
 * first pages, a text layer without soft hyphens and page furniture marked as artifacts
 * (page-marks.ts), the headings' own text as bookmark titles, stable structure ids, metadata.
 */
export async function finishPdf(
  doc: PDFDocument,
  front: PDFDocument | undefined,
  meta: PdfMetadata,
  headingTexts: string[],
  appendices?: { first: number; title: string },
): Promise<{ bytes: Uint8Array; pages: number }> {
  if (front) await replaceFrontPages(doc, front);
  markPages(doc);
  // Each print brought its own subset of every font: one font per face from here on.
  await mergeFontSubsets(doc);
  fixOutlineTitles(doc, headingTexts);
  if (appendices) groupAppendices(doc, appendices.first, appendices.title);
  normalizeStructureIds(doc);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.language);
  doc.setCreator('prospectus-as-code');
  doc.setProducer('prospectus-as-code (Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  // Open on the bookmarks panel: bankers navigate a prospectus by its outline.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  const pages = doc.getPageCount();
  // Object streams: the tagged structure is tens of thousands of small objects; packed, the file
  // is about half the size (9 MB → 5 MB at 461 pages), for half a second more of saving. What
  // doc.save does, with 500 objects per stream instead of 50: a tenth as many streams to deflate,
  // measured faster to write and smaller.
  await doc.flush();
  const writer = PDFStreamWriter.forContext(doc.context, Number.POSITIVE_INFINITY, true, 500);
  return { bytes: await writer.serializeToBuffer(), pages };
}

function outlineItems(doc: PDFDocument): PDFDict[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return items;
}

/**
 * Bookmarks carry the headings' own text, in document order: Chromium sometimes writes a
 * heading's text twice into its bookmark (a heading moved to the next page by break-after: avoid).
 */
function fixOutlineTitles(doc: PDFDocument, headingTexts: string[]): void {
  const items = outlineItems(doc);
  if (items.length !== headingTexts.length) {
    throw new RenderError(`the PDF has ${items.length} bookmarks for ${headingTexts.length} headings`);
  }
  items.forEach((item, i) => {
    item.set(PDFName.of('Title'), PDFHexString.fromText(headingTexts[i] ?? ''));
  });
}

/**
 * The appendices' bookmarks under one 附錄 / APPENDICES bookmark, as a prospectus's outline has
 * them: the item of the first appendix (by its place among the bookmarks) and every top-level
 * item after it move under a new item that opens on the first appendix's page.
 */
function groupAppendices(doc: PDFDocument, first: number, title: string): void {
  const outlinesRef = doc.catalog.get(PDFName.of('Outlines'));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const item = outlineItems(doc)[first];
  if (!outlines || !item || item.get(NAME.Parent) !== outlinesRef) {
    throw new RenderError('the first appendix has no top-level bookmark to group the appendices under');
  }
  const prevRef = item.get(NAME.Prev);
  const prev = item.lookupMaybe(NAME.Prev, PDFDict);
  const firstRef = prev ? prev.get(NAME.Next) : outlines.get(NAME.First);
  const lastRef = outlines.get(NAME.Last);
  if (!firstRef || !lastRef || !outlinesRef) throw new RenderError('the PDF outline is not linked as expected');
  const children: PDFDict[] = [];
  for (let child: PDFDict | undefined = item; child; child = child.lookupMaybe(NAME.Next, PDFDict))
    children.push(child);
  const visible = children.reduce((n, c) => {
    const count = c.lookupMaybe(NAME.Count, PDFNumber)?.asNumber() ?? 0;
    // An open item counts its visible descendants; a closed one's count is negative and hides them.
    return n + 1 + Math.max(count, 0);
  }, 0);
  const group = doc.context.obj({});
  group.set(PDFName.of('Title'), PDFHexString.fromText(title));
  group.set(NAME.Parent, outlinesRef);
  group.set(NAME.First, firstRef);
  group.set(NAME.Last, lastRef);
  group.set(NAME.Count, PDFNumber.of(visible));
  const dest = item.get(PDFName.of('Dest'));
  if (dest) group.set(PDFName.of('Dest'), dest);
  const groupRef = doc.context.register(group);
  for (const child of children) child.set(NAME.Parent, groupRef);
  item.delete(NAME.Prev);
  if (prev && prevRef) {
    prev.set(NAME.Next, groupRef);
    group.set(NAME.Prev, prevRef);
  } else outlines.set(NAME.First, groupRef);
  outlines.set(NAME.Last, groupRef);
  const total = outlines.lookupMaybe(NAME.Count, PDFNumber);
  if (total) outlines.set(NAME.Count, PDFNumber.of(total.asNumber() + 1));
}

/**
 * Chromium names tagged-PDF structure elements after DOM node ids (`node00000151`), which shift
 * between runs; renumbering them in order makes two builds of one commit byte-identical. An id
 * is named where PDF defines element ids: the element's /ID, a table cell's /Headers attribute
 * and the structure tree's /IDTree; each is rewritten alike. Renaming in sorted order keeps the
 * IDTree's keys sorted.
 */
function normalizeStructureIds(doc: PDFDocument): void {
  const ordered = [...new Set(structureIds(doc))].sort();
  const renamed = new Map(ordered.map((old, i) => [old, `id${String(i + 1).padStart(6, '0')}`]));
  renameStructureIds(doc, doc.catalog.lookupMaybe(NAME.StructTreeRoot, PDFDict), (id) => renamed.get(id));
}

const NAME = {
  Parent: PDFName.of('Parent'),
  Prev: PDFName.of('Prev'),
  Next: PDFName.of('Next'),
  First: PDFName.of('First'),
  Last: PDFName.of('Last'),
  Count: PDFName.of('Count'),
  StructTreeRoot: PDFName.of('StructTreeRoot'),
};

/**
 * Puts the reprinted front pages' content in place of the first print's. The page objects stay
 * (with their link annotations, whose places did not move, and their place in the structure
 * tree, whose marked-content ids the same DOM reproduces); only what they draw is new.
 */
async function replaceFrontPages(doc: PDFDocument, front: PDFDocument): Promise<void> {
  const copies = await doc.copyPages(
    front,
    Array.from({ length: front.getPageCount() }, (_, i) => i),
  );
  copies.forEach((copy, i) => {
    const target = doc.getPage(i).node;
    for (const key of ['Contents', 'Resources']) {
      const value = copy.node.get(PDFName.of(key));
      if (value) target.set(PDFName.of(key), value);
    }
    doc.context.delete(copy.ref);
  });
}
