/**
 * A failure of the reviewers' database that a person can act on, said in one line that names the
 * file: the server and the CLI print `message` as it is, without a stack.
 */
export class StoreError extends Error {
  override name = 'StoreError';
}

interface SqliteError {
  code: 'ERR_SQLITE_ERROR';
  errcode: number;
  errstr: string;
}

function isSqliteError(error: unknown): error is SqliteError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SQLITE_ERROR';
}

// SQLite's primary result codes (the low byte of an extended code), https://sqlite.org/rescode.html
const SQLITE_BUSY = 5;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/**
 * The StoreError to throw for `error` met while using `file`, or `error` itself when it is not
 * about the file (a programming error keeps its stack). The transaction in progress has been
 * rolled back by then, so what was committed before is untouched.
 */
export function storeFailure(file: string, error: unknown): unknown {
  if (error instanceof StoreError || !isSqliteError(error)) return error;
  const why = reason(error.errcode & 0xff);
  return why ? new StoreError(`${file}: ${why} (SQLite: ${error.errstr})`) : error;
}

function reason(code: number): string | undefined {
  switch (code) {
    case SQLITE_READONLY:
      return 'the database is read-only; give this user write access to the file and its folder (SQLite writes -wal and -shm files beside it), nothing was recorded';
    case SQLITE_CANTOPEN:
      return 'cannot open or create the database; check that its folder exists and is writable, or pass another file with --db';
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return 'this file is not a reviewers’ database (not SQLite, or damaged); pass the right file with --db, or restore a backup';
    case SQLITE_FULL:
      return 'the disk is full; free space and try again, nothing of this change was recorded and earlier records are intact';
    case SQLITE_IOERR:
      return 'the disk reported an I/O error; check the disk, nothing of this change was recorded';
    case SQLITE_BUSY:
      return 'the database stayed locked by another process for too long; try again';
    default:
      return undefined;
  }
}
