import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  type PDFContext,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { defaultWidth, readWidths, writeWidths } from './cid-widths.ts';
import { type GlyphSubset, readGlyphSubset, sameFont, unionOf, writeGlyphSubset } from './glyph-union.ts';
import { readToUnicode, type ToUnicode, writeToUnicode } from './to-unicode.ts';

/**
 * One embedded font per face. Each Chromium print embeds its own subset of every font it uses,
 * so a PDF put together from several prints (the reprinted front matter, chapters printed
 * apart) carries one font object per face per print. Skia keeps glyph ids in its subsets
 * (see glyph-union.ts): the subsets of one font merge into one font file, and every page's
 * text draws the same glyph ids from it, its content streams untouched.
 *
 * Fonts merge when they have one face name (BaseFont without its `ABCDEF+` subset tag) and are
 * provably of one font file: Type0 over a CIDFontType2 with the identity glyph map, the same
 * descriptor, hinting programs and names, and the same outline, metrics and text for every
 * glyph both hold. Anything else stays as it was. Type0 fonts that no page uses any more are
 * dropped with their files. Returns the count of Type0 font objects before and after.
 */
export async function mergeFontSubsets(doc: PDFDocument): Promise<{ before: number; after: number }> {
  const { context } = doc;
  const users = fontDicts(context);
  const refs = fontRefs(context, users);
  const before = countType0(context);
  const clusters: Cluster[] = [];
  for (const ref of refs) {
    const font = readEmbedded(context, ref);
    if (!font) continue;
    const home = clusters.find((c) => fits(c, font));
    if (home) join(home, font);
    else clusters.push(newCluster(font));
  }
  const replaced = new Map<string, PDFRef>();
  for (const cluster of clusters) {
    const [base, ...rest] = cluster.members;
    if (!base || rest.length === 0 || !writeUnion(context, cluster)) continue;
    for (const font of rest) replaced.set(font.ref.toString(), base.ref);
  }
  for (const dict of users) {
    for (const [key, value] of dict.entries()) {
      const to = value instanceof PDFRef ? replaced.get(value.toString()) : undefined;
      if (to) dict.set(key, to);
    }
  }
  // What no page draws with any more goes: the merged fonts, and a font left behind by pages
  // whose content was replaced (the first print's front matter).
  const live = reachable(context, trailerRoots(context));
  const dead = [...context.enumerateIndirectObjects()].flatMap(([ref, object]) =>
    isType0(object) && !live.has(ref.toString()) ? [ref] : [],
  );
  for (const [key, ref] of reachable(context, dead)) if (!live.has(key)) context.delete(ref);
  return { before, after: countType0(context) };
}

function isType0(object: PDFObject | undefined): boolean {
  return object instanceof PDFDict && object.get(N.Subtype) === N.Type0;
}

function countType0(context: PDFContext): number {
  return context.enumerateIndirectObjects().filter(([, object]) => isType0(object)).length;
}

/** The objects a reader starts from: the catalog and the document information. */
function trailerRoots(context: PDFContext): PDFRef[] {
  const { Root, Info } = context.trailerInfo;
  return [Root, Info].filter((r): r is PDFRef => r instanceof PDFRef);
}

/** A Type0 font as Skia embeds it, read for merging. */
interface Embedded {
  ref: PDFRef;
  face: string;
  cid: PDFDict;
  descriptor: PDFDict;
  /** The descriptor's entries but for the font's name and file: equal for one font. */
  signature: string;
  glyphs: GlyphSubset;
  toUnicode: ToUnicode;
}

const N = {
  Resources: PDFName.of('Resources'),
  Font: PDFName.of('Font'),
  Subtype: PDFName.of('Subtype'),
  Type0: PDFName.of('Type0'),
  BaseFont: PDFName.of('BaseFont'),
  Encoding: PDFName.of('Encoding'),
  IdentityH: PDFName.of('Identity-H'),
  DescendantFonts: PDFName.of('DescendantFonts'),
  CIDFontType2: PDFName.of('CIDFontType2'),
  CIDToGIDMap: PDFName.of('CIDToGIDMap'),
  Identity: PDFName.of('Identity'),
  FontDescriptor: PDFName.of('FontDescriptor'),
  FontName: PDFName.of('FontName'),
  FontFile2: PDFName.of('FontFile2'),
  CIDSet: PDFName.of('CIDSet'),
  ToUnicode: PDFName.of('ToUnicode'),
  Filter: PDFName.of('Filter'),
  FlateDecode: PDFName.of('FlateDecode'),
  DecodeParms: PDFName.of('DecodeParms'),
  Length: PDFName.of('Length'),
  Length1: PDFName.of('Length1'),
  W: PDFName.of('W'),
  DW: PDFName.of('DW'),
};

