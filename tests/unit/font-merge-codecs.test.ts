import { PDFArray, PDFDocument, PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { defaultWidth, readWidths, writeWidths } from '../../scripts/lib/fonts/cid-widths.ts';
import { readToUnicode, writeToUnicode } from '../../scripts/lib/fonts/to-unicode.ts';

/** A ToUnicode CMap as Chromium writes it: single codes, ranges, and a ligature's two characters. */
const SKIA_CMAP = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <0020>
<0A94> <4E00>
<0B10> <00660069>
endbfchar
2 beginbfrange
<405B> <405C> <969B>
<0010> <0012> [<0041> <0042> <0043>]
endbfrange
endcmap`;

describe('ToUnicode CMaps', () => {
  it('reads single codes, incrementing ranges and listed ranges', () => {
    expect(Object.fromEntries(readToUnicode(SKIA_CMAP) ?? [])).toEqual({
      1: '0020',
      2708: '4E00',
      2832: '00660069',
      16475: '969B',
      16476: '969C',
      16: '0041',
      17: '0042',
      18: '0043',
    });
  });

  it("counts a range on across its text's last byte, as readers do (最 after 曾 and 替, not 昐)", () => {
    // Chromium's own range for glyphs 1D11..1D13 of Noto Serif TC: 替 曾 最.
    const cmap = SKIA_CMAP.replace('<405B> <405C> <969B>', '<1D11> <1D13> <66FE>\n<0020> <0021> <D83DDFFF>');
    const map = readToUnicode(cmap) ?? new Map<number, string>();
    expect([0x1d11, 0x1d12, 0x1d13].map((c) => map.get(c))).toEqual(['66FE', '66FF', '6700']);
    // The carry runs through the whole string: a character beyond the BMP as a surrogate pair.
    expect([0x20, 0x21].map((c) => map.get(c))).toEqual(['D83DDFFF', 'D83DE000']);
    expect(readToUnicode(writeToUnicode(map))?.get(0x1d13)).toBe('6700');
  });

  it('reads no CMap whose text is not whole UTF-16 code units', () => {
    expect(readToUnicode(SKIA_CMAP.replace('<0A94> <4E00>', '<0A94> <66100>'))).toBeNull();
    expect(readToUnicode(SKIA_CMAP.replace('<405B> <405C> <969B>', '<405B> <405C> <69B>'))).toBeNull();
  });

  it('writes a CMap that reads back the same, a hundred codes to a section', () => {
    const map = new Map(Array.from({ length: 250 }, (_, i) => [i * 3, (0x4e00 + i).toString(16).toUpperCase()]));
    const text = writeToUnicode(map);
    expect(text.match(/beginbfchar/g)).toHaveLength(3);
    expect(text).toContain('<0000> <4E00>');
    expect(readToUnicode(text)).toEqual(map);
  });
});

describe('CIDFont widths', () => {
  it('reads lists and runs', async () => {
    const doc = await PDFDocument.create();
    const w = doc.context.obj([1, [256], 6, [963, 0, 0, 378], 17, 19, 590]);
    expect(Object.fromEntries(readWidths(w) ?? [])).toEqual({
      1: 256,
      6: 963,
      7: 0,
      8: 0,
      9: 378,
      17: 590,
      18: 590,
      19: 590,
    });
  });

  it('leaves out the default width and never gives a glyph of the default width another one', async () => {
    const doc = await PDFDocument.create();
    // 10 and 12 share a width with 1000-wide 11 between them: a run 10..12 would widen 11.
    const widths = new Map([
      [3, 1000],
      [4, 1000],
      [5, 1000],
      [10, 590],
      [11, 1000],
      [12, 590],
      [20, 300],
      [21, 300],
      [22, 300],
      [30, 250],
      [32, 260],
    ]);
    expect(defaultWidth(widths)).toBe(1000);
    const w = writeWidths(doc.context, widths, 1000);
    const read = readWidths(w) ?? new Map();
    for (const [g, width] of widths) expect(read.get(g) ?? 1000, `glyph ${g}`).toBe(width);
    expect(read.has(11)).toBe(false);
    expect(read.has(4)).toBe(false);
    // One run for 20..22.
    expect(w.asArray().slice(-5, -2)).toEqual([PDFNumber.of(20), PDFNumber.of(22), PDFNumber.of(300)]);
    expect(w.asArray().at(-1)).toBeInstanceOf(PDFArray);
  });
});
