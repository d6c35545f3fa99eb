import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * Names the weight a WOFF2 font really has. The fontsource static Noto TC files are instances
 * of the variable fonts that kept the variable font's default name: the 400 and 700 files call
 * themselves "Noto Serif TC ExtraLight" and "Noto Sans TC Thin", and the PDF embedded them as
 * NotoSerifTCExtraLight-Regular, which a prepress check reads as the wrong weight. The outlines
 * and the OS/2 weight class are right; only the name table is rewritten, from the weight class.
 *
 * WOFF2 keeps every table in one Brotli stream, in directory order and unpadded; the name table
 * is never transformed, so it can be replaced and the stream recompressed without touching the
 * glyph data. Anything unexpected (a collection, metadata blocks, an unknown name format) leaves
 * the font as it was.
 */

// biome-ignore format: the WOFF2 specification's table of known tags, in its order
const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ',
  'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS',
  'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc',
  'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop',
  'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

const WEIGHTS: Record<number, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
};
const WEIGHT_SUFFIX = new RegExp(` (${Object.values(WEIGHTS).join('|')})$`);

interface TableEntry {
  flags: number;
  tag: string;
  origLength: number;
  /** Length in the decompressed stream (the transformed length for transformed tables). */
  length: number;
  transformLength?: number;
}

interface Woff2 {
  header: Buffer;
  tables: TableEntry[];
  data: Buffer;
}

function readBase128(bytes: Buffer, at: { p: number }): number {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[at.p++] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return value;
  }
  throw new Error('bad UIntBase128');
}

function writeBase128(value: number): number[] {
  const out = [value & 0x7f];
  for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) out.unshift((v & 0x7f) | 0x80);
  return out;
}

function parse(font: Uint8Array): Woff2 | null {
  const bytes = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  if (bytes.length < 48 || bytes.toString('latin1', 0, 4) !== 'wOF2') return null;
  if (bytes.toString('latin1', 4, 8) === 'ttcf') return null;
  // Metadata or private data after the font stream would need their offsets moved.
  if (bytes.readUInt32BE(28) !== 0 || bytes.readUInt32BE(40) !== 0) return null;
  const at = { p: 48 };
  const tables: TableEntry[] = [];
  for (let i = 0; i < bytes.readUInt16BE(12); i++) {
    const flags = bytes[at.p++] ?? 0;
    let tag = KNOWN_TAGS[flags & 0x3f] ?? '';
    if ((flags & 0x3f) === 63) {
      tag = bytes.toString('latin1', at.p, at.p + 4);
      at.p += 4;
    }
    const origLength = readBase128(bytes, at);
    const version = flags >> 6;
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const entry: TableEntry = { flags, tag, origLength, length: origLength };
    if (transformed) {
      entry.transformLength = readBase128(bytes, at);
      entry.length = entry.transformLength;
    }
    tables.push(entry);
  }
  const compressed = bytes.subarray(at.p, at.p + bytes.readUInt32BE(20));
  return { header: bytes.subarray(0, 48), tables, data: brotliDecompressSync(compressed) };
}

function tableData(font: Woff2, tag: string): Buffer | undefined {
  let offset = 0;
  for (const t of font.tables) {
    if (t.tag === tag) return font.data.subarray(offset, offset + t.length);
    offset += t.length;
  }
  return undefined;
}

/** Each table's bytes as stored (glyf and loca in their WOFF2 transform), by tag. */
export function woff2Tables(font: Uint8Array): Map<string, Buffer> {
  const parsed = parse(font);
  return new Map(parsed ? parsed.tables.map((t) => [t.tag, tableData(parsed, t.tag) as Buffer]) : []);
}

interface NameRecord {
  platformID: number;
  encodingID: number;
  languageID: number;
  nameID: number;
  value: Buffer;
}

function readNameTable(table: Buffer): NameRecord[] | null {
  if (table.readUInt16BE(0) !== 0) return null;
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  const records: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    const start = storage + table.readUInt16BE(r + 10);
    records.push({
      platformID: table.readUInt16BE(r),
      encodingID: table.readUInt16BE(r + 2),
      languageID: table.readUInt16BE(r + 4),
      nameID: table.readUInt16BE(r + 6),
      value: table.subarray(start, start + table.readUInt16BE(r + 8)),
    });
  }
  return records;
}

