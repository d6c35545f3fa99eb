import { type CharMap, readCharMap, writeCmap } from './font-cmap.ts';
import { readSfnt, type Sfnt, writeSfnt } from './sfnt.ts';

/**
 * The union of TrueType subsets of one font that keep every glyph at its original id.
 *
 * Chromium's PDF writer (Skia) subsets each embedded font with HarfBuzz and
 * HB_SUBSET_FLAGS_RETAIN_GIDS: a glyph keeps its id in the whole font, and the glyphs left out
 * stay as empty slots (no outline, zero advance and side bearing). Two prints' subsets of one
 * font therefore hold the same glyph at the same id, and their union is a font whose slot `g`
 * is taken from whichever subset kept glyph `g` — no glyph id in any page's content changes.
 */
export interface GlyphSubset {
  sfnt: Sfnt;
  unitsPerEm: number;
  /** Glyph count: one past the highest glyph id the subset kept. */
  count: number;
  /** Outline bytes by glyph id, for the glyphs kept (an empty outline for a kept space). */
  outlines: Map<number, Buffer>;
  /** Advance and side bearing by glyph id, for the glyphs kept: horizontal, and vertical if any. */
  hMetrics: Map<number, [number, number]>;
  vMetrics: Map<number, [number, number]> | undefined;
}

/** Tables that depend on the glyph set, rebuilt for the union; the rest are taken from one subset. */
const REBUILT = new Set(['glyf', 'loca', 'hmtx', 'vmtx', 'maxp', 'hhea', 'vhea', 'head', 'cmap', 'post']);
/**
 * Tables that must agree for two subsets to be of one font: the glyphs' instructions call
 * functions of fpgm and read cvt; name and OS/2 say which font it is.
 */
const SHARED = ['fpgm', 'cvt ', 'prep', 'name'];
/**
 * Tables kept besides the rebuilt ones. Layout (GSUB, GPOS, GDEF) and per-glyph device tables
 * (hdmx, kern, VDMX, LTSH) are left out: each subset's describe only its own glyphs, and a PDF
 * viewer draws the glyph ids the page names, it never shapes text.
 */
const KEPT = new Set(['OS/2', 'name', 'cvt ', 'fpgm', 'prep', 'gasp', 'STAT']);

/** The subset's glyph slots, or null if it is not a TrueType-outline font with retained ids. */
export function readGlyphSubset(bytes: Uint8Array): GlyphSubset | null {
  const sfnt = readSfnt(bytes);
  if (sfnt?.flavor !== 0x00010000) return null;
  const t = (tag: string) => sfnt.tables.get(tag);
  const head = t('head');
  const maxp = t('maxp');
  const loca = t('loca');
  const glyf = t('glyf');
  const hhea = t('hhea');
  const hmtx = t('hmtx');
  if (!head || !maxp || !loca || !glyf || !hhea || !hmtx || head.length < 54 || maxp.length < 6) return null;
  const count = maxp.readUInt16BE(4);
  const long = head.readInt16BE(50) === 1;
  if (loca.length < (count + 1) * (long ? 4 : 2)) return null;
  const at = (g: number) => (long ? loca.readUInt32BE(g * 4) : loca.readUInt16BE(g * 2) * 2);
  const h = readMetrics(hmtx, hhea, count);
  if (!h) return null;
  const vhea = t('vhea');
  const vmtx = t('vmtx');
  const v = vhea && vmtx ? readMetrics(vmtx, vhea, count) : undefined;
  if (v === null) return null;
  const outlines = new Map<number, Buffer>();
  const hMetrics = new Map<number, [number, number]>();
  const vMetrics = v ? new Map<number, [number, number]>() : undefined;
  for (let g = 0; g < count; g++) {
    const start = at(g);
    const end = at(g + 1);
    if (end < start || end > glyf.length) return null;
    // A slot left out by the subsetter is empty in every table; a kept glyph has an outline or
    // a metric (a space has only its advance).
    const kept =
      end > start || h.advance(g) !== 0 || h.bearing(g) !== 0 || (v && (v.advance(g) !== 0 || v.bearing(g) !== 0));
    if (!kept) continue;
    outlines.set(g, evenLength(glyf.subarray(start, end)));
    hMetrics.set(g, [h.advance(g), h.bearing(g)]);
    if (v) vMetrics?.set(g, [v.advance(g), v.bearing(g)]);
  }
  return { sfnt, unitsPerEm: head.readUInt16BE(18), count, outlines, hMetrics, vMetrics };
}

interface Metrics {
  advance(glyph: number): number;
  bearing(glyph: number): number;
}

