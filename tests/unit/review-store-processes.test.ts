import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../scripts/review/store/store.ts';
import { followOutput } from '../child-output.ts';

/**
 * The store used by several real processes at once, killed mid-write, on a read-only file and
 * on a full disk: each child is tests/review-store-child.ts run by this Node (node:sqlite).
 */

const CHILD = fileURLToPath(new URL('../review-store-child.ts', import.meta.url));
const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-store-proc-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function start(args: string[], options: { uid?: number; gid?: number } = {}): ChildProcess {
  return spawn(process.execPath, [CHILD, ...args], { stdio: ['pipe', 'pipe', 'pipe'], ...options });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

function integrity(file: string): unknown {
  const db = new DatabaseSync(file);
  const result = db.prepare('PRAGMA integrity_check').all();
  db.close();
  return result;
}

describe('review store: several processes', () => {
  it('two writers signing off 200 figures each at once end with 400 sign-offs', async () => {
    const file = join(folder(), 'review.db');
    const writers = ['alice', 'bob'].map((who) => {
      const child = start(['add', file, who, '200']);
      return { child, output: followOutput(child) };
    });
    // Both have opened the store before either writes; then both write at the same time.
    await Promise.all(writers.map((w) => w.output.waitFor('ready\n', 1)));
    for (const w of writers) w.child.stdin?.end('go\n');
    const ends = await Promise.all(writers.map((w) => exited(w.child)));
    for (const [i, end] of ends.entries()) expect(end, writers[i]?.output.text).toEqual({ code: 0, signal: null });

    const store = openStore(file);
    const signoffs = store.signoffs();
    expect(signoffs).toHaveLength(400);
    expect(signoffs.filter((s) => s.by === 'alice')).toHaveLength(200);
    expect(new Set(signoffs.map((s) => s.id)).size).toBe(400);
    expect(store.auditLog().filter((a) => a.event === 'sign-off')).toHaveLength(400);
    store.close();
    expect(integrity(file)).toEqual([{ integrity_check: 'ok' }]);
  });

  it('a writer killed with SIGKILL mid-way, beside another, leaves a database that opens, passes the integrity check and keeps every commit', async () => {
    const file = join(folder(), 'review.db');
    const steady = start(['add', file, 'alice', '200']);
    const killed = start(['add', file, 'bob', '100000']);
    const [steadyOut, killedOut] = [followOutput(steady), followOutput(killed)];
    await Promise.all([steadyOut.waitFor('ready\n', 1), killedOut.waitFor('ready\n', 1)]);
    steady.stdin?.end('go\n');
    killed.stdin?.end('go\n');
    await killedOut.waitFor('committed 40\n', 1);
    killed.kill('SIGKILL');
    expect(await exited(killed)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await exited(steady), steadyOut.text).toEqual({ code: 0, signal: null });

    // Every sign-off the killed child saw committed; it may have committed a few more it did not get to say.
    const said = [...killedOut.text.matchAll(/^committed (\d+)$/gm)].map((m) => Number(m[1]));
    const last = Math.max(...said);
    expect(last).toBeGreaterThanOrEqual(40);
    expect(integrity(file)).toEqual([{ integrity_check: 'ok' }]);
    const store = openStore(file);
    const signoffs = store.signoffs();
    expect(signoffs.filter((s) => s.by === 'alice')).toHaveLength(200);
    const bobs = new Set(signoffs.filter((s) => s.by === 'bob').map((s) => s.key));
    for (let n = 1; n <= last; n++)
      expect(bobs.has(`figure:industry-overview/bob.figure~${n}`), `sign-off ${n}`).toBe(true);
    expect(bobs.size).toBeLessThan(100000);
    // And it takes new writes.
    store.addSignoff({
      key: 'section:business',
      hash: 'c'.repeat(64),
      by: 'carol',
      note: '',
      evidence: null,
      covered: { context: 'x' },
    });
    expect(store.signoffs()).toHaveLength(signoffs.length + 1);
    store.close();
  });

  it('a read-only database refuses with one line naming the file, and loses nothing', async () => {
    const dir = folder();
    const file = join(dir, 'review.db');
    const store = openStore(file);
    store.addSignoff({
      key: 'section:business',
      hash: 'c'.repeat(64),
      by: 'bob',
      note: 'kept',
      evidence: null,
      covered: { context: 'x' },
    });
    store.close();
    const before = readFileSync(file);
    chmodSync(dir, 0o555);
    chmodSync(file, 0o444);
    // root writes through file modes, so as root the child runs as nobody (65534), like a user without access.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = start(['readonly', file, 'alice'], asNobody);
    const output = followOutput(child);
    expect(await exited(child), output.text).toEqual({ code: 0, signal: null });
    const outcome = JSON.parse(output.text) as { error: string; storeError: boolean };
    expect(outcome.storeError).toBe(true);
    expect(outcome.error).toContain(file);
    expect(outcome.error).toMatch(/read-only/);
    expect(outcome.error.split('\n')).toHaveLength(1);

    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    expect(readFileSync(file).equals(before)).toBe(true);
    const again = openStore(file);
    expect(again.signoffs().map((s) => s.note)).toEqual(['kept']);
    again.close();
  });

  it('a full disk refuses the sign-off with one line naming the file, and keeps every earlier one', async () => {
    // A real full disk: a 256 KiB tmpfs mounted in a user and mount namespace of the child's own
    // (unshare -Urm needs no privileges where user namespaces are enabled, as on this machine).
    const dir = folder();
    const child = spawn(
      'unshare',
      [
        '-Urm',
        'sh',
        '-c',
        'mount -t tmpfs -o size=256k tmpfs "$1" && exec "$2" "$3" full "$1"',
        'sh',
        dir,
        process.execPath,
        CHILD,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output = followOutput(child);
    expect(await exited(child), output.text).toEqual({ code: 0, signal: null });
    const outcome = JSON.parse(output.text) as {
      committed: number;
      error: string;
      storeError: boolean;
      kept: number;
      integrity: unknown;
    };
    expect(outcome.storeError, outcome.error).toBe(true);
    expect(outcome.error).toContain(join(dir, 'review.db'));
    expect(outcome.error).toMatch(/disk is full/);
    expect(outcome.committed).toBeGreaterThan(0);
    expect(outcome.kept).toBe(outcome.committed);
    expect(outcome.integrity).toEqual([{ integrity_check: 'ok' }]);
  });
});
