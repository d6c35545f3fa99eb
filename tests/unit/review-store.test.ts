import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Signoff, StoreError } from '../../scripts/review/store/store.ts';

const folders: string[] = [];
function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-store-'));
  folders.push(dir);
  return join(dir, 'nested', 'review.db');
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every byte SQLite keeps for the database: the file and its write-ahead log. */
function bytesOf(file: string): string {
  return ['', '-wal']
    .map((end) => {
      try {
        return readFileSync(file + end).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('');
}

const PASSWORD = 'correct horse battery staple';
const signoff = (n: number, over: Partial<Omit<Signoff, 'id' | 'at'>> = {}): Omit<Signoff, 'id' | 'at'> => ({
  key: `figure:industry-overview/market.size@2022~${n}`,
  hash: 'b'.repeat(64),
  by: 'alice',
  note: `checked ${n}`,
  evidence: null,
  covered: { value: '1,234', source: 'CIC', context: `全球雲端市場規模為 1,234 億美元 (${n})。` },
  ...over,
});

describe('review store: schema and reopening', () => {
  it('creates folder, file and schema from nothing, in WAL mode, and keeps everything across a reopen', () => {
    const file = dbFile();
    const store = openStore(file);
    store.addUser('alice', 'reviewer', PASSWORD);
    store.addSignoff(signoff(1));
    const query = store.addQuery({ key: 'section:risk-factors', by: 'alice', text: 'Source?' });
    store.close();

    const raw = new DatabaseSync(file);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(Number((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version)).toBeGreaterThan(
      0,
    );
    raw.close();

    const again = openStore(file);
    expect(again.listUsers().map((u) => [u.name, u.role])).toEqual([['alice', 'reviewer']]);
    expect(again.signoffs().map((s) => s.key)).toEqual([signoff(1).key]);
    expect(again.queries().map((q) => [q.id, q.text, q.status])).toEqual([[query.id, 'Source?', 'open']]);
    expect(again.verifyPassword('alice', PASSWORD)).toEqual({ name: 'alice', role: 'reviewer' });
    again.close();
  });

  it('refuses a file from newer code without touching it', () => {
    const file = dbFile();
    openStore(file).close();
    const raw = new DatabaseSync(file);
    // Out of WAL too, so that even switching the journal mode back would show in the bytes.
    raw.exec('PRAGMA journal_mode = DELETE');
    raw.exec('PRAGMA user_version = 999');
    raw.close();
    const before = readFileSync(file);
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/newer/);
    expect(() => openStore(file)).toThrow(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, naming it, and leaves it as it was', () => {
    const file = dbFile();
    openStore(file).close(); // makes the folder
    const notes = 'These are my review notes, not a database.\n'.repeat(50);
    writeFileSync(file, notes);
    let error: unknown;
    try {
      openStore(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/not a reviewers’ database/);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(notes);
  });

  it('refuses a folder given as the database file', () => {
    const file = dbFile();
    openStore(join(file, 'inner.db')).close(); // makes `file` a folder
    expect(() => openStore(file)).toThrow(/is a folder/);
  });
});

describe('review store: passwords', () => {
  it('stores a salted scrypt hash, never the password, and checks it', () => {
    const file = dbFile();
    const store = openStore(file);
    store.addUser('alice', 'reviewer', PASSWORD);
    store.addUser('bob', 'author', PASSWORD);
    expect(store.verifyPassword('alice', PASSWORD)).toEqual({ name: 'alice', role: 'reviewer' });
    expect(store.verifyPassword('alice', `${PASSWORD} `)).toBeUndefined();
    expect(store.verifyPassword('alice', 'wrong password entirely')).toBeUndefined();
    expect(store.verifyPassword('nobody', PASSWORD)).toBeUndefined();
    store.close();

    expect(bytesOf(file)).not.toContain(PASSWORD);
    const raw = new DatabaseSync(file);
    const hashes = raw.prepare('SELECT password FROM users ORDER BY name').all() as { password: string }[];
    raw.close();
    for (const { password } of hashes) expect(password).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    // Same password, different salt: the hashes differ.
    expect(hashes[0]?.password).not.toBe(hashes[1]?.password);
  });

  it('refuses a second user of the same name, and a new password ends the old sessions', () => {
    const store = openStore(dbFile());
    store.addUser('alice', 'reviewer', PASSWORD);
    expect(() => store.addUser('alice', 'admin', 'another long password')).toThrow(/exists already/);
    const { token } = store.createSession('alice');
    store.setPassword('alice', 'another long password');
    expect(store.session(token)).toBeUndefined();
    expect(store.verifyPassword('alice', PASSWORD)).toBeUndefined();
    expect(store.verifyPassword('alice', 'another long password')).toEqual({ name: 'alice', role: 'reviewer' });
    expect(() => store.setPassword('nobody', 'another long password')).toThrow(/no user named "nobody"/);
    store.close();
  });
});

describe('review store: sessions and failed logins', () => {
  it('finds a session by its token, stores only its sha256, and refuses it once deleted', () => {
    const file = dbFile();
    const store = openStore(file);
    store.addUser('alice', 'reviewer', PASSWORD);
    const { token, csrf, expires } = store.createSession('alice');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(csrf).not.toBe(token);
    expect(Date.parse(expires) - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(store.session(token)).toEqual({ user: { name: 'alice', role: 'reviewer' }, csrf, expires });
    expect(store.session(`${token}x`)).toBeUndefined();
    expect(bytesOf(file)).not.toContain(token);

    store.deleteSession(token);
    expect(store.session(token)).toBeUndefined();
    expect(store.auditLog().map((a) => [a.event, a.user])).toEqual([
      ['user add', null],
      ['sign-in', 'alice'],
      ['sign-out', 'alice'],
    ]);
    store.close();
  });

  it('refuses an expired session and the session of a removed user', () => {
    const file = dbFile();
    const expired = openStore(file, { sessionHours: 0 });
    expired.addUser('alice', 'reviewer', PASSWORD);
    const old = expired.createSession('alice');
    expect(expired.session(old.token)).toBeUndefined();
    expired.close();

    const store = openStore(file);
    const live = store.createSession('alice');
    expect(store.session(live.token)?.user.name).toBe('alice');
    store.removeUser('alice');
    expect(store.session(live.token)).toBeUndefined();
    expect(() => store.createSession('alice')).toThrow(/no user named "alice"/);
    store.close();
  });

  it('counts failed logins per name and per address since a time', () => {
    const store = openStore(dbFile());
    const since = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++) store.recordLoginFailure('alice', '10.0.0.1');
    for (let i = 0; i < 2; i++) store.recordLoginFailure('bob', '10.0.0.1');
    store.recordLoginFailure('alice', '10.0.0.2');
    expect(store.loginFailures('alice', '10.9.9.9', since)).toBe(4);
    expect(store.loginFailures('carol', '10.0.0.1', since)).toBe(5);
    expect(store.loginFailures('carol', '10.9.9.9', since)).toBe(0);
    expect(store.loginFailures('alice', '10.0.0.1', new Date(Date.now() + 60_000).toISOString())).toBe(0);
    expect(store.auditLog().filter((a) => a.event === 'failed sign-in')).toHaveLength(6);
    store.close();
  });
});

describe('review store: sign-offs, queries and audit', () => {
  it('keeps notes with script and SQL in them exactly as given', () => {
    const file = dbFile();
    const store = openStore(file);
    const notes = [
      "'); DROP TABLE signoffs;--",
      '<script>alert(document.cookie)</script>',
      'line 1\nline 2 "quoted" ✓',
    ];
    notes.forEach((note, i) => {
      store.addSignoff(signoff(i + 1, { note, evidence: `cic-report.pdf#${note}` }));
    });
    const query = store.addQuery({ key: 'section:business', by: 'alice', text: notes[0] as string });
    store.answerQuery(query.id, 'bob', notes[1] as string);
    store.close();
    const again = openStore(file);
    expect(again.signoffs().map((s) => s.note)).toEqual(notes);
    expect(again.signoffs().map((s) => s.evidence)).toEqual(notes.map((n) => `cic-report.pdf#${n}`));
    expect(again.queries()[0]?.text).toBe(notes[0]);
    expect(again.queries()[0]?.answers.map((a) => a.text)).toEqual([notes[1]]);
    again.close();
  });

  it('lists sign-offs by key, then time, and audits each in the same write', () => {
    const store = openStore(dbFile());
    const later = store.addSignoff(signoff(2));
    store.addSignoff(signoff(1));
    const again = store.addSignoff(signoff(2, { by: 'carol', note: 'rechecked' }));
    expect(store.signoffs().map((s) => [s.key, s.by])).toEqual([
      [signoff(1).key, 'alice'],
      [signoff(2).key, 'alice'],
      [signoff(2).key, 'carol'],
    ]);
    expect(store.signoffs().find((s) => s.id === later.id)).toEqual(later);
    expect(again.at >= later.at).toBe(true);
    expect(
      store
        .auditLog()
        .filter((a) => a.event === 'sign-off')
        .map((a) => a.user),
    ).toEqual(['alice', 'alice', 'carol']);
    store.close();
  });

  it('refuses UPDATE and DELETE of sign-offs and audit entries, even from another connection', () => {
    const file = dbFile();
    const store = openStore(file);
    store.addSignoff(signoff(1));
    store.audit('server start', null, 'port 4400');
    store.close();
    const raw = new DatabaseSync(file);
    for (const sql of [
      "UPDATE signoffs SET hash = 'forged'",
      'DELETE FROM signoffs',
      "UPDATE audit SET detail = 'nothing happened'",
      'DELETE FROM audit',
    ]) {
      expect(() => raw.exec(sql), sql).toThrow(/append-only/);
    }
    expect(raw.prepare('SELECT count(*) AS n FROM signoffs').get()).toEqual({ n: 1 });
    expect(raw.prepare("SELECT detail FROM audit WHERE event = 'server start'").get()).toEqual({ detail: 'port 4400' });
    raw.close();
  });

  it('takes a query from open to answered to closed, and refuses an answer after closing', () => {
    const store = openStore(dbFile());
    const query = store.addQuery({ key: 'figure:business/customers~1', by: 'alice', text: 'Which year?' });
    expect(query.status).toBe('open');
    const answered = store.answerQuery(query.id, 'bob', 'FY2023.');
    expect(answered.status).toBe('answered');
    expect(answered.answers).toEqual([{ by: 'bob', at: answered.answers[0]?.at, text: 'FY2023.' }]);
    const closed = store.closeQuery(query.id, 'alice');
    expect([closed.status, closed.closedBy]).toEqual(['closed', 'alice']);
    expect(() => store.answerQuery(query.id, 'bob', 'more')).toThrow(/was closed/);
    expect(() => store.closeQuery(query.id, 'alice')).toThrow(/was closed/);
    expect(() => store.answerQuery(query.id + 1, 'bob', 'x')).toThrow(new RegExp(`no query #${query.id + 1}`));
    expect(store.queries()).toEqual([closed]);
    expect(store.auditLog().map((a) => a.event)).toEqual(['query', 'answer', 'close']);
    store.close();
  });

  it('imports only records it does not have, in one audited write', () => {
    const store = openStore(dbFile());
    const record = { ...signoff(1), at: '2026-12-04T23:10:00.000Z' };
    expect(store.importSignoffs([record, record, { ...record, by: 'carol' }], 'a.yaml')).toEqual({
      added: 2,
      present: 1,
    });
    expect(store.importSignoffs([record], 'a.yaml')).toEqual({ added: 0, present: 1 });
    expect(store.signoffs()).toHaveLength(2);
    expect(store.auditLog().map((a) => a.event)).toEqual(['import', 'import']);
    store.close();
  });
});
