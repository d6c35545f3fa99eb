import type { Locale } from '../i18n/locale.ts';
import type { Term } from '../schema/term.ts';

/** A registry term found in a text: where, and which. */
export interface TermMatch {
  index: number;
  length: number;
  id: string;
  /** The form as found (a term's own form or one of its aliases). */
  form: string;
}

/** Every form the prose of an edition may use for a term, its own form first. */
export function termForms(term: Term, locale: Locale): string[] {
  return [term[locale], ...(term.aliases?.[locale] ?? [])];
}

/** Letters only: a figure may follow a form solid (RMB1,376.9 billion, US$140,000). */
const LATIN = /[A-Za-z]/;

/**
 * What counts as a use of a term: its forms and the full name it stands for, so that "China" in
 * "China Insights Consultancy" is read as part of the name of CIC, not as a use of "China".
 */
function usedForms(term: Term, locale: Locale): string[] {
  const full = term.full?.[locale];
  return full === undefined ? termForms(term, locale) : [...termForms(term, locale), full];
}

/**
 * Registry terms in a text, left to right, never overlapping; at one place the longest form wins
 * (「灼識諮詢報告」 rather than 「灼識諮詢」 in it). A Latin form is found only as a whole word
 * ("AI" is not found in "AIGC"), in both editions; Chinese forms have no word boundaries.
 */
export function findTerms(text: string, terms: readonly Term[], locale: Locale): TermMatch[] {
  const forms = terms
    .flatMap((term) => usedForms(term, locale).map((form) => ({ form, id: term.id })))
    .sort((a, b) => b.form.length - a.form.length);
  const found: TermMatch[] = [];
  const taken = new Uint8Array(text.length);
  for (const { form, id } of forms) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      const length = form.length + (plural(text, at, form) ? 1 : 0);
      if (!wholeWord(text, at, text.slice(at, at + length))) continue;
      if (taken.subarray(at, at + length).some((t) => t === 1)) continue;
      taken.fill(1, at, at + length);
      found.push({ index: at, length, id, form });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** An abbreviation's plural is the same term: "CAGRs", "PoPs". */
function plural(text: string, at: number, form: string): boolean {
  return /[A-Z]$/.test(form) && text[at + form.length] === 's';
}

function wholeWord(text: string, at: number, form: string): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + form.length] ?? '';
  if (LATIN.test(form[0] ?? '') && LATIN.test(before)) return false;
  if (LATIN.test(form.at(-1) ?? '') && LATIN.test(after)) return false;
  return true;
}
