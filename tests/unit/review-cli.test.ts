import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../scripts/review/cli/cli.ts';
import { openStore } from '../../scripts/review/store/store.ts';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-cli-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PASSWORD = 'a long enough secret 7f3k';

/** Runs one subcommand with `stdin` as its input; what it printed, and its exit code. */
async function cli(args: string[], stdin: NodeJS.ReadableStream = Readable.from([])) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdin,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr, all: stdout + stderr };
}
const piped = (text: string) => Readable.from([Buffer.from(text)]);

function bytesOf(db: string): string {
  return ['', '-wal', '-shm']
    .map((end) => (existsSync(db + end) ? readFileSync(db + end).toString('latin1') : ''))
    .join('');
}

describe('review CLI: users', () => {
  it('adds a user with the password from a pipe; the password is in no output and not in the database file', async () => {
    const db = join(folder(), '.review', 'review.db');
    const added = await cli(['user', 'add', 'alice', '--role', 'reviewer', '--db', db], piped(`${PASSWORD}\n`));
    expect(added.code, added.all).toBe(0);
    expect(added.stdout).toContain('Added alice (reviewer)');
    expect(added.all).not.toContain(PASSWORD);
    expect(bytesOf(db)).not.toContain(PASSWORD);
    const store = openStore(db);
    expect(store.verifyPassword('alice', PASSWORD)).toEqual({ name: 'alice', role: 'reviewer' });
    store.close();

    const listed = await cli(['user', 'list', '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^alice\s+reviewer\s+\d{4}-/m);
    expect(listed.stdout).toContain('1 user in');
  });

  it('refuses a password given as an argument, says why, and creates nothing', async () => {
    const db = join(folder(), 'review.db');
    for (const args of [
      ['user', 'add', 'alice', '--role', 'reviewer', '--password', 'x-secret-from-argv', '--db', db],
      ['user', 'add', 'alice', '--role', 'reviewer', '--password=x-secret-from-argv', '--db', db],
      ['user', 'passwd', 'alice', '-p', 'x-secret-from-argv', '--db', db],
    ]) {
      const refused = await cli(args, piped(`${PASSWORD}\n`));
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/is refused: a password in an argument stays in shell history/);
      expect(refused.all).not.toContain('x-secret-from-argv');
    }
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a short password, an unknown role and an empty input, adding nobody', async () => {
    const db = join(folder(), 'review.db');
    const short = await cli(['user', 'add', 'alice', '--role', 'reviewer', '--db', db], piped('elevenchars\n'));
    expect([short.code, short.stderr]).toEqual([1, expect.stringContaining('at least 12 characters')]);
    const role = await cli(['user', 'add', 'alice', '--role', 'boss', '--db', db], piped(`${PASSWORD}\n`));
    expect([role.code, role.stderr]).toEqual([2, expect.stringContaining('--role reviewer|author|admin, not "boss"')]);
    const empty = await cli(['user', 'add', 'alice', '--role', 'admin', '--db', db], piped(''));
    expect([empty.code, empty.stderr]).toEqual([1, expect.stringContaining('no password on standard input')]);
    const store = openStore(db);
    expect(store.listUsers()).toEqual([]);
    store.close();
  });

  it('at a terminal asks twice without echo, and refuses two different entries', async () => {
    const db = join(folder(), 'review.db');
    const terminal = (typed: string) => {
      const raw: boolean[] = [];
      const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (on: boolean) => raw.push(on) });
      stdin.end(typed);
      return { stdin, raw };
    };
    const same = terminal(`${PASSWORD}\r${PASSWORD}x\u007f\r`);
    const added = await cli(['user', 'add', 'bob', '--role', 'author', '--db', db], same.stdin);
    expect(added.code, added.all).toBe(0);
    expect(added.stderr).toContain('New password for bob');
    expect(added.stderr).toContain('Same password again');
    expect(added.all).not.toContain(PASSWORD);
    expect(same.raw).toEqual([true, false, true, false]);

    const differ = terminal(`${PASSWORD}\rsomething else entirely\r`);
    const refused = await cli(['user', 'passwd', 'bob', '--db', db], differ.stdin);
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('the two passwords differ')]);
    const store = openStore(db);
    expect(store.verifyPassword('bob', PASSWORD)?.name).toBe('bob');
    store.close();
  });

  it('changes a password and removes a user, and says when there is no database', async () => {
    const db = join(folder(), 'review.db');
    await cli(['user', 'add', 'carol', '--role', 'admin', '--db', db], piped(`${PASSWORD}\n`));
    const changed = await cli(['user', 'passwd', 'carol', '--db', db], piped('the new password is long\n'));
    expect(changed.code, changed.all).toBe(0);
    const store = openStore(db);
    expect(store.verifyPassword('carol', 'the new password is long')?.role).toBe('admin');
    store.close();
    expect((await cli(['user', 'remove', 'carol', '--db', db])).code).toBe(0);
    const gone = await cli(['user', 'remove', 'carol', '--db', db]);
    expect([gone.code, gone.stderr]).toEqual([1, expect.stringContaining('no user named "carol"')]);

    const missing = join(folder(), 'nowhere.db');
    const none = await cli(['user', 'list', '--db', missing]);
    expect([none.code, none.stderr]).toEqual([1, expect.stringContaining(`${missing}: no database there yet`)]);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('review CLI: export and import', () => {
  const hash = (c: string) => c.repeat(64);
  function seed(db: string): void {
    const store = openStore(db);
    // Added out of key order; the file lists them by key, then time.
    store.addSignoff({
      key: 'table:financial-information/income-statement',
      hash: hash('1'),
      by: 'alice',
      note: "'); DROP TABLE signoffs;-- and <script>alert(1)</script>",
      evidence: 'audit/accounts-2023.pdf',
      covered: { context: '綜合損益表 收入 1,234' },
    });
    store.addSignoff({
      key: 'figure:industry-overview/global-cloud.global@2022~1',
      hash: hash('2'),
      by: 'bob',
      note: 'Checked against CIC report table 2.1\nsecond line',
      evidence: null,
      covered: { value: '1,234', source: 'CIC', context: '全球雲端市場規模為 1,234 億美元。' },
    });
    store.addSignoff({
      key: 'figure:industry-overview/global-cloud.global@2022~1',
      hash: hash('3'),
      by: 'alice',
      note: 'after the rebuild',
      evidence: null,
      covered: { value: '1,250', source: 'CIC', context: '全球雲端市場規模為 1,250 億美元。' },
    });
    store.close();
  }

  it('round-trips every sign-off into a fresh database, byte for byte, in a stable order', async () => {
    const dir = folder();
    const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
    const [first, second] = [join(dir, 'content', 'signoffs.yaml'), join(dir, 'again.yaml')];
    seed(a);
    const exported = await cli(['export', '--db', a, '--out', first]);
    expect(exported.code, exported.all).toBe(0);
    expect(exported.stdout).toContain('3 sign-offs of 2 items');
    const file = parse(readFileSync(first, 'utf8')) as { version: number; signoffs: { key: string; by: string }[] };
    expect(file.version).toBe(1);
    expect(file.signoffs.map((s) => [s.key, s.by])).toEqual([
      ['figure:industry-overview/global-cloud.global@2022~1', 'bob'],
      ['figure:industry-overview/global-cloud.global@2022~1', 'alice'],
      ['table:financial-information/income-statement', 'alice'],
    ]);

    const imported = await cli(['import', first, '--db', b]);
    expect(imported.code, imported.all).toBe(0);
    expect(imported.stdout).toContain('3 added');
    expect((await cli(['export', '--db', b, '--out', second])).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    const store = openStore(b);
    expect(store.signoffs().map((s) => s.note)).toContain("'); DROP TABLE signoffs;-- and <script>alert(1)</script>");
    store.close();

    // Exporting again changes nothing.
    const unchanged = await cli(['export', '--db', a, '--out', first]);
    expect(unchanged.stdout).toMatch(/^Unchanged/);
  });

  it('imports twice without duplicating, audits each import, and adds nothing back to the origin', async () => {
    const dir = folder();
    const [a, b, out] = [join(dir, 'a.db'), join(dir, 'b.db'), join(dir, 'signoffs.yaml')];
    seed(a);
    await cli(['export', '--db', a, '--out', out]);
    await cli(['import', out, '--db', b]);
    const twice = await cli(['import', out, '--db', b]);
    expect(twice.stdout).toContain('0 added');
    expect(twice.stdout).toContain('3 there already');
    const back = await cli(['import', out, '--db', a]);
    expect(back.stdout).toContain('0 added');
    for (const db of [a, b]) {
      const store = openStore(db);
      expect(store.signoffs()).toHaveLength(3);
      store.close();
    }
    const store = openStore(b);
    expect(store.auditLog().filter((e) => e.event === 'import')).toHaveLength(2);
    store.close();
  });

  it('backs up into a new file that holds the same sign-offs, and never over an existing file', async () => {
    const dir = folder();
    const [db, copy] = [join(dir, 'a.db'), join(dir, 'backups', 'review-copy.db')];
    seed(db);
    const done = await cli(['backup', copy, '--db', db]);
    expect(done.code, done.all).toBe(0);
    const [original, backup] = [openStore(db), openStore(copy)];
    expect(backup.signoffs()).toEqual(original.signoffs());
    original.close();
    backup.close();
    const again = await cli(['backup', copy, '--db', db]);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining(`${copy}: exists already`)]);
  });

  it('keeps the override of the file it overwrites, and refuses a malformed file naming its line', async () => {
    const dir = folder();
    const [db, out] = [join(dir, 'a.db'), join(dir, 'signoffs.yaml')];
    seed(db);
    writeFileSync(out, 'version: 1\nsignoffs: []\noverride:\n  by: carol\n  reason: "Board approved publication"\n');
    const exported = await cli(['export', '--db', db, '--out', out]);
    expect(exported.stdout).toContain('kept the override by carol');
    const file = parse(readFileSync(out, 'utf8')) as { override: unknown; signoffs: unknown[] };
    expect(file.override).toEqual({ by: 'carol', reason: 'Board approved publication' });
    expect(file.signoffs).toHaveLength(3);

    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      `version: 1\nsignoffs:\n  - key: figure:x/y~1\n    hash: not-a-hash\n    by: alice\n    at: 2026-12-04T23:10:00Z\n    covered: { context: x }\n`,
    );
    const refused = await cli(['import', bad, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:4`);
    expect(refused.stderr).toContain('hash');
  });
});
