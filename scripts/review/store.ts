import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrations.ts';
import { checkAgainstNothing, hashPassword, passwordMatches } from './passwords.ts';
import { StoreError, storeFailure } from './store-errors.ts';
import { queryRows, requireOpenQuery } from './store-queries.ts';
import type { AuditEntry, Covered, Query, Role, Signoff, Store, User } from './store-types.ts';

/**
 * The reviewers' workspace database: users, sessions, sign-offs, queries and the audit log in
 * one SQLite file (`node:sqlite`, no dependency). Several processes may use one file at once
 * (the server, the CLI, a second server): WAL lets readers go on while one writes, every write
 * is one IMMEDIATE transaction that waits up to BUSY_MS for the lock instead of failing, and a
 * process killed at any moment leaves the last committed state (synchronous=FULL).
 * Every write a user causes is audited by the method itself, in the same transaction (see
 * store-types.ts for which method records which event).
 *
 * Node 24.21 loads node:sqlite without an ExperimentalWarning (checked), so entry points need
 * no warning filter; if a future Node prints one again, filter it in the entry point only.
 */

export { StoreError } from './store-errors.ts';

export type { AuditEntry, Covered, Query, Role, Signoff, Store, User } from './store-types.ts';
export { ROLES } from './store-types.ts';

export interface StoreOptions {
  /** How long a session lasts; 12 hours unless said. */
  sessionHours?: number;
}

/** Where the database lives unless --db says otherwise: gitignored, outside every build output. */
export const DEFAULT_DB_FILE = '.review/review.db';

/** How long a write waits for another process's transaction before giving up. */
const BUSY_MS = 10_000;

/** Opens (creating folder and file when missing) and migrates the database at `file`. */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const sessionMs = (options.sessionHours ?? 12) * 3600_000;
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new StoreError(
      `${file}: cannot create its folder (${(error as Error).message}); pass another file with --db`,
    );
  }
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new StoreError(`${file}: is a folder, not a database file; pass a file path with --db`);
  }
  writable(file);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { timeout: BUSY_MS, enableForeignKeyConstraints: true });
  } catch (error) {
    throw storeFailure(file, error);
  }
  try {
    // Reading the schema first fails at once on a file that is not SQLite, before any write.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, file);
  } catch (error) {
    db.close();
    throw storeFailure(file, error);
  }
  return new SqliteStore(db, file, sessionMs);
}

/**
 * Refuses at open what would otherwise fail at the first sign-off: SQLite opens a file it may
 * not write read-only without a word, and needs its folder writable for the -wal and -shm files.
 */
function writable(file: string): void {
  for (const [path, what] of [
    [dirname(file), 'the folder of the database is read-only'],
    [file, 'the database is read-only'],
  ] as const) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new StoreError(
        `${file}: ${what} for this user (${(error as NodeJS.ErrnoException).code}); give write access to the file and its folder (SQLite writes -wal and -shm files beside it), or pass another file with --db`,
      );
    }
  }
}

const now = () => new Date().toISOString();
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface SignoffRow {
  id: number;
  key: string;
  hash: string;
  by: string;
  at: string;
  note: string;
  evidence: string | null;
  covered: string;
}

class SqliteStore implements Store {
  private readonly db: DatabaseSync;
  readonly file: string;
  private readonly sessionMs: number;

  constructor(db: DatabaseSync, file: string, sessionMs: number) {
    this.db = db;
    this.file = file;
    this.sessionMs = sessionMs;
  }

  /** Runs `work` as one IMMEDIATE transaction: all of it is recorded, or none. */
  private write<T>(work: () => T): T {
    try {
      this.db.exec('BEGIN IMMEDIATE');
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw storeFailure(this.file, error);
    }
  }

