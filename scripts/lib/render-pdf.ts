import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { APPENDICES_BOOKMARK } from '../../src/lib/document/appendix.ts';
import { finishPdf, loadPrint, type PdfMetadata } from './pdf/pdf-finish.ts';
import { CrashError, RenderError } from './pdf/render-error.ts';
import { numberContents } from './print/contents-pass.ts';
import { launchPrintBrowser } from './print/launch.ts';
import { waitForPrintReady } from './print/page-ready.ts';
import { extractPageTexts, type PendingTexts } from './print/pdf-text.ts';
import { serveStatic } from './print/serve.ts';
import type { SharedBrowser } from './print/shared-browser.ts';
import { watchPage } from './print/watch-page.ts';
import { writeFinished } from './print/write-finished.ts';
import type { PrintedUnitsState } from './units/print-state.ts';
import { printAssembled } from './units/render-units.ts';

export type { PdfMetadata } from './pdf/pdf-finish.ts';
export { CrashError, RenderError } from './pdf/render-error.ts';

export interface RenderPdfOptions {
  siteDir: string;
  /** Page of the built site to print. */
  path: string;
  outFile: string;
  metadata: PdfMetadata;
  browserPath?: string;
  /** Longest wait for fonts and charts before naming what hung. */
  readyTimeoutMs?: number;
  /** Also return the text of every page (pdftotext), for the schedule and the leak scan. */
  pageTexts?: boolean;
  /**
   * Reads what else is needed from the page as it printed, right after the first print, while
   * the print is parsed: its time is part of the contents pass.
   */
  readPage?: (page: Page) => Promise<void>;
  log?: (message: string) => void;
  /** Where units printed with PROSPECTUS_PRINT=units are kept between builds (default: .build/print-cache beside siteDir). */
  cacheDir?: string;
  /**
   * A browser shared with the build's other prints (shared-browser.ts): this print closes only
   * its own tabs. Without it, the print starts its own Chromium and closes it.
   */
  browser?: SharedBrowser;
}

export interface RenderPdfResult {
  pages: number;
  bytes: number;
  contents: Record<string, string>;
  /** Physical page number − folio (cover and contents do not count). */
  folioOffset: number;
  /** The folio printed on a physical page: `12`, or `I-3` in an appendix. */
  folioOf: (physical: number) => string;
  /** Text of each page of the written PDF (index 0 = page 1), when asked for. */
  pageTexts: string[] | undefined;
  /** Printed by units: what it was made of, for a save in `--watch` (print-state.ts). */
  units?: PrintedUnitsState;
  /**
   * Seconds of each pass, in order; `text` is only the wait for the page text after everything
   * else (it runs alongside), and `contents` includes readPage.
   */
  timings: { load: number; print: number; contents: number; pdfLib: number; text: number; total: number };
}

/**
 * Prints a page of the built site to a paginated PDF with contents page numbers, bookmarks and
 * metadata: load and wait for fonts and charts, print, number the contents (contents-pass.ts),
 * finish with pdf-lib (pdf-finish.ts), write.
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

/** pdftotext processes per full print: one per core, beside what else runs, up to four. */
const TEXT_PARTS = Math.min(4, availableParallelism());

const CRASH = /Target closed|Page crashed|Session closed|Protocol error|Connection closed|browser has disconnected/i;

