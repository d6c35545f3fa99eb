import type { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { appendixFolio } from '../../../src/lib/document/appendix.ts';
import { frontFolio } from '../../../src/lib/document/front.ts';
import { loadPrint, outlineEntries, type Printed } from '../pdf/pdf-finish.ts';
import { RenderError } from '../pdf/render-error.ts';

/** One page.pdf call; `outline: false` for prints whose bookmarks are not kept. */
export type Print = (extra?: { pageRanges?: string; outline?: boolean }) => Promise<Uint8Array>;

export interface NumberedContents {
  /** The last full print: the finished PDF's pages, but for the front matter when `front` is set. */
  full: Printed;
  /** The front matter (cover, timetable, contents) printed again with its numbers (`frontPages` pages), to replace the full print's first pages. */
  front: Printed | undefined;
  /** Pages before the first section after the contents (cover, timetable, contents): physical page − folio. */
  frontPages: number;
  /**
   * Folio of the page where each heading starts, by heading id (a chapter by its article id), as
   * printed: `12`, or `I-3` in an appendix.
   */
  contents: Record<string, string>;
  /** Pages of the first print. */
  pages: number;
  /** The folio printed on a physical page: `12`, or `I-3` in an appendix. */
  folioOf: (physical: number) => string;
}

/**
 * Chromium has no target-counter(): the first print tells where each heading falls, and the
 * numbers are written into the contents' fixed-width slots. That cannot move a page, so only
 * the front matter (cover, contents) is printed again and put in place of its first-print
 * pages. Should the layout move after all, the whole document is printed again until the
 * numbers settle.
 */
export async function numberContents(page: Page, first: Printed, print: Print): Promise<NumberedContents> {
  // The front matter's page count is fixed by the first print: later prints only fill numbers in.
  const located = await headingPages(page, first.doc);
  const folioOf = located.folioOf;
  let contents = located.folios;
  const frontPages = located.offset;
  const pages = first.doc.getPageCount();
  let full = first;
  const layoutBefore = await frontLayout(page);
  await fillContents(page, contents);
  // A page number in a cross-reference is in a chapter: the chapters must be printed again.
  const inChapters = await page.evaluate(
    () => document.querySelector('.print-chapter:not(.print-front) .ref-page') !== null,
  );
  if (frontPages > 0 && !inChapters && sameLayout(layoutBefore, await frontLayout(page))) {
    return { full, front: await printFront(page, frontPages, print), frontPages, contents, pages, folioOf };
  }
  for (let attempt = 1; ; attempt++) {
    full = await loadPrint(await print());
    const after = (await headingPages(page, full.doc)).folios;
    if (sameNumbers(after, contents)) break;
    if (attempt === 3) throw new RenderError('contents page numbers do not settle after 3 prints');
    contents = after;
    await fillContents(page, contents);
  }
  return { full, front: undefined, frontPages, contents, pages, folioOf };
}

/**
 * Folio of the page where each heading (by id; a chapter by its article id) starts, and the
 * offset physical page − folio: folios start at – 1 – on the first page after the contents; the
 * cover does not count, and the front matter between it and the first section after the
 * contents (a timetable printed before the contents, the contents) counts – i –, – ii – …
 * (front.ts). An appendix numbers its own pages from its first, after its numeral (`I-1`), as
 * its printed folios do (appendixPageCss).
 */
async function headingPages(
  page: Page,
  doc: PDFDocument,
): Promise<{ folios: Record<string, string>; offset: number; folioOf: (physical: number) => string }> {
  const physical = await headingPhysicalPages(page, doc);
  const { firstChapter, front, appendices } = await page.evaluate(() => ({
    firstChapter: document.querySelector('article.print-chapter:not(.print-front)')?.id ?? '',
    // The front matter's first heading: a section printed before the contents, or the contents.
    front: [...document.querySelectorAll<HTMLElement>('article.print-front, nav.contents h1')].map((el) => el.id),
    appendices: [...document.querySelectorAll<HTMLElement>('article.print-chapter[data-appendix]')].map((a) => ({
      id: a.id,
      numeral: a.dataset['appendix'] ?? '',
    })),
  }));
  const offset = (physical[firstChapter] ?? 1) - 1;
  const frontPages = front.flatMap((id) => (physical[id] === undefined ? [] : [physical[id] as number]));
  const frontStart = frontPages.length ? Math.min(...frontPages) : offset + 1;
  const starts = appendices
    .flatMap((a) => (physical[a.id] === undefined ? [] : [{ numeral: a.numeral, start: physical[a.id] as number }]))
    .sort((a, b) => b.start - a.start);
  const folio = (p: number) => {
    if (p <= offset) return frontFolio(Math.max(1, p - frontStart + 1));
    const appendix = starts.find((a) => a.start <= p);
    return appendix ? appendixFolio(appendix.numeral, p - appendix.start + 1) : String(p - offset);
  };
  return {
    folios: Object.fromEntries(Object.entries(physical).map(([id, p]) => [id, folio(p)])),
    offset,
    folioOf: folio,
  };
}

/** Heading ids in document order, matched one to one with the PDF outline (also document order). */
async function headingPhysicalPages(page: Page, doc: PDFDocument): Promise<Record<string, number>> {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => (h as HTMLElement).offsetParent !== null || getComputedStyle(h).display !== 'none')
      .map((h) => ({
        id: h.closest('article.print-chapter') && h.tagName === 'H1' ? (h.closest('article') as HTMLElement).id : h.id,
        text: (h.textContent ?? '').replace(/\s+/g, ''),
      })),
  );
  const outline = outlineEntries(doc);
  return Object.fromEntries(
    Object.entries(headingBookmarks(headings, outline)).map(([id, index]) => [id, outline[index]?.page ?? 0]),
  );
}

