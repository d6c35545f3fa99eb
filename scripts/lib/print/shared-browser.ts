import type { Browser } from 'puppeteer-core';
import { launchPrintBrowser } from './launch.ts';

/**
 * One printing Chromium for all the PDFs of a build: started when the first edition prints and
 * closed after the last, so the English edition does not pay for a second start (about 0.6
 * CPU-s). Each print closes its own tabs when it no longer needs them, which ends the renderer
 * holding the laid-out document before pdf-lib's peak; only the browser process stays.
 */
export interface SharedBrowser {
  /** The browser, started on first use and again if it has gone (a crash, before the retry). */
  get(): Promise<Browser>;
  close(): Promise<void>;
}

export function sharedPrintBrowser(browserPath?: string): SharedBrowser {
  let started: Promise<Browser> | undefined;
  return {
    async get() {
      const running = await started?.catch(() => undefined);
      if (running?.connected) return running;
      started = launchPrintBrowser(browserPath);
      return started;
    },
    async close() {
      const running = await started?.catch(() => undefined);
      started = undefined;
      await running?.close().catch(() => {});
    },
  };
}
