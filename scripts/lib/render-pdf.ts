import { rename, rm, writeFile } from 'node:fs/promises';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './browser.ts';
import type { LocateItem } from './locate.ts';
import { openPdf, readOutline } from './pdf-read.ts';
import type { ScheduleRow } from './schedule.ts';
import { serveStatic } from './serve.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  language: string;
  keywords: string[];
  /** Fixed dates make two builds of one commit byte-identical (SOURCE_DATE_EPOCH). */
  date: Date;
}

export interface RenderPdfOptions {
  siteDir: string;
  /** Page of the built site to print. */
  path: string;
  outFile: string;
  metadata: PdfMetadata;
  browserPath?: string;
  /** Longest wait for fonts and charts before naming what hung. */
  readyTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface RenderPdfResult {
  pages: number;
  bytes: number;
  contents: Record<string, number>;
  /** Every bound figure in document order, read from the printed page; placed later (placeFigures). */
  figures: BoundFigure[];
  /** Physical page number − folio (cover and contents do not count). */
  folioOffset: number;
  timings: { load: number; firstPrint: number; finalPrint: number; total: number };
}

export class RenderError extends Error {
  override name = 'RenderError';
}

/**
 * Prints a page of the built site to a paginated PDF with contents page numbers, bookmarks and
 * metadata. Two prints: the first tells where each heading falls (Chromium has no
 * target-counter()), the second carries those numbers in the contents. The numbers sit in
 * fixed-width boxes, so filling them in cannot move a page; the second print is checked anyway.
 */
export async function renderPdf(options: RenderPdfOptions): Promise<RenderPdfResult> {
  try {
    return await renderOnce(options);
  } catch (e) {
    // A browser crash is not the document's fault and often does not repeat: one retry.
    if (!(e instanceof CrashError)) throw e;
    options.log?.(`Chromium crashed (${e.message}); retrying once`);
    return renderOnce(options);
  }
}

/**
 * pdf-lib yields to the event loop every 100 objects by default; a tagged 500-page print has
 * over 100,000, and the yields cost more than the parsing. Nothing else runs meanwhile.
 */
const PARSE = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

/** Chromium died under us (page crash, closed target): worth one more try. */
export class CrashError extends RenderError {
  override name = 'CrashError';
}

const CRASH = /Target closed|Page crashed|Session closed|Protocol error|Connection closed|browser has disconnected/i;

async function renderOnce(options: RenderPdfOptions): Promise<RenderPdfResult> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const server = await serveStatic(options.siteDir, 0, { printFonts: true });
  let browser: Browser | undefined;
  try {
    let executablePath: string;
    try {
      executablePath = options.browserPath ?? findBrowser();
    } catch (e) {
      throw new RenderError((e as Error).message);
    }
    browser = await puppeteer
      .launch({ executablePath, headless: true, args: CHROMIUM_ARGS, protocolTimeout: 600_000 })
      .catch((e: Error) => {
        throw new RenderError(`Chromium at ${executablePath} failed to start: ${e.message.split('\n')[0]}`);
      });
    const page = await browser.newPage();
    const problems = watchPage(page, server.url);
    await page.emulateMediaType('print');
    log(`loading ${options.path}`);
    await page.goto(`${server.url}${options.path}`, { waitUntil: 'load', timeout: 120_000 });
    await waitReady(page, options.readyTimeoutMs ?? 60_000);
    problems.throwIfAny();
    const tLoad = performance.now();

    const print = async (extra: { pageRanges?: string; outline?: boolean } = {}) =>
      new Uint8Array(
        await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          outline: true,
          tagged: true,
          timeout: 600_000,
          ...extra,
        }),
      );

    let pdf: Uint8Array = await print();
    // The front matter's page count is fixed by the first print: later prints only fill numbers in.
    const first = await headingPages(page, pdf);
    let contents = first.folios;
    const frontPages = first.offset;
    const tFirst = performance.now();
    log(`first print: ${Object.keys(contents).length} headings located, ${first.pages} pages`);
    // The numbers go into fixed-width slots, so the pages cannot move: only the front matter
    // (cover, contents) is printed again and put in place of its first-print pages. Should the
    // layout move after all, the whole document is printed again until the numbers settle.
    const layoutBefore = await frontLayout(page);
    await fillContents(page, contents);
    let front: Uint8Array | undefined;
    if (frontPages > 0 && sameLayout(layoutBefore, await frontLayout(page))) {
      front = await printFront(page, frontPages, print);
    } else {
      for (let attempt = 1; ; attempt++) {
        pdf = await print();
        const after = (await headingPages(page, pdf)).folios;
        if (sameNumbers(after, contents)) break;
        if (attempt === 3) throw new RenderError('contents page numbers do not settle after 3 prints');
        contents = after;
        await fillContents(page, contents);
      }
    }
    problems.throwIfAny();
    const tFinal = performance.now();

    const titles = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').trim()),
    );
    // One load and one save for every change to the printed file.
    const doc = await PDFDocument.load(pdf, PARSE);
    if (front) await replaceFrontPages(doc, front, frontPages);
    const pages = doc.getPageCount();
    const finished = await withMetadata(doc, options.metadata, titles);
    const tmp = `${options.outFile}.partial-${process.pid}`;
    try {
      await writeFile(tmp, finished);
      await rename(tmp, options.outFile);
    } catch (e) {
      await rm(tmp, { force: true });
      throw new RenderError(`cannot write ${options.outFile}: ${(e as Error).message}`);
    }
    const figures = await boundFigures(page);
    log(`wrote ${options.outFile}: ${pages} pages, ${(finished.length / 1024).toFixed(0)} KiB`);
    return {
      pages,
      bytes: finished.length,
      contents,
      figures,
      folioOffset: frontPages,
      timings: {
        load: (tLoad - t0) / 1000,
        firstPrint: (tFirst - tLoad) / 1000,
        finalPrint: (tFinal - tFirst) / 1000,
        total: (performance.now() - t0) / 1000,
      },
    };
  } catch (e) {
    if (!(e instanceof RenderError) && CRASH.test((e as Error).message))
      throw new CrashError((e as Error).message.split('\n')[0]);
    if (!(e instanceof RenderError) && (e as Error).name === 'TimeoutError') {
      throw new RenderError(`Chromium did not answer in time: ${(e as Error).message.split('\n')[0]}`);
    }
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}

