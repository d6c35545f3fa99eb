import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BENCH = join(resolve(import.meta.dirname, '../..'), 'scripts/bench.ts');
const bench = (...args: string[]) => spawnSync(process.execPath, [BENCH, ...args], { encoding: 'utf8' });

describe('npm run bench with options it cannot take', () => {
  // Each refusal is one line naming what was typed, exit 2, before anything is built.
  for (const [args, said] of [
    [['--sizes', 'x'], 'not "x"'],
    [['--sizes', '4,2.5'], 'not "2.5"'],
    [['--long=-1'], 'not "-1"'],
    [['--runs', 'two'], 'not "two"'],
    [['--runs', '0'], '--runs is at least 1'],
    [['--sizes', '4,', '20'], "Unexpected argument '20'"],
    [['--bogus'], "Unknown option '--bogus'"],
  ] as const) {
    it(`${args.join(' ')}: ${said}`, () => {
      const run = bench(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^bench: .*\(see --help\)\n$/);
      expect(run.stderr).toContain(said);
      expect(run.stdout).toBe('');
    });
  }

  it('--help says how to use it and builds nothing', () => {
    const run = bench('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run bench/);
    expect(run.stderr).toBe('');
  });
});
