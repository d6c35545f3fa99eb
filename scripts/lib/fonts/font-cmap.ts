/**
 * The character map of a font: read it, keep one code point per glyph, write it back.
 *
 * Why one per glyph: Chromium's PDF writer gives each embedded glyph one Unicode value in the
 * font's ToUnicode map, the lowest code point the font maps to it. A whole Noto TC font draws
 * 民 and the radical ⺠, 大 and ⼤, – and ‒ with one glyph each, so the text layer said ⺠ where the
 * page shows 民 (Chromium adds an /ActualText span with the right text, which poppler reads and
 * pdf.js does not: the schedule placed 13 of 144 figures). The web-font slices never had both
 * in one file.
 * With the rarer code point left out of the print font, the text layer reads what was typed; a
 * document that does use the rarer one gets it from the site's slice, which still has it.
 */
export type CharMap = Map<number, number>;

interface Subtable {
  platform: number;
  encoding: number;
  offset: number;
}

function subtables(cmap: Buffer): Subtable[] {
  const out: Subtable[] = [];
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const r = 4 + i * 8;
    out.push({ platform: cmap.readUInt16BE(r), encoding: cmap.readUInt16BE(r + 2), offset: cmap.readUInt32BE(r + 4) });
  }
  return out;
}

function readFormat12(t: Buffer, into: CharMap): void {
  const groups = t.readUInt32BE(12);
  for (let g = 0; g < groups; g++) {
    const r = 16 + g * 12;
    const start = t.readUInt32BE(r);
    const end = t.readUInt32BE(r + 4);
    const glyph = t.readUInt32BE(r + 8);
    for (let cp = start; cp <= end; cp++) into.set(cp, glyph + cp - start);
  }
}

function readFormat4(t: Buffer, into: CharMap): void {
  const segX2 = t.readUInt16BE(6);
  const ends = 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const start = t.readUInt16BE(starts + s);
    const end = t.readUInt16BE(ends + s);
    const delta = t.readUInt16BE(deltas + s);
    const rangeOffset = t.readUInt16BE(rangeOffsets + s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph = (cp + delta) & 0xffff;
      if (rangeOffset !== 0) {
        glyph = t.readUInt16BE(rangeOffsets + s + rangeOffset + 2 * (cp - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) into.set(cp, glyph);
    }
  }
}

/** The mapping of one subtable (format 4 or 12), or null if there is none such. */
export function readSubtable(cmap: Buffer, platform: number, encoding: number): CharMap | null {
  const found = subtables(cmap).find((s) => s.platform === platform && s.encoding === encoding);
  if (!found) return null;
  const map: CharMap = new Map();
  const format = cmap.readUInt16BE(found.offset);
  if (format === 12) readFormat12(cmap.subarray(found.offset), map);
  else if (format === 4) readFormat4(cmap.subarray(found.offset), map);
  else return null;
  return map;
}

/** The font's Unicode mapping, from its full-repertoire subtable if it has one, or null. */
export function readCharMap(cmap: Buffer): CharMap | null {
  return readSubtable(cmap, 3, 10) ?? readSubtable(cmap, 0, 4) ?? readSubtable(cmap, 3, 1) ?? readSubtable(cmap, 0, 3);
}

const RADICALS = (cp: number) => cp >= 0x2e80 && cp <= 0x2fdf;
/**
 * Characters that share a glyph with a lower code point in Noto TC and are the ones Chinese text
 * uses (what Big5 and HKSCS text converts to): the en dash of ranges and folios (not the figure
 * dash), the hyphenation point of transliterated names (not the bullet), the ideographic space
 * (not the em space), and the fullwidth forms of ASCII (／ and ～, not ∕ and 〜).
 */
const PREFERRED = (cp: number) => cp === 0x2013 || cp === 0x2027 || cp === 0x3000 || (cp >= 0xff01 && cp <= 0xff5e);

/**
 * Lower is the code point that text more likely means by the glyph: Latin-1 (the hyphen-minus,
 * not the soft hyphen; the middle dot, not the bullet), the preferred punctuation, then any other
 * character; last the radicals and the compatibility duplicates of a character the font draws
 * with the same glyph (⼤ for 大, 兀 U+FA0C for 兀). Ties go to the lowest code point.
 */
function rank(cp: number, glyph: number, map: CharMap): number {
  const normal = [...String.fromCodePoint(cp).normalize('NFKC')];
  const base = normal.length === 1 ? normal[0]?.codePointAt(0) : undefined;
  if (RADICALS(cp) || (base !== undefined && base !== cp && map.get(base) === glyph)) return 3;
  if (cp < 0x100) return 0;
  if (PREFERRED(cp)) return 1;
  return 2;
}

/** The mapping with each glyph reached from one code point only: the one text most likely uses. */
export function oneCodePointPerGlyph(map: CharMap): CharMap {
  const best = new Map<number, number>();
  for (const [cp, glyph] of map) {
    const current = best.get(glyph);
    if (current === undefined) best.set(glyph, cp);
    else {
      const a = rank(cp, glyph, map);
      const b = rank(current, glyph, map);
      if (a < b || (a === b && cp < current)) best.set(glyph, cp);
    }
  }
  const out: CharMap = new Map();
  for (const [cp, glyph] of map) if (best.get(glyph) === cp) out.set(cp, glyph);
  return out;
}

function format12(entries: [number, number][]): Buffer {
  const groups: [number, number, number][] = [];
  for (const [cp, glyph] of entries) {
    const last = groups.at(-1);
    if (last && cp === last[1] + 1 && glyph === last[2] + cp - last[0]) last[1] = cp;
    else groups.push([cp, cp, glyph]);
  }
  const out = Buffer.alloc(16 + groups.length * 12);
  out.writeUInt16BE(12, 0);
  out.writeUInt32BE(out.length, 4);
  out.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, glyph], i) => {
    out.writeUInt32BE(start, 16 + i * 12);
    out.writeUInt32BE(end, 20 + i * 12);
    out.writeUInt32BE(glyph, 24 + i * 12);
  });
  return out;
}

