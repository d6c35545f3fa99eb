import type { Diagnostic } from '../diagnostics.ts';
import { formatNumber } from '../i18n/decimal.ts';
import { unitSpec } from '../i18n/units.ts';
import type { TimeseriesDataset } from '../schema/dataset.ts';
import { RefError } from './figure.ts';
import type { Located } from './registry.ts';
import type { Resolver } from './resolve.ts';

/**
 * The totals of a financial table, recomputed: each row declared as `sum` of rows above must
 * equal their sum in every period, to the last digit shown. Compared in whole units of that
 * digit, so 0.1 + 0.2 cannot pass or fail by float noise.
 */
export function checkStatement(resolver: Resolver, entry: Located<TimeseriesDataset>): Diagnostic[] {
  const d = entry.value;
  const diagnostics: Diagnostic[] = [];
  const order = Object.keys(d.series);
  const decimals = d.decimals ?? unitSpec(d.unit).decimals;
  const units = (value: number) => Math.round(value * 10 ** decimals);
  const show = (n: number) => formatNumber(n / 10 ** decimals, decimals);
  for (const [rowId, row] of Object.entries(d.series)) {
    if (!row.sum) continue;
    const above = new Set(order.slice(0, order.indexOf(rowId)));
    const terms = row.sum.map(summand);
    const unknown = terms.filter((t) => !above.has(t.id)).map((t) => t.id);
    if (unknown.length > 0) {
      diagnostics.push({
        file: entry.file,
        line: entry.lineOf(['series', rowId, 'sum']),
        severity: 'error',
        message: `row "${rowId}" (${row.label}) of "${d.id}" sums ${unknown.map((id) => `"${id}"`).join(', ')} — expected rows above it: ${[...above].join(', ')}`,
        rule: 'financial-total',
      });
      continue;
    }
    for (const period of d.periods) {
      const stated = row.values[period];
      if (stated === undefined) continue;
      let parts: number[];
      let total: number;
      try {
        const value = resolver.figure(`${d.id}.${rowId}@${period}`)?.value;
        const values = terms.map((t) => resolver.figure(`${d.id}.${t.id}@${period}`)?.value);
        if (value === undefined || values.some((v) => v === undefined)) continue;
        total = units(value);
        parts = (values as number[]).map((v, i) => (terms[i]?.sign ?? 1) * units(v));
      } catch (e) {
        if (e instanceof RefError) continue; // reported by the formula check, at its own line
        throw e;
      }
      const computed = parts.reduce((a, b) => a + b, 0);
      if (computed === total) continue;
      diagnostics.push({
        file: entry.file,
        line: entry.lineOf(['series', rowId, 'values', period]),
        severity: 'error',
        message: `row "${rowId}" (${row.label}) of "${d.id}", column "${period}": stated ${show(total)}, computed ${show(computed)} — expected ${formula(terms)}`,
        rule: 'financial-total',
      });
    }
  }
  if (d.percentOf !== undefined && !(d.percentOf in d.series)) {
    diagnostics.push({
      file: entry.file,
      line: entry.lineOf(['percentOf']),
      severity: 'error',
      message: `percentOf "${d.percentOf}" is no row of "${d.id}" — expected one of ${order.join(', ')}`,
      rule: 'financial-total',
    });
  }
  return diagnostics;
}

/** `-current-liabilities` subtracts that row; any other entry adds its row. */
function summand(entry: string): { id: string; sign: 1 | -1 } {
  return entry.startsWith('-') ? { id: entry.slice(1), sign: -1 } : { id: entry, sign: 1 };
}

/** `the sum of cash + receivables`, or `current-assets − current-liabilities` when a row is subtracted. */
function formula(terms: readonly { id: string; sign: 1 | -1 }[]): string {
  const text = terms.map((t, i) => (i === 0 ? (t.sign < 0 ? `−${t.id}` : t.id) : `${t.sign < 0 ? '−' : '+'} ${t.id}`));
  return terms.some((t) => t.sign < 0) ? text.join(' ') : `the sum of ${text.join(' ')}`;
}

/**
 * How many stated subtotals and totals the financial tables hold (row × period): each was
 * recomputed by checkStatement before the build got this far, so each adds up.
 */
export function statementTotals(datasets: Iterable<{ value: { kind: string } }>): number {
  let count = 0;
  for (const { value } of datasets) {
    if (value.kind !== 'timeseries') continue;
    const d = value as TimeseriesDataset;
    for (const row of Object.values(d.series)) {
      if (row.sum) count += d.periods.filter((p) => row.values[p] !== undefined).length;
    }
  }
  return count;
}
