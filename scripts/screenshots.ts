/**
 * npm run screenshots — regenerates the README's pictures from the built dist/: the site on a
 * desktop and a phone, and PDF pages through pdftoppm. Run after `npm run build` (and
 * `npm run blackline` for the blackline picture). What to show is found in the build, never
 * named here: the first chart and the first table of the document, and the PDF pages that
 * carry them, the contents and the first change of the blackline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { openPdf, pageTexts } from './lib/pdf/pdf-read.ts';
import { launchChromium } from './lib/print/launch.ts';
import { serveStatic } from './lib/print/serve.ts';

const HELP = `Usage: npm run screenshots

Regenerates the README's pictures in docs/images/ from the built dist/: the site (home page,
verification schedule, the chapter with the document's first chart, the first table on a
phone, the English edition's first chart) and PDF pages through pdftoppm (cover, contents,
definitions, the pages with that chart and table, the English chart's page, and the first
change of dist/blackline.pdf when there is one). Run npm run build first (and
npm run blackline -- FROM TO for the blackline picture).

Options:
  -h, --help     show this help
`;

try {
  if (parseArgs({ options: { help: { type: 'boolean', short: 'h', default: false } } }).values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
} catch (e) {
  process.stderr.write(`screenshots: ${(e as Error).message.split('\n')[0]} (see --help)\n`);
  process.exit(2);
}

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const out = join(root, 'docs', 'images');
if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'prospectus.pdf'))) {
  process.stderr.write('screenshots: dist/ holds no built site and PDF: run npm run build first\n');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

interface Target {
  /** Chapter id: the site page is /chapters/<id>/. */
  chapter: string;
  id: string;
  title: string;
}

/** The first chart and table of the document and the contents title, as the whole-document page has them. */
async function documentTargets(page: Page) {
  return page.evaluate(() => {
    const target = (selector: string) => {
      const figure = document.querySelector<HTMLElement>(`article.print-chapter ${selector}`);
      const chapter = figure?.closest('article')?.id;
      const title = figure?.querySelector('figcaption')?.textContent?.trim();
      return figure && chapter && title ? { chapter, id: figure.id, title } : undefined;
    };
    return {
      chart: target('figure[data-chart]'),
      table: target('figure.table-figure'),
      contents: document.querySelector('#contents-title')?.textContent?.trim(),
      // The first section printed after the contents, when the document has generated ones (釋義).
      definitions: document.querySelector('article#definitions h1')?.textContent?.trim(),
    };
  });
}

/** Text around the blackline's first change in a chapter (not in its summary), as the PDF prints it. */
async function firstChange(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const mark = document.querySelector('article.print-chapter .bl-ins, article.print-chapter .bl-del');
    const block = mark?.closest('p, li, td, th, h1, h2, h3, h4, h5, h6, figcaption');
    if (!mark || !block) return undefined;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEndBefore(mark);
    return `${before.toString().slice(-8)}${mark.textContent ?? ''}`.slice(0, 16);
  });
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** 1-based number of the first PDF page, from `from` on, whose text holds `text`; fails if none does. */
async function pageWith(pdf: string, text: string, from = 1): Promise<number> {
  const pages = await pageTexts(await openPdf(new Uint8Array(readFileSync(join(dist, pdf)))));
  const index = pages.findIndex((p, i) => i + 1 >= from && squash(p).includes(squash(text)));
  if (index === -1) throw new Error(`${pdf}: no page from ${from} on shows "${text}"`);
  return index + 1;
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
  process.stdout.write(`docs/images/${name}.png (${pdf} page ${pageNo})\n`);
}

const server = await serveStatic(dist);
const browser = await launchChromium();
let chart: Target | undefined;
let table: Target | undefined;
let contents: string | undefined;
let definitions: string | undefined;
let change: string | undefined;
/** The English edition's first chart, when the document has one. */
let englishChart: Target | undefined;
let englishContents: string | undefined;
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/document/`, { waitUntil: 'load' });
  ({ chart, table, contents, definitions } = await documentTargets(page));
  if (!chart || !table || !contents) throw new Error('the document has no chart, no table or no contents to show');
  if (existsSync(join(dist, 'blackline', 'index.html'))) {
    await page.goto(`${server.url}/blackline/`, { waitUntil: 'load' });
    change = await firstChange(page);
  }
  if (existsSync(join(dist, 'prospectus-en.pdf'))) {
    await page.goto(`${server.url}/en/document/`, { waitUntil: 'load' });
    ({ chart: englishChart, contents: englishContents } = await documentTargets(page));
  }
  const shoot = async (path: string, file: string, width: number, height: number, anchor?: string) => {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        document.documentElement.dataset['chartsReady'] !== undefined || !document.querySelector('figure[data-chart]'),
    );
    if (anchor) await page.evaluate((a) => document.getElementById(a)?.scrollIntoView(), anchor);
    await page.screenshot({ path: join(out, file) as `${string}.png` });
    process.stdout.write(`docs/images/${file}\n`);
  };
  await shoot('/', 'site-home.png', 1100, 800);
  await shoot('/verification/', 'site-verification.png', 1400, 900);
  await shoot(`/chapters/${chart.chapter}/`, 'site-chapter.png', 1100, 1000, chart.id);
  await shoot(`/chapters/${table.chapter}/`, 'site-phone.png', 390, 844, table.id);
  if (englishChart) {
    await shoot(`/en/chapters/${englishChart.chapter}/`, 'site-en-chapter.png', 1100, 1000, englishChart.id);
  }
} finally {
  await browser.close();
  await server.close();
}

// The cover is the first page by construction; everything else is looked up in the PDF's text.
const contentsPage = await pageWith('prospectus.pdf', contents);
pdfPage('prospectus.pdf', 1, 'pdf-cover');
pdfPage('prospectus.pdf', contentsPage, 'pdf-contents');
if (definitions) {
  pdfPage('prospectus.pdf', await pageWith('prospectus.pdf', definitions, contentsPage + 1), 'pdf-definitions');
}
pdfPage('prospectus.pdf', await pageWith('prospectus.pdf', chart.title, contentsPage + 1), 'pdf-chart-page');
pdfPage('prospectus.pdf', await pageWith('prospectus.pdf', table.title, contentsPage + 1), 'pdf-table-page');
if (englishChart && englishContents) {
  const from = (await pageWith('prospectus-en.pdf', englishContents)) + 1;
  pdfPage('prospectus-en.pdf', await pageWith('prospectus-en.pdf', englishChart.title, from), 'pdf-en-chart-page');
}
// The blackline picture comes from `npm run blackline` output, when there is one.
if (change && existsSync(join(dist, 'blackline.pdf'))) {
  pdfPage('blackline.pdf', await pageWith('blackline.pdf', change), 'pdf-blackline');
}
