/**
 * npm run bench — builds a synthetic prospectus at three sizes and compares our PDF step (from
 * the finished site to the swap of dist/: print, contents pass, pdf-lib, schedule, leak scan)
 * with raw Chromium printing the same built HTML in the same run. The last line is one JSON
 * object for the largest size. Not part of npm test: timings are noisy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './lib/browser.ts';
import { startTreeSampler } from './lib/memory.ts';
import { waitForCharts } from './lib/page-ready.ts';
import { openPdf } from './lib/pdf-read.ts';
import { serveStatic } from './lib/serve.ts';
import { generateSynthetic } from './lib/synthetic.ts';

const HELP = `Usage: npm run bench [-- options]

  --sizes A,B,C   chapters per size (default 4,20,41: about 45, 225 and 460 pages)
  --runs N        runs per size (default 3, and 5 at the largest size); the median is
                  reported with min and max
  -h, --help      show this help

Each run builds the synthetic document (publication stage, so the leak scan runs) and prints
the built /document/ page with raw Chromium; which of the two goes first alternates by run.
The bench fails if the two PDFs differ in page count.
`;

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4,20,41' },
    runs: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const runsFor = (chapters: number) =>
  values.runs !== undefined ? Number(values.runs) : chapters === Math.max(...sizes) ? 5 : 3;
const say = (m: string) => process.stderr.write(`bench: ${m}\n`);

class BenchError extends Error {}

interface Stats {
  median: number;
  min: number;
  max: number;
}
/** The median is one of the values (the upper one of an even count): a run that happened. */
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, min: s[0] ?? 0, max: s.at(-1) ?? 0 };
};

/** The passes of the PDF step, as the build's --timings file names them, in order. */
const PASSES = [
  ['load_s', 'load'],
  ['print_s', 'print'],
  ['contents_s', 'contents'],
  ['pdf_lib_s', 'pdf-lib'],
  ['text_s', 'text wait'],
  ['schedule_s', 'schedule'],
  ['leak_scan_s', 'leak scan'],
] as const;
type Pass = (typeof PASSES)[number][0];

interface Baseline {
  seconds: number;
  pages: number;
  peakPssMb: number;
}

/**
 * The baseline: page.pdf of the same URL with no contents pass and no post-processing. Like the
 * PDF step it loads the page with print media emulated (else the charts would redraw for print,
 * work the PDF step never does) and waits for the same signal that fonts and charts are ready,
 * so both print the same, finished layout, with the same whole print fonts (served before the
 * clock starts: preparing them is our work, not the baseline's).
 */
async function rawChromium(siteDir: string, outFile: string): Promise<Baseline> {
  const server = await serveStatic(siteDir, 0, { printFonts: true });
  const t0 = performance.now();
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    args: CHROMIUM_ARGS,
    protocolTimeout: 600_000,
  });
  const sampler = startTreeSampler(browser.process()?.pid ?? 0);
  try {
    const page = await browser.newPage();
    await page.emulateMediaType('print');
    await page.goto(`${server.url}/document/`, { waitUntil: 'load', timeout: 300_000 });
    await waitForCharts(page, 300_000);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 600_000 });
    const seconds = (performance.now() - t0) / 1000;
    const { peakPssMb } = sampler.stop();
    writeFileSync(outFile, pdf);
    return { seconds, pages: (await openPdf(pdf)).numPages, peakPssMb };
  } finally {
    sampler.stop();
    await browser.close();
    await server.close();
  }
}

interface Build {
  timings: Record<string, number>;
  peakPssMb: number;
}

/** One build of the synthetic project, its own process tree sampled while it runs. */
async function build(dir: string): Promise<Build> {
  const timingsFile = join(dir, 'timings.json');
  const child: ChildProcess = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--timings', timingsFile], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764115200', PROSPECTUS_STAGE: 'publication' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const sampler = startTreeSampler(child.pid ?? 0);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const { peakPssMb } = sampler.stop();
  if (status !== 0) throw new BenchError(`build in ${dir} failed:\n${stderr}`);
  const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  if (timings['leak_scan_s'] === undefined) throw new BenchError(`build in ${dir} ran no leak scan:\n${stderr}`);
  return { timings, peakPssMb };
}

interface Run {
  build: Build;
  baseline: Baseline;
}

interface SizeResult {
  chapters: number;
  runs: Run[];
  pdf: Stats;
  base: Stats;
  /** Each run's PDF step over the baseline of the same run: steadier on a noisy machine. */
  byRun: Stats;
  site: Stats;
  total: Stats;
  /** The run whose PDF step is the median: its passes add up, unlike medians of each pass. */
  median: Run;
}

