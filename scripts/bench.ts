/**
 * npm run bench — builds a synthetic prospectus at three sizes and a long one (about 1,000
 * pages), both editions, and compares each edition's PDF step (its print, contents pass, pdf-lib
 * and, for the Chinese, the schedule; plus the leak scan and the swap of dist/ they share) with
 * raw Chromium printing that edition's built HTML in the same run. The last line is one JSON
 * object for the largest of --sizes: the Chinese edition's numbers under the keys they always
 * had, the English under `en_` keys, and the long size's under `long_` keys. Not part of npm
 * test: timings are noisy.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startTreeSampler } from './lib/bench/memory.ts';
import { generateSynthetic } from './lib/bench/synthetic.ts';
import { openPdf } from './lib/pdf/pdf-read.ts';
import { launchChromium } from './lib/print/launch.ts';
import { waitForPrintReady } from './lib/print/page-ready.ts';
import { serveStatic } from './lib/print/serve.ts';

/**
 * The memory budget for the long build on the 24 GB machine (6 GB): a build that needs
 * more fails the bench, after its numbers are printed.
 */
const LONG_PSS_LIMIT_MB = 6144;

const HELP = `Usage: npm run bench [-- options]

  --sizes A,B,C   chapters per size (default 4,20,41: about 45, 225 and 460 pages)
  --long N        chapters of the long size, measured after the others (default 89: about
                  1,000 Chinese and 1,260 English pages, as long as a real listing document
                  with its accountants' report); 0 leaves it out. One-piece builds against raw
                  Chromium like the other sizes, no units phase; its figures get their own
                  rows and \`long_\` keys in the JSON line (long_pages, long_pdf_ratio,
                  long_en_pdf_ratio, long_build_total_s, long_peak_pss_mb, …). Its build must
                  stay under ${LONG_PSS_LIMIT_MB} MB peak PSS, or the bench exits 1 after its report.
                  A size already in --sizes is not measured twice.
  --runs N        runs per size (default 3, and 5 at the largest of --sizes); the median is
                  reported with min and max
  --no-units      skip the units phase and the save in --watch (their keys are left out)
  -h, --help      show this help

At the largest of --sizes it then builds by units (PROSPECTUS_PRINT=units): cold in one tab, cold
in as many tabs as allowed, warm, and after a one-sentence edit in the middle chapter
(edit_build_s). Then it saves such an edit into a running npm run build -- --watch: edit_s is
save → new dist/prospectus.pdf, edit_ratio = edit_s / the one-piece build_total_s, edit_full_s
save → the full build after it done (site, schedule, both PDFs).

Each run builds the synthetic document, both editions (publication stage, so the leak scan
runs), and prints each edition's built page (/document/, /en/document/) with raw Chromium;
which of the two goes first alternates by run. The bench fails if an edition's two PDFs
differ in page count. Each edition gets its own table: its PDF step against its baseline.
`;

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '4,20,41' },
    long: { type: 'string', default: '89' },
    runs: { type: 'string' },
    'no-units': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const longChapters = Number(values.long);
for (const n of [...sizes, longChapters]) {
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`bench: a size is a whole number of chapters, not "${n}" (see --help)\n`);
    process.exit(2);
  }
}
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

/**
 * Where each edition's numbers are: its page to print, and the prefix of its keys in the build's
 * timings (the Chinese keep the names they had before there was an English edition). The leak
 * scan is shared: both editions count it, under its one key.
 */
interface Edition {
  name: string;
  path: string;
  key: (name: string) => string;
  passes: readonly (readonly [string, string])[];
}
const EDITIONS: readonly Edition[] = [
  { name: 'Chinese', path: '/document/', key: (name) => name, passes: PASSES },
  {
    name: 'English',
    path: '/en/document/',
    key: (name) => (name === 'leak_scan_s' ? name : `en_${name}`),
    // The schedule is placed on the Chinese PDF only.
    passes: PASSES.filter(([key]) => key !== 'schedule_s'),
  },
];

interface Baseline {
  seconds: number;
  pages: number;
  peakPssMb: number;
}

