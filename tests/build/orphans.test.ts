import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftRunning, marked, processMark } from '../processes.ts';
import { projectCopy } from '../sample-copy.ts';

/**
 * A build killed outright (SIGKILL: no handler of ours runs) while Chromium prints: the user's
 * `--watch` killed, or CI ending a job. Its Chromium must end with it, not run on re-parented to
 * init with nobody to close it.
 */
describe('a build killed while printing', () => {
  it('takes its Chromium with it', async () => {
    const dir = projectCopy();
    const { env, mark } = processMark();
    const child = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--lang', 'zh'], {
      cwd: dir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise((ok) => child.on('exit', ok));
    // Logged once Chromium has started and opened the page it prints.
    await new Promise<void>((ok, fail) => {
      let log = '';
      child.stderr.on('data', (d: Buffer) => {
        log += d.toString();
        if (/loading \/document\//.test(log)) ok();
      });
      child.on('exit', () => fail(new Error(`the build ended before it printed:\n${log}`)));
    });
    const before = marked(mark);
    expect(
      before.some((p) => p.cmd.includes('--remote-debugging')),
      'Chromium runs when the build is killed',
    ).toBe(true);

    child.kill('SIGKILL');
    await exited;
    expect(await leftRunning(mark, before, 10_000)).toEqual([]);
  }, 180_000);
});
