import type { Page } from 'puppeteer-core';
import { RenderError } from '../pdf/render-error.ts';

/** Browser problems are build problems: page errors, console errors, failed or foreign requests. */
export function watchPage(page: Page, origin: string) {
  const problems: string[] = [];
  // Watched, not intercepted: the request cannot leave (NO_NETWORK), and holding every request
  // of the page for a round trip to Node made loading measurably slower.
  page.on('request', (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith('data:')) {
      problems.push(`blocked a request outside the site: ${req.url()}`);
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
