/**
 * What the bench measures and how it is summed up: the PDF step's passes and the two editions,
 * the results of a run, a size and the units phase, and the one rule for a median. No I/O but
 * the progress line.
 */

/**
 * The memory budget for the long build on the 24 GB machine (6 GB): a build that needs
 * more fails the bench, after its numbers are printed.
 */
export const LONG_PSS_LIMIT_MB = 6144;

/** Progress, on stderr: stdout is the report. */
export const say = (m: string) => process.stderr.write(`bench: ${m}\n`);

/** A measurement that cannot go on: printed as one line, and the bench exits 1. */
export class BenchError extends Error {}

export interface Stats {
  median: number;
  min: number;
  max: number;
}
/** The median is one of the values (the upper one of an even count): a run that happened. */
export const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, min: s[0] ?? 0, max: s.at(-1) ?? 0 };
};

/** The passes of the PDF step, as the build's --timings file names them, in order. */
export const PASSES = [
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
export interface Edition {
  name: string;
  path: string;
  key: (name: string) => string;
  passes: readonly (readonly [string, string])[];
}
export const EDITIONS: readonly Edition[] = [
  { name: 'Chinese', path: '/document/', key: (name) => name, passes: PASSES },
  {
    name: 'English',
    path: '/en/document/',
    key: (name) => (name === 'leak_scan_s' ? name : `en_${name}`),
    // The schedule is placed on the Chinese PDF only.
    passes: PASSES.filter(([key]) => key !== 'schedule_s'),
  },
];

export interface Baseline {
  seconds: number;
  pages: number;
  peakPssMb: number;
}

export interface Build {
  timings: Record<string, number>;
  peakPssMb: number;
  /** From spawning the build to its exit. */
  wallS: number;
  stderr: string;
}

export interface WatchedEdit {
  /** Save → dist/prospectus.pdf replaced. */
  pdfS: number;
  /** Save → the full build that follows has published the site, schedule and both PDFs. */
  fullS: number;
  /** Whether the PDF came first (quick-pdf.ts) or from the full build. */
  path: 'pdf-first' | 'full build';
}

export interface UnitsBench {
  serial: Build;
  cold: Build;
  warm: Build;
  edit: Build;
  watched: WatchedEdit;
  /** Tabs the cold build printed in (its log). */
  tabs: number;
}

export interface Run {
  build: Build;
  /** One per edition, in the order of EDITIONS. */
  baselines: Baseline[];
}

/** One edition's numbers at one size. */
export interface EditionResult {
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

export interface SizeResult {
  chapters: number;
  runs: Run[];
  editions: EditionResult[];
  site: Stats;
  total: Stats;
  peakPssMb: number;
}

/**
 * Which side of run `n` (from 1) goes first: the build on odd runs, raw Chromium on even ones, so
 * neither always runs on a machine warmed (or tired) by the other.
 */
export const buildGoesFirst = (n: number): boolean => n % 2 === 1;

/**
 * One size's runs summed up. Each edition's passes come from its own median run (the run whose
 * PDF step is that edition's median), which need not be the other edition's: an edition's
 * passes then add up to no more than its step.
 */
export function summarizeSize(chapters: number, done: Run[]): SizeResult {
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
