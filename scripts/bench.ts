/**
 * npm run bench — builds a synthetic prospectus at three sizes and compares our PDF step with
 * raw Chromium printing the same built HTML in the same run. The last line is one JSON object
 * for the largest size. Not part of npm test: timings are noisy.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findBrowser } from './lib/browser.ts';
import { startMemorySampler } from './lib/memory.ts';
import { openPdf } from './lib/pdf-read.ts';
import { serveStatic } from './lib/serve.ts';
import { generateSynthetic } from './lib/synthetic.ts';

const HELP = `Usage: npm run bench [-- options]

  --sizes A,B,C   chapters per size (default 4,20,41: about 45, 225 and 460 pages)
  --runs N        runs per size; the median is reported with min and max (default 3)
  -h, --help      show this help
`;

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4,20,41' },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const say = (m: string) => process.stderr.write(`bench: ${m}\n`);

interface Stats {
  median: number;
  min: number;
  max: number;
}
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, min: s[0] ?? 0, max: s.at(-1) ?? 0 };
};

/**
 * The baseline: page.pdf of the same URL — no readiness waits, no contents pass, no
 * post-processing. Like the PDF step, it loads the page with print media emulated: printing a
 * page laid out for the screen would make the page's charts redraw for print, work the PDF
 * step never does, and the baseline would no longer be Chromium printing the same layout.
 */
async function rawChromium(siteDir: string, outFile: string): Promise<number> {
  const server = await serveStatic(siteDir);
  const t0 = performance.now();
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    args: CHROMIUM_ARGS,
    protocolTimeout: 600_000,
  });
  try {
    const page = await browser.newPage();
    await page.emulateMediaType('print');
    await page.goto(`${server.url}/document/`, { waitUntil: 'load', timeout: 300_000 });
    writeFileSync(outFile, await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 600_000 }));
    return (performance.now() - t0) / 1000;
  } finally {
    await browser.close();
    await server.close();
  }
}

interface SizeResult {
  chapters: number;
  pages: number;
  site_build_s: Stats;
  pdf_s: Stats;
  chromium_baseline_s: Stats;
  pdf_ratio: number;
  /** Each run's PDF step over the baseline printed right after it: steadier on a noisy machine. */
  run_ratios: Stats;
  build_total_s: Stats;
  pdf_bytes: number;
  baseline_pages: number;
  peak_rss_mb: number;
  browser_peak_mb: number;
  node_peak_mb: number;
}

function runChild(command: string, args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '1764115200' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.resume();
    child.on('close', (status) => done({ status, stderr }));
  });
}

const results: SizeResult[] = [];
for (const chapters of sizes) {
  const dir = join(root, '.build', 'bench', `c${chapters}`);
  say(`${chapters} chapters: generating`);
  generateSynthetic(root, dir, chapters);
  const site: number[] = [];
  const pdf: number[] = [];
  const base: number[] = [];
  const total: number[] = [];
  let pages = 0;
  let bytes = 0;
  let memory = { browserPeakMb: 0, nodePeakMb: 0, peakMb: 0 };
  let baselinePages = 0;
  for (let run = 1; run <= runs; run++) {
    const sampler = startMemorySampler();
    const timingsFile = join(dir, 'timings.json');
    // Asynchronous, so the memory sampler keeps running while the build does.
    const build = await runChild(process.execPath, [join(dir, 'scripts/build.ts'), '--timings', timingsFile], dir);
    const m = sampler.stop();
    memory = m.peakMb > memory.peakMb ? m : memory;
    if (build.status !== 0) throw new Error(`build of ${chapters} chapters failed:\n${build.stderr}`);
    const t = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
    site.push((t['check_s'] ?? 0) + (t['astro_s'] ?? 0) + (t['search_s'] ?? 0));
    pdf.push(t['pdf_s'] ?? 0);
    total.push(t['total_s'] ?? 0);
    pages = t['pages'] ?? 0;
    bytes = t['pdf_bytes'] ?? 0;
    const rawFile = join(dir, 'raw.pdf');
    base.push(await rawChromium(join(dir, 'dist'), rawFile));
    baselinePages = (await openPdf(new Uint8Array(readFileSync(rawFile)))).numPages;
    say(
      `${chapters} chapters, run ${run}/${runs}: ${pages} pages; site ${site.at(-1)?.toFixed(1)} s, PDF ${pdf.at(-1)?.toFixed(1)} s, raw Chromium ${base.at(-1)?.toFixed(1)} s`,
    );
  }
  const p = stats(pdf);
  const b = stats(base);
  results.push({
    chapters,
    pages,
    site_build_s: stats(site),
    pdf_s: p,
    chromium_baseline_s: b,
    pdf_ratio: p.median / b.median,
    run_ratios: stats(pdf.map((x, i) => x / (base[i] ?? x))),
    build_total_s: stats(total),
    pdf_bytes: bytes,
    baseline_pages: baselinePages,
    peak_rss_mb: memory.peakMb,
    browser_peak_mb: memory.browserPeakMb,
    node_peak_mb: memory.nodePeakMb,
  });
}

const f = (s: Stats) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const header =
  '| chapters | pages | site build s | PDF step s | raw Chromium s | ratio | ratio by run | whole build s | PDF MB | peak RSS MB | PDF s/page |';
process.stdout.write(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${runs} runs per size, median (min–max)\n\n`,
);
process.stdout.write(`${header}\n|${'---|'.repeat(11)}\n`);
for (const r of results) {
  process.stdout.write(
    `| ${r.chapters} | ${r.pages} | ${f(r.site_build_s)} | ${f(r.pdf_s)} | ${f(r.chromium_baseline_s)} | ${r.pdf_ratio.toFixed(2)} | ${r.run_ratios.median.toFixed(2)} (${r.run_ratios.min.toFixed(2)}–${r.run_ratios.max.toFixed(2)}) | ${f(r.build_total_s)} | ${(r.pdf_bytes / 2 ** 20).toFixed(1)} | ${r.peak_rss_mb.toFixed(0)} | ${((r.pdf_s.median / r.pages) * 1000).toFixed(1)} ms |\n`,
  );
}
const largest = results.at(-1);
if (largest) {
  process.stdout.write(
    `${JSON.stringify({
      pages: largest.pages,
      chapters: largest.chapters,
      site_build_s: Number(largest.site_build_s.median.toFixed(2)),
      pdf_s: Number(largest.pdf_s.median.toFixed(2)),
      chromium_baseline_s: Number(largest.chromium_baseline_s.median.toFixed(2)),
      pdf_ratio: Number(largest.pdf_ratio.toFixed(3)),
      pdf_ratio_by_run: Number(largest.run_ratios.median.toFixed(3)),
      build_total_s: Number(largest.build_total_s.median.toFixed(2)),
      pdf_bytes: largest.pdf_bytes,
      peak_rss_mb: Math.round(largest.peak_rss_mb),
      browser_peak_mb: Math.round(largest.browser_peak_mb),
      node_peak_mb: Math.round(largest.node_peak_mb),
      runs,
    })}\n`,
  );
}
