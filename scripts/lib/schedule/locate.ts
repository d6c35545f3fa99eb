/**
 * Finds the PDF page of each bound figure by walking the PDF's text in document order.
 * Chromium cannot tell which page an element lands on, but the text layer can: each figure is
 * looked for after the previous one, by the text just before it and itself, which is local and
 * nearly always unique. Whitespace is ignored on both sides (pdf text breaks lines freely), and
 * so are hyphens and soft hyphens (U+00AD): English is hyphenated at build time, and pdftotext
 * joins a word broken at a line end by dropping its hyphen, so "cost-" + "effectiveness" reads
 * back as "costeffectiveness" while the page's own text still holds "cost-effectiveness".
 */
export interface LocateItem {
  /** Text that ends where the figure ends (e.g. the last characters of its paragraph up to it). */
  anchor: string;
  /** Shorter fallback when the anchor straddles a page break (running heads interrupt it). */
  fallback: string;
  /** Figures inside a chart or table are located by the figure's title; keep the cursor there. */
  sticky: boolean;
  /**
   * The figure as displayed, the last resort: a figure that opens a page has even its short
   * fallback split from it by the folio and the running head ("…in 2018 to" | "RMB3,436.8 billion").
   * Searched from after the previous figure, its first occurrence is the one.
   */
  figure?: string;
}

const squeeze = (s: string) => s.replace(/[\s\u00AD\u2010\u2011-]+/gu, '');

/** A folio closing a page's text, squeezed: `–98–`, `–I-3–` (its hyphen squeezed too), `–ii–`. */
const FOOT_FOLIO = /–(?:[IVX]*\d+|[ivx]+)–$/u;
/** How far into a page (squeezed) its furniture can reach: the two-line English warning and a running head. */
const HEAD_ROOM = 400;

/**
 * A figure that a page break splits ("…即期部分人民幣" | next page | "22,480千元…"): no needle holds
 * both halves, as the next page's draft warning and running head come between them. Its start
 * closes a page (before the folio, if the reader puts it there) and its rest follows the next
 * page's furniture. Returns the offset in the whole text where the figure ends, on the later page.
 */
function acrossPageBreak(
  pages: readonly string[],
  starts: readonly number[],
  figure: string,
  cursor: number,
): number | undefined {
  for (let p = 0; p + 1 < pages.length; p++) {
    const next = pages[p + 1] ?? '';
    const nextStart = starts[p + 1] ?? 0;
    if (nextStart + next.length <= cursor) continue;
    const end = (pages[p] ?? '').replace(FOOT_FOLIO, '');
    for (let k = 1; k < figure.length; k++) {
      if (!end.endsWith(figure.slice(0, k))) continue;
      const at = next.indexOf(figure.slice(k));
      if (at !== -1 && at <= HEAD_ROOM && nextStart + at >= cursor) return nextStart + at + figure.length - k - 1;
    }
  }
  return undefined;
}

/**
 * An anchor a page break splits: its start on one page, its rest, the whole figure included,
 * among the first lines of the next (after the draft warning, running head and folio). The
 * start need not close its page: the text layer reads a chart's labels after the paragraphs
 * below it. Only the page breaks between `cursor` and `before` are looked at. Returns the offset
 * in the whole text where the anchor ends, on the later page.
 */
function splitAnchor(
  pages: readonly string[],
  starts: readonly number[],
  needle: string,
  figure: string,
  cursor: number,
  before: number,
): number | undefined {
  for (let p = 0; p + 1 < pages.length; p++) {
    const nextStart = starts[p + 1] ?? 0;
    if (nextStart > before) break;
    if (nextStart <= cursor) continue;
    const page = pages[p] ?? '';
    const next = pages[p + 1] ?? '';
    // The longest start first: the most specific split.
    for (let k = needle.length - Math.max(figure.length, 1); k >= 1; k--) {
      const rest = needle.slice(k);
      const at = next.indexOf(rest);
      if (at === -1 || at > HEAD_ROOM) continue;
      const start = page.lastIndexOf(needle.slice(0, k));
      if (start === -1 || (starts[p] ?? 0) + start < cursor) continue;
      return nextStart + at + rest.length - 1;
    }
  }
  return undefined;
}

export function locatePages(pageTexts: readonly string[], items: readonly LocateItem[]): (number | undefined)[] {
  const starts: number[] = [];
  const squeezed = pageTexts.map(squeeze);
  let full = '';
  for (const text of squeezed) {
    starts.push(full.length);
    full += text;
  }
  const pageAt = (offset: number) => {
    let page = 0;
    while (page + 1 < starts.length && (starts[page + 1] ?? Number.POSITIVE_INFINITY) <= offset) page++;
    return page + 1;
  };
  let cursor = 0;
  const from = (needle: string, start: number) => (needle ? full.indexOf(needle, start) : -1);
  return items.map((item) => {
    for (const candidate of [item.anchor, item.fallback]) {
      const needle = squeeze(candidate);
      const index = from(needle, cursor);
      if (index === -1) continue;
      // A page break inside the anchor puts the next page's furniture into it where it stands, so
      // the same words further on ("2022年至2027年的複合年增長率為30.1%" twice in a section) would
      // be taken for it: an occurrence split by a page break before that one is the figure's.
      const split = item.sticky
        ? undefined
        : splitAnchor(squeezed, starts, needle, squeeze(item.figure ?? ''), cursor, index);
      if (split !== undefined) {
        cursor = split - needle.length + 2;
        return pageAt(split);
      }
      // Consecutive figures in one sentence have overlapping anchors: advance past the start only.
      cursor = item.sticky ? index : index + 1;
      return pageAt(index + needle.length - 1);
    }
    // The text layer does not always follow the document: pdf.js reads an ordered list's items
    // after the paragraphs that follow it on the page, so a figure in those paragraphs can come
    // before the cursor. Its anchor, nearly always unique, is looked for in the whole text,
    // leaving the cursor where it is, before the bare figure is searched for after the cursor.
    const anchor = squeeze(item.anchor);
    const anywhere = from(anchor, 0);
    if (anywhere !== -1) return pageAt(anywhere + anchor.length - 1);
    const figure = squeeze(item.figure ?? '');
    const index = from(figure, cursor);
    if (index === -1) {
      const end = figure ? acrossPageBreak(squeezed, starts, figure, cursor) : undefined;
      if (end === undefined) return undefined;
      if (!item.sticky) cursor = end;
      return pageAt(end);
    }
    cursor = item.sticky ? index : index + 1;
    return pageAt(index + figure.length - 1);
  });
}
