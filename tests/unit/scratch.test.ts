import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scratchForRun } from '../scratch.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const saved = process.env['TMPDIR'];
afterEach(() => {
  // Assigning undefined would set the string "undefined".
  if (saved === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = saved;
  delete process.env['PROSPECTUS_KEEP_SCRATCH'];
  vi.restoreAllMocks();
});

describe("a test run's scratch folder", () => {
  it('takes every temporary folder made after it, and is removed with them at the end', () => {
    const system = mkdtempSync(join(tmpdir(), 'system-tmp-'));
    process.env['TMPDIR'] = system;
    const teardown = scratchForRun();
    const made = mkdtempSync(join(tmpdir(), 'sample-'));
    writeFileSync(join(made, 'file'), 'x');
    expect(made.startsWith(join(system, 'prospectus-tests-'))).toBe(true);
    teardown();
    expect(readdirSync(system)).toEqual([]);
  });

  it('is kept, and named, when asked to', () => {
    const system = mkdtempSync(join(tmpdir(), 'system-tmp-'));
    process.env['TMPDIR'] = system;
    process.env['PROSPECTUS_KEEP_SCRATCH'] = '1';
    const said = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    scratchForRun()();
    const kept = readdirSync(system);
    expect(kept).toEqual([expect.stringMatching(/^prospectus-tests-/)]);
    expect(said).toHaveBeenCalledWith(`scratch folders kept in ${join(system, kept[0] ?? '')}\n`);
  });

  it('is what a vitest run of the unit tests writes into: it leaves the temporary directory as it found it', () => {
    // A test file that makes temporary folders of its own (copies of the review client).
    const system = mkdtempSync(join(tmpdir(), 'system-tmp-'));
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--project',
        'unit',
        'tests/unit/review-client-assets.test.ts',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: system } },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2 passed/);
    expect(readdirSync(system)).toEqual([]);
  });
});
