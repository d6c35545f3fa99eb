/**
 * English headings are set in capitals (RISK FACTORS, PRE-IPO INVESTMENTS); a cross-reference
 * names them in title case (“Risk Factors”, “Pre-IPO Investments”), as English prospectuses do.
 * In capitals an abbreviation cannot be told from a word, so the abbreviations are listed: the
 * common ones of listing documents below, and those the document defines (data/terms.yaml).
 */
import { REDACTION_MARKER_EN } from '../schema/redaction.ts';
import type { Term } from '../schema/term.ts';

/** Articles, conjunctions and short prepositions: lower case after the first word. */
const SMALL = new Set('a an and as at but by for from in into nor of on onto or per the to upon via with'.split(' '));

/**
 * Abbreviations a Hong Kong listing document uses whether or not it defines them. Not US, IT or
 * PE: in capitals they are also the words us, it, pe(r); a document that means the abbreviation
 * defines it in data/terms.yaml.
 */
const COMMON = (
  'IPO PRC HK HK$ US$ USA UK EU RMB SFC SFO HKEX HKFRS HKFRSs IFRS HKSCC CCASS AFRC CSRC GDP CAGR ESG BVI ' +
  'WFOE VIE CEO CFO COO CTO R&D AI NTA EPS LLC PLC'
).split(' ');

/** Upper-case spelling → as written: `HKFRSS` → `HKFRSs`, `EIPO` → `eIPO`. */
export type Abbreviations = ReadonlyMap<string, string>;

const spelledAs = (words: Iterable<string>) => new Map([...words].map((w) => [w.toUpperCase(), w]));

export const COMMON_ABBREVIATIONS: Abbreviations = spelledAs(COMMON);

/** A word with two capitals or more is an abbreviation (CIC, DDoS, HKFRSs, eIPO), not a word. */
const ABBREVIATION = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9&$.]+$/;

/**
 * The abbreviations a document's defined terms are spelled with, as the terms write them
 * (`Pre-IPO Investors` gives IPO, `AR/VR` gives AR and VR), on top of the common ones.
 */
export function abbreviationsOf(terms: Iterable<Pick<Term, 'en' | 'aliases'>>): Abbreviations {
  const words: string[] = [...COMMON_ABBREVIATIONS.values()];
  for (const term of terms) {
    for (const name of [term.en, ...(term.aliases?.en ?? [])]) {
      for (const part of name.split(/[\s\-/]+/)) if (ABBREVIATION.test(part)) words.push(part);
    }
  }
  return spelledAs(words);
}

/** Roman numerals up to 39 (SERIES II, PART IV) stay in capitals. */
const ROMAN = /^X{0,3}(IX|IV|V?I{0,3})$/;

/** A part of a word, its punctuation apart: `(PRE` → `(`, `PRE`, ``; `COMPANY’S` → ``, `COMPANY`, `’S`. */
const PARTS = /^([^\p{L}\p{N}]*)(.*?)((?:['’]S)?[^\p{L}\p{N}$]*)$/u;

/**
 * Title case of a heading set in capitals; a heading already in mixed case is kept. Small words
 * after the first are lower case; an abbreviation (`abbreviations`, or a Roman numeral) is
 * written as it is spelled, also inside a hyphenated word (PRE-IPO → Pre-IPO); the marker of
 * withheld wording stays [REDACTED].
 */
export function titleCase(text: string, abbreviations: Abbreviations = COMMON_ABBREVIATIONS): string {
  if (text !== text.toUpperCase()) return text;
  return text
    .split(/(\s+)/)
    .map((word, i) => {
      if (word === REDACTION_MARKER_EN || /^\s*$/.test(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL.has(lower)) return lower;
      return word
        .split(/([-/])/)
        .map((part, j) => {
          if (j % 2 === 1) return part;
          const [, before = '', core = '', after = ''] = PARTS.exec(part) ?? [];
          const spelled = abbreviations.get(core) ?? (core && ROMAN.test(core) ? core : undefined);
          if (spelled !== undefined) return before + spelled + after.toLowerCase();
          // Only the word's first letter is a capital: SELF-DEVELOPED → Self-developed.
          const cased = part.toLowerCase();
          return j === 0 ? cased.replace(/^([^a-z]*)([a-z])/, (_, pre, c) => pre + c.toUpperCase()) : cased;
        })
        .join('');
    })
    .join('');
}
