import type { Located } from './data/load.ts';
import { type Figure, RefError, type Resolver, statedInterval } from './data/resolve.ts';
import type { Diagnostic } from './diagnostics.ts';
import { combine, type Interval } from './expr.ts';
import { formatPeriod, formatValue, periodYear } from './format.ts';
import type { Claim } from './schema/claim.ts';
import { type Unit, unitSpec } from './units.ts';

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
  detail: string;
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
      message: `claim "${r.id}" (${r.text}): stated ${r.stated} ≠ computed ${r.computed} (${r.detail}) — expected the stated figure to follow from its inputs within rounding`,
      rule: 'tie-out',
    }));
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi + 1e-9 && b.lo <= a.hi + 1e-9;
}

function pct(x: Interval): Interval {
  return { point: x.point * 100, lo: x.lo * 100, hi: x.hi * 100 };
}

export function cagr(start: Interval, end: Interval, years: number): Interval {
  const ratio = combine('/', end, start);
  const root = combine('^', ratio, { point: 1 / years, lo: 1 / years, hi: 1 / years });
  return pct({ point: root.point - 1, lo: root.lo - 1, hi: root.hi - 1 });
}

function checkClaim(resolver: Resolver, entry: Located<Claim>): TieOutResult {
  const claim = entry.value;
  const result = (status: TieOutStatus, stated: string, computed: string, detail: string): TieOutResult => ({
    id: claim.id,
    kind: claim.kind,
    text: claim.text,
    status,
    stated,
    computed,
    detail,
    file: entry.file,
    line: entry.line,
  });
  const need = (ref: string): Figure => {
    const f = resolver.figure(ref);
    if (!f) throw new RefError(`claim "${claim.id}" needs "${ref}", which has no value`, entry);
    return f;
  };
  const show = (f: Figure) => formatValue(f.value, f.unit, f.decimals);
  const statedNumber = (value: number, unit: Unit, decimals?: number, qualifier?: 'about' | 'over') => {
    const d = decimals ?? unitSpec(unit).decimals;
    return { interval: statedInterval(value, d, qualifier), text: formatValue(value, unit, d), d };
  };

  try {
    switch (claim.kind) {
      case 'cagr': {
        const start = need(`${claim.of}@${claim.from}`);
        const end = need(`${claim.of}@${claim.to}`);
        const years = periodYear(claim.to) - periodYear(claim.from);
        const computed = cagr(start.interval, end.interval, years);
        const s = statedNumber(claim.stated, claim.unit, claim.decimals, claim.qualifier);
        const detail = `${claim.of} ${formatPeriod(claim.from)} ${show(start)} → ${formatPeriod(claim.to)} ${show(end)}, ${years} years`;
        return result(
          overlaps(computed, s.interval) ? 'pass' : 'fail',
          s.text,
          formatValue(computed.point, '%', s.d),
          detail,
        );
      }
      case 'share': {
        const part = need(claim.part);
        const whole = need(claim.whole);
        const computed = pct(combine('/', part.interval, whole.interval));
        const s = statedNumber(claim.stated, claim.unit, claim.decimals, claim.qualifier);
        const detail = `${claim.part} ${show(part)} ÷ ${claim.whole} ${show(whole)}`;
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
        if (!stated)
          return result('fail', '—', formatValue(sum.point, unit, decimals), 'a sum claim needs "total" or "stated"');
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
        const computedOrder = rows.map((r) => r.rank).join(', ');
        if (broken === -1)
          return result('pass', `ranks ${computedOrder}`, `${claim.by} non-increasing`, `${rows.length} rows`);
        const r = rows[broken] as (typeof rows)[number];
        return result('fail', `rank ${r.rank}`, `${show(r.by)} exceeds the row ranked above`, `row "${r.row}"`);
      }
      case 'compare': {
        const left = need(claim.left);
        const right = need(claim.right);
        const holds = claim.op === '>' ? left.value > right.value : left.value < right.value;
        const detail = `${claim.left} ${show(left)} ${claim.op} ${claim.right} ${show(right)}`;
        return result(
          holds ? 'pass' : 'fail',
          `${show(left)} ${claim.op} ${show(right)}`,
          holds ? 'holds' : 'does not hold',
          detail,
        );
      }
      case 'stated': {
        const s = statedNumber(claim.stated, claim.unit, claim.decimals, claim.qualifier);
        return result('unchecked', s.text, '—', claim.reason);
      }
    }
  } catch (e) {
    if (e instanceof RefError) return result('fail', '—', '—', e.message);
    throw e;
  }
}
