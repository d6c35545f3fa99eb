/**
 * What a reviewer can sign off on one chapter's page, and each item's key: the one rule for the
 * build (reading the printed whole-document page) and the review client (reading a chapter page).
 *
 * `chapterItems` is handed to `page.evaluate` and stringified into the browser client, so it
 * imports nothing and refers to nothing outside its own body.
 */

/** One item as a page shows it (no hash: the browser has no sha256 to spare, the build adds it). */
export interface PageItem {
  key: string;
  kind: 'figure' | 'table' | 'chart' | 'section';
  chapterId: string;
  /** The `h2` the item stands after, when there is one. */
  sectionId?: string;
  /** chapter · section · what the item is (a figure's label, a table's title). */
  label: string;
  covered: { value?: string; source?: string; context: string };
  /** The item's element: `root.querySelectorAll(ITEM_ELEMENTS)[index]`, for a client to attach controls. */
  index: number;
}

/**
 * The elements `index` counts, in document order. Kept equal to the selector inside
 * `chapterItems` (a unit test compares them).
 */
export const ITEM_ELEMENTS = '.fig[data-ref], figure.table-figure, figure.chart, h2[id]';

/**
 * Elements whose text is not the document's words: scripts and styles, a chart's drawing (its
 * numbers are in the chart's data table), and anything the review client adds, which must carry
 * `data-review-ui` so a page it has decorated keeps the same keys and contexts.
 */
export const NOT_TEXT = 'script, style, template, .chart-surface, [data-review-ui]';

/**
 * The items of one chapter (`root`: its `article`) in document order:
 * - prose figures (`.fig[data-ref]` not inside a `figure`), `figure:<chapterId>/<ref>~<n>`, n
 *   counting that ref among the chapter's prose figures; covered: its value, sources and the text
 *   of its block (`p, li, td, h1–h4`);
 * - tables and charts (`figure.table-figure`, `figure.chart`), `table:`/`chart:<chapterId>/<id>`
 *   with the page's `~n` occurrence suffix taken off; covered: the figure's whole text;
 * - sections (`h2[id]`), `section:<id>`; covered: the text from the heading to the next one.
 * Text has soft hyphens removed and whitespace collapsed, with a space between blocks and cells.
 */
export function chapterItems(root: Element, chapterId: string): PageItem[] {
  const ELEMENTS = '.fig[data-ref], figure.table-figure, figure.chart, h2[id]';
  const SKIP = 'script, style, template, .chart-surface, [data-review-ui]';
  // A space where a block or cell starts, so neighbouring cells do not run together.
  const BLOCK =
    /^(P|LI|TD|TH|TR|H1|H2|H3|H4|H5|H6|CAPTION|FIGCAPTION|DIV|SECTION|TABLE|THEAD|TBODY|UL|OL|DL|DT|DD|BR|SUMMARY|DETAILS|BLOCKQUOTE)$/;
  const clean = (s: string) =>
    s
      .replace(/\u00ad/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  const doc = root.ownerDocument;
  const walk = (scope: Node, visit: (node: Node) => void) => {
    const walker = doc.createTreeWalker(scope, 0x1 | 0x4, {
      acceptNode: (n) => (n.nodeType === 1 && (n as Element).matches(SKIP) ? 2 : 1),
    });
    for (let n: Node | null = walker.nextNode(); n; n = walker.nextNode()) visit(n);
  };
  const textOf = (scope: Node) => {
    let text = '';
    walk(scope, (n) => {
      if (n.nodeType === 3) text += n.nodeValue ?? '';
      else if (BLOCK.test((n as Element).tagName)) text += ' ';
    });
    return clean(text);
  };

  // Each section's text in one pass: from its h2 to the next h2.
  const sectionText = new Map<Element, string>();
  let current: Element | undefined;
  let buffer = '';
  walk(root, (n) => {
    if (n.nodeType === 1 && (n as Element).matches('h2[id]') && !(n as Element).closest('figure')) {
      if (current) sectionText.set(current, clean(buffer));
      current = n as Element;
      buffer = '';
    } else if (!current) return;
    if (n.nodeType === 3) buffer += n.nodeValue ?? '';
    else if (BLOCK.test((n as Element).tagName)) buffer += ' ';
  });
  if (current) sectionText.set(current, clean(buffer));

  const chapter = clean(root.querySelector('h1')?.textContent ?? '');
  const label = (...parts: (string | undefined)[]) => parts.filter((p) => p).join(' · ');
  const counts = new Map<string, number>();
  const next = (key: string) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };
  const items: PageItem[] = [];
  let section: { id: string; title: string } | undefined;
  const elements = root.querySelectorAll<HTMLElement>(ELEMENTS);
  for (let index = 0; index < elements.length; index++) {
    const el = elements[index] as HTMLElement;
    if (el.closest('[data-review-ui]')) continue;
    const inFigure = el.parentElement?.closest('figure') ?? null;
    const at = section ? { sectionId: section.id } : {};
    if (el.matches('h2[id]')) {
      if (inFigure) continue;
      section = { id: el.id, title: clean(el.textContent ?? '') };
      items.push({
        key: `section:${el.id}`,
        kind: 'section',
        chapterId,
        sectionId: el.id,
        label: label(chapter, section.title),
        covered: { context: sectionText.get(el) ?? '' },
        index,
      });
    } else if (el.matches('figure.table-figure, figure.chart')) {
      const kind = el.matches('figure.chart') ? 'chart' : 'table';
      const base = `${kind}:${chapterId}/${(el.id || `${kind}`).replace(/~\d+$/, '')}`;
      const n = next(base);
      const title = clean(el.querySelector('.figure-title')?.textContent ?? '');
      items.push({
        key: n === 1 ? base : `${base}~${n}`,
        kind,
        chapterId,
        ...at,
        label: label(chapter, section?.title, title),
        covered: { context: textOf(el) },
        index,
      });
    } else if (!inFigure) {
      const ref = el.dataset['ref'] ?? '';
      const base = `figure:${chapterId}/${ref}`;
      const block = el.closest('p, li, td, h1, h2, h3, h4') ?? el;
      items.push({
        key: `${base}~${next(base)}`,
        kind: 'figure',
        chapterId,
        ...at,
        label: label(chapter, section?.title, el.dataset['label'] || clean(el.textContent ?? '')),
        covered: {
          value: el.dataset['value'] ?? '',
          source: el.dataset['sources'] ?? '',
          context: textOf(block),
        },
        index,
      });
    }
  }
  return items;
}
