/**
 * Reads and writes plain TrueType/OpenType files (sfnt) as a set of tables, so that one table can
 * be replaced while every other one is written back byte for byte. Collections are not handled.
 */
export type Tables = Map<string, Buffer>;

export interface Sfnt {
  /** 0x00010000 for TrueType outlines, 'OTTO' for CFF. */
  flavor: number;
  tables: Tables;
}

export function readSfnt(bytes: Uint8Array): Sfnt | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 12) return null;
  const flavor = b.readUInt32BE(0);
  if (flavor !== 0x00010000 && flavor !== 0x4f54544f) return null;
  const count = b.readUInt16BE(4);
  if (b.length < 12 + count * 16) return null;
  const tables: Tables = new Map();
  for (let i = 0; i < count; i++) {
    const entry = 12 + i * 16;
    const offset = b.readUInt32BE(entry + 8);
    const length = b.readUInt32BE(entry + 12);
    if (offset + length > b.length) return null;
    tables.set(b.toString('latin1', entry, entry + 4), b.subarray(offset, offset + length));
  }
  return { flavor, tables };
}

/** The sum of the data as big-endian 32-bit words, zero-padded: each table's and the file's. */
function checksum(data: Buffer): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  for (let i = whole; i < data.length; i++) sum = (sum + ((data[i] ?? 0) << (24 - 8 * (i - whole)))) >>> 0;
  return sum;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** The font file: tables in tag order, 4-byte aligned, with checksums and head.checkSumAdjustment. */
export function writeSfnt(font: Sfnt): Buffer {
  const tags = [...font.tables.keys()].sort();
  const count = tags.length;
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= count) {
    searchRange *= 2;
    entrySelector++;
  }
  const headerLength = 12 + count * 16;
  let size = headerLength;
  for (const tag of tags) size += pad4(font.tables.get(tag)?.length ?? 0);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(font.flavor, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(searchRange * 16, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(count * 16 - searchRange * 16, 10);
  let offset = headerLength;
  let headOffset = -1;
  // The file's checksum is the directory's plus every (zero-padded) table's.
  let fileSum = 0;
  tags.forEach((tag, i) => {
    const table = font.tables.get(tag) ?? Buffer.alloc(0);
    // head's checksum is taken with checkSumAdjustment zeroed; the adjustment is set last.
    const data = tag === 'head' ? Buffer.from(table) : table;
    if (tag === 'head' && data.length >= 12) {
      data.writeUInt32BE(0, 8);
      headOffset = offset;
    }
    const entry = 12 + i * 16;
    out.write(tag, entry, 4, 'latin1');
    const sum = checksum(data);
    fileSum = (fileSum + sum) >>> 0;
    out.writeUInt32BE(sum, entry + 4);
    out.writeUInt32BE(offset, entry + 8);
    out.writeUInt32BE(data.length, entry + 12);
    data.copy(out, offset);
    offset += pad4(data.length);
  });
  fileSum = (fileSum + checksum(out.subarray(0, headerLength))) >>> 0;
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - fileSum) >>> 0, headOffset + 8);
  return out;
}
