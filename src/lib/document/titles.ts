/**
 * Titles that name withheld wording. A chapter title (or running head, or a timetable event)
 * writes a redaction term of data/redactions.yaml in braces — `有關本文件及{global-offering}的資料`,
 * `INFORMATION ABOUT THIS DOCUMENT AND THE {global-offering}` — and every place a title shows
 * (h1, running head, contents, bookmarks, site, `<Ref>` text, search, metadata) reads it through
 * `resolveTitle`, so a copy that withholds says 有關本文件及[編纂]的資料 everywhere at once.
 */
import type { Registry } from '../data/registry.ts';
import { redactionIn } from '../i18n/labels.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Stage } from '../schema/document.ts';

const TERM = /\{([a-z0-9][a-z0-9-]*)\}/g;

/** The redaction terms a title names, in order. */
export function titleTerms(template: string): string[] {
  return [...template.matchAll(TERM)].map((m) => m[1] as string);
}

/** Whether the title's own letters are set in capitals (an English heading: RISK FACTORS). */
function inCapitals(template: string): boolean {
  const letters = template.replace(TERM, '');
  return /[A-Z]/.test(letters) && letters === letters.toUpperCase();
}

/**
 * The title as this stage shows it in `locale`: each `{term}` replaced by its wording, or by the
 * marker in a copy that withholds. An English title set in capitals sets the wording in
 * capitals too (THE GLOBAL OFFERING); the marker stays [REDACTED]. An unknown term throws
 * (the chapter check reports it at the title's line first).
 */
export function resolveTitle(
  template: string,
  registry: Registry,
  stage: Stage,
  locale: Locale,
  options: { bareInCapitals?: boolean } = {},
): string {
  // A title of withheld wording alone has no letters of its own to tell: a heading set in
  // capitals by its level (an English h1 or h2) says so through `bareInCapitals`.
  const bare = !/[A-Za-z]/.test(template.replace(TERM, ''));
  const capitals = locale === 'en' && (bare ? options.bareInCapitals === true : inCapitals(template));
  return template.replace(TERM, (_, term: string) => {
    const text = redactionIn(registry, term, stage, locale);
    return capitals ? text.toUpperCase() : text;
  });
}
