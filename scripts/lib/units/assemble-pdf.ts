import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { loadPrint, type Printed } from '../pdf/pdf-finish.ts';
import { RenderError } from '../pdf/render-error.ts';
import { renameStructureIds } from '../pdf/structure-ids.ts';

/** One unit's print and the ids it only holds placeholders for (print-units.ts). */
export interface UnitPrint {
  bytes: Uint8Array;
  stubs: string[];
  /** Heading id → index of its bookmark in this unit. */
  anchors: Record<string, number>;
  /** Its print already being parsed (assembly changes the parse, so each is used once). */
  parsed?: Promise<Printed>;
}

/**
 * Puts the units' prints together in order into one tagged PDF (design: print-units.ts). Pages
 * are copied by reference with one copier per unit, so the structure elements' /Pg, the
 * bookmarks' and destinations' page references all land on the copied pages; the unit's own
 * StructTreeRoot and Outlines are mapped to the merged ones instead of being copied.
 */
export async function assembleUnits(units: UnitPrint[]): Promise<PDFDocument> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const ctx = out.context;
  const rootRef = ctx.nextRef();
  const outlinesRef = ctx.nextRef();
  const kids = ctx.obj([]);
  const nums: [number, PDFObject][] = [];
  const ids: [string, PDFObject][] = [];
  const roleMap = ctx.obj({});
  const classMap = ctx.obj({});
  const dests = new Map<string, { value: PDFObject; stub: boolean }>();
  let outline: { first: PDFObject; last: PDFObject; count: number } | undefined;
  let nextKey = 0;

  for (const [u, unit] of units.entries()) {
    const { doc: src } = await (unit.parsed ?? loadPrint(unit.bytes));
    const root = src.catalog.lookupMaybe(N.StructTreeRoot, PDFDict);
    const parentEntries = root ? numberTreeEntries(root.lookupMaybe(N.ParentTree, PDFDict)) : [];
    const offset = nextKey;
    shiftStructParents(src, offset);
    // Element ids are unique within a print, not across prints: each unit's get its own prefix
    // (pdf-finish.ts renumbers them all afterwards, in this order).
    const prefix = `u${String(u).padStart(3, '0')}-`;
    if (root) renameStructureIds(src, root, (id) => prefix + id);

    const copier = PDFObjectCopier.for(src.context, ctx);
    // Internal map of the copier (not public in pdf-lib's types): what a reference is copied to.
    const mapped = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
    const srcRootRef = src.catalog.get(N.StructTreeRoot);
    if (srcRootRef instanceof PDFRef) mapped.set(srcRootRef, rootRef);
    const srcOutlinesRef = src.catalog.get(N.Outlines);
    if (srcOutlinesRef instanceof PDFRef) mapped.set(srcOutlinesRef, outlinesRef);

    for (const page of src.getPages()) {
      const ref = copier.copy(page.ref) as PDFRef;
      const node = ctx.lookup(ref);
      if (!(node instanceof PDFPageLeaf)) throw new RenderError('a unit page did not copy as a page');
      out.addPage(PDFPage.of(node, ref, out));
    }

    if (root) {
      const k = root.get(N.K);
      const copied = k ? copier.copy(k) : undefined;
      const list = copied instanceof PDFRef ? ctx.lookup(copied) : copied;
      if (list instanceof PDFArray) for (let i = 0; i < list.size(); i++) kids.push(list.get(i));
      else if (copied) kids.push(copied);
      for (const [key, value] of parentEntries) nums.push([key + offset, copier.copy(value)]);
      const declared = root.lookupMaybe(N.ParentTreeNextKey, PDFNumber)?.asNumber() ?? 0;
      const highest = parentEntries.reduce((m, [key]) => Math.max(m, key + 1), 0);
      nextKey = offset + Math.max(declared, highest);
      for (const [name, value] of nameTreeEntries(root.lookupMaybe(N.IDTree, PDFDict))) {
        ids.push([name, copier.copy(value)]);
      }
      mergeDict(root.lookupMaybe(N.RoleMap, PDFDict), roleMap, copier);
      mergeDict(root.lookupMaybe(N.ClassMap, PDFDict), classMap, copier);
    }

    const outlines = src.catalog.lookupMaybe(N.Outlines, PDFDict);
    const first = outlines?.get(N.First);
    const last = outlines?.get(N.Last);
    if (first && last) {
      const copiedFirst = copier.copy(first);
      const copiedLast = copier.copy(last);
      const count = outlines?.lookupMaybe(N.Count, PDFNumber)?.asNumber() ?? 0;
      if (outline) {
        ctx.lookup(outline.last, PDFDict).set(N.Next, copiedFirst);
        ctx.lookup(copiedFirst, PDFDict).set(N.Prev, outline.last);
        outline = { first: outline.first, last: copiedLast, count: outline.count + count };
      } else outline = { first: copiedFirst, last: copiedLast, count };
      // Chromium names a destination only where a link in the same print points; a link from
      // another unit goes where the heading's bookmark goes.
      const items = outlineItems(ctx.lookup(copiedFirst, PDFDict), ctx.lookupMaybe(copiedLast, PDFDict));
      for (const [id, index] of Object.entries(unit.anchors)) {
        const dest = items[index]?.get(N.Dest);
        if (dest && dests.get(id)?.stub !== false) dests.set(id, { value: dest, stub: false });
      }
    }

    const stubs = new Set(unit.stubs);
    const srcDests = src.catalog.lookupMaybe(N.Dests, PDFDict);
    for (const [key, value] of srcDests?.entries() ?? []) {
      const name = key.decodeText();
      const stub = stubs.has(name);
      // A placeholder's destination only where no unit holds the real one; an element around
      // several units (the page's <main>) starts in the first.
      const held = dests.get(name);
      if (held && (stub || !held.stub)) continue;
      dests.set(name, { value: copier.copy(value), stub });
    }
  }

  const root = ctx.obj({
    Type: 'StructTreeRoot',
    K: kids,
    ParentTree: ctx.obj({ Nums: ctx.obj(nums.flatMap(([key, value]) => [PDFNumber.of(key), value])) }),
    ParentTreeNextKey: PDFNumber.of(nextKey),
  });
  if (roleMap.keys().length) root.set(N.RoleMap, roleMap);
  if (classMap.keys().length) root.set(N.ClassMap, classMap);
  if (ids.length) {
    ids.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    root.set(N.IDTree, ctx.obj({ Names: ctx.obj(ids.flatMap(([name, value]) => [PDFString.of(name), value])) }));
  }
  ctx.assign(rootRef, root);
  out.catalog.set(N.StructTreeRoot, rootRef);
  out.catalog.set(N.MarkInfo, ctx.obj({ Type: 'MarkInfo', Marked: true }));
  if (outline) {
    ctx.assign(
      outlinesRef,
      ctx.obj({ Type: 'Outlines', First: outline.first, Last: outline.last, Count: PDFNumber.of(outline.count) }),
    );
    out.catalog.set(N.Outlines, outlinesRef);
  }
  if (dests.size) {
    const dict = ctx.obj({});
    for (const [name, { value }] of dests) dict.set(PDFName.of(name), value);
    out.catalog.set(N.Dests, ctx.register(dict));
  }
  out.catalog.set(PDFName.of('ViewerPreferences'), ctx.obj({ DisplayDocTitle: true }));
  // Each unit brought its own subset of every font: finishPdf merges them into one font per face
  // (font-merge.ts), as it does for the one-piece print's reprinted front pages.
  return out;
}

