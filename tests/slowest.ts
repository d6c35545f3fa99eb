/**
 * The ten slowest tests of this `npm test` run, read from the JSON reports vitest and Playwright
 * wrote beside their console output (.build/test-report/): where the suite's minutes go, printed
 * at the end of every run so a slow new test shows up in CI's log the day it lands.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const REPORT_DIR = join(ROOT, '.build', 'test-report');

export interface Timed {
  file: string;
  title: string;
  ms: number;
}

interface VitestReport {
  testResults: {
    name: string;
    assertionResults: { fullName: string; duration?: number | null }[];
  }[];
}

interface PlaywrightSuite {
  file?: string;
  title: string;
  specs?: { title: string; file: string; tests: { results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

export function vitestTimes(report: VitestReport): Timed[] {
  return report.testResults.flatMap((file) =>
    file.assertionResults.map((t) => ({ file: relative(ROOT, file.name), title: t.fullName, ms: t.duration ?? 0 })),
  );
}

/**
 * Each vitest file's own time, as tests/file-times-reporter.ts wrote it (relative path → ms): its
 * import, hooks and tests. A file that builds a copy in beforeAll or at its top level spends most
 * of its time outside any one test, where the list of tests cannot see it.
 */
export function vitestFileTimes(times: Readonly<Record<string, number>>): Timed[] {
  return Object.entries(times).map(([file, ms]) => ({ file, title: '(whole file)', ms }));
}

export function playwrightTimes(report: { suites: PlaywrightSuite[] }): Timed[] {
  const walk = (suite: PlaywrightSuite, path: string[]): Timed[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.map((t) => ({
        file: join('tests/e2e', spec.file),
        title: [...path, spec.title].join(' › '),
        ms: t.results.reduce((sum, r) => sum + r.duration, 0),
      })),
    ),
    ...(suite.suites ?? []).flatMap((s) => walk(s, [...path, s.title])),
  ];
  return report.suites.flatMap((s) => walk(s, []));
}

export function slowest(times: readonly Timed[], count = 10): Timed[] {
  return [...times].sort((a, b) => b.ms - a.ms).slice(0, count);
}

function read<T>(name: string): T | undefined {
  const path = join(REPORT_DIR, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

if (import.meta.main) {
  const vitest = ['unit.json', 'build.json'].flatMap((name) => {
    const report = read<VitestReport>(name);
    return report ? [report] : [];
  });
  const e2e = read<{ suites: PlaywrightSuite[] }>('e2e.json');
  const times = [...vitest.flatMap(vitestTimes), ...(e2e ? playwrightTimes(e2e) : [])];
  const total = times.reduce((sum, t) => sum + t.ms, 0);
  const print = (t: Timed) =>
    process.stdout.write(`${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.file} › ${t.title}\n`);
  process.stdout.write(
    `\nThe ten slowest of ${times.length} tests (${(total / 1000).toFixed(0)} s in tests in all):\n`,
  );
  for (const t of slowest(times)) print(t);
  process.stdout.write('\nThe ten slowest vitest files, each with its import and hooks (builds included):\n');
  const files = ['unit-files.json', 'build-files.json'].flatMap((name) =>
    vitestFileTimes(read<Record<string, number>>(name) ?? {}),
  );
  for (const t of slowest(files)) process.stdout.write(`${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.file}\n`);
}