/** Browser problems are build problems: page errors, console errors, failed or foreign requests. */
function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  void page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith(origin) || req.url().startsWith('data:')) void req.continue();
    else {
      problems.push(`blocked a request outside the site: ${req.url()}`);
      void req.abort('blockedbyclient');
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('error', (e) => problems.push(`Chromium page crashed: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => {
    if (req.url().startsWith(origin)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return {
    throwIfAny() {
      if (problems.length)
        throw new RenderError(`the page reported ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    },
  };
}

async function waitReady(page: Page, timeoutMs: number): Promise<void> {
  const finished = await page
    .waitForFunction(() => document.documentElement.dataset['chartsReady'] !== undefined, { timeout: timeoutMs })
    .then(() => true)
    .catch(() => false);
  const state = await page.evaluate(() => ({
    charts: window.__prospectus?.charts ?? {},
    errors: window.__prospectus?.errors ?? [],
    ready: document.documentElement.dataset['chartsReady'],
  }));
  if (!finished) {
    const pending = Object.entries(state.charts)
      .filter(([, s]) => s !== 'drawn')
      .map(([id]) => id);
    throw new RenderError(
      `charts not ready after ${timeoutMs / 1000} s: ${pending.join(', ') || '(fonts still loading)'}`,
    );
  }
  if (state.ready !== 'true') throw new RenderError(`charts failed to draw: ${state.errors.join('; ')}`);
}

/**
 * Folio of the page where each heading (by id; a chapter by its article id) starts, and the
 * offset physical page − folio: folios start at – 1 – on the first chapter page, the cover and
 * the contents do not count (print.css).
 */
