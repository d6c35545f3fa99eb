import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scratchForRun } from './scratch.ts';

export const ROOT = resolve(import.meta.dirname, '..');
/** The sample, built once per test run into its own folder, so tests never touch dist/. */
export const TEST_DIST = join(ROOT, '.build', 'test-dist');
/** Fixed date for the test build: output is comparable between runs. */
export const TEST_EPOCH = '1764115200';

/**
 * Builds unless this `npm test` run already did: vitest's build project and Playwright share one
 * build, keyed by PROSPECTUS_TEST_RUN (set by the npm script); without it, always builds.
 */
export function buildOnce(): string {
  const marker = join(TEST_DIST, '.test-run');
  const runId = process.env['PROSPECTUS_TEST_RUN'];
  if (runId && existsSync(marker) && readFileSync(marker, 'utf8') === runId) return TEST_DIST;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', '.build/test-dist'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
  if (runId) writeFileSync(marker, runId);
  return TEST_DIST;
}

/**
 * The global setup of vitest's build project and of Playwright: the run's scratch folder first
 * (so the build's temporary files go there too), then the sample; returns the teardown.
 */
export function scratchThenBuild(): () => void {
  const teardown = scratchForRun();
  try {
    buildOnce();
  } catch (e) {
    teardown();
    throw e;
  }
  return teardown;
}
