import { periodOf } from '../data/period.ts';
import type { Resolver } from '../data/resolve.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { Placement } from '../markdown/passages.ts';
import { agrees, formatSpan, matcherLang, quote, yearFor } from './figure-context.ts';

/** The attribute that marks a deliberate exception on one <Val>; its value is the reason. */
export const EXCEPTION_ATTRIBUTE = 'period-context';

/** What the figure-context check found for one bound figure that has a period. */
export interface PeriodReading {
  /** The edition's language tag (zh-Hant-HK): coverage is counted per edition. */
  edition: string;
  /** The figure's period as the data gives it: `2018`, `2027E`, `2022–2027E`. */
  period: string;
  /** The year its clause gives it, when the clause gives one. */
  read: string | undefined;
  /** The clause as a reviewer would quote it, figures shown as …. */
  quote: string | undefined;
  status: 'agrees' | 'contradicts' | 'untied' | 'exception';
  /** The author's reason, for an exception. */
  reason: string | undefined;
}

/**
 * Reads the year a <Val>'s clause gives it and compares it with the figure's period. Undefined
 * for a figure with no period (a fee, a market share in a table without a year).
 */
export function readPeriod(
  resolver: Resolver,
  props: Record<string, unknown>,
  placement: Placement | undefined,
  edition: string,
): PeriodReading | undefined {
  const span = periodOf(resolver, String(props['of']));
  if (!span) return undefined;
  const lang = matcherLang(edition);
  const mention = placement ? yearFor(placement.text, placement.index, lang) : undefined;
  const reason = typeof props[EXCEPTION_ATTRIBUTE] === 'string' ? props[EXCEPTION_ATTRIBUTE] : undefined;
  const status =
    reason !== undefined ? 'exception' : !mention ? 'untied' : agrees(mention, span) ? 'agrees' : 'contradicts';
  return {
    edition,
    period: formatSpan(span),
    read: mention ? formatSpan(mention) : undefined,
    quote: mention && placement ? quote(placement.text, placement.index, mention, lang) : undefined,
    status,
    reason,
  };
}

/** The record for a figure whose clause contradicts its period; nothing otherwise. */
export function periodDiagnostic(
  reading: PeriodReading | undefined,
  of: string,
  at: { file: string; line: number | undefined; column: number | undefined },
): Diagnostic | undefined {
  if (reading?.status !== 'contradicts') return undefined;
  return {
    ...at,
    severity: 'error',
    message: `<Val of="${of}"> reads as ${reading.read} here (「${reading.quote}」) but its period is ${reading.period} — expected a figure for ${reading.read}, or ${EXCEPTION_ATTRIBUTE}="…" on this <Val> giving the reason the sentence is right`,
    rule: 'figure-context',
  };
}

/** One edition's coverage: how many period-bound figures the check could tie to a year. */
export interface PeriodCoverage {
  edition: string;
  /** Bound figures in running text that have a period. */
  bound: number;
  /** Of those, how many have a year in their clause (exceptions included). */
  tied: number;
  contradictions: number;
  exceptions: PeriodException[];
}

export interface PeriodException {
  file: string;
  line: number | undefined;
  of: string;
  period: string;
  read: string | undefined;
  reason: string;
}

interface WithReading {
  file: string;
  line: number | undefined;
  props: Record<string, unknown>;
  period?: PeriodReading | undefined;
}

/** Coverage per edition, from the check's own readings: nothing here is typed by hand. */
export function periodCoverage(occurrences: readonly WithReading[]): PeriodCoverage[] {
  const byEdition = new Map<string, PeriodCoverage>();
  for (const o of occurrences) {
    const r = o.period;
    if (!r) continue;
    let c = byEdition.get(r.edition);
    if (!c) {
      c = { edition: r.edition, bound: 0, tied: 0, contradictions: 0, exceptions: [] };
      byEdition.set(r.edition, c);
    }
    c.bound += 1;
    if (r.read !== undefined) c.tied += 1;
    if (r.status === 'contradicts') c.contradictions += 1;
    if (r.status === 'exception') {
      c.exceptions.push({
        file: o.file,
        line: o.line,
        of: String(o.props['of']),
        period: r.period,
        read: r.read,
        reason: r.reason ?? '',
      });
    }
  }
  return [...byEdition.values()];
}

/** The build log's line for one edition. */
export function coverageLine(c: PeriodCoverage): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `figure-context (${c.edition}): ${c.tied} of ${plural(c.bound, 'period-bound figure')} tied to a year in their clause; ${plural(c.contradictions, 'contradiction')}; ${plural(c.exceptions.length, 'exception')} (${EXCEPTION_ATTRIBUTE})`;
}

/** The same for /verification/, in the document's language. */
export function coverageText(c: PeriodCoverage): string {
  return `${c.edition} 版本：在 ${c.bound} 項附有期間的數字中，${c.tied} 項可在所在分句中找到對應年份；${c.contradictions} 項與該年份矛盾；${c.exceptions.length} 項標記為例外。`;
}

/** `2022–2027E` as the Chinese edition writes it: 2022年至2027年(預計). */
export function spanText(span: string): string {
  return span
    .split('–')
    .map((p) => formatPeriod(p))
    .join('至');
}