/** Long metrics (advance, bearing) then bearings alone (hmtx/hhea or vmtx/vhea), read on demand. */
function readMetrics(mtx: Buffer, header: Buffer, count: number): Metrics | null {
  if (header.length < 36) return null;
  const long = header.readUInt16BE(34);
  if (long < 1 || mtx.length < long * 4 + Math.max(0, count - long) * 2) return null;
  return {
    advance: (g) => mtx.readUInt16BE(Math.min(g, long - 1) * 4),
    bearing: (g) => (g < long ? mtx.readInt16BE(g * 4 + 2) : mtx.readInt16BE(long * 4 + (g - long) * 2)),
  };
}

/** Short loca offsets count 2-byte words: every outline is padded to an even length. */
function evenLength(outline: Buffer): Buffer {
  return outline.length % 2 === 0 ? outline : Buffer.concat([outline, Buffer.alloc(1)]);
}

const sameMetric = (a: [number, number] | undefined, b: [number, number] | undefined) =>
  a === undefined || b === undefined || (a[0] === b[0] && a[1] === b[1]);

/**
 * Whether `b` is a subset of the same font as `a`: the same em, hinting programs and names, and
 * every glyph both kept is the same outline with the same metrics.
 */
export function sameFont(a: GlyphSubset, b: GlyphSubset): boolean {
  if (a.unitsPerEm !== b.unitsPerEm || (a.vMetrics === undefined) !== (b.vMetrics === undefined)) return false;
  for (const tag of SHARED) {
    const x = a.sfnt.tables.get(tag);
    const y = b.sfnt.tables.get(tag);
    if ((x === undefined) !== (y === undefined) || (x && y && !x.equals(y))) return false;
  }
  const [few, many] = a.outlines.size <= b.outlines.size ? [a, b] : [b, a];
  for (const [g, outline] of few.outlines) {
    const other = many.outlines.get(g);
    if (other === undefined) continue;
    if (!other.equals(outline)) return false;
    if (!sameMetric(few.hMetrics.get(g), many.hMetrics.get(g))) return false;
    if (!sameMetric(few.vMetrics?.get(g), many.vMetrics?.get(g))) return false;
  }
  return true;
}

/** The union of subsets for which sameFont holds, as one subset (the first one's other tables). */
export function unionOf(subsets: readonly GlyphSubset[]): GlyphSubset {
  const [first] = subsets;
  if (!first) throw new Error('unionOf needs at least one subset');
  const outlines = new Map<number, Buffer>();
  const hMetrics = new Map<number, [number, number]>();
  const vMetrics = first.vMetrics ? new Map<number, [number, number]>() : undefined;
  for (const s of subsets) {
    for (const [g, outline] of s.outlines) {
      if (outlines.has(g)) continue;
      outlines.set(g, outline);
      hMetrics.set(g, s.hMetrics.get(g) ?? [0, 0]);
      vMetrics?.set(g, s.vMetrics?.get(g) ?? [0, 0]);
    }
  }
  const count = Math.max(...subsets.map((s) => s.count));
  const tables = new Map(first.sfnt.tables);
  const unionTable = (tag: string, combine: (tables: Buffer[]) => Buffer) => {
    const all = subsets.flatMap((s) => s.sfnt.tables.get(tag) ?? []);
    if (all.length > 0) tables.set(tag, combine(all));
  };
  unionTable('maxp', (all) => maxOf(all, count));
  unionTable('head', (all) => boundsOf(all));
  unionTable('hhea', (all) => extremesOf(all));
  unionTable('vhea', (all) => extremesOf(all));
  unionTable('OS/2', (all) => charRangeOf(all));
  const cmap = tables.get('cmap');
  if (cmap) tables.set('cmap', writeCmap(charMapOf(subsets), cmap));
  return {
    sfnt: { flavor: first.sfnt.flavor, tables },
    unitsPerEm: first.unitsPerEm,
    count,
    outlines,
    hMetrics,
    vMetrics,
  };
}

/** Every code point any subset maps, to the glyph the first subset that maps it names. */
function charMapOf(subsets: readonly GlyphSubset[]): CharMap {
  const map: CharMap = new Map();
  for (const s of subsets) {
    const cmap = s.sfnt.tables.get('cmap');
    const own = cmap ? readCharMap(cmap) : null;
    for (const [cp, g] of own ?? []) if (!map.has(cp)) map.set(cp, g);
  }
  return map;
}

/** maxp: the glyph count of the union; every other limit the largest of the subsets'. */
function maxOf(all: Buffer[], count: number): Buffer {
  const out = Buffer.from(all[0] ?? Buffer.alloc(6));
  out.writeUInt16BE(count, 4);
  for (let at = 6; at + 2 <= out.length; at += 2) {
    out.writeUInt16BE(Math.max(...all.map((b) => (at + 2 <= b.length ? b.readUInt16BE(at) : 0))), at);
  }
  return out;
}