async function headingPages(
  page: Page,
  pdf: Uint8Array,
): Promise<{ folios: Record<string, number>; offset: number; pages: number }> {
  const { physical, pages } = await headingPhysicalPages(page, pdf);
  const firstChapter = await page.evaluate(() => document.querySelector('article.print-chapter')?.id ?? '');
  const offset = (physical[firstChapter] ?? 1) - 1;
  return { folios: Object.fromEntries(Object.entries(physical).map(([id, p]) => [id, p - offset])), offset, pages };
}

/** Heading ids in document order, matched one to one with the PDF outline (also document order). */
async function headingPhysicalPages(
  page: Page,
  pdf: Uint8Array,
): Promise<{ physical: Record<string, number>; pages: number }> {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => (h as HTMLElement).offsetParent !== null || getComputedStyle(h).display !== 'none')
      .map((h) => ({
        id: h.closest('article.print-chapter') && h.tagName === 'H1' ? (h.closest('article') as HTMLElement).id : h.id,
        text: (h.textContent ?? '').replace(/\s+/g, ''),
      })),
  );
  const doc = await openPdf(pdf);
  const outline = await readOutline(doc);
  const norm = (s: string) => s.replace(/\s+/g, '');
  const physical: Record<string, number> = {};
  let cursor = 0;
  for (const heading of headings) {
    // Chromium sometimes writes a heading's text twice into its bookmark (a heading moved to the
    // next page by break-after: avoid); the bookmark titles are rewritten after printing.
    const index = outline.findIndex(
      (entry, i) => i >= cursor && (norm(entry.title) === heading.text || norm(entry.title) === heading.text.repeat(2)),
    );
    if (index === -1) continue;
    cursor = index + 1;
    if (heading.id) physical[heading.id] = (outline[index] as { page: number }).page;
  }
  return { physical, pages: doc.numPages };
}

async function fillContents(page: Page, contents: Record<string, number>): Promise<void> {
  const missing = await page.evaluate((numbers: Record<string, number>) => {
    const unknown: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.contents-page[data-target]')) {
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

function sameNumbers(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

async function withMetadata(doc: PDFDocument, meta: PdfMetadata, headingTexts: string[]): Promise<Uint8Array> {
  fixOutlineTitles(doc, headingTexts);
  normalizeStructureIds(doc);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.language);
  doc.setCreator('prospectus-as-code');
  doc.setProducer('prospectus-as-code (Chromium, pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  // Open on the bookmarks panel: bankers navigate a prospectus by its outline.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  // Object streams: the tagged structure is tens of thousands of small objects; packed, the file
  // is about half the size (9 MB → 5 MB at 461 pages), for half a second more of saving.
  return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** Bookmarks carry the headings' own text, in document order (see headingPages on doubling). */
function fixOutlineTitles(doc: PDFDocument, headingTexts: string[]): void {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  if (items.length !== headingTexts.length) {
    throw new RenderError(`the PDF has ${items.length} bookmarks for ${headingTexts.length} headings`);
  }
  items.forEach((item, i) => {
    item.set(PDFName.of('Title'), PDFHexString.fromText(headingTexts[i] ?? ''));
  });
}

/** A bound figure as the printed page shows it, with what locates it in the PDF text. */
export interface BoundFigure {
  row: Omit<ScheduleRow, 'page'>;
  locate: LocateItem;
}

/** Bound figures read back from the printed page itself, in document order. */
async function boundFigures(page: Page): Promise<BoundFigure[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article.print-chapter [data-ref]')].map((el) => {
      const d = el.dataset;
      const chapter = el.closest('article.print-chapter')?.querySelector('h1')?.textContent?.trim() ?? '';
      const figure = el.closest('figure');
      const text = (el.textContent ?? '').trim();
      let anchor: string;
      let fallback: string;
      let location: string;
      if (figure) {
        const title = figure.querySelector('.figure-title')?.textContent?.trim() ?? '';
        anchor = title;
        fallback = title;
        location = `${figure.classList.contains('chart') ? '圖' : '表'}：${title}`;
      } else {
        const block = el.closest('p, li, h1, h2, h3, h4, td') ?? el;
        const range = document.createRange();
        range.setStart(block, 0);
        range.setEndAfter(el);
        const prefix = range.toString().replace(/\s+/g, '');
        anchor = prefix.slice(-24);
        fallback = prefix.slice(-Math.max(text.length + 4, 8));
        location = `段落：${(block.textContent ?? '').trim().slice(0, 18)}…`;
      }
      return {
        row: {
          chapter,
          location,
          text,
          value: d['value'] ?? '',
          unit: d['unit'] ?? '',
          period: d['period'] ?? '',
          basis: (d['basis'] === 'derived' ? 'derived' : 'stated') as 'stated' | 'derived',
          formula: d['formula'] ?? '',
          sources: d['sources'] ?? '',
          status: (d['status'] ?? 'none') as ScheduleRow['status'],
          ref: d['ref'] ?? '',
        },
        locate: { anchor, fallback, sticky: figure !== null },
      };
    }),
  );
}
/**
 * Chromium names tagged-PDF structure elements after DOM node ids (`node00000151`), which shift
 * between runs; renumbering them in order makes two builds of one commit byte-identical. Every
 * string that names an id (the element's /ID, table /Headers, the /IDTree) is rewritten alike.
 */
function normalizeStructureIds(doc: PDFDocument): void {
  const ids: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    const id = object.get(PDFName.of('ID'));
    if (id instanceof PDFString || id instanceof PDFHexString) ids.push(id.decodeText());
  }
  const ordered = [...new Set(ids)].sort();
  const renamed = new Map(ordered.map((old, i) => [old, `id${String(i + 1).padStart(6, '0')}`]));
  const rewrite = (value: PDFObject): PDFObject => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const next = renamed.get(value.decodeText());
      return next === undefined ? value : PDFString.of(next);
    }
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) value.set(i, rewrite(value.get(i)));
    } else if (value instanceof PDFDict) {
      for (const [key, entry] of value.entries()) value.set(key, rewrite(entry));
    }
    return value;
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) rewrite(object);
}

