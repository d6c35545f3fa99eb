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

export function locatePages(pageTexts: readonly string[], items: readonly LocateItem[]): (number | undefined)[] {
  const starts: number[] = [];
  let full = '';
  for (const text of pageTexts) {
    starts.push(full.length);
    full += squeeze(text);
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
    if (index !== -1) {
      cursor = item.sticky ? index : index + 1;
      return pageAt(index + figure.length - 1);
    }
    // A figure a page break splits ("…即期部分人民幣" | folio, running heads | "22,480千元…") is
    // nowhere whole in the text: it is on the page where it starts, if the rest opens the next page.
    const split = straddling(full, starts, squeeze(item.fallback), figure, cursor);
    if (split === undefined) return undefined;
    cursor = split.resume;
    return split.page;
  });
}

/** At most this much text follows a page's last line (its folio), and precedes the next page's first (warning line, running heads). */
const FOOT = 40;
const HEAD = 400;

/**
 * A figure broken across a page break: some start of `fallback` (its context and the figure's
 * beginning) ends a page but for its folio, and the rest of the figure opens the next page after
 * its running heads. Returns the 1-based page where the figure starts, and where to search on.
 */
function straddling(
  full: string,
  starts: readonly number[],
  fallback: string,
  figure: string,
  cursor: number,
): { page: number; resume: number } | undefined {
  if (!figure || !fallback.endsWith(figure)) return undefined;
  const context = fallback.length - figure.length;
  for (let p = 0; p + 1 < starts.length; p++) {
    const end = starts[p + 1] ?? full.length;
    if (end <= cursor) continue;
    const next = full.slice(end, starts[p + 2] ?? full.length);
    for (let k = 1; k < figure.length; k++) {
      const head = fallback.slice(0, context + k);
      const at = full.lastIndexOf(head, end - head.length);
      if (at < cursor || at < (starts[p] ?? 0) || end - (at + head.length) > FOOT) continue;
      const tail = next.indexOf(figure.slice(k));
      if (tail === -1 || tail > HEAD) continue;
      return { page: p + 1, resume: at + 1 };
    }
  }
  return undefined;
}
