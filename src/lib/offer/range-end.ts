import { clauseAround, matcherLang } from '../check/figure-context.ts';
import type { Resolver } from '../data/resolve.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Placement } from '../markdown/passages.ts';
import type { RangeEnd } from '../schema/dataset.ts';

/** The attribute that marks a deliberate exception on one <Val>; its value is the reason. */
export const RANGE_EXCEPTION_ATTRIBUTE = 'range-context';

/**
 * The words that say which end of the offer price range a sentence is at. A figure computed at
 * one end (market capitalisation at the high end) bound where its sentence says the other is
 * a binding error every tie-out passes: the figure-context check reads these words as it reads
 * years. `maximum` / `minimum` are left out on purpose: "the maximum number of shares under the
 * over-allotment option" says nothing about the price.
 */
export const END_MARKERS: Record<'zh' | 'en', Record<RangeEnd, RegExp>> = {
  zh: { high: /最高|上限/gu, low: /最低|下限/gu, mid: /中位數|中位/gu },
  en: {
    high: /\b(?:high|higher|upper) end\b|\bhighest\b/giu,
    low: /\b(?:low|lower) end\b|\blowest\b/giu,
    mid: /\bmid-?\s?point\b/giu,
  },
};

const RESPECTIVELY = { zh: /分別/u, en: /\brespectively\b/iu };
const SENTENCE_END = { zh: /[。！？!?\n]/gu, en: /[!?\n]|\.(?=\s|$)/gu };

interface Marker {
  end: RangeEnd;
  start: number;
}

function markersIn(text: string, lang: 'zh' | 'en', from: number, to: number): Marker[] {
  const found: Marker[] = [];
  for (const [end, re] of Object.entries(END_MARKERS[lang]) as [RangeEnd, RegExp][]) {
    for (const m of text.slice(from, to).matchAll(re)) found.push({ end, start: from + m.index });
  }
  return found;
}

function sentenceStart(text: string, index: number, lang: 'zh' | 'en'): number {
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END[lang])) {
    if (m.index < index) start = m.index + m[0].length;
    else break;
  }
  return start;
}

/**
 * The end of the range a figure's sentence puts it at: the nearest marker in its own clause,
 * else the nearest before it in its sentence ("按價格範圍上限計算，市值將為…"). Undefined when
 * nothing says, or the sentence pairs several figures with several ends (分別, respectively).
 */
export function endFor(text: string, index: number, lang: 'zh' | 'en'): Marker | undefined {
  const clause = clauseAround(text, index, lang);
  const own = markersIn(text, lang, clause.start, clause.end);
  const start = sentenceStart(text, index, lang);
  const sentence = text.slice(start, clause.end);
  if (
    RESPECTIVELY[lang].test(sentence) ||
    RESPECTIVELY[lang].test(text.slice(clause.end).split(SENTENCE_END[lang])[0] ?? '')
  )
    return undefined;
  const nearest = (ms: Marker[]) =>
    ms.sort((a, b) => Math.abs(a.start - index) - Math.abs(b.start - index) || a.start - b.start)[0];
  if (own.length > 0) return nearest(own);
  const before = markersIn(text, lang, start, clause.start).filter((m) => m.start < index);
  return before.sort((a, b) => b.start - a.start)[0];
}

const END_NAME: Record<RangeEnd, string> = { low: 'low end', mid: 'mid-point', high: 'high end' };

/** The record for a figure bound at one end of the range where its sentence says another. */
export function rangeEndDiagnostic(
  resolver: Resolver,
  props: Record<string, unknown>,
  placement: Placement | undefined,
  edition: string,
  at: { file: string; line: number | undefined; column: number | undefined },
): Diagnostic | undefined {
  if (!placement || typeof props[RANGE_EXCEPTION_ATTRIBUTE] === 'string') return undefined;
  const of = String(props['of']);
  const figure = resolver.figure(of);
  if (!figure?.end) return undefined;
  const lang = matcherLang(edition);
  const said = endFor(placement.text, placement.index, lang);
  if (!said || said.end === figure.end) return undefined;
  const word = placement.text.slice(said.start).match(END_MARKERS[lang][said.end])?.[0] ?? said.end;
  return {
    ...at,
    severity: 'error',
    message: `<Val of="${of}"> is computed at the ${END_NAME[figure.end]} of the price range, but its sentence says 「${word}」 (the ${END_NAME[said.end]}) — expected the figure for the ${END_NAME[said.end]}, or ${RANGE_EXCEPTION_ATTRIBUTE}="…" on this <Val> giving the reason the sentence is right`,
    rule: 'figure-context',
  };
}
