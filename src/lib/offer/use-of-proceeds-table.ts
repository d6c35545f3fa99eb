import type { Diagnostic } from '../diagnostics.ts';
import type { TableDataset } from '../schema/dataset.ts';
import type { Offer } from '../schema/offer.ts';
import { OFFER_FILE } from './offer-file.ts';

/**
 * The use-of-proceeds table (offer-use-of-proceeds): one row per use, its percentage of the net
 * proceeds as stated and its amount computed at the mid-point, plus a total row. Reports an
 * error when the stated percentages do not add up to 100%.
 */

/** Exact sum of percentages stated to a few decimals: in hundred-thousandths, as integers. */
function exactSum(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + Math.round(v * 100_000), 0) / 100_000;
}

export function useOfProceedsTable(
  offer: Offer,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): { dataset: TableDataset; paths: Map<string, readonly PropertyKey[]>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const source = offer.source;
  // Use of proceeds: percentages stated, amounts computed at the mid-point.
  const uses = offer.useOfProceeds;
  const totalPercent = exactSum(uses.map((u) => u.percent));
  if (totalPercent !== 100) {
    diagnostics.push({
      file: OFFER_FILE,
      line: lineOf(['useOfProceeds']),
      severity: 'error',
      message: `use-of-proceeds percentages add up to ${totalPercent}%, not 100% — stated ${uses.map((u) => `${u.id} ${u.percent}%`).join(' + ')} = computed ${totalPercent}%; expected them to add up to 100%`,
      rule: 'use-of-proceeds',
    });
  }
  const useRows: TableDataset['rows'] = {};
  const usePaths = new Map<string, readonly PropertyKey[]>();
  const terms: Record<string, string> = {};
  uses.forEach((u, i) => {
    useRows[u.id] = {
      purpose: u.label,
      percent: { value: u.percent },
      amount: { formula: `offer.net-mid * offer-use-of-proceeds.${u.id}@percent / 100` },
    };
    terms[u.label] = u.en;
    usePaths.set(u.id, ['useOfProceeds', i]);
  });
  useRows['total'] = {
    purpose: '總計',
    percent: { formula: uses.map((u) => `offer-use-of-proceeds.${u.id}@percent`).join(' + ') },
    amount: { formula: uses.map((u) => `offer-use-of-proceeds.${u.id}@amount`).join(' + ') },
  };
  terms['總計'] = 'Total';
  usePaths.set('total', ['useOfProceeds']);
  const dataset: TableDataset = {
    id: 'offer-use-of-proceeds',
    kind: 'table',
    title: '所得款項用途（按價格範圍中位數計算）',
    en: {
      title: 'Use of proceeds (at the mid-point of the price range)',
      columns: {
        purpose: { label: 'Use' },
        percent: { label: 'Percentage of net proceeds' },
        amount: { label: 'Amount' },
      },
      terms,
    },
    sources: [source],
    columns: {
      purpose: { label: '用途', type: 'text' },
      percent: { label: '佔所得款項淨額百分比', type: 'number', unit: '%', decimals: 1 },
      amount: { label: '金額', type: 'number', unit: '百萬港元', decimals: 1 },
    },
    rows: useRows,
    highlight: 'total',
  };
  return { dataset, paths: usePaths, diagnostics };
}
