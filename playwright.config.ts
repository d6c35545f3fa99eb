import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/lib/print/browser.ts';

// Real Chromium (Debian's, found and started like the PDF step's) against the built site on a free port.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // A file's tests run in order in one worker, two files at a time. Test by test
  // (fullyParallel) was measured too and was no faster, the suite being CPU-bound (203 s against
  // 195 s here). Every file imports the one test type of fixtures.ts, so any worker can take any
  // file and none waits for a worker of its own at the end. Every worker serves the built sample
  // on its own port and every review test starts its own server on its own database.
  fullyParallel: false,
  workers: 2,
  // The JSON report feeds the slowest-ten list `npm test` ends with (tests/slowest.ts).
  reporter: [['list'], ['json', { outputFile: '.build/test-report/e2e.json' }]],
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: findBrowser(),
      args: CHROMIUM_ARGS,
    },
  },
});
