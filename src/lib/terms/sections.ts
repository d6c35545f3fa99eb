import type { Located } from '../data/registry.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Term, TermList } from '../schema/term.ts';
import { termForms } from './match.ts';
import { termsInOrder } from './order.ts';

/** The words of a generated section, per edition. */
interface SectionText {
  title: string;
  intro: string;
}

const TEXT: Record<TermList, Record<Locale, SectionText>> = {
  definitions: {
    zh: { title: '釋義', intro: '於本文件內，除文義另有所指外，下列詞彙具有以下涵義。' },
    en: {
      title: 'DEFINITIONS',
      intro:
        'In this document, unless the context otherwise requires, the following expressions shall have the following meanings.',
    },
  },
  glossary: {
    zh: {
      title: '技術詞彙表',
      intro:
        '本詞彙表載有本文件所用與我們及我們業務有關的若干技術詞彙的解釋。該等詞彙及其涵義未必與標準行業涵義或用法相符。',
    },
    en: {
      title: 'GLOSSARY OF TECHNICAL TERMS',
      intro:
        'This glossary contains explanations of certain technical terms used in this document in connection with us and our business. These terms and their meanings may not correspond to standard industry meanings or usage of these terms.',
    },
  },
};

/** 「指」 / "means": the word between a term and its definition. */
export const MEANS: Record<Locale, string> = { zh: '指', en: 'means' };

export interface TermEntry {
  id: string;
  /** The term as printed: 「灼識諮詢」, “PRC” or “China”. */
  label: string;
  definition: string;
}

export interface GeneratedSection {
  /** Page path, article id and named page: `definitions`, `glossary`. */
  id: TermList;
  title: string;
  intro: string;
  entries: TermEntry[];
}

/**
 * 釋義 and 技術詞彙表 as an edition prints them, in that order, each only when the registry
 * has terms for it.
 */
export function generatedSections(terms: ReadonlyMap<string, Located<Term>>, locale: Locale): GeneratedSection[] {
  const values = [...terms.values()].map((t) => t.value);
  return (['definitions', 'glossary'] as const)
    .map((list) => ({
      id: list,
      ...TEXT[list][locale],
      entries: termsInOrder(values, list).map((t) => ({
        id: t.id,
        label: termForms(t, locale)
          .map((form) => (locale === 'zh' ? `「${form}」` : `“${form}”`))
          .join(locale === 'zh' ? '或' : ' or '),
        definition: t.definition[locale],
      })),
    }))
    .filter((s) => s.entries.length > 0);
}