/** Every /Font resource dictionary: of pages, page-tree nodes, form XObjects, patterns, Type 3 fonts. */
function fontDicts(context: PDFContext): PDFDict[] {
  const found = new Set<PDFDict>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    const resources = dict?.lookupMaybe(N.Resources, PDFDict);
    const fonts = resources?.lookupMaybe(N.Font, PDFDict);
    if (fonts) found.add(fonts);
  }
  return [...found];
}

/** The Type0 fonts the resources name, each once, in the order first named. */
function fontRefs(context: PDFContext, users: PDFDict[]): PDFRef[] {
  const seen = new Map<string, PDFRef>();
  for (const dict of users) {
    for (const value of dict.values()) {
      if (!(value instanceof PDFRef) || seen.has(value.toString())) continue;
      const font = context.lookup(value);
      if (isType0(font)) seen.set(value.toString(), value);
    }
  }
  return [...seen.values()];
}

/** The font, or undefined if it is not a Type0/CIDFontType2 font with identity glyph ids that can be read. */
function readEmbedded(context: PDFContext, ref: PDFRef): Embedded | undefined {
  const font = context.lookup(ref, PDFDict);
  const name = font.lookupMaybe(N.BaseFont, PDFName)?.decodeText();
  const cid = font.lookupMaybe(N.DescendantFonts, PDFArray)?.lookup(0);
  if (!name || font.get(N.Encoding) !== N.IdentityH || !(cid instanceof PDFDict)) return undefined;
  if (cid.get(N.Subtype) !== N.CIDFontType2 || cid.get(N.CIDToGIDMap) !== N.Identity) return undefined;
  const descriptor = cid.lookupMaybe(N.FontDescriptor, PDFDict);
  const file = descriptor?.get(N.FontFile2);
  const toUnicodeRef = font.get(N.ToUnicode);
  if (!descriptor || !(file instanceof PDFRef) || !(toUnicodeRef instanceof PDFRef)) return undefined;
  const fontBytes = streamBytes(context.lookup(file));
  const cmapBytes = streamBytes(context.lookup(toUnicodeRef));
  const glyphs = fontBytes && readGlyphSubset(fontBytes);
  const toUnicode = cmapBytes && readToUnicode(cmapBytes.toString('latin1'));
  if (!glyphs || !toUnicode || !widthsAgree(cid, glyphs, toUnicode)) return undefined;
  const signature = descriptor
    .entries()
    .filter(([k]) => k !== N.FontName && k !== N.FontFile2)
    .map(([k, v]) => `${k.toString()} ${v.toString()}`)
    .join('\n');
  return { ref, face: name.replace(/^[A-Z]{6}\+/, ''), cid, descriptor, signature, glyphs, toUnicode };
}

/** A stream's data, inflated, if it is stored raw or with FlateDecode alone. */
function streamBytes(object: PDFObject | undefined): Buffer | undefined {
  if (!(object instanceof PDFRawStream)) return undefined;
  const filter = object.dict.get(N.Filter);
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (object.dict.has(N.DecodeParms)) return undefined;
  if (only === undefined) return Buffer.from(object.contents);
  if (only !== N.FlateDecode) return undefined;
  try {
    return inflateSync(object.contents);
  } catch {
    return undefined;
  }
}

/** A glyph's width in the PDF's thousandths of an em, from its advance in the font. */
const widthOf = (glyphs: GlyphSubset, g: number) =>
  Math.round(((glyphs.hMetrics.get(g)?.[0] ?? 0) * 1000 * 1000) / glyphs.unitsPerEm) / 1000;

/**
 * The font's /W and /DW give every glyph with text the width of its advance in the font, as the
 * merged font's /W will: nothing that was drawn moves.
 */
function widthsAgree(cid: PDFDict, glyphs: GlyphSubset, toUnicode: ToUnicode): boolean {
  const w = readWidths(cid.lookupMaybe(N.W, PDFArray));
  // PDF's default /DW is 1000.
  const fallback = cid.lookupMaybe(N.DW, PDFNumber)?.asNumber() ?? 1000;
  if (!w) return false;
  for (const g of toUnicode.keys()) {
    if (!glyphs.outlines.has(g)) continue;
    if (Math.abs((w.get(g) ?? fallback) - widthOf(glyphs, g)) > 0.01) return false;
  }
  return true;
}

