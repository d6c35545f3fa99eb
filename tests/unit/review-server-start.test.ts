import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { exposureWarning } from '../../scripts/review/server.ts';
import { openStore } from '../../scripts/review/store/store.ts';
import { item, itemsFile, password, raw, syntheticCopy } from '../review-server.ts';

const ENTRY = resolve(import.meta.dirname, '..', '..', 'scripts', 'review.ts');
const ITEMS = ['a', 'b', 'c'].map((n) => item(`section:${n}`, { context: `第${n}節。` }));

const children: ChildProcess[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A scratch folder anyone can read: the read-only case runs the server as another user. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-start-'));
  chmodSync(dir, 0o755);
  folders.push(dir);
  return dir;
}

function start(args: string[], cwd: string, as: { uid?: number; gid?: number } = {}) {
  const child = spawn(process.execPath, [ENTRY, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (c: Buffer) => {
    out.stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out.stderr += c.toString();
  });
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, out, exited };
}

describe('npm run review: what it refuses to serve', () => {
  test('no built copy: names the folder and the command that builds it', async () => {
    const project = scratch();
    const run = start(['--port', '0'], project);
    expect(await run.exited).toBe(1);
    expect(run.out.stderr).toBe(
      'review: no built copy at dist-stages/vetting/ — build it first: npm run build -- --stage vetting\n',
    );
    expect(run.out.stdout).toBe('');
  });

  test('a copy without review-items.json (built with --no-pdf) or with a broken one', async () => {
    const project = scratch();
    const copy = join(project, 'dist-stages', 'publication');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'index.html'), '<p>secret</p>');
    const missing = start(['--stage', 'publication', '--port', '0'], project);
    expect(await missing.exited).toBe(1);
    expect(missing.out.stderr).toContain('dist-stages/publication/review-items.json is missing');
    expect(missing.out.stderr).toContain('--no-pdf');
    expect(missing.out.stderr).toContain('npm run build -- --stage publication');
    const broken = structuredClone(itemsFile(ITEMS));
    (broken.items[1] as { hash: string }).hash = 'not-a-hash';
    writeFileSync(join(copy, 'review-items.json'), JSON.stringify(broken));
    const invalid = start(['--stage', 'publication', '--port', '0'], project);
    expect(await invalid.exited).toBe(1);
    expect(invalid.out.stderr).toContain(
      'dist-stages/publication/review-items.json is not a review items file: at items.1.hash',
    );
    writeFileSync(join(copy, 'review-items.json'), '{"version": 1,');
    const notJson = start(['--stage', 'publication', '--port', '0'], project);
    expect(await notJson.exited).toBe(1);
    expect(notJson.out.stderr).toContain('review-items.json is not valid JSON');
  });

  test('a read-only database: a one-line refusal at start, nothing served, nothing lost', async () => {
    const project = scratch();
    const copy = syntheticCopy(ITEMS);
    chmodSync(copy, 0o755);
    folders.push(copy);
    const dbDir = join(project, 'db');
    mkdirSync(dbDir);
    const db = join(dbDir, 'review.db');
    const store = openStore(db);
    store.addUser('rita', 'reviewer', password('rita'));
    store.close();
    chmodSync(db, 0o444);
    chmodSync(dbDir, 0o555);
    // root writes through file modes: as root, the server runs as nobody, like a user without access.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = start(['--dir', copy, '--db', db, '--port', '0'], project, as);
    expect(await run.exited).toBe(1);
    expect(run.out.stderr).toMatch(/^review: .*review\.db.*read-only.*\n$/);
    expect(run.out.stdout).not.toContain('serving');
    chmodSync(dbDir, 0o755);
    chmodSync(db, 0o644);
    const again = openStore(db);
    expect(again.listUsers().map((u) => u.name)).toEqual(['rita']);
    again.close();
  });
});

test('npm run review prints the address, the copy with its item count, the database; serves only after sign-in', async () => {
  const project = scratch();
  const copy = syntheticCopy(ITEMS);
  folders.push(copy);
  const run = start(['--dir', copy, '--db', join(project, 'review.db'), '--port', '0'], project);
  const url = await new Promise<string>((ok, fail) => {
    run.child.stdout?.on('data', () => {
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(run.out.stdout);
      if (m?.[1] && run.out.stdout.includes('Ctrl-C')) ok(m[1]);
    });
    run.child.on('exit', () => fail(new Error(run.out.stderr)));
  });
  expect(run.out.stdout).toContain(
    `review: copy ${copy}/ — stage vetting, commit abc1234, built 2026-12-04T12:00:00.000Z, ${ITEMS.length} items to sign off\n`,
  );
  expect(run.out.stdout).toContain('review: database review.db (0 users)\n');
  expect(run.out.stdout).toContain('no users yet: add one with npm run review -- user add NAME --role admin');
  expect(run.out.stderr).toBe('');
  const anonymous = await raw(url, '/index.html');
  expect(anonymous.status).toBe(401);
  expect(anonymous.text).not.toContain('SECRET');
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.out.stdout).toContain('review: stopped\n');
});

test('listening beyond this machine without --secure-cookies is warned about; loopback or a TLS proxy is not', () => {
  for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
    expect(exposureWarning(host, false)).toBeUndefined();
  for (const host of ['0.0.0.0', '::', '192.168.1.20', 'review.example.com'])
    expect(exposureWarning(host, false)).toContain(`listening on ${host} without --secure-cookies`);
  expect(exposureWarning('0.0.0.0', true)).toBeUndefined();
});
