import { ArithmeticError, combine, type Interval } from '../data/expr.ts';
import { type Figure, parseRef, RefError, statedInterval } from '../data/figure.ts';
import type { Located } from '../data/registry.ts';
import type { Resolver } from '../data/resolve.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { formatPeriod, formatValue, periodYear } from '../i18n/format.ts';
import { DEFAULT_YEAR_END, type Period, parsePeriodId } from '../i18n/periods.ts';
import { conversionShift, type Unit, unitSpec } from '../i18n/units.ts';
import type { Claim } from '../schema/claim.ts';

/**
 * The rounding rule, stated once: every stated figure stands for the range its last digit allows
 * (±½ unit; `超過x` for x up to one unit more). A claim ties out when the range its inputs allow
 * overlaps the range of the stated claim. Anything else is a mismatch and stops the build.
 */
export type TieOutStatus = 'pass' | 'fail' | 'unchecked';

export interface TieOutResult {
  id: string;
  kind: Claim['kind'];
  text: string;
  status: TieOutStatus;
  stated: string;
  computed: string;
  /** The range the computed value's inputs allow, for claims that compute a number. */
  range: { lo: string; hi: string } | undefined;
  detail: string;
  /** Why the claim could not be computed at all (a missing value, a divisor that may be zero). */
  error: string | undefined;
  /** The figures the claim reads directly, in the order it reads them. */
  inputs: string[];
  file: string;
  line: number | undefined;
}

export function tieOut(resolver: Resolver): TieOutResult[] {
  return [...resolver.registry.claims.values()].map((entry) => checkClaim(resolver, entry));
}

export function tieOutDiagnostics(results: readonly TieOutResult[]): Diagnostic[] {
  return results
    .filter((r) => r.status === 'fail')
    .map((r) => ({
      file: r.file,
      line: r.line,
      severity: 'error' as const,
      message:
        r.error !== undefined
          ? `claim "${r.id}" (${r.text}): cannot be recomputed — ${r.error}`
          : `claim "${r.id}" (${r.text}): stated ${r.stated} ≠ computed ${r.computed} (${r.detail}) — expected the stated figure to follow from its inputs within rounding`,
      rule: 'tie-out',
    }));
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi + 1e-9 && b.lo <= a.hi + 1e-9;
}

function pct(x: Interval): Interval {
  return { point: x.point * 100, lo: x.lo * 100, hi: x.hi * 100 };
}

/**
 * The whole's range in the part's unit, so a ratio of amounts kept in different scales of one
 * currency (人民幣千元 over 人民幣億元) is a ratio of amounts. Other families do not compare.
 */
function inUnitOf(whole: Figure, part: Figure): Interval {
  let shift: number;
  try {
    shift = conversionShift(whole.unit, part.unit);
  } catch {
    throw new RefError(`"${part.ref}" is in ${part.unit} and "${whole.ref}" in ${whole.unit}, which do not convert`);
  }
  const k = 10 ** shift;
  return { point: whole.interval.point * k, lo: whole.interval.lo * k, hi: whole.interval.hi * k };
}

/**
 * Why two figures of a share or ratio do not cover the same time, or undefined when they do (or
 * when either has no period). A financial year and a calendar year are the same twelve months
 * only when the year ends on 31 December (content/document.yaml `yearEnd`): FY2022 then runs
 * 1 January to 31 December 2022, the very year a market size for 2022 measures. Any other pair of
 * different periods (a year over a half-year, two dates) would divide unlike quantities.
 */
export function periodMismatch(a: string, b: string, yearEnd: string | undefined): string | undefined {
  const pa = periodOfRef(a);
  const pb = periodOfRef(b);
  if (!pa || !pb || pa.id === pb.id) return undefined;
  const kinds = new Set([pa.kind, pb.kind]);
  const calendarFy =
    kinds.has('year') && kinds.has('financial-year') && pa.year === pb.year && pa.forecast === pb.forecast;
  if (calendarFy && (yearEnd ?? DEFAULT_YEAR_END) === '12-31') return undefined;
  const reason = calendarFy
    ? `the financial year ends on ${yearEnd} (content/document.yaml yearEnd), so ${pa.id} and ${pb.id} are different twelve months`
    : `${pa.id} and ${pb.id} are different periods`;
  return `"${a}" and "${b}" do not cover the same time: ${reason} — expected figures of one period (a financial year ended 31 December matches its calendar year)`;
}