/** Fonts found to be of one font file, and what they hold together, to check the next one against. */
interface Cluster {
  members: Embedded[];
  face: string;
  signature: string;
  /** Every member's kept glyphs, outlines and metrics, with the first member's tables. */
  glyphs: GlyphSubset;
  toUnicode: ToUnicode;
  /** Glyphs a member drew with text but kept no outline or metric for: blanks of zero width. */
  blanks: Set<number>;
}

function newCluster(font: Embedded): Cluster {
  const { glyphs } = font;
  const cluster: Cluster = {
    members: [],
    face: font.face,
    signature: font.signature,
    glyphs: { ...glyphs, outlines: new Map(), hMetrics: new Map(), vMetrics: glyphs.vMetrics && new Map() },
    toUnicode: new Map(),
    blanks: new Set(),
  };
  join(cluster, font);
  return cluster;
}

function join(cluster: Cluster, font: Embedded): void {
  const into = cluster.glyphs;
  cluster.members.push(font);
  for (const [g, outline] of font.glyphs.outlines) {
    if (into.outlines.has(g)) continue;
    into.outlines.set(g, outline);
    into.hMetrics.set(g, font.glyphs.hMetrics.get(g) ?? [0, 0]);
    into.vMetrics?.set(g, font.glyphs.vMetrics?.get(g) ?? [0, 0]);
  }
  for (const [code, text] of font.toUnicode) {
    if (!cluster.toUnicode.has(code)) cluster.toUnicode.set(code, text);
    if (!font.glyphs.outlines.has(code)) cluster.blanks.add(code);
  }
}

/**
 * Whether `font` can join the cluster: of one font with its members, the same text for the glyphs
 * both have, and no glyph drawn as a blank by one that the other has an outline for. Checked
 * against the members' union, which agrees with each of them: one pass, however many members.
 */
function fits(cluster: Cluster, font: Embedded): boolean {
  if (cluster.face !== font.face || cluster.signature !== font.signature) return false;
  if (!sameFont(cluster.glyphs, font.glyphs)) return false;
  for (const [code, text] of font.toUnicode) {
    const other = cluster.toUnicode.get(code);
    if (other !== undefined && other !== text) return false;
    if (!font.glyphs.outlines.has(code) && cluster.glyphs.outlines.has(code)) return false;
  }
  for (const code of cluster.blanks) if (font.glyphs.outlines.has(code)) return false;
  return true;
}

/**
 * Writes the cluster's union into its first font's objects: the font file, ToUnicode map and
 * widths; false if they are not where readEmbedded found them. The other members' objects are
 * left for the caller to drop.
 */
function writeUnion(context: PDFContext, cluster: Cluster): boolean {
  const [base] = cluster.members;
  if (!base) return false;
  const union = unionOf(cluster.members.map((f) => f.glyphs));
  const file = writeGlyphSubset(union);
  const fileRef = base.descriptor.get(N.FontFile2);
  const mapRef = context.lookup(base.ref, PDFDict).get(N.ToUnicode);
  if (!(fileRef instanceof PDFRef) || !(mapRef instanceof PDFRef)) return false;
  context.assign(fileRef, flate(context, file, { Length1: file.length }));
  context.assign(mapRef, flate(context, Buffer.from(writeToUnicode(cluster.toUnicode), 'latin1'), {}));
  const widths = new Map([...union.outlines.keys()].map((g) => [g, widthOf(union, g)]));
  const dw = defaultWidth(widths);
  base.cid.set(N.W, writeWidths(context, widths, dw));
  base.cid.set(N.DW, context.obj(dw));
  // A CIDSet lists one subset's glyphs; the union has more.
  base.descriptor.delete(N.CIDSet);
  return true;
}

function flate(context: PDFContext, data: Buffer, extra: Record<string, number>): PDFRawStream {
  return PDFRawStream.of(context.obj({ Filter: 'FlateDecode', ...extra }), deflateSync(data));
}

/**
 * Every object reachable from `roots`, by reference. Iterative: bookmarks and structure elements
 * chain through thousands of objects.
 */
function reachable(context: PDFContext, roots: PDFRef[]): Map<string, PDFRef> {
  const seen = new Map<string, PDFRef>();
  const stack: (PDFObject | undefined)[] = [...roots];
  while (stack.length > 0) {
    const object = stack.pop();
    if (object instanceof PDFRef) {
      if (seen.has(object.toString())) continue;
      seen.set(object.toString(), object);
      stack.push(context.lookup(object));
    } else if (object instanceof PDFDict) for (const value of object.values()) stack.push(value);
    else if (object instanceof PDFArray) for (const value of object.asArray()) stack.push(value);
    else if (object instanceof PDFStream) stack.push(object.dict);
  }
  return seen;
}