/** Bookmarks from `first` to `last` at the top level and everything under them, in document order. */
function outlineItems(first: PDFDict, last: PDFDict | undefined): PDFDict[] {
  const items: PDFDict[] = [];
  const walk = (from: PDFDict | undefined, until: PDFDict | undefined) => {
    for (let item = from; item; item = item === until ? undefined : item.lookupMaybe(N.Next, PDFDict)) {
      items.push(item);
      walk(item.lookupMaybe(N.First, PDFDict), undefined);
    }
  };
  walk(first, last);
  return items;
}

/** Moves the unit's marked-content keys past the previous units': pages and annotations alike. */
function shiftStructParents(doc: PDFDocument, offset: number): void {
  if (offset === 0) return;
  const shift = (dict: PDFDict, key: PDFName) => {
    const n = dict.lookupMaybe(key, PDFNumber);
    if (n) dict.set(key, PDFNumber.of(n.asNumber() + offset));
  };
  for (const page of doc.getPages()) {
    shift(page.node, N.StructParents);
    const annots = page.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (annot) shift(annot, N.StructParent);
    }
  }
}

function numberTreeEntries(node: PDFDict | undefined): [number, PDFObject][] {
  if (!node) return [];
  const entries: [number, PDFObject][] = [];
  const nums = node.lookupMaybe(N.Nums, PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.lookupMaybe(i, PDFNumber);
    const value = nums.get(i + 1);
    if (key && value) entries.push([key.asNumber(), value]);
  }
  const kids = node.lookupMaybe(N.Kids, PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) entries.push(...numberTreeEntries(kids.lookupMaybe(i, PDFDict)));
  return entries;
}

function nameTreeEntries(node: PDFDict | undefined): [string, PDFObject][] {
  if (!node) return [];
  const entries: [string, PDFObject][] = [];
  const names = node.lookupMaybe(N.Names, PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const key = names.lookup(i);
    const value = names.get(i + 1);
    if ((key instanceof PDFString || key instanceof PDFHexString) && value) entries.push([key.decodeText(), value]);
  }
  const kids = node.lookupMaybe(N.Kids, PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) entries.push(...nameTreeEntries(kids.lookupMaybe(i, PDFDict)));
  return entries;
}

function mergeDict(from: PDFDict | undefined, into: PDFDict, copier: PDFObjectCopier): void {
  for (const [key, value] of from?.entries() ?? []) if (!into.has(key)) into.set(key, copier.copy(value));
}

const N = {
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  ParentTree: PDFName.of('ParentTree'),
  ParentTreeNextKey: PDFName.of('ParentTreeNextKey'),
  StructParents: PDFName.of('StructParents'),
  StructParent: PDFName.of('StructParent'),
  Outlines: PDFName.of('Outlines'),
  First: PDFName.of('First'),
  Last: PDFName.of('Last'),
  Next: PDFName.of('Next'),
  Prev: PDFName.of('Prev'),
  Count: PDFName.of('Count'),
  K: PDFName.of('K'),
  Names: PDFName.of('Names'),
  Nums: PDFName.of('Nums'),
  Kids: PDFName.of('Kids'),
  IDTree: PDFName.of('IDTree'),
  RoleMap: PDFName.of('RoleMap'),
  ClassMap: PDFName.of('ClassMap'),
  MarkInfo: PDFName.of('MarkInfo'),
  Dests: PDFName.of('Dests'),
  Dest: PDFName.of('Dest'),
};
