import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/project.ts';
import {
  summarizeTieOut,
  tieOutLogLine,
  tieOutSentence,
  tieOutSentenceEn,
} from '../../src/lib/tieout/tieout-summary.ts';
import { editFile, fixtureDocument } from '../sample-copy.ts';

// The one-chapter sample, frozen: its counts do not move when the shipped sample grows.
const INDUSTRY = resolve(import.meta.dirname, '../fixtures/documents/industry');

/** Counted by hand from data/claims.yaml: 9 cagr, 2 share, 5 sum, 2 rank, 2 order, 5 compare, 9 stated. */
const STATED_ONLY = [
  'us-cloud-cagr',
  'global-network-cagr',
  'global-security-cagr',
  'global-computing-cagr',
  'us-edge-cagr',
  'us-largest-edge-market',
  'china-third-edge-market',
  'sea-me-edge-cagr',
  'us-top5-independent-share',
];

function summaryOf(dir: string) {
  const { project } = checkProject(dir);
  if (!project) throw new Error('the sample copy did not load');
  return summarizeTieOut(project.tieOut);
}

describe('tie-out summary', () => {
  it('counts the sample: 25 recomputed and agreeing, 9 stated only with their reasons', () => {
    const s = summaryOf(INDUSTRY);
    expect(s.claims).toBe(34);
    expect(s.recomputed).toBe(25);
    expect(s.agree).toBe(25);
    expect(s.mismatch).toBe(0);
    expect(s.statedOnly.map((c) => c.id)).toEqual(STATED_ONLY);
    expect(s.statedOnly[0]?.reason).toBe('本節未載列美國2027年(預計)的市場規模');
    expect(s.kinds).toEqual(['cagr', 'share', 'sum', 'rank', 'order', 'compare']);
    expect(tieOutLogLine(s)).toBe(
      '34 claims — 25 recomputed (25 agree, 0 mismatches), 9 stated only, not checkable from stated figures',
    );
    expect(tieOutSentence(s)).toBe(
      '本次建置按輸入數字重新計算了 25 項陳述（複合年增長率、佔比、合計、排名、排名次序、比較）：25 項相符，0 項不符。另有 9 項陳述僅為明載，無法以文件所載數字重新計算。',
    );
    expect(tieOutSentenceEn(s)).toBe(
      'This build recomputed 25 claims from their inputs (CAGRs, shares, totals, ranks, rank orders, comparisons): 25 agree, 0 mismatches. 9 further claims are stated only and cannot be recomputed from figures in the document.',
    );
  });

  it('a stated CAGR forced to disagree changes the log line and the home page sentence', () => {
    const dir = fixtureDocument('industry');
    // 人民幣34,368億元 → 人民幣83,736億元 over five years is 19.5%, not 19.9%.
    editFile(dir, 'data/claims.yaml', 'stated: 19.5', 'stated: 19.9');
    const s = summaryOf(dir);
    expect([s.claims, s.recomputed, s.agree, s.mismatch]).toEqual([34, 25, 24, 1]);
    expect(tieOutLogLine(s)).toContain('25 recomputed (24 agree, 1 mismatch)');
    expect(tieOutSentence(s)).toContain('25 項陳述');
    expect(tieOutSentence(s)).toContain('24 項相符，1 項不符');
    expect(tieOutSentenceEn(s)).toContain('recomputed 25 claims');
    expect(tieOutSentenceEn(s)).toContain('24 agree, 1 mismatch.');
  });

  it('a raised 2027E market size breaks the three claims that read it, and the counts say so', () => {
    const dir = fixtureDocument('industry');
    // Read by the global CAGR, by the central-cloud CAGR (central = global − edge) and by the
    // 2027 penetration (edge ÷ global).
    editFile(dir, 'data/datasets/global-cloud.yaml', '"2027E": 83736', '"2027E": 90000');
    const s = summaryOf(dir);
    expect([s.agree, s.mismatch]).toEqual([22, 3]);
    expect(tieOutLogLine(s)).toContain('(22 agree, 3 mismatches)');
    expect(tieOutSentence(s)).toContain('22 項相符，3 項不符');
  });

  it('a stated claim that becomes recomputable moves from the stated-only list to the counts', () => {
    const dir = fixtureDocument('industry');
    // Rewritten as a rank of two figures the chapter gives, it is recomputed (and fails: of the
    // US and China, China is second, not third).
    editFile(
      dir,
      'data/claims.yaml',
      `- id: china-third-edge-market
  kind: stated`,
      `- id: china-third-edge-market
  kind: rank
  item: global-cloud.china@2022
  among: [global-cloud.us@2022, global-cloud.china@2022]`,
    );
    editFile(
      dir,
      'data/claims.yaml',
      '  stated: 3\n  unit: 位\n  reason: 本節未載列各地區邊緣雲服務市場的金額（中國除外）\n',
      '  stated: 3\n',
    );
    const s = summaryOf(dir);
    expect(s.statedOnly.map((c) => c.id)).not.toContain('china-third-edge-market');
    expect([s.claims, s.recomputed, s.statedOnly.length, s.mismatch]).toEqual([34, 26, 8, 1]);
    expect(tieOutSentence(s)).toContain('另有 8 項陳述僅為明載');
    expect(tieOutSentenceEn(s)).toContain('8 further claims are stated only');
  });
});
