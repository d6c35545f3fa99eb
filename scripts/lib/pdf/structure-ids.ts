import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';

const N = {
  A: PDFName.of('A'),
  Headers: PDFName.of('Headers'),
  ID: PDFName.of('ID'),
  IDTree: PDFName.of('IDTree'),
  Kids: PDFName.of('Kids'),
  Limits: PDFName.of('Limits'),
  Names: PDFName.of('Names'),
  StructElem: PDFName.of('StructElem'),
  Type: PDFName.of('Type'),
};

function isText(value: PDFObject | undefined): value is PDFString | PDFHexString {
  return value instanceof PDFString || value instanceof PDFHexString;
}

/** Every structure element's /ID, in object order. */
export function structureIds(doc: PDFDocument): string[] {
  const ids: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(N.Type) !== N.StructElem) continue;
    const id = object.get(N.ID);
    if (isText(id)) ids.push(id.decodeText());
  }
  return ids;
}

/**
 * Rewrites every structure-element id where PDF names one: the element's /ID, a table cell's
 * /Headers attribute and the structure tree's /IDTree (`root`), all alike. `rename` returns the
 * new id, or undefined to keep one. One walk for the two callers: the per-unit prefixes of an
 * assembled print and the deterministic renumbering of a finished one.
 */
export function renameStructureIds(
  doc: PDFDocument,
  root: PDFDict | undefined,
  rename: (id: string) => string | undefined,
): void {
  const renamed = (value: PDFObject | undefined) => {
    const next = isText(value) ? rename(value.decodeText()) : undefined;
    return next === undefined ? undefined : PDFString.of(next);
  };
  const renameIn = (list: PDFArray | undefined, step = 1) => {
    for (let i = 0; list && i < list.size(); i += step) {
      const next = renamed(list.get(i));
      if (next) list.set(i, next);
    }
  };
  const headersOf = (attributes: PDFObject | undefined) => {
    if (attributes instanceof PDFDict) renameIn(attributes.lookupMaybe(N.Headers, PDFArray));
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(N.Type) !== N.StructElem) continue;
    const id = renamed(object.get(N.ID));
    if (id) object.set(N.ID, id);
    const attributes = object.lookup(N.A);
    if (attributes instanceof PDFArray) for (let i = 0; i < attributes.size(); i++) headersOf(attributes.lookup(i));
    else headersOf(attributes);
  }
  const walkIdTree = (node: PDFDict | undefined) => {
    if (!node) return;
    renameIn(node.lookupMaybe(N.Names, PDFArray), 2);
    renameIn(node.lookupMaybe(N.Limits, PDFArray));
    const kids = node.lookupMaybe(N.Kids, PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walkIdTree(kids.lookupMaybe(i, PDFDict));
  };
  walkIdTree(root?.lookupMaybe(N.IDTree, PDFDict));
}
