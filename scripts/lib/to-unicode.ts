/**
 * A PDF font's ToUnicode CMap with 2-byte codes (Identity-H), read into and written from a map
 * of glyph code to its text as UTF-16BE hex (`4E00`, or `00660069` for a ligature's "fi").
 */
export type ToUnicode = Map<number, string>;

const hexPair = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g;

/** The mappings of every bfchar and bfrange section, or null where the CMap holds something else. */
export function readToUnicode(text: string): ToUnicode | null {
  const map: ToUnicode = new Map();
  for (const [, body] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, dst] of (body ?? '').matchAll(hexPair)) map.set(Number.parseInt(code ?? '', 16), upper(dst));
  }
  for (const [, body] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const rows = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g;
    for (const [, lo, hi, dst] of (body ?? '').matchAll(rows)) {
      const first = Number.parseInt(lo ?? '', 16);
      const last = Number.parseInt(hi ?? '', 16);
      if (!(last >= first) || !dst) return null;
      if (dst.startsWith('[')) {
        const each = [...dst.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => upper(m[1]));
        for (let c = first; c <= last; c++) {
          const d = each[c - first];
          if (d !== undefined) map.set(c, d);
        }
      } else {
        // The destination's last byte counts up along the range.
        const start = upper(dst.slice(1, -1));
        const head = start.slice(0, -2);
        const lastByte = Number.parseInt(start.slice(-2), 16);
        for (let c = first; c <= last; c++) map.set(c, head + hex(lastByte + c - first, 2));
      }
    }
  }
  return map;
}

const upper = (s: string | undefined) => (s ?? '').toUpperCase();
const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');

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
