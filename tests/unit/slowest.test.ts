import { describe, expect, it } from 'vitest';
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

  it('times a vitest file from its start to its end, so a build in its hooks counts', () => {
    const files = vitestFileTimes({
      testResults: [
        { name: `${process.cwd()}/tests/build/x.test.ts`, startTime: 1000, endTime: 61000, assertionResults: [] },
      ],
    });
    expect(files).toEqual([{ file: 'tests/build/x.test.ts', title: '(whole file, hooks included)', ms: 60000 }]);
  });
});
