import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './scripts/lib/print/browser.ts';

// Real Chromium (Debian's, found and started like the PDF step's) against the built site on a free port.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Test by test across two workers, not file by file: a file's tests went to one worker, so the
  // long files (the axe scans, the schedule's) decided when the run ended while the other worker
  // sat idle. Files whose tests share a build or a server made in beforeAll keep to one worker
  // (`test.describe.configure({ mode: 'default' })`). Every worker serves the built sample on its
  // own port and every review test starts its own server on its own database.
  fullyParallel: true,
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
