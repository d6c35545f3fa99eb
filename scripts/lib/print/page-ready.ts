import type { Page } from 'puppeteer-core';
import { PRINT_FONTS } from '../fonts/print-fonts.ts';
import { RenderError } from '../pdf/render-error.ts';

/**
 * Waits until the page is ready to print: its fonts and charts (waitForCharts), and the faces its
 * margin boxes need (loadMarginFonts). Every print of the document page waits here.
 */
export async function waitForPrintReady(page: Page, timeoutMs: number): Promise<void> {
  await waitForCharts(page, timeoutMs);
  await loadMarginFonts(page);
  await checkPrintFonts(page);
}

/**
 * Fails unless Chromium found every whole print font the page declares (print-fonts.ts): a
 * `local()` face it cannot find is skipped without a word, and the print would quietly draw from
 * the site's slices instead, one embedded font per slice.
 */
export async function checkPrintFonts(page: Page): Promise<void> {
  const faces = PRINT_FONTS.map((f) => ({ family: f.family, weight: String(f.weight), name: f.postscriptName }));
  const missing = await page.evaluate(async (print) => {
    // The print's faces are the ones of these families that cover every character: the site's
    // slices of the same families each have a unicode-range.
    const declared = [...document.fonts].filter((face) => face.unicodeRange === 'U+0-10FFFF');
    const lost: string[] = [];
    for (const want of print) {
      const face = declared.find((f) => f.family.replace(/"/g, '') === want.family && f.weight === want.weight);
      if (!face) continue;
      await face.load().catch(() => {});
      if (face.status !== 'loaded') lost.push(want.name);
    }
    return lost;
  }, faces);
  if (missing.length > 0)
    throw new RenderError(
      `Chromium did not find the print fonts ${missing.join(', ')} (FONTCONFIG_FILE of print-fonts.ts): the PDF would draw from the site's font slices`,
    );
}

/**
 * Waits for the page's own signal that fonts are loaded and every chart is drawn
 * (`data-charts-ready` on <html>). The PDF step and the benchmark's raw-Chromium baseline both
 * wait here (through waitForPrintReady), so both print the same, finished page.
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

/**
 * Loads every face the margin boxes (running warning, running head, folio) may draw with, for the
 * text they hold. Chromium lays margin boxes out only when it prints, so a face that only they
 * need (the English 附錄 heads once set an ideographic space, which only the Chinese face has) is
 * first requested during the print. Until it arrives, Chromium draws no text of the font the
 * boxes share (font-display: block), and the print does not wait: every running head of the
 * document came out blank, on every page, whatever page used the face. Printing a unit alone
 * met it first; the whole English document met it once an appendix was in it.
 */
export async function loadMarginFonts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // A quoted string may hold `;` or `}` (a running head can): the value runs to the first one
    // outside quotes.
    const strings = [...document.querySelectorAll('style')]
      .flatMap((style) =>
        [...(style.textContent ?? '').matchAll(/content:((?:"(?:[^"\\]|\\.)*"|[^;}"])*)/g)].map((m) => m[1] ?? ''),
      )
      .join('');
    const families = new Set(
      [...document.querySelectorAll('style')].flatMap((style) =>
        [...(style.textContent ?? '').matchAll(/font-family:\s*([^;}]*)/g)].flatMap((m) =>
          (m[1] ?? '').split(',').map((f) => f.trim()),
        ),
      ),
    );
    for (const sheet of document.styleSheets) {
      try {
        for (const rule of sheet.cssRules) {
          for (const m of rule.cssText.matchAll(/font-family:\s*([^;}]*)/g)) {
            for (const f of (m[1] ?? '').split(',')) families.add(f.trim());
          }
        }
      } catch {
        // A stylesheet from elsewhere cannot be read; the site has none.
      }
    }
    const text = strings.replace(/["\\]/g, '');
    await Promise.all(
      [...families]
        .filter((f) => f.startsWith('"'))
        .flatMap((f) => [400, 700].map((w) => document.fonts.load(`${w} 10pt ${f}`, text))),
    );
  });
}