/**
 * The baseline: page.pdf of the same URL with no contents pass and no post-processing. Like the
 * PDF step it loads the page with print media emulated (else the charts would redraw for print,
 * work the PDF step never does) and waits as it does for fonts, charts and the running heads' faces,
 * so both print the same, finished layout, with the same whole print fonts (served before the
 * clock starts: preparing them is our work, not the baseline's).
 */
async function rawChromium(siteDir: string, path: string, outFile: string): Promise<Baseline> {
  const server = await serveStatic(siteDir, 0, { printFonts: true });
  const t0 = performance.now();
  const browser = await launchChromium({ protocolTimeout: 600_000 });
  const sampler = startTreeSampler(browser.process()?.pid ?? 0);
  try {
    const page = await browser.newPage();
    await page.emulateMediaType('print');
    await page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 300_000 });
    await waitForPrintReady(page, 300_000);
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
  /** From spawning the build to its exit. */
  wallS: number;
  stderr: string;
}

/** One build of the synthetic project, its own process tree sampled while it runs. */
async function build(dir: string, env: Record<string, string> = {}): Promise<Build> {
  const timingsFile = join(dir, 'timings.json');
  const child: ChildProcess = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--timings', timingsFile], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764115200', PROSPECTUS_STAGE: 'publication', ...env },
    // The channel ends the build should the bench be killed (follow-parent.ts).
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const sampler = startTreeSampler(child.pid ?? 0);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const started = performance.now();
  const status = await new Promise<number | null>((done) => child.on('close', done));
  const wallS = (performance.now() - started) / 1000;
  const { peakPssMb } = sampler.stop();
  if (status !== 0) throw new BenchError(`build in ${dir} failed:\n${stderr}`);
  const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  if (timings['leak_scan_s'] === undefined) throw new BenchError(`build in ${dir} ran no leak scan:\n${stderr}`);
  return { timings, peakPssMb, wallS, stderr };
}

/**
 * Printing by units (PROSPECTUS_PRINT=units) at one size, after its one-piece runs: a cold
 * build (empty print cache) in one tab and in as many as the machine allows, a warm build
 * (nothing changed), and a one-sentence edit in the middle chapter, each timed from the start
 * of `npm run build` to the new dist/prospectus.pdf (process wall time). Then the same edit
 * saved into a running `npm run build -- --watch` (editWhileWatching).
 */
async function unitsPhase(chapters: number): Promise<UnitsBench> {
  const dir = join(root, '.build', 'bench', `c${chapters}`);
  const cache = join(dir, '.build', 'print-cache');
  const units = { PROSPECTUS_PRINT: 'units' };
  rmSync(cache, { recursive: true, force: true });
  say(`${chapters} chapters, units: cold build in one tab`);
  const serial = await build(dir, { ...units, PROSPECTUS_PRINT_TABS: '1' });
  rmSync(cache, { recursive: true, force: true });
  say(`${chapters} chapters, units: cold build`);
  const cold = await build(dir, units);
  say(`${chapters} chapters, units: warm build`);
  const warm = await build(dir, units);
  const middle = join(dir, 'content', 'chapters', `chapter-${String(Math.ceil(chapters / 2)).padStart(3, '0')}.mdx`);
  const text = readFileSync(middle, 'utf8');
  const edited = withSentence(text, EDIT_SENTENCE);
  if (edited === text) throw new BenchError(`no paragraph to edit in ${middle}`);
  writeFileSync(middle, edited);
  say(`${chapters} chapters, units: one-sentence edit in ${middle.split('/').at(-1)}, npm run build`);
  const edit = await build(dir, units);
  writeFileSync(middle, text);
  say(
    `${chapters} chapters, units: one-sentence edit in ${middle.split('/').at(-1)}, saved in npm run build -- --watch`,
  );
  const watched = await editWhileWatching(dir, middle);
  const tabs = Number(/units: \d+, \d+ prints, \d+ taken from the cache, (\d+) tab/u.exec(cold.stderr)?.[1] ?? 0);
  return { serial, cold, warm, edit, watched, tabs };
}

