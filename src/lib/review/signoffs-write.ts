import { Document } from 'yaml';
import type { Override, SignoffRecord } from './schema.ts';

/**
 * The text of content/signoffs.yaml for a list of sign-offs: every record (the history is
 * append-only, so importing the file into a new database restores all of it), sorted by key, then
 * time, fields always in one order and lines never folded, so two exports of the same records
 * are the same bytes and a change shows as a small diff.
 */
export function signoffsYaml(records: readonly SignoffRecord[], override?: Override): string {
  const sorted = [...records].sort((a, b) => compare(a.key, b.key) || compare(a.at, b.at));
  const data = {
    version: 1,
    signoffs: sorted.map((r) => ({
      key: r.key,
      hash: r.hash,
      by: r.by,
      at: r.at,
      note: r.note,
      ...(r.evidence === undefined ? {} : { evidence: r.evidence }),
      covered: {
        ...(r.covered.value === undefined ? {} : { value: r.covered.value }),
        ...(r.covered.source === undefined ? {} : { source: r.covered.source }),
        context: r.covered.context,
      },
    })),
    ...(override
      ? { override: { by: override.by, reason: override.reason, ...(override.at ? { at: override.at } : {}) } }
      : {}),
  };
  const doc = new Document(data);
  doc.commentBefore =
    ' Sign-offs of the reviewers’ workspace, written by `npm run review -- export`.\n' +
    ' Every sign-off ever made, sorted by key then time: an item is signed when one of its\n' +
    ' sign-offs has the item’s current hash. `npm run review -- import` reads this file back.';
  return doc.toString({ lineWidth: 0 });
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