  private read<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storeFailure(this.file, error);
    }
  }

  private log(event: string, user: string | null, detail: string): void {
    this.db.prepare('INSERT INTO audit (at, event, user, detail) VALUES (?, ?, ?, ?)').run(now(), event, user, detail);
  }

  private requireUser(name: string): void {
    if (!this.db.prepare('SELECT 1 FROM users WHERE name = ?').get(name)) {
      throw new StoreError(`${this.file}: no user named ${JSON.stringify(name)}`);
    }
  }

  addUser(name: string, role: Role, password: string): void {
    const hash = hashPassword(password);
    this.write(() => {
      if (this.db.prepare('SELECT 1 FROM users WHERE name = ?').get(name)) {
        throw new StoreError(`${this.file}: a user named ${JSON.stringify(name)} exists already`);
      }
      this.db
        .prepare('INSERT INTO users (name, role, password, created) VALUES (?, ?, ?, ?)')
        .run(name, role, hash, now());
      this.log('user add', null, `${name} as ${role}`);
    });
  }

  setPassword(name: string, password: string): void {
    const hash = hashPassword(password);
    this.write(() => {
      this.requireUser(name);
      this.db.prepare('UPDATE users SET password = ? WHERE name = ?').run(hash, name);
      // A new password ends the sessions the old one opened: it is often changed because it leaked.
      this.db.prepare('DELETE FROM sessions WHERE user = ?').run(name);
      this.log('user passwd', null, name);
    });
  }

  removeUser(name: string): void {
    this.write(() => {
      this.requireUser(name);
      this.db.prepare('DELETE FROM users WHERE name = ?').run(name); // sessions go by ON DELETE CASCADE
      this.log('user remove', null, name);
    });
  }

  listUsers(): (User & { created: string })[] {
    const rows = this.read(
      () =>
        this.db.prepare('SELECT name, role, created FROM users ORDER BY name').all() as unknown as (User & {
          created: string;
        })[],
    );
    return rows.map((r) => ({ name: r.name, role: r.role, created: r.created }));
  }

  verifyPassword(name: string, password: string): User | undefined {
    const row = this.read(
      () =>
        this.db.prepare('SELECT name, role, password FROM users WHERE name = ?').get(name) as
          | (User & { password: string })
          | undefined,
    );
    if (!row) return checkAgainstNothing(password) || undefined;
    return passwordMatches(password, row.password) ? { name: row.name, role: row.role } : undefined;
  }

  createSession(name: string): { token: string; csrf: string; expires: string } {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const created = now();
    const expires = new Date(Date.parse(created) + this.sessionMs).toISOString();
    this.write(() => {
      this.requireUser(name);
      this.db.prepare('DELETE FROM sessions WHERE expires <= ?').run(created);
      this.db
        .prepare('INSERT INTO sessions (token_hash, user, csrf, created, expires) VALUES (?, ?, ?, ?, ?)')
        .run(tokenHash(token), name, csrf, created, expires);
      this.log('sign-in', name, `session until ${expires}`);
    });
    return { token, csrf, expires };
  }

  session(token: string): { user: User; csrf: string; expires: string } | undefined {
    const row = this.read(
      () =>
        this.db
          .prepare(
            'SELECT u.name, u.role, s.csrf, s.expires FROM sessions s JOIN users u ON u.name = s.user ' +
              'WHERE s.token_hash = ? AND s.expires > ?',
          )
          .get(tokenHash(token), now()) as (User & { csrf: string; expires: string }) | undefined,
    );
    return row && { user: { name: row.name, role: row.role }, csrf: row.csrf, expires: row.expires };
  }

  deleteSession(token: string): void {
    this.write(() => {
      const row = this.db.prepare('DELETE FROM sessions WHERE token_hash = ? RETURNING user').get(tokenHash(token)) as
        | { user: string }
        | undefined;
      if (row) this.log('sign-out', row.user, '');
    });
  }

  loginFailures(name: string, address: string, sinceIso: string): number {
    return this.read(() => {
      const count = (column: 'name' | 'address', value: string) =>
        Number(
          (
            this.db
              .prepare(`SELECT count(*) AS n FROM login_failures WHERE ${column} = ? AND at >= ?`)
              .get(value, sinceIso) as {
              n: number;
            }
          ).n,
        );
      return Math.max(count('name', name), count('address', address));
    });
  }

  recordLoginFailure(name: string, address: string): void {
    const at = now();
    this.write(() => {
      // A day of failures is all any limit looks at; older rows would only grow the file.
      this.db
        .prepare('DELETE FROM login_failures WHERE at < ?')
        .run(new Date(Date.parse(at) - 86_400_000).toISOString());
      this.db.prepare('INSERT INTO login_failures (name, address, at) VALUES (?, ?, ?)').run(name, address, at);
      this.log('failed sign-in', null, `${JSON.stringify(name)} from ${address}`);
    });
  }

  addSignoff(s: Omit<Signoff, 'id' | 'at'>): Signoff {
    return this.write(() => {
      const added = this.insertSignoff({ ...s, at: now() });
      this.log('sign-off', s.by, `${s.key} ${s.hash}`);
      return added;
    });
  }

  private insertSignoff(s: Omit<Signoff, 'id'>): Signoff {
    const row = this.db
      .prepare(
        'INSERT INTO signoffs (key, hash, by, at, note, evidence, covered) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      )
      .get(s.key, s.hash, s.by, s.at, s.note, s.evidence, JSON.stringify(s.covered)) as { id: number };
    return { id: Number(row.id), ...s };
  }

  signoffs(): Signoff[] {
    const rows = this.read(
      () => this.db.prepare('SELECT * FROM signoffs ORDER BY key, at, id').all() as unknown as SignoffRow[],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), covered: JSON.parse(r.covered) as Covered }));
  }

  importSignoffs(records: Omit<Signoff, 'id'>[], source: string): { added: number; present: number } {
    return this.write(() => {
      const exists = this.db.prepare('SELECT 1 FROM signoffs WHERE key = ? AND hash = ? AND by = ? AND at = ?');
      let added = 0;
      for (const r of records) {
        if (exists.get(r.key, r.hash, r.by, r.at)) continue;
        this.insertSignoff(r);
        added++;
      }
      this.log('import', null, `${added} sign-offs added, ${records.length - added} present already, from ${source}`);
      return { added, present: records.length - added };
    });
  }

  addQuery(q: { key: string; by: string; text: string }): Query {
    return this.write(() => {
      const row = this.db
        .prepare('INSERT INTO queries (key, by, at, text) VALUES (?, ?, ?, ?) RETURNING id')
        .get(q.key, q.by, now(), q.text) as { id: number };
      this.log('query', q.by, `#${row.id} on ${q.key}`);
      return this.query(Number(row.id));
    });
  }

  answerQuery(id: number, by: string, text: string): Query {
    return this.write(() => {
      requireOpenQuery(this.db, this.file, id);
      this.db.prepare('INSERT INTO answers (query_id, by, at, text) VALUES (?, ?, ?, ?)').run(id, by, now(), text);
      this.log('answer', by, `#${id}`);
      return this.query(id);
    });
  }

  closeQuery(id: number, by: string): Query {
    return this.write(() => {
      requireOpenQuery(this.db, this.file, id);
      this.db.prepare('UPDATE queries SET closed_by = ?, closed_at = ? WHERE id = ?').run(by, now(), id);
      this.log('close', by, `#${id}`);
      return this.query(id);
    });
  }

  private query(id: number): Query {
    const found = queryRows(this.db, id)[0];
    if (!found) throw new StoreError(`${this.file}: no query #${id}`);
    return found;
  }

  queries(): Query[] {
    return this.read(() => queryRows(this.db));
  }

  audit(event: string, user: string | null, detail: string): void {
    this.write(() => this.log(event, user, detail));
  }

  auditLog(): AuditEntry[] {
    const rows = this.read(() => this.db.prepare('SELECT * FROM audit ORDER BY id').all() as unknown as AuditEntry[]);
    return rows.map((r) => ({ id: Number(r.id), at: r.at, event: r.event, user: r.user, detail: r.detail }));
  }

  backup(to: string): void {
    if (statSync(to, { throwIfNoEntry: false })) throw new StoreError(`${to}: exists already; name a new file`);
    this.read(() => this.db.prepare('VACUUM INTO ?').run(to));
  }

  close(): void {
    this.db.close();
  }
}
