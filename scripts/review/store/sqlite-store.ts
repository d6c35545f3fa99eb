import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { checkAgainstNothing, hashPassword, passwordMatches } from './passwords.ts';
import { StoreError, storeFailure } from './store-errors.ts';
import { queryRows, requireOpenQuery } from './store-queries.ts';
import type { AuditEntry, Covered, Query, Role, Signoff, Store, User } from './store-types.ts';

/**
 * The store's operations on one open connection. Each write is one IMMEDIATE transaction that
 * includes its audit entry; SQLite errors leave as StoreErrors naming the file (store-errors.ts).
 */

const now = () => new Date().toISOString();
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A sign-off as its row holds it: the covered words as JSON text. */
type SignoffRow = Omit<Signoff, 'covered'> & { covered: string };

/** The Store on one open connection (openStore in store.ts opens and checks it). */
export class SqliteStore implements Store {
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
    try {
      mkdirSync(dirname(to), { recursive: true });
      // VACUUM INTO reads one consistent snapshot while other processes go on writing.
      this.db.prepare('VACUUM INTO ?').run(to);
    } catch (error) {
      throw storeFailure(to, error);
    }
  }

  close(): void {
    this.db.close();
  }
}
