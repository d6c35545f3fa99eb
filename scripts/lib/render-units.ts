import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { APPENDICES_BOOKMARK } from '../../src/lib/appendix.ts';
import { assembleUnits } from './assemble-pdf.ts';
import { finishPdf, type PdfMetadata } from './pdf-finish.ts';
import { PrintCache } from './print-cache.ts';
import { PRINT_FONTS } from './print-fonts.ts';
import { contextKey, loadMarginFonts, printUnits } from './print-units.ts';

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
  const titles = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => (h.textContent ?? '').trim()),
  );
  const firstAppendix = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].findIndex(
      (h) => h.tagName === 'H1' && h.closest('article.print-chapter[data-appendix]') !== null,
    ),
  );
  const cache = new PrintCache(options.cacheDir ?? join(dirname(options.siteDir), 'print-cache'));
  const key = await contextKey(page, await browser.version(), printFontFiles());
  const result = await printUnits({
    main: page,
    openTab: async () => {
      const tab = await openTab();
      await loadMarginFonts(tab);
      return tab;
    },
    cache,
    contextKey: key,
    log: options.log,
  });
  throwIfProblems();
  options.log(
    `units: ${result.units.length}, ${result.printed} prints, ${result.cached} taken from the cache, ${result.tabs} tab(s)`,
  );
  const printSeconds = (performance.now() - t0) / 1000;
  return {
    contents: result.contents,
    frontPages: result.frontPages,
    folioOf: result.folioOf,
    printSeconds,
    async finish() {
      const doc = await assembleUnits(
        result.units.map((u) => ({ bytes: u.unit.bytes, stubs: u.unit.record.stubs, anchors: u.unit.record.anchors })),
      );
      const appendices =
        firstAppendix >= 0
          ? { first: firstAppendix, title: APPENDICES_BOOKMARK[options.metadata.language === 'en' ? 'en' : 'zh'] }
          : undefined;
      return finishPdf(doc, undefined, options.metadata, titles, appendices);
    },
  };
}

const require = createRequire(import.meta.url);

/** The print fonts' files as packaged: a new font release must not reuse old prints. */
function printFontFiles(): Uint8Array[] {
  return PRINT_FONTS.map((font) => new Uint8Array(readFileSync(require.resolve(font.module))));
}