function periodOfRef(ref: string): Period | undefined {
  if (ref.startsWith('claim.')) return undefined;
  try {
    const column = parseRef(ref).column;
    return column === undefined ? undefined : parsePeriodId(column);
  } catch {
    return undefined;
  }
}

export function cagr(start: Interval, end: Interval, years: number): Interval {
  const ratio = combine('/', end, start);
  const root = combine('^', ratio, { point: 1 / years, lo: 1 / years, hi: 1 / years });
  return pct({ point: root.point - 1, lo: root.lo - 1, hi: root.hi - 1 });
}

function checkClaim(resolver: Resolver, entry: Located<Claim>): TieOutResult {
  const claim = entry.value;
  const inputs: string[] = [];
  let range: TieOutResult['range'];
  const result = (status: TieOutStatus, stated: string, computed: string, detail: string): TieOutResult => ({
    id: claim.id,
    kind: claim.kind,
    text: claim.text,
    status,
    stated,
    computed,
    range,
    detail,
    error: undefined,
    inputs,
    file: entry.file,
    line: entry.line,
  });
  const failed = (error: string): TieOutResult => ({ ...result('fail', '—', '—', ''), error });
  const need = (ref: string): Figure => {
    if (!inputs.includes(ref)) inputs.push(ref);
    const f = resolver.figure(ref);
    if (!f) throw new RefError(`claim "${claim.id}" needs "${ref}", which has no value`, entry);
    return f;
  };
  const show = (f: Figure) => formatValue(f.value, f.unit, f.decimals);
  // As the chapter words it: 約 and 超過 are part of what is stated.
  const statedNumber = (value: number, unit: Unit, decimals?: number, qualifier?: 'about' | 'over') => {
    const d = decimals ?? unitSpec(unit).decimals;
    const prefix = qualifier === 'over' ? '超過' : qualifier === 'about' ? '約' : '';
    return { interval: statedInterval(value, d, qualifier), text: `${prefix}${formatValue(value, unit, d)}`, d };
  };
  // A stated share that is a cell elsewhere (a ranking table's 3.1%): its own rounding range.
  const statedCell = (f: Figure) => ({ interval: f.interval, text: show(f), d: f.decimals });
  // One digit finer than the stated figure: enough to see the range, not a false precision.
  const within = (x: Interval, unit: Unit, decimals: number) => {
    range = { lo: formatValue(x.lo, unit, decimals + 1), hi: formatValue(x.hi, unit, decimals + 1) };
  };

  try {
    switch (claim.kind) {
      case 'cagr': {
        const start = need(`${claim.of}@${claim.from}`);
        const end = need(`${claim.of}@${claim.to}`);
        const years = periodYear(claim.to) - periodYear(claim.from);
        const computed = cagr(start.interval, end.interval, years);
        const s = statedNumber(claim.stated, claim.unit, claim.decimals, claim.qualifier);
        within(computed, '%', s.d);
        const detail = `${claim.of} ${formatPeriod(claim.from)} ${show(start)} → ${formatPeriod(claim.to)} ${show(end)}, ${years} years`;
        return result(
          overlaps(computed, s.interval) ? 'pass' : 'fail',
          s.text,
          formatValue(computed.point, '%', s.d),
          detail,
        );
      }
      case 'share':
      case 'ratio': {
        const part = need(claim.part);
        const whole = need(claim.whole);
        const mismatch = periodMismatch(claim.part, claim.whole, resolver.registry.document.value.yearEnd);
        if (mismatch) return failed(mismatch);
        const quotient = combine('/', part.interval, inUnitOf(whole, part));
        const computed = claim.kind === 'share' ? pct(quotient) : quotient;
        const unit = claim.kind === 'share' ? '%' : claim.unit;
        const s =
          typeof claim.stated === 'number'
            ? statedNumber(claim.stated, claim.unit, claim.decimals, claim.qualifier)
            : statedCell(need(claim.stated));
        within(computed, unit, s.d);
        const detail = `${claim.part} ${show(part)} ÷ ${claim.whole} ${show(whole)}`;
        return result(
          overlaps(computed, s.interval) ? 'pass' : 'fail',
          s.text,
          formatValue(computed.point, unit, s.d),
          detail,
        );
      }
      case 'growth': {
        const start = need(`${claim.of}@${claim.from}`);
        const end = need(`${claim.of}@${claim.to}`);
        // One step, not per year: (end ÷ start) − 1. A CAGR over one year is the same number.
        const computed = cagr(start.interval, end.interval, 1);
        const s = statedNumber(claim.stated, claim.unit, claim.decimals, claim.qualifier);
        within(computed, '%', s.d);
        const detail = `${claim.of} ${formatPeriod(claim.from)} ${show(start)} → ${formatPeriod(claim.to)} ${show(end)}`;
        return result(
          overlaps(computed, s.interval) ? 'pass' : 'fail',
          s.text,
          formatValue(computed.point, '%', s.d),
          detail,
        );
      }
      case 'sum': {
        const parts = claim.parts.map(need);
        const first = parts[0] as Figure;
        const sum = parts.slice(1).reduce((acc, f) => combine('+', acc, f.interval), first.interval);
        const unit = claim.unit ?? first.unit;
        const decimals = claim.decimals ?? first.decimals;
        const target = claim.total !== undefined ? need(claim.total) : undefined;
        const stated =
          target !== undefined
            ? { interval: target.interval, text: show(target) }
            : claim.stated !== undefined
              ? statedNumber(claim.stated, unit, decimals, claim.qualifier)
              : undefined;
        if (!stated) return failed('a sum claim needs "total" or "stated"');
        within(sum, unit, decimals);
        const detail = `${parts.map(show).join(' + ')}`;
        return result(
          overlaps(sum, stated.interval) ? 'pass' : 'fail',
          stated.text,
          formatValue(sum.point, unit, decimals),
          detail,
        );
      }
      case 'rank': {
        const item = need(claim.item);
        const among = claim.among.map(need);
        const rank = 1 + among.filter((f) => f.ref !== item.ref && f.value > item.value).length;
        const detail = `${claim.item} ${show(item)} among ${among.length}`;
        return result(rank === claim.stated ? 'pass' : 'fail', `第${claim.stated}位`, `第${rank}位`, detail);
      }
      case 'order': {
        const table = resolver.table(claim.dataset).value;
        const rows = Object.keys(table.rows).map((row) => ({
          row,
          rank: need(`${claim.dataset}.${row}@${claim.rank}`).value,
          by: need(`${claim.dataset}.${row}@${claim.by}`),
        }));
        rows.sort((a, b) => a.rank - b.rank);
        const broken = rows.findIndex((r, i) => i > 0 && r.by.value > (rows[i - 1] as (typeof rows)[number]).by.value);
        const byLabel = table.columns[claim.by]?.label ?? claim.by;
        const ranks = rows.map((r) => r.rank).join('、');
        if (broken === -1)
          return result('pass', `排名 ${ranks}`, `${byLabel}隨排名遞減，次序一致`, `${rows.length} rows`);
        const r = rows[broken] as (typeof rows)[number];
        return result('fail', `第${r.rank}名`, `${byLabel} ${show(r.by)} 高於排名在前者`, `row "${r.row}"`);
      }
      case 'compare': {
        const left = need(claim.left);
        const right = need(claim.right);
        const holds = claim.op === '>' ? left.value > right.value : left.value < right.value;
        const detail = `${claim.left} ${show(left)} ${claim.op} ${claim.right} ${show(right)}`;
        return result(
          holds ? 'pass' : 'fail',
          `${show(left)} ${claim.op} ${show(right)}`,
          holds ? '成立' : '不成立',
          detail,
        );
      }
      case 'stated': {
        const s = statedNumber(claim.stated, claim.unit, claim.decimals, claim.qualifier);
        const upTo = claim.upTo === undefined ? '' : `至${formatValue(claim.upTo, claim.unit, s.d)}`;
        return result('unchecked', `${s.text}${upTo}`, '—', claim.reason);
      }
    }
  } catch (e) {
    if (e instanceof RefError) return failed(e.message);
    if (e instanceof ArithmeticError) {
      const values = inputs.map((ref) => {
        const f = resolver.figure(ref);
        return `${ref} ${f ? show(f) : '—'}`;
      });
      return failed(
        `${e.message}, from ${values.join(', ')} — expected inputs whose rounding ranges keep every divisor away from zero and every base above it`,
      );
    }
    throw e;
  }
}
