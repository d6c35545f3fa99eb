import type { Covered } from './schema.ts';

/** What the status rule needs of an item: its key, current words and their hash. */
export interface StatusItem {
  key: string;
  hash: string;
  covered: Covered;
}

/** What it needs of a sign-off (a YAML record or a database row both fit). */
export interface StatusSignoff {
  key: string;
  hash: string;
  at: string;
  covered: Covered;
}

export type SignoffState = 'signed' | 'stale' | 'none';

export interface ItemStatus<S extends StatusSignoff = StatusSignoff> {
  status: SignoffState;
  /** The words the item shows now. */
  current: Covered;
  /** For a stale item: the words the newest sign-off covered, to show beside `current`. */
  signedCovered?: Covered;
  /** Every sign-off of this key, oldest first. */
  signoffs: S[];
}

/**
 * Signed when a sign-off covers the item's current hash; stale when sign-offs exist but none
 * covers it (the words changed since); none otherwise. The one rule the final build's gate, the
 * review server, the schedule and its CSV all use. Sign-offs of keys no longer in the copy are
 * left out: their item is gone.
 */
export function signoffStatus<S extends StatusSignoff>(
  items: readonly StatusItem[],
  signoffs: readonly S[],
): Map<string, ItemStatus<S>> {
  const byKey = new Map<string, S[]>();
  for (const s of signoffs) {
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  const result = new Map<string, ItemStatus<S>>();
  for (const item of items) {
    const list = [...(byKey.get(item.key) ?? [])].sort((a, b) => time(a.at) - time(b.at));
    if (list.length === 0) {
      result.set(item.key, { status: 'none', current: item.covered, signoffs: list });
    } else if (list.some((s) => s.hash === item.hash)) {
      result.set(item.key, { status: 'signed', current: item.covered, signoffs: list });
    } else {
      const newest = list[list.length - 1] as S;
      result.set(item.key, { status: 'stale', current: item.covered, signedCovered: newest.covered, signoffs: list });
    }
  }
  return result;
}

/** Times compare as instants, so `…Z` and `…+08:00` spellings of one moment sort together. */
function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}
