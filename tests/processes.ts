import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Finds the processes a test started without going by their names: other builds and browsers run
 * on this machine at the same time. A child started with a mark in its environment passes it on
 * to what it starts, Chromium and its crash handlers included (those leave the process tree at
 * once, re-parented to init); Chromium's zygote children overwrite their environment with their
 * process title, so they are found as descendants of a marked process instead. Linux only (/proc).
 */

export interface Proc {
  pid: number;
  ppid: number;
  /** Start time in clock ticks since boot: with the pid, names one process (pids are reused). */
  start: string;
  cmd: string;
}

const VARIABLE = 'PROSPECTUS_TEST_PROCESS_MARK';

/** A new mark: the environment variable to pass to a child, and how to find its processes. */
export function processMark(): { env: Record<string, string>; mark: string } {
  const mark = randomUUID();
  return { env: { [VARIABLE]: mark }, mark };
}

/** The processes carrying `mark` in their environment, and every process below them, now. */
export function marked(mark: string): Proc[] {
  const all = running();
  const found = new Map<number, Proc>();
  for (const p of all) if (hasMark(p.pid, mark)) found.set(p.pid, p);
  // Descendants, level by level, until a pass adds none.
  for (let size = -1; size !== found.size; ) {
    size = found.size;
    for (const p of all) if (found.has(p.ppid) && !found.has(p.pid)) found.set(p.pid, p);
  }
  return [...found.values()];
}

/**
 * Waits up to `ms` for every process of `before` and every process still carrying `mark` to end.
 * Those left are ended (they are this test's) and their command lines returned, for an assertion
 * that there are none: a failing test does not leave them behind either.
 */
export async function leftRunning(mark: string, before: Proc[], ms: number): Promise<string[]> {
  const deadline = performance.now() + ms;
  for (;;) {
    const now = running();
    const same = (a: Proc) => now.some((b) => b.pid === a.pid && b.start === a.start);
    const left = new Map<number, Proc>();
    for (const p of before) if (same(p)) left.set(p.pid, p);
    for (const p of marked(mark)) left.set(p.pid, p);
    if (left.size === 0) return [];
    if (performance.now() > deadline) {
      for (const p of left.values()) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // Ended meanwhile.
        }
      }
      return [...left.values()].map((p) => `${p.pid} (parent ${p.ppid}): ${p.cmd.slice(0, 160)}`);
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
}

/** Every live process (zombies have ended: only their exit status is left to collect). */
function running(): Proc[] {
  const list: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // The command name, in parentheses, may hold spaces: fields are counted after its end.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z' || fields[0] === 'X') continue;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
      list.push({ pid: Number(name), ppid: Number(fields[1]), start: fields[19] ?? '', cmd });
    } catch {
      // Ended while the list was read.
    }
  }
  return list;
}

function hasMark(pid: number, mark: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${VARIABLE}=${mark}`);
  } catch {
    return false;
  }
}