async function measure(chapters: number): Promise<SizeResult> {
  const dir = join(root, '.build', 'bench', `c${chapters}`);
  const runs = runsFor(chapters);
  say(`${chapters} chapters: generating`);
  generateSynthetic(root, dir, chapters);
  const rawFile = join(dir, 'raw.pdf');
  const done: Run[] = [];
  for (let n = 1; n <= runs; n++) {
    // Alternate the order, so neither side always runs on a machine warmed (or tired) by the
    // other. The baseline prints dist/, so the first run of a size has to build first; later
    // baselines print the previous run's dist/, the same HTML (SOURCE_DATE_EPOCH is fixed).
    let b: Build;
    let raw: Baseline;
    if (n % 2 === 1) {
      b = await build(dir);
      raw = await rawChromium(join(dir, 'dist'), rawFile);
    } else {
      raw = await rawChromium(join(dir, 'dist'), rawFile);
      b = await build(dir);
    }
    const pages = b.timings['pages'] ?? 0;
    if (raw.pages !== pages) {
      throw new BenchError(
        `${chapters} chapters, run ${n}: raw Chromium printed ${raw.pages} pages, the build ${pages} — they do not print the same layout, so their times do not compare`,
      );
    }
    done.push({ build: b, baseline: raw });
    const t = b.timings;
    const passes = PASSES.map(([key, label]) => `${label} ${(t[key] ?? 0).toFixed(1)}`).join(', ');
    say(
      `${chapters} chapters, run ${n}/${runs} (${n % 2 === 1 ? 'build first' : 'baseline first'}): ${pages} pages; PDF step ${t['pdf_s']?.toFixed(1)} s (${passes}), raw Chromium ${raw.seconds.toFixed(1)} s`,
    );
  }
  const pdfOf = (r: Run) => r.build.timings['pdf_s'] ?? 0;
  const pdf = stats(done.map(pdfOf));
  return {
    chapters,
    runs: done,
    pdf,
    base: stats(done.map((r) => r.baseline.seconds)),
    byRun: stats(done.map((r) => pdfOf(r) / r.baseline.seconds)),
    site: stats(
      done.map(
        (r) =>
          (r.build.timings['check_s'] ?? 0) + (r.build.timings['astro_s'] ?? 0) + (r.build.timings['search_s'] ?? 0),
      ),
    ),
    total: stats(done.map((r) => r.build.timings['total_s'] ?? 0)),
    median: done.find((r) => pdfOf(r) === pdf.median) as Run,
  };
}

const results: SizeResult[] = [];
try {
  for (const chapters of sizes) results.push(await measure(chapters));
} catch (e) {
  if (!(e instanceof BenchError)) throw e;
  process.stderr.write(`bench: error: ${e.message}\n`);
  process.exit(1);
}

const f = (s: Stats) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const peak = (r: SizeResult, side: (run: Run) => number) => Math.max(...r.runs.map(side));
const ourPeak = (r: SizeResult) => peak(r, (run) => run.build.peakPssMb);
const basePeak = (r: SizeResult) => peak(r, (run) => run.baseline.peakPssMb);
const pagesOf = (r: SizeResult) => r.median.build.timings['pages'] ?? 0;
const runCounts = [...new Set(results.map((r) => r.runs.length))].join(' or ');
process.stdout.write(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${runCounts} runs per size, median (min–max)\n\n`,
);
const header = [
  'chapters',
  'pages',
  'site build s',
  'PDF step s',
  'raw Chromium s',
  'ratio',
  'ratio by run',
  'whole build s',
  'PDF MB',
  'peak PSS MB',
  'raw Chromium peak PSS MB',
  'PDF s/page',
];
process.stdout.write(`| ${header.join(' | ')} |\n|${'---|'.repeat(header.length)}\n`);
for (const r of results) {
  const cells = [
    String(r.chapters),
    String(pagesOf(r)),
    f(r.site),
    f(r.pdf),
    f(r.base),
    (r.pdf.median / r.base.median).toFixed(2),
    `${r.byRun.median.toFixed(2)} (${r.byRun.min.toFixed(2)}–${r.byRun.max.toFixed(2)})`,
    f(r.total),
    ((r.median.build.timings['pdf_bytes'] ?? 0) / 2 ** 20).toFixed(1),
    ourPeak(r).toFixed(0),
    basePeak(r).toFixed(0),
    `${((r.pdf.median / pagesOf(r)) * 1000).toFixed(1)} ms`,
  ];
  process.stdout.write(`| ${cells.join(' | ')} |\n`);
}
// The passes of the median run add up to its PDF step; "other" is what lies between them
// (starting the server, closing the browser, the swap of dist/).
const passHeader = ['chapters', 'PDF step s', ...PASSES.map(([, label]) => `${label} s`), 'other s'];
process.stdout.write(
  `\nPDF step by pass (the median run)\n\n| ${passHeader.join(' | ')} |\n|${'---|'.repeat(passHeader.length)}\n`,
);
for (const r of results) {
  const t = r.median.build.timings;
  const passes = PASSES.map(([key]) => t[key] ?? 0);
  const other = (t['pdf_s'] ?? 0) - passes.reduce((a, b) => a + b, 0);
  process.stdout.write(
    `| ${[r.chapters, (t['pdf_s'] ?? 0).toFixed(1), ...passes.map((s) => s.toFixed(1)), other.toFixed(1)].join(' | ')} |\n`,
  );
}

const largest = results.at(-1);
if (largest) {
  const t = largest.median.build.timings;
  const round = (x: number) => Number(x.toFixed(3));
  const passes = Object.fromEntries(PASSES.map(([key]) => [key, round(t[key] ?? 0)])) as Record<Pass, number>;
  process.stdout.write(
    `${JSON.stringify({
      pages: pagesOf(largest),
      baseline_pages: largest.median.baseline.pages,
      chapters: largest.chapters,
      site_build_s: round(largest.site.median),
      pdf_s: round(largest.pdf.median),
      ...passes,
      chromium_baseline_s: round(largest.base.median),
      pdf_ratio: round(largest.pdf.median / largest.base.median),
      pdf_ratio_by_run: round(largest.byRun.median),
      build_total_s: round(largest.total.median),
      pdf_bytes: t['pdf_bytes'] ?? 0,
      figures: t['figures'] ?? 0,
      figures_placed: t['figures_placed'] ?? 0,
      peak_pss_mb: Math.round(ourPeak(largest)),
      baseline_peak_pss_mb: Math.round(basePeak(largest)),
      runs: largest.runs.length,
    })}\n`,
  );
}