/** Where the chapters start and how tall the contents are: unchanged means no page moved. */
async function frontLayout(page: Page): Promise<number[]> {
  return page.evaluate(() => [
    ...[...document.querySelectorAll<HTMLElement>('.contents, article.print-chapter')].map((el) => el.offsetHeight),
    ...[...document.querySelectorAll<HTMLElement>('article.print-chapter')].map((el) => el.offsetTop),
  ]);
}

/**
 * Prints the cover and contents alone. `pageRanges` would still make Chromium lay out and
 * paginate the whole document (a third of the PDF step at 460 pages); with the chapters taken
 * out of the layout it paginates a few pages. Should the front matter then paginate differently,
 * the chapters come back and the pages are cut from a full print instead.
 */
async function printFront(
  page: Page,
  frontPages: number,
  print: (extra: { pageRanges?: string; outline: boolean }) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.id = 'print-front-only';
    style.textContent = 'article.print-chapter { display: none !important; }';
    document.head.append(style);
  });
  const alone = await print({ outline: false });
  // The chapters stay out of the layout when this print is used: what is read from the page
  // afterwards is text, and bringing them back would lay out the whole document once more.
  if ((await openPdf(alone)).numPages === frontPages) return alone;
  await page.evaluate(() => document.getElementById('print-front-only')?.remove());
  return print({ pageRanges: `1-${frontPages}`, outline: false });
}

function sameLayout(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Puts the reprinted front pages' content in place of the first print's. The page objects stay
 * (with their link annotations, whose places did not move, and their place in the structure
 * tree, whose marked-content ids the same DOM reproduces); only what they draw is new.
 */
async function replaceFrontPages(doc: PDFDocument, front: Uint8Array, count: number): Promise<void> {
  const frontDoc = await PDFDocument.load(front, PARSE);
  if (frontDoc.getPageCount() !== count) {
    throw new RenderError(`front matter reprinted as ${frontDoc.getPageCount()} pages, expected ${count}`);
  }
  const copies = await doc.copyPages(
    frontDoc,
    Array.from({ length: count }, (_, i) => i),
  );
  copies.forEach((copy, i) => {
    const target = doc.getPage(i).node;
    for (const key of ['Contents', 'Resources']) {
      const value = copy.node.get(PDFName.of(key));
      if (value) target.set(PDFName.of(key), value);
    }
    doc.context.delete(copy.ref);
  });
}
