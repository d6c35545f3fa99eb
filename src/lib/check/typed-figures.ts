import type { Diagnostic } from '../diagnostics.ts';
import type { Locale } from '../i18n/locale.ts';
import { typedWithheld } from '../offer/withhold.ts';
import { REDACTION_MARKER, REDACTION_MARKER_EN } from '../schema/redaction.ts';

/*
 * What an author typed into a chapter's text that must be bound instead: a figure with its unit,
 * the value of a withheld figure, the redaction marker. Typed, none is sourced or checked, and a
 * copy that withholds could not withhold it.
 */

/**
 * An amount, a percentage or a count with its unit, typed as text rather than bound with <Val>.
 * Years (2022年), list numbers, 5G and names such as 「十四五」 carry no unit and pass.
 */
const UNBOUND_FIGURE =
  /(?:人民幣|美元|港元|RMB|US\$|HK\$)\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:億元|萬元|千元|元|億|萬))?|\d[\d,]*(?:\.\d+)?\s*(?:%|％|億元|萬元|千元|元|美元|港元|ZB|TB|PB|億台|萬台|台|倍)/gu;

/**
 * The same in English prose: "RMB1,376.9 billion", "US$140,000", "19.5%", "12 percent",
 * "14.0 billion units", "3.5 million devices", "23 ZB". Years, "5G", "the 14th Five-Year Plan"
 * and numbers in words pass.
 */
const UNBOUND_FIGURE_EN =
  /(?:RMB|US\$|HK\$)\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:billion|million|thousand|bn|m)\b)?|\b\d[\d,]*(?:\.\d+)?\s*(?:%|percent\b|per cent\b|ZB\b|TB\b|PB\b|(?:billion|million|thousand)\b(?:\s+[a-z]+)?|times\b)/giu;

/**
 * Typed figures in a text, in order, each once: English prose is read with both patterns (an
 * English chapter may quote a Chinese amount), and a match inside an earlier one is the same figure.
 */
export function typedFigures(text: string, locale: Locale): RegExpMatchArray[] {
  const all = [...text.matchAll(UNBOUND_FIGURE), ...(locale === 'en' ? text.matchAll(UNBOUND_FIGURE_EN) : [])].sort(
    (a, b) => (a.index ?? 0) - (b.index ?? 0),
  );
  const kept: RegExpMatchArray[] = [];
  for (const m of all) {
    const last = kept.at(-1);
    if (last && (m.index ?? 0) < (last.index ?? 0) + last[0].length) {
      if (m[0].length > last[0].length && m.index === last.index) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  return kept;
}

/**
 * A text node's typed figures, withheld values and redaction marker, at the author's line and
 * column (`start`: the node's; `offset`: the frontmatter's lines). `withheld`: every spelling of
 * every withheld figure (withheldSpellings).
 */
export function typedTextDiagnostics(
  text: string,
  start: { line: number; column: number } | undefined,
  where: { file: string; offset: number; locale: Locale; withheld: readonly string[] },
): Diagnostic[] {
  const { file, offset, locale, withheld } = where;
  const marker = locale === 'zh' ? REDACTION_MARKER : REDACTION_MARKER_EN;
  if (text.includes(marker)) {
    return [
      {
        file,
        line: start ? start.line + offset : undefined,
        severity: 'error',
        message: `${marker} typed by hand — expected <Redact term="…" /> with the wording in data/redactions.yaml, so vetting and final copies can show it`,
        rule: 'redaction',
      },
    ];
  }
  const diagnostics: Diagnostic[] = [];
  // Every typed figure is its own record: fixing the first must not reveal the next one only then.
  for (const unbound of typedFigures(text, locale)) {
    const before = text.slice(0, unbound.index).split('\n');
    const lastLine = before.at(-1) ?? '';
    diagnostics.push({
      file,
      line: start ? start.line + offset + before.length - 1 : undefined,
      column: start ? (before.length === 1 ? start.column : 1) + lastLine.length : undefined,
      severity: 'error',
      message: `the figure "${unbound[0].trim()}" is typed into the text — expected <Val of="…" /> bound to a dataset, fact or claim, so it is sourced, checked and listed in the verification schedule`,
      rule: 'unbound-figure',
    });
  }
  // A withheld figure typed by hand would print in every copy: refused in every stage.
  for (const typed of typedWithheld(text, withheld)) {
    const before = text.slice(0, typed.index).split('\n');
    diagnostics.push({
      file,
      line: start ? start.line + offset + before.length - 1 : undefined,
      column: start ? (before.length === 1 ? start.column : 1) + (before.at(-1) ?? '').length : undefined,
      severity: 'error',
      message: `"${typed.spelling}" is the value of a withheld figure typed into the text — expected <Val of="…" /> bound to data/offer.yaml, so publication copies withhold it and a change to the offer changes it`,
      rule: 'withheld-typed',
    });
  }
  return diagnostics;
}
