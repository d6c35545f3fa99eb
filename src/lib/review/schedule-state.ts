import type { ReviewItem } from './schema.ts';
import type { SignoffState } from './status.ts';

/** The state labels of the schedule's CSV, as the site's badges say them. */
export const SIGNOFF_STATE_LABEL: Record<SignoffState, string> = { signed: '已簽核', stale: '已過時', none: '未簽核' };

/** What a schedule row says of where its figure is (columns 章節, 位置, 數據編號 of verification.csv). */
export interface ScheduleRowPlace {
  chapter: string;
  location: string;
  ref: string;
}

/** How verification.csv spells a location (scripts/lib/schedule/schedule.ts writes the Chinese edition's). */
const PARAGRAPH = '段落：';
const IN_FIGURE: Record<string, ReviewItem['kind']> = { '表：': 'table', '圖：': 'chart' };

const clean = (s: string) =>
  s
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The items whose sign-off covers each schedule row, by the rule items are keyed by: a prose
 * figure is `figure:<chapterId>/<ref>~<n>` (n counting that ref among the chapter's prose
 * figures, in document order, as the rows are); a figure in a table or chart is covered by that
 * table's or chart's item, found by chapter and title (all of them when a chapter repeats a
 * title). A row the copy has no item for gets none.
 */
export function scheduleRowKeys(rows: readonly ScheduleRowPlace[], items: readonly ReviewItem[]): string[][] {
  const chapterIds = new Map<string, string>();
  const figures = new Map<string, string[]>();
  for (const item of items) {
    const parts = item.label.split(' · ');
    const chapter = clean(parts[0] ?? '');
    if (item.kind !== 'claim' && !chapterIds.has(chapter)) chapterIds.set(chapter, item.chapterId);
    if (item.kind === 'table' || item.kind === 'chart') {
      const at = `${item.kind}\n${item.chapterId}\n${clean(parts[parts.length - 1] ?? '')}`;
      figures.set(at, [...(figures.get(at) ?? []), item.key]);
    }
  }
  const keys = new Set(items.map((i) => i.key));
  const counts = new Map<string, number>();
  return rows.map((row) => {
    const chapterId = chapterIds.get(clean(row.chapter));
    if (chapterId === undefined) return [];
    if (row.location.startsWith(PARAGRAPH)) {
      const base = `figure:${chapterId}/${row.ref}`;
      const n = (counts.get(base) ?? 0) + 1;
      counts.set(base, n);
      return keys.has(`${base}~${n}`) ? [`${base}~${n}`] : [];
    }
    for (const [prefix, kind] of Object.entries(IN_FIGURE)) {
      if (row.location.startsWith(prefix))
        return figures.get(`${kind}\n${chapterId}\n${clean(row.location.slice(prefix.length))}`) ?? [];
    }
    return [];
  });
}

const RANK: Record<SignoffState, number> = { signed: 0, stale: 1, none: 2 };

/** A row covered by several items is only as signed as the least signed of them; by none, not signed. */
export function leastSigned(states: readonly SignoffState[]): SignoffState {
  if (states.length === 0) return 'none';
  return states.reduce<SignoffState>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'signed');
}