interface Segment {
  start: number;
  end: number;
  /** Set for a segment read through idDelta; otherwise the glyphs go in glyphIdArray. */
  delta?: number;
  glyphs: number[];
}

/** A run of four or more code points mapped to consecutive glyphs is cheaper as its own segment. */
const DELTA_RUN = 4;

function format4(entries: [number, number][]): Buffer | null {
  const bmp = entries.filter(([cp]) => cp < 0xffff);
  const segments: Segment[] = [];
  let i = 0;
  while (i < bmp.length) {
    // One stretch of consecutive code points, cut into runs of consecutive glyphs.
    let j = i;
    while (j + 1 < bmp.length && (bmp[j + 1] as [number, number])[0] === (bmp[j] as [number, number])[0] + 1) j++;
    const runs: [number, number][][] = [];
    for (let k = i; k <= j; k++) {
      const e = bmp[k] as [number, number];
      const run = runs.at(-1);
      const prev = run?.at(-1);
      if (run && prev && e[1] - e[0] === prev[1] - prev[0]) run.push(e);
      else runs.push([e]);
    }
    let pending: [number, number][] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const first = pending[0] as [number, number];
      const last = pending.at(-1) as [number, number];
      segments.push({ start: first[0], end: last[0], glyphs: pending.map((e) => e[1]) });
      pending = [];
    };
    for (const run of runs) {
      if (run.length >= DELTA_RUN || runs.length === 1) {
        flush();
        const first = run[0] as [number, number];
        const last = run.at(-1) as [number, number];
        segments.push({ start: first[0], end: last[0], delta: (first[1] - first[0]) & 0xffff, glyphs: [] });
      } else pending.push(...run);
    }
    flush();
    i = j + 1;
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1, glyphs: [] });
  const segCount = segments.length;
  const arrayLength = segments.reduce((n, s) => n + s.glyphs.length, 0);
  const length = 16 + segCount * 8 + arrayLength * 2;
  // The format's length field is 16 bits; such a font keeps its 32-bit subtable only.
  if (length > 0xffff) return null;
  const out = Buffer.alloc(length);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= segCount) {
    searchRange *= 2;
    entrySelector++;
  }
  out.writeUInt16BE(4, 0);
  out.writeUInt16BE(length, 2);
  out.writeUInt16BE(segCount * 2, 6);
  out.writeUInt16BE(searchRange * 2, 8);
  out.writeUInt16BE(entrySelector, 10);
  out.writeUInt16BE(segCount * 2 - searchRange * 2, 12);
  const ends = 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  let arrayAt = rangeOffsets + segCount * 2;
  segments.forEach((s, n) => {
    out.writeUInt16BE(s.end, ends + n * 2);
    out.writeUInt16BE(s.start, starts + n * 2);
    out.writeUInt16BE(s.delta ?? 0, deltas + n * 2);
    if (s.delta === undefined) {
      out.writeUInt16BE(arrayAt - (rangeOffsets + n * 2), rangeOffsets + n * 2);
      for (const glyph of s.glyphs) {
        out.writeUInt16BE(glyph, arrayAt);
        arrayAt += 2;
      }
    }
  });
  return out;
}

/**
 * A cmap table with `map` as its Unicode subtables (BMP and full repertoire) and the variation
 * sequences subtable (format 14) of `original`, byte for byte.
 */
export function writeCmap(map: CharMap, original: Buffer): Buffer {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const full = format12(entries);
  const bmp = format4(entries);
  const uvs = subtables(original).find((s) => s.platform === 0 && s.encoding === 5);
  const variations =
    uvs && original.readUInt16BE(uvs.offset) === 14
      ? original.subarray(uvs.offset, uvs.offset + original.readUInt32BE(uvs.offset + 2))
      : undefined;
  const records: [number, number, Buffer][] = [];
  if (bmp) records.push([0, 3, bmp]);
  records.push([0, 4, full]);
  if (variations) records.push([0, 5, variations]);
  if (bmp) records.push([3, 1, bmp]);
  records.push([3, 10, full]);
  // The 32-bit subtable first keeps it 4-byte aligned; format 14 may have an odd length, so last.
  const blobs = [full, ...(bmp ? [bmp] : []), ...(variations ? [variations] : [])];
  const header = Buffer.alloc(4 + records.length * 8);
  header.writeUInt16BE(records.length, 2);
  const offsets = new Map<Buffer, number>();
  let offset = header.length;
  for (const blob of blobs) {
    offsets.set(blob, offset);
    offset += blob.length;
  }
  records.forEach(([platform, encoding, blob], i) => {
    header.writeUInt16BE(platform, 4 + i * 8);
    header.writeUInt16BE(encoding, 6 + i * 8);
    header.writeUInt32BE(offsets.get(blob) ?? 0, 8 + i * 8);
  });
  return Buffer.concat([header, ...blobs]);
}
