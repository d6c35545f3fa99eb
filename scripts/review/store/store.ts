import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate, refuseNewer } from './migrations.ts';
import { SqliteStore } from './sqlite-store.ts';
import { StoreError, storeFailure } from './store-errors.ts';
import type { Store } from './store-types.ts';

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
    // Reading first fails at once, before any write, on a file that is not SQLite or is newer.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    refuseNewer(db, file);
    whenUnlocked(() => db.exec('PRAGMA journal_mode = WAL'));
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

const SQLITE_BUSY = 5;

/**
 * Runs `step`, again while another process holds the lock it needs. Turning a new file to WAL
 * takes an exclusive lock for which SQLite does not wait (the busy timeout does not apply): two
 * processes opening a new database at once failed at once with "database is locked", 5 times in
 * 40 here. Waits as long as a write would (BUSY_MS).
 */
function whenUnlocked(step: () => void): void {
  const until = Date.now() + BUSY_MS;
  for (;;) {
    try {
      step();
      return;
    } catch (error) {
      if ((error as { errcode?: number }).errcode !== SQLITE_BUSY || Date.now() > until) throw error;
      // A synchronous pause: opening the store is synchronous, as node:sqlite is.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}
