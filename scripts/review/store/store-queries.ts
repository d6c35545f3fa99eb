import type { DatabaseSync } from 'node:sqlite';
import { StoreError } from './store-errors.ts';
import type { Query } from './store-types.ts';

/** Reading queries with their answers, and the rule for which ones take an answer or a close. */

interface QueryRow {
  id: number;
  key: string;
  by: string;
  at: string;
  text: string;
  closed_by: string | null;
  closed_at: string | null;
}

/** Every query in the order raised, or only query `id`. */
export function queryRows(db: DatabaseSync, id?: number): Query[] {
  const columns = 'SELECT id, key, by, at, text, closed_by, closed_at FROM queries';
  const rows = (id === undefined
    ? db.prepare(`${columns} ORDER BY id`).all()
    : db.prepare(`${columns} WHERE id = ? ORDER BY id`).all(id)) as unknown as QueryRow[];
  const answers = db.prepare('SELECT by, at, text FROM answers WHERE query_id = ? ORDER BY id');
  return rows.map((r) => {
    const list = (answers.all(r.id) as unknown as Query['answers']).map((a) => ({ by: a.by, at: a.at, text: a.text }));
    return {
      id: Number(r.id),
      key: r.key,
      by: r.by,
      at: r.at,
      text: r.text,
      status: r.closed_at ? 'closed' : list.length > 0 ? 'answered' : 'open',
      answers: list,
      closedBy: r.closed_by,
      closedAt: r.closed_at,
    };
  });
}

/** A closed query takes no answer and no second close; a missing one is named. */
export function requireOpenQuery(db: DatabaseSync, file: string, id: number): void {
  const row = db.prepare('SELECT closed_at FROM queries WHERE id = ?').get(id) as
    | { closed_at: string | null }
    | undefined;
  if (!row) throw new StoreError(`${file}: no query #${id}`);
  if (row.closed_at) throw new StoreError(`${file}: query #${id} was closed at ${row.closed_at}`);
}
