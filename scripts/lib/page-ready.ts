import type { Page } from 'puppeteer-core';
import { RenderError } from './render-error.ts';

/**
 * Waits for the page's own signal that fonts are loaded and every chart is drawn
 * (`data-charts-ready` on <html>). The PDF step and the benchmark's raw-Chromium baseline both
 * wait here, so both print the same, finished page.
 */
export async function waitForCharts(page: Page, timeoutMs: number): Promise<void> {
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