const EDIT_SENTENCE = '本句為基準測試所加的一句。';
const WATCH_SENTENCE = '本句為基準測試在監看中所加的一句。';

/** One sentence more at the end of the chapter's first paragraph of body text. */
function withSentence(text: string, sentence: string): string {
  return text.replace(/^(\p{Script=Han}[^\n]*)$/mu, `$1${sentence}`);
}

interface WatchedEdit {
  /** Save → dist/prospectus.pdf replaced. */
  pdfS: number;
  /** Save → the full build that follows has published the site, schedule and both PDFs. */
  fullS: number;
  /** Whether the PDF came first (quick-pdf.ts) or from the full build. */
  path: 'pdf-first' | 'full build';
}

/**
 * The edit as an author makes it: saved while `npm run build -- --watch` runs, once the watch is
 * idle (its first build done, astro dev warmed). Timed from the write of the file to the moment
 * dist/prospectus.pdf is replaced, by polling it; the new PDF must hold the sentence, or the
 * number would time something else.
 */
async function editWhileWatching(dir: string, file: string): Promise<WatchedEdit> {
  const child: ChildProcess = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--watch'], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764115200', PROSPECTUS_STAGE: 'publication' },
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const said = async (text: string, times: number) => {
    const started = performance.now();
    while (output.split(text).length - 1 < times) {
      if (child.exitCode !== null) throw new BenchError(`the watch ended:\n${output}`);
      if (performance.now() - started > 900_000) throw new BenchError(`no "${text}" from the watch:\n${output}`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    return performance.now();
  };
  const original = readFileSync(file, 'utf8');
  try {
    await said('waiting for changes', 1);
    const pdf = join(dir, 'dist', 'prospectus.pdf');
    const before = statSync(pdf);
    const saved = performance.now();
    writeFileSync(file, withSentence(original, WATCH_SENTENCE));
    let replaced = 0;
    for (;;) {
      const now = statSync(pdf, { throwIfNoEntry: false });
      if (now && (now.ino !== before.ino || now.mtimeMs !== before.mtimeMs)) {
        replaced = performance.now();
        break;
      }
      if (child.exitCode !== null) throw new BenchError(`the watch ended:\n${output}`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).replace(/\s+/g, '');
    if (!text.includes(WATCH_SENTENCE))
      throw new BenchError(`the PDF the watch wrote after the save lacks the sentence:\n${output}`);
    const full = await said('waiting for changes', 2);
    for (const line of output.split('\n').filter((l) => l.startsWith('watch: ') && !l.includes('waiting')))
      say(`  ${line}`);
    return {
      pdfS: (replaced - saved) / 1000,
      fullS: (full - saved) / 1000,
      path: output.includes('PDF first: prospectus.pdf updated') ? 'pdf-first' : 'full build',
    };
  } finally {
    const exited = new Promise((done) => child.once('close', done));
    child.kill('SIGINT');
    await exited;
    writeFileSync(file, original);
  }
}

interface UnitsBench {
  serial: Build;
  cold: Build;
  warm: Build;
  edit: Build;
  watched: WatchedEdit;
  /** Tabs the cold build printed in (its log). */
  tabs: number;
}

interface Run {
  build: Build;
  /** One per edition, in the order of EDITIONS. */
  baselines: Baseline[];
}

/** One edition's numbers at one size. */
interface EditionResult {
  edition: Edition;
  pdf: Stats;
  base: Stats;
  /** Each run's PDF step over the baseline of the same run: steadier on a noisy machine. */
  byRun: Stats;
  /** The run whose PDF step is the median: its passes add up, unlike medians of each pass. */
  median: Run;
  /** Its baseline in that run. */
  medianBaseline: Baseline;
  basePeakPssMb: number;
}

interface SizeResult {
  chapters: number;
  runs: Run[];
  editions: EditionResult[];
  site: Stats;
  total: Stats;
  peakPssMb: number;
}

async function measure(chapters: number): Promise<SizeResult> {
  const dir = join(root, '.build', 'bench', `c${chapters}`);
  const runs = runsFor(chapters);
  say(`${chapters} chapters: generating`);
  generateSynthetic(root, dir, chapters);
  const baselines = async () => {
    const done: Baseline[] = [];
    for (const [i, e] of EDITIONS.entries()) {
      done.push(await rawChromium(join(dir, 'dist'), e.path, join(dir, `raw-${i}.pdf`)));
    }
    return done;
  };
  const done: Run[] = [];
  for (let n = 1; n <= runs; n++) {
    // Alternate the order, so neither side always runs on a machine warmed (or tired) by the
    // other. The baseline prints dist/, so the first run of a size has to build first; later
    // baselines print the previous run's dist/, the same HTML (SOURCE_DATE_EPOCH is fixed).
    let b: Build;
    let raw: Baseline[];
    if (n % 2 === 1) {
      b = await build(dir);
      raw = await baselines();
    } else {
      raw = await baselines();
      b = await build(dir);
    }
    const parts: string[] = [];
    for (const [i, e] of EDITIONS.entries()) {
      const pages = b.timings[e.key('pages')];
      const base = raw[i] as Baseline;
      if (pages === undefined)
        throw new BenchError(`${chapters} chapters, run ${n}: the build printed no ${e.name} PDF`);
      if (base.pages !== pages) {
        throw new BenchError(
          `${chapters} chapters, run ${n}, ${e.name} edition: raw Chromium printed ${base.pages} pages, the build ${pages} — they do not print the same layout, so their times do not compare`,
        );
      }
      const passes = e.passes.map(([key, label]) => `${label} ${(b.timings[e.key(key)] ?? 0).toFixed(1)}`).join(', ');
      parts.push(
        `${e.name} ${pages} pages; PDF step ${b.timings[e.key('pdf_s')]?.toFixed(1)} s (${passes}), raw Chromium ${base.seconds.toFixed(1)} s`,
      );
    }
    done.push({ build: b, baselines: raw });
    say(
      `${chapters} chapters, run ${n}/${runs} (${n % 2 === 1 ? 'build first' : 'baseline first'}): ${parts.join('; ')}`,
    );
  }
  const editions = EDITIONS.map((edition, i): EditionResult => {
    const pdfOf = (r: Run) => r.build.timings[edition.key('pdf_s')] ?? 0;
    const baseOf = (r: Run) => r.baselines[i] as Baseline;
    const pdf = stats(done.map(pdfOf));
    const median = done.find((r) => pdfOf(r) === pdf.median) as Run;
    return {
      edition,
      pdf,
      base: stats(done.map((r) => baseOf(r).seconds)),
      byRun: stats(done.map((r) => pdfOf(r) / baseOf(r).seconds)),
      median,
      medianBaseline: baseOf(median),
      basePeakPssMb: Math.max(...done.map((r) => baseOf(r).peakPssMb)),
    };
  });
  return {
    chapters,
    runs: done,
    editions,
    site: stats(
      done.map(
        (r) =>
          (r.build.timings['check_s'] ?? 0) + (r.build.timings['astro_s'] ?? 0) + (r.build.timings['search_s'] ?? 0),
      ),
    ),
    total: stats(done.map((r) => r.build.timings['total_s'] ?? 0)),
    peakPssMb: Math.max(...done.map((r) => r.build.peakPssMb)),
  };
}

const results: SizeResult[] = [];
let unitsResult: UnitsBench | undefined;
let longResult: SizeResult | undefined;
try {
  for (const chapters of sizes) results.push(await measure(chapters));
  if (!values['no-units']) unitsResult = await unitsPhase(Math.max(...sizes));
  if (longChapters > 0) longResult = results.find((r) => r.chapters === longChapters) ?? (await measure(longChapters));
} catch (e) {
  if (!(e instanceof BenchError)) throw e;
  process.stderr.write(`bench: error: ${e.message}\n`);
  process.exit(1);
}

const f = (s: Stats) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const runCounts = [...new Set(results.map((r) => r.runs.length))].join(' or ');
process.stdout.write(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${runCounts} runs per size, median (min–max)\n`,
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
// The site, the whole build and its memory are both editions' together, in each table.
const rows = longResult && !results.includes(longResult) ? [...results, longResult] : results;
for (const [i, edition] of EDITIONS.entries()) {
  const of = (r: SizeResult) => r.editions[i] as EditionResult;
  const pagesOf = (r: SizeResult) => of(r).median.build.timings[edition.key('pages')] ?? 0;
  process.stdout.write(
    `\n${edition.name} edition (${edition.path})\n\n| ${header.join(' | ')} |\n|${'---|'.repeat(header.length)}\n`,
  );
  for (const r of rows) {
    const e = of(r);
    const cells = [
      String(r.chapters),
      String(pagesOf(r)),
      f(r.site),
      f(e.pdf),
      f(e.base),
      (e.pdf.median / e.base.median).toFixed(2),
      `${e.byRun.median.toFixed(2)} (${e.byRun.min.toFixed(2)}–${e.byRun.max.toFixed(2)})`,
      f(r.total),
      ((e.median.build.timings[edition.key('pdf_bytes')] ?? 0) / 2 ** 20).toFixed(1),
      r.peakPssMb.toFixed(0),
      e.basePeakPssMb.toFixed(0),
      `${((e.pdf.median / pagesOf(r)) * 1000).toFixed(1)} ms`,
    ];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
  }
  // The passes of the median run add up to its PDF step; "other" is what lies between them
  // (starting the server, closing the browser, the swap of dist/).
  const passHeader = ['chapters', 'PDF step s', ...edition.passes.map(([, label]) => `${label} s`), 'other s'];
  process.stdout.write(
    `\n${edition.name} PDF step by pass (the median run)\n\n| ${passHeader.join(' | ')} |\n|${'---|'.repeat(passHeader.length)}\n`,
  );
  for (const r of rows) {
    const t = of(r).median.build.timings;
    const passes = edition.passes.map(([key]) => t[edition.key(key)] ?? 0);
    const step = t[edition.key('pdf_s')] ?? 0;
    const other = step - passes.reduce((a, b) => a + b, 0);
    process.stdout.write(
      `| ${[r.chapters, step.toFixed(1), ...passes.map((x) => x.toFixed(1)), other.toFixed(1)].join(' | ')} |\n`,
    );
  }
}

// The JSON line is for the largest of --sizes, as it always was, with the long size's keys added.
const largest = results.find((r) => r.chapters === Math.max(...sizes));
if (largest) {
  const round = (x: number) => Number(x.toFixed(3));
  /**
   * One edition's keys: its own names for the Chinese, `en_` before them for the English. Every
   * pass comes from the edition's own median run, the leak scan both editions share included
   * (`en_leak_scan_s` is the scan in the English median run), so an edition's passes add up to
   * no more than its step even when the two medians are different runs.
   */
  const keysOf = (e: EditionResult, prefix: string) => {
    const t = e.median.build.timings;
    const k = (name: string) => `${prefix}${name}`;
    const passes = Object.fromEntries(e.edition.passes.map(([key]) => [k(key), round(t[e.edition.key(key)] ?? 0)]));
    return {
      [k('pages')]: t[e.edition.key('pages')] ?? 0,
      [k('baseline_pages')]: e.medianBaseline.pages,
      [k('pdf_s')]: round(e.pdf.median),
      ...passes,
      [k('chromium_baseline_s')]: round(e.base.median),
      [k('pdf_ratio')]: round(e.pdf.median / e.base.median),
      [k('pdf_ratio_by_run')]: round(e.byRun.median),
      [k('pdf_bytes')]: t[e.edition.key('pdf_bytes')] ?? 0,
      [k('baseline_peak_pss_mb')]: Math.round(e.basePeakPssMb),
    };
  };
  /** A size's keys, both editions: the Chinese under `prefix`, the English under `prefix` + `en_`. */
  const sizeKeys = (r: SizeResult, prefix: string) => {
    const [zh, en] = r.editions as [EditionResult, EditionResult];
    const t = zh.median.build.timings;
    return {
      [`${prefix}chapters`]: r.chapters,
      [`${prefix}site_build_s`]: round(r.site.median),
      ...keysOf(zh, prefix),
      [`${prefix}build_total_s`]: round(r.total.median),
      [`${prefix}figures`]: t['figures'] ?? 0,
      [`${prefix}figures_placed`]: t['figures_placed'] ?? 0,
      [`${prefix}peak_pss_mb`]: Math.round(r.peakPssMb),
      ...keysOf(en, `${prefix}en_`),
    };
  };
  const u = unitsResult;
  const unitKeys = u
    ? {
        units_cold_s: round(u.cold.wallS),
        units_cold_one_tab_s: round(u.serial.wallS),
        units_warm_s: round(u.warm.wallS),
        units_tabs: u.tabs,
        units_cold_peak_pss_mb: Math.round(u.cold.peakPssMb),
        parallel_speedup: round(u.serial.wallS / u.cold.wallS),
        units_pages: u.edit.timings['pages'] ?? 0,
        edit_build_s: round(u.edit.wallS),
        edit_s: round(u.watched.pdfS),
        edit_ratio: round(u.watched.pdfS / largest.total.median),
        edit_path: u.watched.path,
        edit_full_s: round(u.watched.fullS),
      }
    : {};
  if (u) {
    process.stdout.write(
      `\nPrinting by units (PROSPECTUS_PRINT=units), ${largest.chapters} chapters, whole build wall time: cold ${u.cold.wallS.toFixed(1)} s in ${u.tabs} tab(s), cold ${u.serial.wallS.toFixed(1)} s in one tab, warm ${u.warm.wallS.toFixed(1)} s, one-sentence edit ${u.edit.wallS.toFixed(1)} s (one-piece build ${largest.total.median.toFixed(1)} s)\n`,
    );
    process.stdout.write(
      `One-sentence edit saved in npm run build -- --watch: new dist/prospectus.pdf after ${u.watched.pdfS.toFixed(1)} s (${u.watched.path}), site, schedule and both PDFs after ${u.watched.fullS.toFixed(1)} s; edit_ratio ${(u.watched.pdfS / largest.total.median).toFixed(2)} of the one-piece build\n`,
    );
  }
  if (longResult) {
    const ratio = (r: SizeResult, i: number) => {
      const e = r.editions[i] as EditionResult;
      return `${(e.pdf.median / e.base.median).toFixed(2)} (by run ${e.byRun.median.toFixed(2)})`;
    };
    const pagesOf = (r: SizeResult, i: number) =>
      (r.editions[i] as EditionResult).median.build.timings[(EDITIONS[i] as Edition).key('pages')] ?? 0;
    process.stdout.write(
      `\nLong size, ${longResult.chapters} chapters: Chinese ${pagesOf(longResult, 0)} pages, ratio ${ratio(longResult, 0)} against ${ratio(largest, 0)} at ${pagesOf(largest, 0)} pages; English ${pagesOf(longResult, 1)} pages, ratio ${ratio(longResult, 1)} against ${ratio(largest, 1)} at ${pagesOf(largest, 1)} pages; whole build ${longResult.total.median.toFixed(1)} s, peak PSS ${longResult.peakPssMb.toFixed(0)} MB (limit ${LONG_PSS_LIMIT_MB} MB)\n`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({
      ...sizeKeys(largest, ''),
      ...unitKeys,
      runs: largest.runs.length,
      ...(longResult ? { ...sizeKeys(longResult, 'long_'), long_runs: longResult.runs.length } : {}),
    })}\n`,
  );
}
if (longResult && longResult.peakPssMb > LONG_PSS_LIMIT_MB) {
  process.stderr.write(
    `bench: error: the ${longResult.chapters}-chapter build peaked at ${longResult.peakPssMb.toFixed(0)} MB PSS, over the ${LONG_PSS_LIMIT_MB} MB it may use\n`,
  );
  process.exit(1);
}