/** head: the bounding box around all outlines (xMin, yMin, xMax, yMax). */
function boundsOf(all: Buffer[]): Buffer {
  const out = Buffer.from(all[0] ?? Buffer.alloc(54));
  for (const [at, pick] of [
    [36, Math.min],
    [38, Math.min],
    [40, Math.max],
    [42, Math.max],
  ] as const) {
    out.writeInt16BE(pick(...all.map((b) => b.readInt16BE(at))), at);
  }
  return out;
}

/** hhea/vhea: the largest advance and extent, the smallest side bearings. */
function extremesOf(all: Buffer[]): Buffer {
  const out = Buffer.from(all[0] ?? Buffer.alloc(36));
  out.writeUInt16BE(Math.max(...all.map((b) => b.readUInt16BE(10))), 10);
  out.writeInt16BE(Math.min(...all.map((b) => b.readInt16BE(12))), 12);
  out.writeInt16BE(Math.min(...all.map((b) => b.readInt16BE(14))), 14);
  out.writeInt16BE(Math.max(...all.map((b) => b.readInt16BE(16))), 16);
  return out;
}

/** OS/2: the first and last character any subset maps. */
function charRangeOf(all: Buffer[]): Buffer {
  const out = Buffer.from(all[0] ?? Buffer.alloc(68));
  if (out.length < 68) return out;
  out.writeUInt16BE(Math.min(...all.map((b) => (b.length >= 68 ? b.readUInt16BE(64) : 0xffff))), 64);
  out.writeUInt16BE(Math.max(...all.map((b) => (b.length >= 68 ? b.readUInt16BE(66) : 0))), 66);
  return out;
}

/** The font file of a subset: glyph slots at their ids, the empty ones empty. */
export function writeGlyphSubset(subset: GlyphSubset): Buffer {
  const { count, outlines } = subset;
  const offsets: number[] = [];
  const parts: Buffer[] = [];
  let size = 0;
  for (let g = 0; g < count; g++) {
    offsets.push(size);
    const outline = outlines.get(g);
    if (outline) {
      parts.push(outline);
      size += outline.length;
    }
  }
  offsets.push(size);
  const long = size / 2 > 0xffff;
  const loca = Buffer.alloc((count + 1) * (long ? 4 : 2));
  offsets.forEach((o, g) => {
    if (long) loca.writeUInt32BE(o, g * 4);
    else loca.writeUInt16BE(o / 2, g * 2);
  });
  const tables = new Map<string, Buffer>();
  for (const [tag, data] of subset.sfnt.tables) if (KEPT.has(tag) || REBUILT.has(tag)) tables.set(tag, data);
  tables.set('glyf', Buffer.concat(parts));
  tables.set('loca', loca);
  const head = Buffer.from(tables.get('head') ?? Buffer.alloc(54));
  head.writeInt16BE(long ? 1 : 0, 50);
  tables.set('head', head);
  tables.set('hmtx', metricsTable(subset.hMetrics, count));
  tables.set('hhea', withLongMetrics(tables.get('hhea'), count));
  if (subset.vMetrics && tables.has('vhea')) {
    tables.set('vmtx', metricsTable(subset.vMetrics, count));
    tables.set('vhea', withLongMetrics(tables.get('vhea'), count));
  } else {
    tables.delete('vmtx');
    tables.delete('vhea');
  }
  const post = tables.get('post');
  // Version 2 lists a name per glyph id; version 3 lists none.
  if (post && post.length >= 32 && post.readUInt32BE(0) === 0x00020000) {
    const v3 = Buffer.from(post.subarray(0, 32));
    v3.writeUInt32BE(0x00030000, 0);
    tables.set('post', v3);
  }
  return writeSfnt({ flavor: subset.sfnt.flavor, tables });
}

/** Every glyph with its own long metric: an empty slot reads (0, 0). */
function metricsTable(metrics: Map<number, [number, number]>, count: number): Buffer {
  const out = Buffer.alloc(count * 4);
  for (const [g, [advance, bearing]] of metrics) {
    if (g >= count) continue;
    out.writeUInt16BE(advance, g * 4);
    out.writeInt16BE(bearing, g * 4 + 2);
  }
  return out;
}

function withLongMetrics(header: Buffer | undefined, count: number): Buffer {
  const out = Buffer.from(header ?? Buffer.alloc(36));
  out.writeUInt16BE(count, 34);
  return out;
}
