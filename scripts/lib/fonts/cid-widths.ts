import { PDFArray, type PDFContext, PDFNumber } from 'pdf-lib';

/**
 * A CIDFont's glyph widths (/W and /DW, in thousandths of an em), read and written.
 * /W holds `c [w1 w2 …]` (widths from code c on) and `c1 c2 w` (one width for c1..c2).
 */
export function readWidths(w: PDFArray | undefined): Map<number, number> | null {
  const out = new Map<number, number>();
  const items = w?.asArray() ?? [];
  for (let i = 0; i < items.length; ) {
    const first = items[i];
    const next = items[i + 1];
    if (!(first instanceof PDFNumber)) return null;
    if (next instanceof PDFArray) {
      next.asArray().forEach((width, k) => {
        if (width instanceof PDFNumber) out.set(first.asNumber() + k, width.asNumber());
      });
      i += 2;
    } else {
      const width = items[i + 2];
      if (!(next instanceof PDFNumber) || !(width instanceof PDFNumber)) return null;
      for (let c = first.asNumber(); c <= next.asNumber(); c++) out.set(c, width.asNumber());
      i += 3;
    }
  }
  return out;
}

/** The most common integer width (ties: the narrower), as /DW: those glyphs need no /W entry. */
export function defaultWidth(widths: Map<number, number>): number {
  const counts = new Map<number, number>();
  for (const w of widths.values()) if (Number.isInteger(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [w, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n > most) [best, most] = [w, n];
  }
  return best;
}

/**
 * /W for the glyphs in `widths` (the glyphs drawn), the ones of width `dw` left out. Runs of one
 * width become `c1 c2 w`; other neighbours share a `c [w …]` list, gaps of up to 3 unused codes
 * filled with 0. A run never spans a glyph of another width, the default one included.
 */
export function writeWidths(context: PDFContext, widths: Map<number, number>, dw: number): PDFArray {
  const codes = [...widths.keys()].sort((a, b) => a - b);
  const width = (i: number) => widths.get(codes[i] ?? -1) ?? dw;
  const runEnd = (i: number) => {
    let j = i;
    while (j + 1 < codes.length && width(j + 1) === width(i)) j++;
    return j;
  };
  const out = context.obj([]);
  for (let i = 0; i < codes.length; i++) {
    if (width(i) === dw) continue;
    const end = runEnd(i);
    if (end > i) {
      out.push(PDFNumber.of(codes[i] ?? 0));
      out.push(PDFNumber.of(codes[end] ?? 0));
      out.push(PDFNumber.of(width(i)));
      i = end;
      continue;
    }
    const list = context.obj([]);
    list.push(PDFNumber.of(width(i)));
    let j = i + 1;
    for (; j < codes.length; j++) {
      const gap = (codes[j] ?? 0) - (codes[j - 1] ?? 0) - 1;
      if (width(j) === dw || gap > 3 || runEnd(j) > j) break;
      for (let k = 0; k < gap; k++) list.push(PDFNumber.of(0));
      list.push(PDFNumber.of(width(j)));
    }
    out.push(PDFNumber.of(codes[i] ?? 0));
    out.push(list);
    i = j - 1;
  }
  return out;
}
