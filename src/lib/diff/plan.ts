import { escapeHtml } from '../html.ts';
import type { Locale } from '../i18n/locale.ts';
import { type Alignment, alignBlocks, type Block } from './blocks.ts';
import { diffText } from './tokens.ts';

export interface PageBlock extends Block {
  chapter: string;
}

/** What the blackline page does to the TO draft: rewrite changed blocks, add deleted ones. */
export interface BlacklinePlan {
  /** TO block index → marked-up HTML. */
  rewrite: Map<number, string>;
  /**
   * Deleted FROM blocks, to show between the TO blocks with these indexes (-1: none). A `tr`
   * is a whole deleted table row, its html the row's cells; `chapter` is where it was (the
   * cover's blocks must go back on the cover, not into the first chapter that follows it).
   */
  deleted: { before: number; after: number; kind: string; html: string; chapter: string }[];
  insertions: number;
  deletions: number;
  chapters: Map<string, { insertions: number; deletions: number }>;
}

export const ins = (text: string) => `<ins class="bl-ins">${escapeHtml(text)}</ins>`;
export const del = (text: string) => `<del class="bl-del">${escapeHtml(text)}</del>`;

/** `locale` is the edition's: Chinese is compared by character, English by word. */
export function planBlackline(
  from: readonly PageBlock[],
  to: readonly PageBlock[],
  locale: Locale = 'zh',
): BlacklinePlan {
  const plan: BlacklinePlan = { rewrite: new Map(), deleted: [], insertions: 0, deletions: 0, chapters: new Map() };
  const count = (chapter: string, kind: 'insertions' | 'deletions') => {
    plan[kind]++;
    const c = plan.chapters.get(chapter) ?? { insertions: 0, deletions: 0 };
    c[kind]++;
    plan.chapters.set(chapter, c);
  };
  const alignment = alignBlocks(from, to);
  alignment.forEach((a: Alignment, position) => {
    if (a.type === 'same') return;
    if (a.type === 'inserted') {
      const block = to[a.to] as PageBlock;
      plan.rewrite.set(a.to, ins(block.text));
      count(block.chapter, 'insertions');
      return;
    }
    if (a.type === 'deleted' || a.type === 'deletedRow') {
      const next = alignment.slice(position + 1).find((x) => 'to' in x);
      const previous = alignment.slice(0, position).findLast((x) => 'to' in x);
      const place = {
        before: next && 'to' in next ? next.to : -1,
        after: previous && 'to' in previous ? previous.to : -1,
      };
      const blocks = (a.type === 'deleted' ? [a.from] : a.from).map((f) => from[f] as PageBlock);
      for (const block of blocks) count(block.chapter, 'deletions');
      const chapter = (blocks[0] as PageBlock).chapter;
      if (a.type === 'deleted') {
        const block = blocks[0] as PageBlock;
        plan.deleted.push({ ...place, kind: block.kind, html: del(block.text), chapter });
      } else {
        const cells = blocks.map((b) => `<${b.kind}>${del(b.text)}</${b.kind}>`).join('');
        plan.deleted.push({ ...place, kind: 'tr', html: cells, chapter });
      }
      return;
    }
    const block = to[a.to] as PageBlock;
    const ops = diffText((from[a.from] as PageBlock).text, block.text, locale);
    plan.rewrite.set(
      a.to,
      ops
        .map((op) => {
          if (op.type === 'equal') return escapeHtml(op.text);
          count(block.chapter, op.type === 'insert' ? 'insertions' : 'deletions');
          return op.type === 'insert' ? ins(op.text) : del(op.text);
        })
        .join(''),
    );
  });
  return plan;
}