async function renderOnce(options: RenderPdfOptions): Promise<RenderPdfResult> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const server = await serveStatic(options.siteDir, 0, { printFonts: true });
  let browser: Browser | undefined;
  let closing: Promise<void> | undefined;
  // Text extractions under way, stopped should the render fail.
  const pending: PendingTexts[] = [];
  const extract = (pdf: Uint8Array, parts = 1) => {
    const job = extractPageTexts(pdf, parts);
    pending.push(job);
    return job;
  };
  // The tabs this print opened: a shared browser outlives them.
  const tabs: Page[] = [];
  const release = (open: Browser): Promise<void> =>
    (options.browser ? Promise.all(tabs.map((t) => t.close())) : open.close()).then(
      () => {},
      () => {},
    );
  try {
    browser = options.browser ? await options.browser.get() : await launchPrintBrowser(options.browserPath);
    const page = await browser.newPage();
    tabs.push(page);
    const problems = watchPage(page, server.url);
    await page.emulateMediaType('print');
    log(`loading ${options.path}`);
    await page.goto(`${server.url}${options.path}`, { waitUntil: 'load', timeout: 120_000 });
    await waitForPrintReady(page, options.readyTimeoutMs ?? 60_000);
    problems.throwIfAny();
    const tLoad = performance.now();
    if (process.env['PROSPECTUS_PRINT'] === 'units') {
      const openTab = async () => {
        const tab = await (browser as Browser).newPage();
        tabs.push(tab);
        tabProblems.push(watchPage(tab, server.url));
        await tab.emulateMediaType('print');
        await tab.goto(`${server.url}${options.path}`, { waitUntil: 'load', timeout: 120_000 });
        await waitForPrintReady(tab, options.readyTimeoutMs ?? 60_000);
        return tab;
      };
      const tabProblems = [problems];
      const printed = await printAssembled({ ...options, log }, browser, page, openTab, () => {
        for (const p of tabProblems) p.throwIfAny();
      });
      closing = release(browser);
      browser = undefined;
      const finished = await printed.finish();
      const tPdfLib = performance.now();
      const pageTexts = options.pageTexts ? await extract(finished.bytes, TEXT_PARTS).texts : undefined;
      const tText = performance.now();
      await writeFinished(options.outFile, finished, pageTexts, log);
      return {
        pages: finished.pages,
        bytes: finished.bytes.length,
        contents: printed.contents,
        folioOffset: printed.frontPages,
        folioOf: printed.folioOf,
        pageTexts,
        units: {
          contextKey: printed.contextKey,
          units: printed.units,
          contents: printed.contents,
          appendicesTitle: printed.appendicesTitle,
        },
        timings: {
          load: (tLoad - t0) / 1000,
          print: printed.printSeconds,
          contents: 0,
          pdfLib: (tPdfLib - tLoad) / 1000 - printed.printSeconds,
          text: (tText - tPdfLib) / 1000,
          total: (performance.now() - t0) / 1000,
        },
      };
    }

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

    const first = await print();
    const tPrint = performance.now();
    // The chapters' pages of the first print are the finished PDF's pages (only the front matter
    // is replaced), so their text is read now, on another core, while the contents are numbered
    // and pdf-lib finishes the file.
    let text = options.pageTexts ? extract(first, TEXT_PARTS) : undefined;
    // Chromium reads from the page (before the contents pass takes the chapters out of it) while
    // Node parses the print; one turn of the event loop sends the requests before the parse
    // holds the thread.
    const fromPage = Promise.all([
      options.readPage?.(page),
      page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').trim()),
      ),
      // The first appendix's title, by its place among the headings: its bookmark and the
      // appendices after it are grouped under one.
      page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].findIndex(
          (h) => h.tagName === 'H1' && h.closest('article.print-chapter[data-appendix]') !== null,
        ),
      ),
    ]);
    // Its failure is seen where it is awaited, after the parse, not as an unhandled rejection.
    fromPage.catch(() => {});
    await new Promise((turn) => setImmediate(turn));
    const printed = await loadPrint(first);
    const [, titles, firstAppendix] = await fromPage;
    const numbered = await numberContents(page, printed, print);
    if (text && numbered.full.bytes !== first) {
      // The whole document was printed again: read that print instead.
      text.cancel();
      text = extract(numbered.full.bytes, TEXT_PARTS);
    }
    const frontText = text && numbered.front ? extract(numbered.front.bytes) : undefined;
    log(`contents: ${Object.keys(numbered.contents).length} headings located in a ${numbered.pages}-page print`);
    problems.throwIfAny();
    // Nothing more is needed from Chromium: its tabs (or the whole browser, if it is this print's
    // own) close while pdf-lib works, and the laid-out document's memory is freed before pdf-lib's peak.
    closing = release(browser);
    browser = undefined;
    // One turn of the event loop sends the request before pdf-lib holds the thread.
    await new Promise((turn) => setImmediate(turn));
    const tContents = performance.now();

    const appendices =
      firstAppendix >= 0
        ? { first: firstAppendix, title: APPENDICES_BOOKMARK[options.metadata.language === 'en' ? 'en' : 'zh'] }
        : undefined;
    const finished = await finishPdf(numbered.full.doc, numbered.front?.doc, options.metadata, titles, appendices);
    const tPdfLib = performance.now();

    let pageTexts: string[] | undefined;
    if (text) {
      const body = await text.texts;
      const front = frontText ? await frontText.texts : [];
      pageTexts = [...front, ...body.slice(front.length)];
    }
    const tText = performance.now();
    await writeFinished(options.outFile, finished, pageTexts, log);
    return {
      pages: finished.pages,
      bytes: finished.bytes.length,
      contents: numbered.contents,
      folioOffset: numbered.frontPages,
      folioOf: numbered.folioOf,
      pageTexts,
      timings: {
        load: (tLoad - t0) / 1000,
        print: (tPrint - tLoad) / 1000,
        contents: (tContents - tPrint) / 1000,
        pdfLib: (tPdfLib - tContents) / 1000,
        text: (tText - tPdfLib) / 1000,
        total: (performance.now() - t0) / 1000,
      },
    };
  } catch (e) {
    for (const job of pending) job.cancel();
    if (!(e instanceof RenderError) && CRASH.test((e as Error).message))
      throw new CrashError((e as Error).message.split('\n')[0]);
    if (!(e instanceof RenderError) && (e as Error).name === 'TimeoutError') {
      throw new RenderError(`Chromium did not answer in time: ${(e as Error).message.split('\n')[0]}`);
    }
    throw e;
  } finally {
    await (closing ?? (browser ? release(browser) : undefined));
    await server.close();
  }
}
