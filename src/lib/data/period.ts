import { formatSpan, periodSpan, type Span } from '../check/figure-context.ts';
import { parsePeriodId } from '../i18n/periods.ts';
import type { Claim } from '../schema/claim.ts';
import { parseRef } from './figure.ts';
import type { Resolver } from './resolve.ts';

const PERIOD = /^\d{4}E?$/;

/**
 * The period a bound figure stands for, from the data alone: a timeseries cell's period
 * (`global-cloud.global@2018`), a table column that is a year, a fact's `period`, a claim's
 * `from`/`to` (a CAGR over 2022–2027E), or the one period every input of a share, sum or rank
 * shares. Undefined when the data gives none — such a figure is not checked against its sentence.
 */
export function periodOf(resolver: Resolver, ref: string): Span | undefined {
  try {
    if (ref.startsWith('claim.')) return claimPeriod(resolver, resolver.claim(ref.slice('claim.'.length)).value);
    return cellPeriod(resolver, ref);
  } catch {
    // An unknown reference is reported by the reference check, at its own line.
    return undefined;
  }
}

function cellPeriod(resolver: Resolver, ref: string): Span | undefined {
  const { dataset, row, column } = parseRef(ref);
  const d = resolver.dataset(dataset).value;
  if (d.kind === 'facts') {
    const period = d.facts[row]?.period;
    return period ? columnSpan(period) : undefined;
  }
  return column === undefined ? undefined : columnSpan(column);
}

/**
 * A column's year: a calendar year as it stands; a financial year, an interim period or a
 * balance-sheet date by the year it ends in (FY2023, 6M-2024-06-30 and 2023-12-31 are 2023,
 * 2024 and 2023), so 於2023年12月31日 agrees with a figure as at that date and 2022年 does not.
 */
function columnSpan(column: string): Span | undefined {
  if (PERIOD.test(column)) return periodSpan(column);
  const period = parsePeriodId(column);
  return period ? periodSpan(`${period.year}${period.forecast ? 'E' : ''}`) : undefined;
}

/** A claim's span by the years its periods end in: FY2022 to FY2023 reads as 2022–2023. */
function spanOf(from: string, to: string): Span | undefined {
  const a = columnSpan(from);
  const b = columnSpan(to);
  return a && b ? { from: a.from, to: b.to } : undefined;
}

function claimPeriod(resolver: Resolver, claim: Claim): Span | undefined {
  switch (claim.kind) {
    case 'cagr':
    case 'growth':
      return spanOf(claim.from, claim.to);
    case 'stated':
      return claim.from && claim.to ? periodSpan(claim.from, claim.to) : undefined;
    case 'share':
    case 'ratio':
      return commonPeriod(resolver, [claim.part, claim.whole]);
    case 'sum':
      return commonPeriod(resolver, [...claim.parts, ...(claim.total ? [claim.total] : [])]);
    case 'rank':
      return commonPeriod(resolver, [claim.item, ...claim.among]);
    default:
      return undefined;
  }
}

/** The period all inputs share, when each is a reference with one; else none. */
function commonPeriod(resolver: Resolver, refs: readonly string[]): Span | undefined {
  const spans = refs.map((ref) => (ref.startsWith('claim.') ? undefined : cellPeriod(resolver, ref)));
  const first = spans[0];
  if (!first) return undefined;
  return spans.every((s) => s !== undefined && formatSpan(s) === formatSpan(first)) ? first : undefined;
}
