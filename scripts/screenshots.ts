/**
 * npm run screenshots — regenerates the README's pictures from the built dist/: the site on a
 * desktop and a phone, and PDF pages through pdftoppm. Run after `npm run build` (and
 * `npm run blackline` for the blackline picture).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/serve.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const out = join(root, 'docs', 'images');
mkdirSync(out, { recursive: true });

const server = await serveStatic(dist);
const browser = await puppeteer.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const shoot = async (path: string, file: string, width: number, height: number, anchor?: string) => {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        document.documentElement.dataset['chartsReady'] !== undefined || !document.querySelector('figure[data-chart]'),
    );
    if (anchor) await page.evaluate((a) => document.querySelector(a)?.scrollIntoView(), anchor);
    await page.screenshot({ path: join(out, file) as `${string}.png` });
    process.stdout.write(`docs/images/${file}\n`);
  };
  await shoot('/', 'site-home.png', 1100, 800);
  await shoot('/chapters/industry-overview/', 'site-chapter.png', 1100, 1000, '#fig-global-cloud-central-edge');
  await shoot('/chapters/industry-overview/', 'site-phone.png', 390, 844, '#tbl-china-edge-ranking-2022');
} finally {
  await browser.close();
  await server.close();
}
/** One PDF page as a 60-dpi PNG, as the README shows it. */
function pdfPage(pdf: string, pageNo: number, name: string): void {
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-singlefile',
    '-f',
    String(pageNo),
    '-l',
    String(pageNo),
    join(dist, pdf),
    join(out, name),
  ]);
  process.stdout.write(`docs/images/${name}.png\n`);
}

for (const [pageNo, name] of [
  [1, 'pdf-cover'],
  [2, 'pdf-contents'],
  [5, 'pdf-chart-page'],
  [11, 'pdf-table-page'],
] as const) {
  pdfPage('prospectus.pdf', pageNo, name);
}
// The blackline picture comes from `npm run blackline` output, when there is one.
if (existsSync(join(dist, 'blackline.pdf'))) pdfPage('blackline.pdf', 4, 'pdf-blackline');
