import type { Located } from '../data/registry.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Term } from '../schema/term.ts';
import { findTerms, termForms } from './match.ts';

/** A piece of a chapter's text as the term checks read it. */
export interface ProseText {
  locale: Locale;
  file: string;
  /** Line of the text's first character. */
  line: number | undefined;
  text: string;
  /**
   * Where it comes from: prose is checked for inline definitions and undefined abbreviations; a
   * heading (set in capitals in English) and a bound figure's rendered text (人民幣…, US$…)
   * only count as uses.
   */
  kind: 'prose' | 'heading' | 'figure';
}

const TERMS_FILE = 'data/terms.yaml';

/** （「灼識諮詢」） and (“CIC”), (the “CIC Report”): a term defined where it is first used. */
const INLINE_DEFINITION: Record<Locale, RegExp> = {
  zh: /[（(]「([^」]+)」[）)]/gu,
  en: /\((?:the\s+)?“([^”]+)”\)/gu,
};

/**
 * An abbreviation (two or more capitals: CIC, IoT, DDoS, AR/VR) and the capitalised words that
 * follow it ("CIC Report"): in a prospectus such a form is a defined term, and must be defined.
 */
const ABBREVIATION =
  /(?<![A-Za-z0-9])[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*(?:\/[A-Z][A-Za-z]*)*(?:\s+[A-Z][a-z]+)*(?![A-Za-z0-9])/gu;

const ROMAN_NUMERAL = /^[IVXLC]+$/u;

/**
 * The defined-term checks over both editions: a registry term an edition never uses (a warning:
 * the entry is harmless but prints an unused definition), an inline definition whose wording
 * differs from the registry's, and a term used as defined but missing from the registry.
 */
export function checkTerms(terms: ReadonlyMap<string, Located<Term>>, texts: readonly ProseText[]): Diagnostic[] {
  const list = [...terms.values()].map((t) => t.value);
  const diagnostics: Diagnostic[] = [];
  for (const locale of ['zh', 'en'] as const) {
    const edition = texts.filter((t) => t.locale === locale);
    if (edition.length === 0) continue;
    const used = new Set<string>();
    /**
     * Undefined forms: one record per form at its first use, not one per use; none for a form
     * whose inline definition was reported already (`first` undefined).
     */
    const undefinedForms = new Map<string, { first: Diagnostic | undefined; uses: number }>();
    for (const piece of edition) {
      for (const m of findTerms(piece.text, list, locale)) used.add(m.id);
      if (piece.kind !== 'prose') continue;
      const inline = inlineDefinitions(piece, terms, list);
      diagnostics.push(...inline.diagnostics);
      for (const form of inline.undefinedForms) undefinedForms.set(form, { first: undefined, uses: 0 });
      for (const use of undefinedAbbreviations(piece, list)) {
        const seen = undefinedForms.get(use.form);
        if (seen) seen.uses++;
        else undefinedForms.set(use.form, { first: use.diagnostic, uses: 1 });
      }
    }
    for (const { first, uses } of undefinedForms.values()) {
      if (!first) continue;
      diagnostics.push(uses > 1 ? { ...first, message: `${first.message} (first of ${uses} uses)` } : first);
    }
    for (const entry of terms.values()) {
      if (used.has(entry.value.id)) continue;
      diagnostics.push({
        file: entry.file,
        line: entry.lineOf([locale]),
        severity: 'warning',
        message: `term "${entry.value.id}" (${quote(entry.value[locale], locale)}) is used nowhere in the ${locale === 'zh' ? 'Chinese' : 'English'} edition — expected a chapter to use ${termForms(
          entry.value,
          locale,
        )
          .map((f) => quote(f, locale))
          .join(' or ')}, or the entry removed`,
        rule: 'term-unused',
      });
    }
  }
  return diagnostics;
}

function inlineDefinitions(
  piece: ProseText,
  terms: ReadonlyMap<string, Located<Term>>,
  list: Term[],
): { diagnostics: Diagnostic[]; undefinedForms: string[] } {
  const { locale } = piece;
  const diagnostics: Diagnostic[] = [];
  const undefinedForms: string[] = [];
  for (const m of piece.text.matchAll(INLINE_DEFINITION[locale])) {
    const defined = (m[1] ?? '').trim();
    const before = piece.text.slice(0, m.index).trimEnd();
    const at = { file: piece.file, line: lineAt(piece, m.index) };
    const term = list.find((t) => termForms(t, locale).includes(defined));
    // The wording before the parenthesis names what the term stands for: another term's full name
    // there means the chapter gives that thing a second name.
    const owner = list.find((t) => {
      const full = t.full?.[locale];
      return full !== undefined && before.endsWith(full) && t !== term;
    });
    if (owner) {
      const entry = terms.get(owner.id);
      diagnostics.push({
        ...at,
        severity: 'error',
        message: `${quote(owner.full?.[locale] ?? '', locale)} is defined here as ${quote(defined, locale)}, but ${TERMS_FILE}:${entry?.lineOf([locale]) ?? '?'} defines it as ${quote(owner[locale], locale)} — expected the registry's term`,
        rule: 'term-conflict',
      });
      continue;
    }
    if (!term) {
      undefinedForms.push(defined);
      diagnostics.push({
        ...at,
        severity: 'error',
        message: `${quote(defined, locale)} is defined inline but is not in ${TERMS_FILE} — expected an entry with ${locale}: ${defined}, so 釋義 / DEFINITIONS lists it in both editions`,
        rule: 'term-undefined',
      });
      continue;
    }
    const full = term.full?.[locale];
    if (full !== undefined && !before.endsWith(full)) {
      const entry = terms.get(term.id);
      diagnostics.push({
        ...at,
        severity: 'error',
        message: `${quote(defined, locale)} is defined inline as standing for ${quote(lastWords(before, locale), locale)}, but ${TERMS_FILE}:${entry?.lineOf(['full', locale]) ?? '?'} gives its full name as ${quote(full, locale)} — expected the same wording`,
        rule: 'term-conflict',
      });
    }
  }
  return { diagnostics, undefinedForms };
}

function undefinedAbbreviations(piece: ProseText, list: Term[]): { form: string; diagnostic: Diagnostic }[] {
  const found: { form: string; diagnostic: Diagnostic }[] = [];
  const covered = new Uint8Array(piece.text.length);
  for (const m of findTerms(piece.text, list, piece.locale)) covered.fill(1, m.index, m.index + m.length);
  for (const m of piece.text.matchAll(ABBREVIATION)) {
    if (covered.subarray(m.index, m.index + m[0].length).every((c) => c === 1)) continue;
    // A Roman numeral (Part XV of the SFO, Appendix II) numbers a part; it defines nothing.
    if (ROMAN_NUMERAL.test(m[0])) continue;
    found.push({
      form: m[0],
      diagnostic: {
        file: piece.file,
        line: lineAt(piece, m.index),
        severity: 'error',
        message: `${quote(m[0], piece.locale)} reads as a defined term but ${TERMS_FILE} has no such term — expected an entry with ${piece.locale}: ${m[0]} (in definitions or glossary), or the words spelt out`,
        rule: 'term-undefined',
      },
    });
  }
  return found;
}

function lineAt(piece: ProseText, index: number): number | undefined {
  if (piece.line === undefined) return undefined;
  return piece.line + (piece.text.slice(0, index).match(/\n/g)?.length ?? 0);
}

function lastWords(text: string, locale: Locale): string {
  const clause = text.split(locale === 'zh' ? /[，。；：、]/u : /[,.;:]/u).at(-1) ?? text;
  return clause.trim().slice(-30);
}

function quote(text: string, locale: Locale): string {
  return locale === 'zh' ? `「${text}」` : `“${text}”`;
}
