import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatDiagnostic } from '../../../src/lib/diagnostics.ts';
import type { Override, SignoffRecord, SignoffsFile } from '../../../src/lib/review/schema.ts';
import { signoffsYaml } from '../../../src/lib/review/signoffs-write.ts';
import { parseSignoffs, SIGNOFFS_FILE } from '../../../src/lib/review/signoffs-yaml.ts';
import type { Signoff, Store } from '../store/store.ts';

/** export, import and backup: sign-offs between the database and the file that travels with the document. */

/** A refusal about a file the user named (not the database): one line per problem, nothing written. */
export class CommandError extends Error {}

interface Out {
  stdout: { write(text: string): unknown };
}

export function exportSignoffs(store: Store, out: string | undefined, io: Out): void {
  const file = out ?? SIGNOFFS_FILE;
  const records = store.signoffs().map(toRecord);
  // The override is a decision recorded in the file, not in the database: an export keeps it.
  let override: Override | undefined;
  try {
    override = existsSync(file) ? readSignoffsFile(file).override : undefined;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    throw new CommandError(
      `${error.message}\n${file}: not overwritten: export keeps the override of the file it replaces, so it must read it; fix or delete it, then export again`,
    );
  }
  const text = signoffsYaml(records, override);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  mkdirSync(dirname(file), { recursive: true });
  // Written beside and renamed over, so a reader never sees half a file.
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, text);
  renameSync(partial, file);
  const items = new Set(records.map((r) => r.key)).size;
  io.stdout.write(
    `${before === text ? 'Unchanged' : 'Wrote'} ${file}: ${records.length} sign-off${records.length === 1 ? '' : 's'} ` +
      `of ${items} item${items === 1 ? '' : 's'} from ${store.file}` +
      `${override ? `; kept the override by ${override.by}` : ''}.\n`,
  );
}

export function importSignoffs(store: Store, from: string | undefined, io: Out): void {
  const file = from ?? SIGNOFFS_FILE;
  if (!existsSync(file)) {
    throw new CommandError(`${file}: not found; npm run review -- export writes one, or name the file to import`);
  }
  const parsed = readSignoffsFile(file);
  const records = parsed.signoffs.map(fromRecord);
  const { added, present } = store.importSignoffs(records, file);
  io.stdout.write(
    `Read ${records.length} sign-off${records.length === 1 ? '' : 's'} from ${file}: ${added} added to ${store.file}, ` +
      `${present} there already.\n`,
  );
  if (parsed.override) {
    io.stdout.write(
      `The file's override (by ${parsed.override.by}) is not a sign-off and is not stored in the database; it stays in ${file}.\n`,
    );
  }
}

export function backupStore(store: Store, to: string, io: Out): void {
  store.backup(to);
  io.stdout.write(`Copied ${store.file} to ${to} (${statSync(to).size} bytes), consistent as of now.\n`);
}

/** The sign-off file at `file` (the build gate's reader), or a CommandError naming each problem at its line. */
function readSignoffsFile(file: string): SignoffsFile {
  const { signoffs, diagnostics } = parseSignoffs(file, readFileSync(file, 'utf8'));
  if (!signoffs) throw new CommandError(diagnostics.map(formatDiagnostic).join('\n'));
  return signoffs;
}

function toRecord(s: Signoff): SignoffRecord {
  return {
    key: s.key,
    hash: s.hash,
    by: s.by,
    at: s.at,
    note: s.note,
    ...(s.evidence === null ? {} : { evidence: s.evidence }),
    covered: s.covered,
  };
}

/** Times are stored in one spelling (toISOString), so a hand-written `…:00Z` matches `…:00.000Z`. */
function fromRecord(r: SignoffRecord): Omit<Signoff, 'id'> {
  return {
    key: r.key,
    hash: r.hash,
    by: r.by,
    at: new Date(r.at).toISOString(),
    note: r.note,
    evidence: r.evidence ?? null,
    covered: r.covered,
  };
}
