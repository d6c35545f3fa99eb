import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';
import { RenderError } from './render-error.ts';

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
 * first pages, the headings' own text as bookmark titles, stable structure ids, metadata.
 */
export async function finishPdf(
  doc: PDFDocument,
  front: PDFDocument | undefined,
  meta: PdfMetadata,
  headingTexts: string[],
): Promise<{ bytes: Uint8Array; pages: number }> {
  if (front) await replaceFrontPages(doc, front);
  fixOutlineTitles(doc, headingTexts);
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
  // is about half the size (9 MB → 5 MB at 461 pages), for half a second more of saving.
  return { bytes: await doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY }), pages };
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
 * Chromium names tagged-PDF structure elements after DOM node ids (`node00000151`), which shift
 * between runs; renumbering them in order makes two builds of one commit byte-identical. Every
 * string that names an id (the element's /ID, table /Headers, the /IDTree) is rewritten alike.
 */
function normalizeStructureIds(doc: PDFDocument): void {
  const ids: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    const id = object.get(PDFName.of('ID'));
    if (id instanceof PDFString || id instanceof PDFHexString) ids.push(id.decodeText());
  }
  const ordered = [...new Set(ids)].sort();
  const renamed = new Map(ordered.map((old, i) => [old, `id${String(i + 1).padStart(6, '0')}`]));
  const rewrite = (value: PDFObject): PDFObject => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const next = renamed.get(value.decodeText());
      return next === undefined ? value : PDFString.of(next);
    }
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) value.set(i, rewrite(value.get(i)));
    } else if (value instanceof PDFDict) {
      for (const [key, entry] of value.entries()) value.set(key, rewrite(entry));
    }
    return value;
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) rewrite(object);
}

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
