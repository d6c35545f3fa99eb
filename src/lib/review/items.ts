import type { Project } from '../project.ts';
import { claimRows } from '../tieout-claims.ts';
import { itemHash } from './item-hash.ts';
import type { PageItem } from './item-keys.ts';
import { type Covered, ITEM_KINDS, type ItemKind, type ReviewItem } from './schema.ts';

/**
 * The items of a copy: the Chinese document page's items (the edition the sign-off covers), each
 * with the English page's wording of the same key when that page was read, then one item per
 * claim of the tie-out. Every item gets the hash of what it covers.
 */
export function reviewItems(project: Project, zh: readonly PageItem[], en?: readonly PageItem[]): ReviewItem[] {
  const english = new Map((en ?? []).map((i) => [i.key, i.covered]));
  const fromPage = zh.map((i): ReviewItem => {
    const coveredEn = english.get(i.key);
    return {
      key: i.key,
      kind: i.kind,
      chapterId: i.chapterId,
      ...(i.sectionId === undefined ? {} : { sectionId: i.sectionId }),
      label: i.label,
      covered: i.covered,
      ...(coveredEn ? { coveredEn } : {}),
      hash: itemHash(i.covered),
    };
  });
  return [...fromPage, ...claimItems(project, zh)];
}

/**
 * A claim as the verification page shows it (claims table, claims.csv): kind and text, the
 * stated and computed values and the inputs with their values, withheld numbers already
 * replaced by the marker in a stage that withholds them. Its chapter is the first that states it.
 */
export function claimItems(project: Project, pageItems: readonly PageItem[]): ReviewItem[] {
  return claimRows(project, { scheduleRows: true }).map((row) => {
    const ref = `/claim.${row.id}~`;
    const chapterId = pageItems.find((i) => i.kind === 'figure' && i.key.includes(ref))?.chapterId ?? '';
    const inputs = row.inputs.map((i) => `${i.label} ${i.value}`).join('；');
    const covered: Covered = {
      value: row.stated,
      source: row.sources,
      context: [
        `${row.kindLabel}：${row.text}`,
        `所述：${row.stated}`,
        `計算：${row.computed}${row.range ? `（${row.range}）` : ''}`,
        ...(inputs ? [`輸入：${inputs}`] : []),
      ].join('｜'),
    };
    return {
      key: `claim:${row.id}`,
      kind: 'claim',
      chapterId,
      label: `陳述 · ${row.text}`,
      covered,
      hash: itemHash(covered),
    };
  });
}

/** How many items of each kind, for the build's log line. */
export function countByKind(items: readonly { kind: ItemKind }[]): Record<ItemKind, number> {
  const counts = Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>;
  for (const i of items) counts[i.kind]++;
  return counts;
}

/** `review: 312 items — 180 figures, 12 tables, 9 charts, 41 claims, 70 sections` */
export function reviewLogLine(items: readonly { kind: ItemKind }[]): string {
  const c = countByKind(items);
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return `review: ${n(items.length, 'item')} — ${n(c.figure, 'figure')}, ${n(c.table, 'table')}, ${n(c.chart, 'chart')}, ${n(c.claim, 'claim')}, ${n(c.section, 'section')}`;
}
