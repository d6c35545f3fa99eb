/**
 * npm run bench — builds a synthetic prospectus at three sizes and a long one (about 1,000
 * pages), both editions, and compares each edition's PDF step (its print, contents pass, pdf-lib
 * and, for the Chinese, the schedule; plus the leak scan and the swap of dist/ they share) with
 * raw Chromium printing that edition's built HTML in the same run. The last line is one JSON
 * object for the largest of --sizes: the Chinese edition's numbers under the keys they always
 * had, the English under `en_` keys, and the long size's under `long_` keys. Not part of npm
 * test: timings are noisy.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Baseline,
  BenchError,
  type Build,
  buildGoesFirst,
  EDITIONS,
  LONG_PSS_LIMIT_MB,
  type Run,
  type SizeResult,
  say,
  summarizeSize,
  type UnitsBench,
} from './lib/bench/model.ts';
import { writeReport } from './lib/bench/report.ts';
import { build, rawChromium } from './lib/bench/steps.ts';
import { generateSynthetic } from './lib/bench/synthetic.ts';
import { unitsPhase } from './lib/bench/units-phase.ts';

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
const OPTIONS = {
  sizes: { type: 'string', default: '4,20,41' },
  long: { type: 'string', default: '89' },
  runs: { type: 'string' },
  'no-units': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
/** The options, or one line and exit 2 for what parseArgs refuses (an unknown option, a stray word). */
function readOptions() {
  try {
    return parseArgs({ options: OPTIONS });
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message.split('\n')[0]} (see --help)\n`);
    process.exit(2);
  }
}
const { values } = readOptions();
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
// What was typed is named in the message, not what Number made of it ("x", not "NaN").
for (const typed of [...values.sizes.split(','), values.long, ...(values.runs === undefined ? [] : [values.runs])]) {
  if (!/^\d+$/.test(typed.trim())) {
    process.stderr.write(`bench: sizes, --long and --runs are whole numbers, not "${typed}" (see --help)\n`);
    process.exit(2);
  }
}
if (values.runs !== undefined && Number(values.runs) < 1) {
  process.stderr.write('bench: --runs is at least 1: a median needs a run (see --help)\n');
  process.exit(2);
}
const sizes = values.sizes.split(',').map(Number);
const longChapters = Number(values.long);
const runsFor = (chapters: number) =>
  values.runs !== undefined ? Number(values.runs) : chapters === Math.max(...sizes) ? 5 : 3;

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
    if (buildGoesFirst(n)) {
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
      `${chapters} chapters, run ${n}/${runs} (${buildGoesFirst(n) ? 'build first' : 'baseline first'}): ${parts.join('; ')}`,
    );
  }
  return summarizeSize(chapters, done);
}

const results: SizeResult[] = [];
let unitsResult: UnitsBench | undefined;
let longResult: SizeResult | undefined;
try {
  for (const chapters of sizes) results.push(await measure(chapters));
  if (!values['no-units']) unitsResult = await unitsPhase(root, Math.max(...sizes));
  if (longChapters > 0) longResult = results.find((r) => r.chapters === longChapters) ?? (await measure(longChapters));
} catch (e) {
  if (!(e instanceof BenchError)) throw e;
  process.stderr.write(`bench: error: ${e.message}\n`);
  process.exit(1);
}

writeReport({ results, sizes, unitsResult, longResult });
if (longResult && longResult.peakPssMb > LONG_PSS_LIMIT_MB) {
  process.stderr.write(
    `bench: error: the ${longResult.chapters}-chapter build peaked at ${longResult.peakPssMb.toFixed(0)} MB PSS, over the ${LONG_PSS_LIMIT_MB} MB it may use\n`,
  );
  process.exit(1);
}
