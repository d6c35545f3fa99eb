import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../build-once.ts';

const screenshots = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/screenshots.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run screenshots', () => {
  it('--help says what it makes and from what, and makes nothing', () => {
    const run = screenshots('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run screenshots\n/);
    expect(run.stdout).toContain('docs/images/');
    expect(run.stdout).toContain('npm run build first');
    // Nothing was shot: no picture is named on the output.
    expect(run.stdout).not.toMatch(/\.png/);
  });

  it('refuses an option it does not know, in one line, with where to look', () => {
    const run = screenshots('--viewport', '800');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^screenshots: Unknown option '--viewport'.*\(see --help\)$/m);
  });
});
