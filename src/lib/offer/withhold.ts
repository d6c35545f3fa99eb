import type { Figure } from '../data/figure.ts';
import type { Resolver } from '../data/resolve.ts';
import { stageWithholds } from '../document/stage.ts';
import { formatNumber } from '../i18n/decimal.ts';
import { englishParts, formatValueEn } from '../i18n/english.ts';
import { formatValue } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import { CURRENCIES, unitSpec } from '../i18n/units.ts';
import type { Stage } from '../schema/document.ts';
import { REDACTION_MARKER, REDACTION_MARKER_EN } from '../schema/redaction.ts';

/**
 * Withheld figures: which stages withhold them, what prints in their place, and every spelling
 * of their values the editions could use, for the leak scan and for the check that no chapter
 * types one by hand. Which figures are withheld is not listed here: the resolver marks each
 * figure (Figure.withheld) from the inputs data/offer.yaml withholds, through every formula.
 */

/** What prints in a withheld figure's place: the marker alone, with nothing about the figure. */
export function withheldMarker(locale: Locale): string {
  return locale === 'en' ? REDACTION_MARKER_EN : REDACTION_MARKER;
}

/** Whether this figure is withheld from the copy being built. */
export function hides(figure: Figure, stage: Stage): boolean {
  return figure.withheld && stageWithholds(stage);
}

const digitCount = (s: string) => s.replace(/\D/g, '').length;

/** Bare numbers shorter than this (`9.50`, `15.0`) match too much unrelated text to scan for alone. */
const BARE_MIN_DIGITS = 4;

/**
 * Every way the editions write one value: as each edition's unit spells it (10,200.0百萬港元,
 * HK$10,200.0 million), the bare number a table cell prints (10,200.0), and for an amount of
 * money the other magnitudes prose might use (10,200,000,000, 102億港元, HK$10.2 billion). All come
 * from the formatters the pages use, so the list cannot drift from what is printed.
 */
export function spellingsOf(value: number, unit: string, decimals: number): string[] {
  const spec = unitSpec(unit);
  const out = new Set<string>([formatValue(value, unit, decimals), formatNumber(value, decimals)]);
  try {
    out.add(formatValueEn(value, unit, decimals));
    out.add(englishParts(value, unit, decimals).number);
  } catch {
    // A unit English cannot spell has no English spelling to leak.
  }
  if (spec.kind === 'currency' && spec.currency) {
    const { en, zhPrefix, zhSuffix } = CURRENCIES[spec.currency];
    const units = value * 10 ** spec.exponent;
    const whole = Math.abs(units - Math.round(units)) < 1e-6;
    // In units of the currency: 10,200,000,000 / HK$10.20 / 10.20港元 / 港幣10.20元.
    const inUnits = whole && spec.exponent > 0 ? [formatNumber(units, 0)] : [];
    if (spec.exponent === 0) inUnits.push(formatNumber(units, decimals));
    for (const n of inUnits) {
      out.add(n);
      out.add(`${en}${n}`);
      out.add(`${zhPrefix}${n}${zhSuffix}`);
      if (spec.currency === 'HKD') out.add(`港幣${n}元`);
    }
    // In 億 (Chinese) and in million / billion (English): exact, or rounded to no fewer than
    // three significant digits (13.3億港元 for 1,326.3百萬港元; not 1.3, which is any of many values).
    for (const [scale, zh, word] of [
      [8, '億', undefined],
      [6, '百萬', 'million'],
      [9, undefined, 'billion'],
    ] as const) {
      if (units < 10 ** scale) continue;
      const inScale = units / 10 ** scale;
      for (const places of [0, 1, 2]) {
        const n = formatNumber(inScale, places);
        const exact = Math.abs(Number(n.replace(/,/g, '')) - inScale) < 1e-9;
        if (!exact && digitCount(n) < 3) continue;
        if (zh) out.add(`${zhPrefix}${n}${zh}${zhSuffix}`);
        if (word) out.add(`${en}${n} ${word}`);
      }
    }
  }
  return [...out].filter((s) => /\D/.test(s.replace(/[\d,.]/g, '')) || digitCount(s) >= BARE_MIN_DIGITS);
}

const cache = new WeakMap<Resolver, string[]>();

/**
 * The spellings of every withheld figure the data holds, leaving out any that is also the
 * spelling of a figure that is not withheld: that text is printed legitimately (15% of something
 * public), and a reader learns nothing withheld from it.
 */
export function withheldSpellings(resolver: Resolver): string[] {
  const cached = cache.get(resolver);
  if (cached) return cached;
  const hidden = new Set<string>();
  const shown = new Set<string>();
  for (const figure of allFigures(resolver)) {
    const into = figure.withheld ? hidden : shown;
    for (const s of spellingsOf(figure.value, figure.unit, figure.decimals)) into.add(s);
  }
  const spellings = [...hidden].filter((s) => !shown.has(s)).sort((a, b) => b.length - a.length);
  cache.set(resolver, spellings);
  return spellings;
}

/** Every figure of every dataset and claim; values a source does not give are skipped. */
function* allFigures(resolver: Resolver): Generator<Figure> {
  const refs: string[] = [];
  for (const { value: d } of resolver.registry.datasets.values()) {
    if (d.kind === 'facts') for (const id of Object.keys(d.facts)) refs.push(`${d.id}.${id}`);
    if (d.kind === 'timeseries')
      for (const s of Object.keys(d.series)) for (const p of d.periods) refs.push(`${d.id}.${s}@${p}`);
    if (d.kind === 'table')
      for (const [row, cells] of Object.entries(d.rows))
        for (const [column, cell] of Object.entries(cells))
          if (typeof cell === 'number' || (typeof cell === 'object' && cell !== null))
            refs.push(`${d.id}.${row}@${column}`);
  }
  for (const [id, { value: c }] of resolver.registry.claims)
    if ('stated' in c && c.stated !== undefined) refs.push(`claim.${id}`);
  for (const ref of refs) {
    let figure: Figure | undefined;
    try {
      figure = resolver.figure(ref);
    } catch {
      continue;
    }
    if (figure && Number.isFinite(figure.value)) yield figure;
  }
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Where `term` occurs in `text` as a whole number: a term that starts with a digit does not
 * match in the middle of a longer number (5.0 in 15.0), one that ends with a digit does not match
 * a number that goes on (10.20 in 10.205, 1,000 in 1,000,000). Other terms match anywhere.
 */
export function indexOfTerm(text: string, term: string, from = 0): number {
  let at = text.indexOf(term, from);
  while (at !== -1) {
    const before = text[at - 1];
    const after = text[at + term.length];
    const next = text[at + term.length + 1];
    const startOk = !isDigit(term[0]) || !(isDigit(before) || before === ',' || before === '.');
    const endOk = !isDigit(term.at(-1)) || !(isDigit(after) || ((after === ',' || after === '.') && isDigit(next)));
    if (startOk && endOk) return at;
    at = text.indexOf(term, at + 1);
  }
  return -1;
}

/** The withheld spellings typed into a text, each once, longest first where two overlap. */
export function typedWithheld(text: string, spellings: readonly string[]): { index: number; spelling: string }[] {
  const found: { index: number; spelling: string }[] = [];
  const taken: [number, number][] = [];
  // Spellings come longest first: HK$10,200.0 million is found before the 10,200.0 inside it.
  for (const spelling of spellings) {
    for (let at = indexOfTerm(text, spelling); at !== -1; at = indexOfTerm(text, spelling, at + 1)) {
      const end = at + spelling.length;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      taken.push([at, end]);
      found.push({ index: at, spelling });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
