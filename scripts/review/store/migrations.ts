import type { DatabaseSync } from 'node:sqlite';
import { StoreError } from './store-errors.ts';

/**
 * The reviewers' database schema, one step per version. `PRAGMA user_version` records how many
 * steps a file has had; opening runs the missing ones in one transaction, so a file is never left
 * half migrated. Steps are only ever appended: a released step is never edited, because files
 * that already ran it would not run it again.
 */
const STEPS: readonly string[] = [
  // 1: users, sessions, failed logins, sign-offs, queries with answers, audit.
  `
  CREATE TABLE users (
    name TEXT PRIMARY KEY NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('reviewer', 'author', 'admin')),
    password TEXT NOT NULL,
    created TEXT NOT NULL
  ) STRICT;
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created TEXT NOT NULL,
    expires TEXT NOT NULL
  ) STRICT;
  CREATE INDEX sessions_by_user ON sessions(user);
  CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX login_failures_by_name ON login_failures(name, at);
  CREATE INDEX login_failures_by_address ON login_failures(address, at);
  -- Sign-offs name their signer as text, not as a reference to users: a sign-off outlives the
  -- account that made it, and an imported file may name people this database has never seen.
  CREATE TABLE signoffs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    hash TEXT NOT NULL,
    by TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    evidence TEXT,
    covered TEXT NOT NULL
  ) STRICT;
  CREATE INDEX signoffs_by_key ON signoffs(key, at);
  CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs
    BEGIN SELECT RAISE(ABORT, 'signoffs are append-only: a new sign-off supersedes, none is changed'); END;
  CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
    BEGIN SELECT RAISE(ABORT, 'signoffs are append-only: none is deleted'); END;
  CREATE TABLE queries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    by TEXT NOT NULL,
    at TEXT NOT NULL,
    text TEXT NOT NULL,
    closed_by TEXT,
    closed_at TEXT
  ) STRICT;
  CREATE TABLE answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query_id INTEGER NOT NULL REFERENCES queries(id),
    by TEXT NOT NULL,
    at TEXT NOT NULL,
    text TEXT NOT NULL
  ) STRICT;
  CREATE INDEX answers_by_query ON answers(query_id);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    user TEXT,
    detail TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only: no entry is changed'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only: no entry is deleted'); END;
  `,
];

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION = STEPS.length;

/**
 * Brings `db` up to SCHEMA_VERSION. A file from newer code is refused before anything is
 * written: this code does not know what its extra steps mean and must not write beside them.
 */
export function migrate(db: DatabaseSync, file: string): void {
  // IMMEDIATE takes the write lock before reading the version, so two processes opening a new
  // file at once do not both run step 1 (the second waits, then finds it done).
  db.exec('BEGIN IMMEDIATE');
  try {
    const version = refuseNewer(db, file);
    for (let step = version; step < SCHEMA_VERSION; step++) db.exec(STEPS[step] as string);
    // PRAGMA takes no bound parameters; the number is this module's own constant.
    if (version < SCHEMA_VERSION) db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** The file's schema version, or a StoreError when it is newer than this code knows. */
export function refuseNewer(db: DatabaseSync, file: string): number {
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `${file}: the database has schema version ${version}, newer than this code knows (${SCHEMA_VERSION}); ` +
        'use the newer code that wrote it, or restore a backup.',
    );
  }
  return version;
}
