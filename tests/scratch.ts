import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One scratch folder per test run, holding every folder the tests and what they start make with
 * the system's temporary directory (copies of the project, built copies, review databases,
 * Chromium profiles): TMPDIR points into it before any test or child starts, and it is removed
 * when the run ends. Without it each `npm test` left about a hundred folders behind, some with a
 * whole built site in them. PROSPECTUS_KEEP_SCRATCH=1 keeps it for a look after a failure.
 *
 * Returns the teardown, as both vitest's and Playwright's global setups take it.
 */
export function scratchForRun(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'prospectus-tests-'));
  // As open as the system's /tmp it stands in for: some tests run a child as another user (nobody,
  // to meet file modes root would write through), and it must reach its folder in here.
  chmodSync(root, 0o1777);
  process.env['TMPDIR'] = root;
  return () => {
    if (process.env['PROSPECTUS_KEEP_SCRATCH']) {
      process.stdout.write(`scratch folders kept in ${root}\n`);
      return;
    }
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    } catch (e) {
      // A tmpfs a failed test left mounted, say: the run's result stands, the folder is named.
      process.stderr.write(`could not remove the tests' scratch folder ${root}: ${(e as Error).message}\n`);
    }
  };
}
