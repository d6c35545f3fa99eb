import { existsSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type ReviewItem, type ReviewItemsFile, ReviewItemsFileSchema } from '../../src/lib/review/schema.ts';

/** A copy that cannot be served, with what to do about it. */
export class CopyError extends Error {}

/** The built copy the server serves, and the items a reviewer signs off in it. */
export interface ServedCopy {
  /** The copy's folder, symlinks resolved: no served path may leave it. */
  dir: string;
  file: ReviewItemsFile;
  items: ReadonlyMap<string, ReviewItem>;
}

export const ITEMS_FILE = 'review-items.json';

function buildCommand(stage: string | undefined): string {
  return `npm run build -- --stage ${stage ?? 'vetting'}`;
}

/**
 * Reads the copy's `review-items.json`, refusing a missing folder, a copy built without it
 * (`--no-pdf` writes none) or a file that is not the format, each with the command that builds one.
 */
export function loadCopy(folder: string, stage?: string): ServedCopy {
  const rel = relative(process.cwd(), resolve(folder));
  const shown = rel === '' ? '.' : rel.startsWith('..') ? resolve(folder) : rel;
  const build = buildCommand(stage);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new CopyError(`no built copy at ${shown}/ — build it first: ${build}`);
  const path = join(folder, ITEMS_FILE);
  if (!existsSync(path))
    throw new CopyError(
      `${shown}/${ITEMS_FILE} is missing: the copy was built without the items reviewers sign off ` +
        `(a build with --no-pdf writes none) — rebuild it: ${build}`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CopyError(`${shown}/${ITEMS_FILE} is not valid JSON (${(e as Error).message}) — rebuild it: ${build}`);
  }
  const parsed = ReviewItemsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    throw new CopyError(
      `${shown}/${ITEMS_FILE} is not a review items file: at ${where}, ${issue?.message ?? 'invalid'} — rebuild it: ${build}`,
    );
  }
  const items = new Map<string, ReviewItem>();
  for (const item of parsed.data.items) {
    if (items.has(item.key))
      throw new CopyError(`${shown}/${ITEMS_FILE} lists the item ${item.key} twice — rebuild it: ${build}`);
    items.set(item.key, item);
  }
  return { dir: realpathSync(folder), file: parsed.data, items };
}

function identity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/**
 * The copy as it is on disk now. A rebuild swaps the folder in whole (scripts/lib/publish/publish.ts), so
 * when its review-items.json is another file than the one read, the copy is read again: the
 * server never records a sign-off against the words of a build it no longer serves. While the
 * folder is missing or broken (between two renames, a failed build), every request is refused.
 */
export function watchCopy(folder: string, stage?: string): () => ServedCopy {
  let copy = loadCopy(folder, stage);
  let seen = identity(statSync(join(folder, ITEMS_FILE)));
  return () => {
    let now: string;
    try {
      now = identity(statSync(join(folder, ITEMS_FILE)));
    } catch {
      throw new CopyError(`the copy at ${folder} is gone or being rebuilt (no ${ITEMS_FILE}); try again in a moment`);
    }
    if (now !== seen) {
      copy = loadCopy(folder, stage);
      seen = now;
    }
    return copy;
  };
}
