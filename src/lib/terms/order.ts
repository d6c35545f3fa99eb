import type { Term, TermList } from '../schema/term.ts';

/**
 * The English sort key of a term: "the" and case do not count ("the Stock Exchange" files
 * under S, "edge cloud" between "DDoS" and "IoT").
 */
export function englishKey(term: Term): string {
  return term.en.replace(/^the\s+/i, '').toLocaleLowerCase('en');
}

/**
 * The entries of one generated section in print order. Both editions use the English
 * alphabetical order, as Hong Kong prospectuses do: the Chinese edition follows the English
 * edition's order rather than sorting its own terms by stroke count or pinyin.
 */
export function termsInOrder(terms: Iterable<Term>, list: TermList): Term[] {
  return [...terms]
    .filter((t) => t.list === list)
    .sort((a, b) => englishKey(a).localeCompare(englishKey(b), 'en') || a.id.localeCompare(b.id));
}
