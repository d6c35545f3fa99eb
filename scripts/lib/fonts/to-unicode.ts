/**
 * A PDF font's ToUnicode CMap with 2-byte codes (Identity-H), read into and written from a map
 * of glyph code to its text as UTF-16BE hex (`4E00`, or `00660069` for a ligature's "fi").
 */
export type ToUnicode = Map<number, string>;

const hexPair = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g;

/**
 * The mappings of every bfchar and bfrange section, or null where the CMap holds something else
 * (text that is not whole UTF-16 code units among it): the font is then left as Chromium wrote it.
 */
export function readToUnicode(text: string): ToUnicode | null {
  const map: ToUnicode = new Map();
  for (const [, body] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, dst] of (body ?? '').matchAll(hexPair)) {
      if (!isUtf16(dst)) return null;
      map.set(Number.parseInt(code ?? '', 16), upper(dst));
    }
  }
  for (const [, body] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const rows = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g;
    for (const [, lo, hi, dst] of (body ?? '').matchAll(rows)) {
      const first = Number.parseInt(lo ?? '', 16);
      const last = Number.parseInt(hi ?? '', 16);
      if (!(last >= first) || !dst) return null;
      if (dst.startsWith('[')) {
        const each = [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => upper(m[1]));
        if (!each.every(isUtf16)) return null;
        for (let c = first; c <= last; c++) {
          const d = each[c - first];
          if (d !== undefined) map.set(c, d);
        }
      } else {
        const start = upper(dst.slice(1, -1));
        if (!isUtf16(start)) return null;
        for (let c = first; c <= last; c++) map.set(c, plus(start, c - first));
      }
    }
  }
  return map;
}

const upper = (s: string | undefined) => (s ?? '').toUpperCase();
const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');

/** Text as UTF-16BE: whole 2-byte code units, at least one. */
const isUtf16 = (s: string | undefined) => s !== undefined && s.length > 0 && s.length % 4 === 0;

/**
 * The destination `offset` codes along a bfrange: the string read as one big-endian number, the
 * offset added with carry, at the string's own width. Chromium (Skia) breaks its ranges only where
 * the glyph id's high byte changes, not where the text's last byte wraps: `<1D11> <1D13> <66FE>`
 * means 66FE 66FF 6700 (曾 替 最), as poppler and pdf.js read it. Counting the last byte alone
 * wrote `66100` into the merged font's map: pdftotext read 昐 (6610), pdf.js "fက".
 */
function plus(start: string, offset: number): string {
  const digits = start.length;
  const sum = (BigInt(`0x${start}`) + BigInt(offset)) % (1n << BigInt(digits * 4));
  return sum.toString(16).toUpperCase().padStart(digits, '0');
}

/** The CMap as Skia writes it (Adobe-Identity-UCS), every code as one bfchar, 100 to a section. */
export function writeToUnicode(map: ToUnicode): string {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const sections: string[] = [];
  for (let i = 0; i < codes.length; i += 100) {
    const chunk = codes.slice(i, i + 100);
    sections.push(
      `${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex(c, 4)}> <${map.get(c)}>`).join('\n')}\nendbfchar\n`,
    );
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo\n<<  /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    sections.join('') +
    'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend'
  );
}
