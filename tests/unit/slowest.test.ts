import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../build-once.ts';
import { withoutVitest } from '../child-output.ts';
import { playwrightTimes, slowest, vitestFileTimes, vitestTimes } from '../slowest.ts';

describe('the slowest-tests list', () => {
  it('reads both reports and lists the slowest first, however deep a Playwright test is nested', () => {
    const unit = vitestTimes({
      testResults: [
        {
          name: `${process.cwd()}/tests/unit/a.test.ts`,
          assertionResults: [
            { fullName: 'a fast', duration: 5 },
            { fullName: 'a slow', duration: 9000 },
          ],
        },
      ],
    });
    const e2e = playwrightTimes({
      suites: [
        {
          title: 'site.spec.ts',
          suites: [
            {
              title: 'home',
              specs: [
                { title: 'loads', file: 'site.spec.ts', tests: [{ results: [{ duration: 700 }, { duration: 300 }] }] },
              ],
            },
          ],
        },
      ],
    });
    const top = slowest([...unit, ...e2e], 2);
    expect(top.map((t) => [t.file, t.title, t.ms])).toEqual([
      ['tests/unit/a.test.ts', 'a slow', 9000],
      // A retried test's time is every attempt's.
      ['tests/e2e/site.spec.ts', 'home › loads', 1000],
    ]);
  });

  it('times a vitest file with its import and hooks, where a build before its tests runs', () => {
    // A file that waits 400 ms at its top level and 500 ms in beforeAll, run by vitest with the
    // reporter npm test uses: its one test takes no time, the file almost a second.
    const dir = mkdtempSync(join(tmpdir(), 'file-times-'));
    writeFileSync(
      join(dir, 'slow.test.js'),
      [
        'await new Promise((ok) => setTimeout(ok, 400));',
        'beforeAll(() => new Promise((ok) => setTimeout(ok, 500)));',
        "it('is quick', () => {});",
      ].join('\n'),
    );
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        dir,
        '--globals',
        `--reporter=${join(ROOT, 'tests/file-times-reporter.ts')}`,
      ],
      { encoding: 'utf8', env: withoutVitest(process.env) },
    );
    expect(run.status, run.stderr).toBe(0);
    const times = JSON.parse(readFileSync(join(dir, '.build/test-report/default-files.json'), 'utf8'));
    const [file] = vitestFileTimes(times);
    expect(file?.file).toBe('slow.test.js');
    expect(file?.ms).toBeGreaterThanOrEqual(900);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
