import type { Claim } from '../schema/claim.ts';
import type { TieOutResult } from './tieout.ts';

/**
 * Every count a page, the build log or the blackline states about the tie-out comes from here,
 * computed from the results: nothing downstream types a number or assumes that none failed.
 */
export interface TieOutSummary {
  claims: number;
  /** Claims whose figure the build recomputed from its inputs (every kind but `stated`). */
  recomputed: number;
  agree: number;
  mismatch: number;
  /** `stated` claims: listed with the reason they cannot be checked from the document's figures. */
  statedOnly: { id: string; text: string; reason: string }[];
  /** Kinds recomputed, in the order of KIND_ORDER, for saying what was checked. */
  kinds: Claim['kind'][];
}

const KIND_ORDER: readonly Claim['kind'][] = [
  'cagr',
  'growth',
  'share',
  'ratio',
  'sum',
  'rank',
  'order',
  'compare',
  'stated',
];

/** What each kind of claim is, as the reviewer's pages name it. */
export const CLAIM_KIND_LABEL: Record<Claim['kind'], string> = {
  cagr: '複合年增長率',
  growth: '增長率',
  share: '佔比',
  ratio: '比率',
  sum: '合計',
  rank: '排名',
  order: '排名次序',
  compare: '比較',
  stated: '明載',
};

export function summarizeTieOut(results: readonly TieOutResult[]): TieOutSummary {
  const recomputed = results.filter((r) => r.kind !== 'stated');
  const present = new Set(recomputed.map((r) => r.kind));
  return {
    claims: results.length,
    recomputed: recomputed.length,
    agree: recomputed.filter((r) => r.status === 'pass').length,
    mismatch: recomputed.filter((r) => r.status === 'fail').length,
    statedOnly: results.filter((r) => r.kind === 'stated').map((r) => ({ id: r.id, text: r.text, reason: r.detail })),
    kinds: KIND_ORDER.filter((k) => present.has(k)),
  };
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The build log's line, e.g. `34 claims — 25 recomputed (25 agree, 0 mismatches), 9 stated only …`. */
export function tieOutLogLine(s: TieOutSummary): string {
  return `${plural(s.claims, 'claim')} — ${s.recomputed} recomputed (${s.agree} agree, ${plural(s.mismatch, 'mismatch', 'mismatches')}), ${s.statedOnly.length} stated only, not checkable from stated figures`;
}

/** What was recomputed and what only stated, in a sentence; pages list the stated ones' reasons after it. */
export function tieOutSentence(s: TieOutSummary): string {
  const kinds = s.kinds.map((k) => CLAIM_KIND_LABEL[k]).join('、');
  const recomputed = `本次建置按輸入數字重新計算了 ${s.recomputed} 項陳述${kinds ? `（${kinds}）` : ''}：${s.agree} 項相符，${s.mismatch} 項不符。`;
  const stated =
    s.statedOnly.length > 0
      ? `另有 ${s.statedOnly.length} 項陳述僅為明載，無法以文件所載數字重新計算。`
      : '所有陳述均經重新計算。';
  return `${recomputed}${stated}`;
}

/** The English edition's names of the kinds, in the register of the English chapter. */
export const CLAIM_KIND_LABEL_EN: Record<Claim['kind'], string> = {
  cagr: 'CAGRs',
  growth: 'growth rates',
  share: 'shares',
  ratio: 'ratios',
  sum: 'totals',
  rank: 'ranks',
  order: 'rank orders',
  compare: 'comparisons',
  stated: 'stated',
};

/** The same sentence for the English home page, from the same summary. */
export function tieOutSentenceEn(s: TieOutSummary): string {
  const kinds = s.kinds.map((k) => CLAIM_KIND_LABEL_EN[k]).join(', ');
  const recomputed = `This build recomputed ${plural(s.recomputed, 'claim')} from their inputs${kinds ? ` (${kinds})` : ''}: ${s.agree} agree, ${plural(s.mismatch, 'mismatch', 'mismatches')}.`;
  const stated =
    s.statedOnly.length > 0
      ? ` ${s.statedOnly.length === 1 ? '1 further claim is' : `${s.statedOnly.length} further claims are`} stated only and cannot be recomputed from figures in the document.`
      : ' Every claim was recomputed.';
  return `${recomputed}${stated}`;
}