/**
 * Each heading's bookmark in `outline`, by heading id (`text` without spaces): both are in
 * document order and matched one to one; a heading with no bookmark is passed over.
 */
export function headingBookmarks(
  headings: { id: string; text: string }[],
  outline: { title: string }[],
): Record<string, number> {
  const found: Record<string, number> = {};
  let cursor = 0;
  for (const heading of headings) {
    // Chromium sometimes writes a heading's text, or its first text node, twice into its bookmark
    // (a heading moved to the next page by break-after: avoid; an appendix's 附錄一 in its own
    // span); the bookmark titles are rewritten after printing.
    const index = outline.findIndex(
      (entry, i) => i >= cursor && sameTitle(entry.title.replace(/\s+/g, ''), heading.text),
    );
    if (index === -1) continue;
    cursor = index + 1;
    if (heading.id) found[heading.id] = index;
  }
  return found;
}

/**
 * `title` is `text`, or `text` with a beginning of it written once more in front and/or an end
 * of it once more behind: a heading whose first text node is an element (a <Redact> in
 * `超額配股權及穩定價格`) can come out as 超額配股權 + 超額配股權及穩定價格 + 及穩定價格.
 */
export function sameTitle(title: string, text: string): boolean {
  if (title === text) return true;
  if (title.length <= text.length || text === '') return false;
  for (let at = title.indexOf(text); at !== -1; at = title.indexOf(text, at + 1)) {
    const before = title.slice(0, at);
    const after = title.slice(at + text.length);
    if (text.startsWith(before) && text.endsWith(after)) return true;
  }
  return false;
}

/** Writes the folios into the contents and into the page notes of cross-references. */
export async function fillContents(page: Page, contents: Record<string, string>): Promise<void> {
  const missing = await page.evaluate((numbers: Record<string, string>) => {
    const unknown: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.contents-page[data-target], .ref-page[data-target]')) {
      const target = el.dataset['target'] ?? '';
      const n = numbers[target];
      if (n === undefined) unknown.push(target);
      else el.textContent = String(n);
    }
    return unknown;
  }, contents);
  if (missing.length)
    throw new RenderError(`contents entries with no heading in the PDF outline: ${missing.join(', ')}`);
}

function sameNumbers(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** Where the chapters start and how tall the contents are: unchanged means no page moved. */
async function frontLayout(page: Page): Promise<number[]> {
  return page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLElement>('.contents, article.print-chapter')].map((el) => el.offsetHeight),
    ...[...document.querySelectorAll<HTMLElement>('article.print-chapter')].map((el) => el.offsetTop),
  ]);
}

function sameLayout(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Prints the cover and contents alone. `pageRanges` would still make Chromium lay out and
 * paginate the whole document (a third of the PDF step at 460 pages). The chapters are taken out
 * of the DOM rather than hidden: a tagged print walks the whole document, hidden parts included,
 * and took several times longer than with the chapters detached, for the same page content.
 * Should the front matter then paginate differently, the chapters come back and the pages are
 * cut from a full print instead.
 */
async function printFront(page: Page, frontPages: number, print: Print): Promise<Printed> {
  await page.evaluate(() => {
    const parked: [Comment, Element][] = [];
    for (const chapter of document.querySelectorAll('article.print-chapter:not(.print-front)')) {
      const mark = document.createComment('print-front-only');
      chapter.replaceWith(mark);
      parked.push([mark, chapter]);
    }
    (window as unknown as { parkedChapters: typeof parked }).parkedChapters = parked;
  });
  const alone = await loadPrint(await print({ outline: false }));
  // The chapters stay out when this print is used: what the page had to tell (figures, titles)
  // was read before, and bringing them back would lay out the whole document once more.
  if (alone.doc.getPageCount() === frontPages) return alone;
  await page.evaluate(() => {
    for (const [mark, chapter] of (window as unknown as { parkedChapters: [Comment, Element][] }).parkedChapters) {
      mark.replaceWith(chapter);
    }
  });
  const cut = await loadPrint(await print({ pageRanges: `1-${frontPages}`, outline: false }));
  if (cut.doc.getPageCount() !== frontPages) {
    throw new RenderError(`front matter reprinted as ${cut.doc.getPageCount()} pages, expected ${frontPages}`);
  }
  return cut;
}
