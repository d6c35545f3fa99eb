import type { Locale } from '../../../src/lib/i18n/locale.ts';
import { type Draft, WORKING_TREE } from './drafts.ts';

/** The words of the blackline's own pages, in the edition's language. */
export const WORDS: Record<Locale, { blackline: string; separator: string }> = {
  zh: { blackline: '比較本', separator: '　' },
  en: { blackline: 'BLACKLINE', separator: '  ' },
};

/** A draft as the edition's pages name it: `HEAD（abc）`, or `HEAD (abc)` and "working tree". */
export function draftName(draft: Draft, locale: Locale): string {
  if (locale === 'zh') return `${draft.label}（${draft.commit}）`;
  const working = draft.label === WORKING_TREE.label && draft.commit === WORKING_TREE.commit;
  return working ? 'working tree (uncommitted)' : `${draft.label} (${draft.commit})`;
}

/** FROM → TO, as the running heads and the summary say it (the Chinese arrow follows a full-width bracket). */
export function comparedDrafts(from: Draft, to: Draft, locale: Locale): string {
  return `${draftName(from, locale)}${locale === 'zh' ? '' : ' '}→ ${draftName(to, locale)}`;
}
