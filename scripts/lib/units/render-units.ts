import { dirname, join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { APPENDICES_BOOKMARK } from '../../../src/lib/document/appendix.ts';
import { printFontsKey } from '../fonts/print-fonts.ts';
import { finishPdf, type PdfMetadata, type Printed } from '../pdf/pdf-finish.ts';
import { assembleUnits } from './assemble-pdf.ts';
import { type CachedUnit, PrintCache } from './print-cache.ts';
import { printUnits } from './print-units.ts';
import { contextKey, type UnitPlan } from './unit-page.ts';

export interface AssembledOptions {
  siteDir: string;
  metadata: PdfMetadata;
  cacheDir?: string;
  readPage?: (page: Page) => Promise<void>;
  log: (message: string) => void;
}

/**
 * The PDF step by units (print-units.ts): what the one-piece print reads from the page first,
 * then the units printed or taken from the cache; `finish` assembles and finishes them once the
 * browser is closed.
 */
export async function printAssembled(
  options: AssembledOptions,
  browser: Browser,
  page: Page,
  openTab: () => Promise<Page>,
  throwIfProblems: () => void,
) {
  const t0 = performance.now();
  await options.readPage?.(page);
  const cache = new PrintCache(options.cacheDir ?? join(dirname(options.siteDir), 'print-cache'));
  const key = await contextKey(page, await browser.version(), printFontsKey());
  const result = await printUnits({
    main: page,
    openTab,
    cache,
    contextKey: key,
    log: options.log,
  });
  throwIfProblems();
  options.log(
    `units: ${result.units.length}, ${result.printed} prints, ${result.cached} taken from the cache, ${result.tabs} tab(s)`,
  );
  const printSeconds = (performance.now() - t0) / 1000;
  const appendicesTitle = APPENDICES_BOOKMARK[options.metadata.language === 'en' ? 'en' : 'zh'];
  return {
    contents: result.contents,
    frontPages: result.frontPages,
    folioOf: result.folioOf,
    printSeconds,
    /** What a save in `--watch` needs to reprint only what it changed (print-state.ts). */
    units: result.units.map((u) => ({
      id: u.plan.id,
      kind: u.plan.kind,
      key: u.key,
      start: u.start,
      pages: u.unit.record.pages,
      headings: u.unit.record.headings,
      titles: u.plan.titles,
    })),
    contextKey: key,
    appendicesTitle,
    finish: () =>
      finishUnits(
        result.units.map((u) => ({ kind: u.plan.kind, titles: u.plan.titles, unit: u.unit })),
        options.metadata,
        appendicesTitle,
      ),
  };
}

/**
 * The units' prints put together (assemble-pdf.ts) and finished as a one-piece print is: the
 * bookmarks take the headings' own text, and the appendices are grouped under one bookmark.
 */
export async function finishUnits(
  units: { kind: UnitPlan['kind']; titles: string[]; unit: CachedUnit; parsed?: Promise<Printed> }[],
  metadata: PdfMetadata,
  appendicesTitle: string,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await assembleUnits(
    units.map((u) => ({
      bytes: u.unit.bytes,
      stubs: u.unit.record.stubs,
      anchors: u.unit.record.anchors,
      ...(u.parsed ? { parsed: u.parsed } : {}),
    })),
  );
  const firstAppendix = units.findIndex((u) => u.kind === 'appendix');
  // Each appendix's title is the first heading of its unit.
  const appendices =
    firstAppendix >= 0
      ? { first: units.slice(0, firstAppendix).reduce((n, u) => n + u.titles.length, 0), title: appendicesTitle }
      : undefined;
  return finishPdf(
    doc,
    undefined,
    metadata,
    units.flatMap((u) => u.titles),
    appendices,
  );
}