function decode(record: NameRecord): string {
  if (record.platformID === 1) return record.value.toString('latin1');
  let s = '';
  for (let i = 0; i + 1 < record.value.length; i += 2) s += String.fromCharCode(record.value.readUInt16BE(i));
  return s;
}

function encode(record: NameRecord, text: string): Buffer {
  if (record.platformID === 1) return Buffer.from(text, 'latin1');
  const out = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) out.writeUInt16BE(text.charCodeAt(i), i * 2);
  return out;
}

function writeNameTable(records: NameRecord[]): Buffer {
  const head = Buffer.alloc(6 + records.length * 12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((record, i) => {
    const r = 6 + i * 12;
    head.writeUInt16BE(record.platformID, r);
    head.writeUInt16BE(record.encodingID, r + 2);
    head.writeUInt16BE(record.languageID, r + 4);
    head.writeUInt16BE(record.nameID, r + 6);
    head.writeUInt16BE(record.value.length, r + 8);
    head.writeUInt16BE(offset, r + 10);
    offset += record.value.length;
  });
  return Buffer.concat([head, ...records.map((r) => r.value)]);
}

/** The name records that identify a font (family, style, full and PostScript names), by ID. */
export function woff2Names(font: Uint8Array): Record<number, string> {
  const parsed = parse(font);
  const table = parsed && tableData(parsed, 'name');
  const records = table ? readNameTable(table) : null;
  const out: Record<number, string> = {};
  for (const record of records ?? []) {
    if (record.platformID === 3 || out[record.nameID] === undefined) out[record.nameID] = decode(record);
  }
  return out;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** The font with its name table naming its real weight (and slope), or the font unchanged if it cannot. */
export function nameWoff2ByWeight(font: Uint8Array): Uint8Array {
  const parsed = parse(font);
  if (!parsed) return font;
  const os2 = tableData(parsed, 'OS/2');
  const name = tableData(parsed, 'name');
  const records = name && readNameTable(name);
  const weight = os2 && os2.length >= 6 ? WEIGHTS[os2.readUInt16BE(4)] : undefined;
  const current = records?.find((r) => r.nameID === 1);
  if (!name || !records || !weight || !current) return font;
  const family = decode(current).replace(WEIGHT_SUFFIX, '');
  const styleLinked = weight === 'Regular' || weight === 'Bold';
  // An italic file (OS/2 fsSelection bit 0) keeps its slope in its names: named by weight alone,
  // the English h4's italic was embedded as a second "NotoSerif-Regular", a face twice over.
  const italic = os2 !== undefined && os2.length >= 64 && (os2.readUInt16BE(62) & 1) === 1;
  const style = italic ? (weight === 'Regular' ? 'Italic' : `${weight} Italic`) : weight;
  const names: Record<number, string> = {
    1: styleLinked ? family : `${family} ${weight}`,
    2: styleLinked ? style : italic ? 'Italic' : 'Regular',
    4: `${family} ${style}`,
    6: `${family.replace(/\s+/g, '')}-${style.replace(/\s+/g, '')}`,
    16: family,
    17: style,
  };
  const renamed = records.map((r) => {
    const text = names[r.nameID];
    return text === undefined ? r : { ...r, value: encode(r, text) };
  });
  const newName = writeNameTable(renamed);

  let offset = 0;
  const parts: Buffer[] = [];
  const directory: number[] = [];
  for (const t of parsed.tables) {
    const isName = t.tag === 'name';
    parts.push(isName ? newName : parsed.data.subarray(offset, offset + t.length));
    offset += t.length;
    directory.push(t.flags);
    if ((t.flags & 0x3f) === 63) directory.push(...Buffer.from(t.tag, 'latin1'));
    directory.push(...writeBase128(isName ? newName.length : t.origLength));
    if (t.transformLength !== undefined) directory.push(...writeBase128(t.transformLength));
  }
  const compressed = brotliCompressSync(Buffer.concat(parts), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT },
  });
  const header = Buffer.from(parsed.header);
  const total = pad4(48 + directory.length + compressed.length);
  header.writeUInt32BE(total, 8);
  header.writeUInt32BE(header.readUInt32BE(16) - pad4(name.length) + pad4(newName.length), 16);
  header.writeUInt32BE(compressed.length, 20);
  const out = Buffer.alloc(total);
  header.copy(out, 0);
  Buffer.from(directory).copy(out, 48);
  compressed.copy(out, 48 + directory.length);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
