import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftRunning, marked, type Proc, processMark } from '../processes.ts';
import { projectCopy } from '../sample-copy.ts';

/**
 * A build killed outright (SIGKILL: no handler of ours runs): the user's `--watch` killed, or CI
 * ending a job. What it started must end with it, not run on re-parented to init with nobody to
 * close it: Chromium, Astro, and the build a `--watch` runs.
 */
describe('a build killed outright', () => {
  it('while printing, takes its Chromium with it', async () => {
    const killed = await killWhen(['--lang', 'zh'], /loading \/document\//, /--remote-debugging/);
    expect(await leftRunning(killed.mark, killed.running, 10_000)).toEqual([]);
  }, 180_000);

  it('while Astro builds the site, takes Astro with it', async () => {
    const killed = await killWhen(['--lang', 'zh'], /building the site/, /astro\.mjs build/);
    expect(await leftRunning(killed.mark, killed.running, 10_000)).toEqual([]);
    // Left running, Astro would have gone on to write the whole site into the work folder.
    expect(existsSync(join(killed.dir, '.build', `site-${killed.pid}`, 'index.html'))).toBe(false);
  }, 180_000);

  it('in --watch, while its build prints, takes that build and its Chromium with it', async () => {
    const killed = await killWhen(['--watch', '--lang', 'zh'], /loading \/document\//, /--remote-debugging/);
    expect(killed.running.filter((p) => p.cmd.includes('scripts/build.ts')).length).toBe(2);
    expect(await leftRunning(killed.mark, killed.running, 10_000)).toEqual([]);
    // Left running, the build would have gone on to publish a dist/ nobody asked for any more.
    expect(existsSync(join(killed.dir, 'dist'))).toBe(false);
  }, 180_000);
});

/**
 * Builds a copy of the sample with `args` and, once the build has logged `line` and a process of
 * its own matches `started`, kills the process started here (SIGKILL to it alone). Returns the
 * copy, the pid killed, and what of the build ran at that moment.
 */
async function killWhen(
  args: string[],
  line: RegExp,
  started: RegExp,
): Promise<{ dir: string; pid: number | undefined; mark: string; running: Proc[] }> {
  const dir = projectCopy();
  const { env, mark } = processMark();
  const child = spawn(process.execPath, [join(dir, 'scripts/build.ts'), ...args], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((ok) => child.on('exit', ok));
  let log = '';
  await new Promise<void>((ok, fail) => {
    const read = (d: Buffer) => {
      log += d.toString();
      if (line.test(log)) ok();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => fail(new Error(`the build ended before it logged ${line}:\n${log}`)));
  });
  let running = marked(mark);
  for (let tries = 0; !running.some((p) => started.test(p.cmd)); tries++) {
    if (tries > 300) throw new Error(`no process of the build matched ${started} 30 s after ${line}:\n${log}`);
    await new Promise((wait) => setTimeout(wait, 100));
    running = marked(mark);
  }
  child.kill('SIGKILL');
  await exited;
  return { dir, pid: child.pid, mark, running };
}
