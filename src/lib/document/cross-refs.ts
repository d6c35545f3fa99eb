import { type Diagnostic, nearest } from '../diagnostics.ts';
import type { Locale } from '../i18n/locale.ts';
import { sectionAnchor } from '../markdown/section-ids.ts';
import { appendixLabel } from './appendix.ts';
import { type Abbreviations, titleCase } from './title-case.ts';

export { titleCase };

/** A chapter as a cross-reference sees it: its current title and its sections' current headings. */
export interface ChapterTarget {
  id: string;
  title: string;
  appendix?: string | undefined;
  sections: { id: string; text: string }[];
  /** This build withholds the chapter whole: a reference names the chapter, never its headings. */
  withheld?: boolean | undefined;
  /**
   * The chapter's MDX did not parse, so its sections are unknown: a reference to one of them
   * cannot be judged, and saying the section does not exist would be false (the syntax error is
   * the one record).
   */
  unparsed?: boolean | undefined;
}

/**
 * Each edition's chapters by id: what a reference resolves against, in that edition's words;
 * with the abbreviations an English reference keeps in capitals (title-case.ts, from the
 * document's defined terms).
 */
export type Structure = Record<Locale, Map<string, ChapterTarget>> & { abbreviations?: Abbreviations };

/** A `<Ref to="…" />` or a Markdown link to a chapter or section, where it is written. */
export interface CrossRef {
  kind: 'ref' | 'link';
  locale: Locale;
  file: string;
  line: number | undefined;
  column: number | undefined;
  /** The chapter the reference is written in: `#section` links point inside it. */
  chapter: string;
  to: string;
}

export interface Target {
  chapter: string;
  section?: string | undefined;
}

/** A resolved reference, as the verification schedule lists it. */
export interface ResolvedRef extends CrossRef {
  target: Target;
  /** What the reference reads as in its edition (the link text, for a Markdown link). */
  text: string;
}

/**
 * A link's address that names a chapter or section of this document rather than a URL:
 * `risk-factors`, `risk-factors#competition`, `#competition`. Anything with `/`, `:` or `.` is a
 * URL and left alone.
 */
const INTERNAL = /^([a-z][a-z0-9-]*)?(?:#([a-z][a-z0-9-]*))?$/;

export function isInternalTarget(to: string): boolean {
  return to !== '' && INTERNAL.test(to);
}

/** `chapter#section` → its parts; `#section` is in `from`. Undefined when `to` is not of that form. */
export function parseTarget(to: string, from?: string): Target | undefined {
  const m = INTERNAL.exec(to);
  if (!m || to === '') return undefined;
  const chapter = m[1] ?? from;
  if (chapter === undefined) return undefined;
  return { chapter, section: m[2] };
}

/** The DOM id a target lands on: the chapter's article (whole-document page) or the heading. */
export function targetAnchor(target: Target): string {
  return target.section === undefined ? target.chapter : sectionAnchor(target.chapter, target.section);
}

/** Site path of the target's chapter page, with the heading's fragment. */
export function targetHref(base: string, locale: Locale, target: Target): string {
  const page = `${base}${locale === 'en' ? 'en/' : ''}chapters/${target.chapter}/`;
  return target.section === undefined ? page : `${page}#${targetAnchor(target)}`;
}

/**
 * Every reference resolved against its own edition's chapters; each miss is a record with its
 * `file:line` and the closest existing target.
 */
export function resolveRefs(
  structure: Structure,
  refs: readonly CrossRef[],
): { diagnostics: Diagnostic[]; resolved: ResolvedRef[] } {
  const diagnostics: Diagnostic[] = [];
  const resolved: ResolvedRef[] = [];
  for (const ref of refs) {
    const chapters = structure[ref.locale];
    const what = ref.kind === 'ref' ? `<Ref to="${ref.to}" />` : `the link to "${ref.to}"`;
    const target = parseTarget(ref.to, ref.kind === 'link' ? ref.chapter : undefined);
    const at = { file: ref.file, line: ref.line, column: ref.column, severity: 'error' as const, rule: 'cross-ref' };
    if (!target) {
      diagnostics.push({
        ...at,
        message: `${what}: not a chapter or section — expected "chapter" or "chapter#section", e.g. "industry-overview#competition"`,
      });
      continue;
    }
    const chapter = chapters.get(target.chapter);
    if (!chapter) {
      const hit = nearest(target.chapter, chapters.keys());
      diagnostics.push({
        ...at,
        message: `${what}: no chapter "${target.chapter}" in this edition${hit ? ` (did you mean "${hit}"?)` : ''} — expected a chapter's file name without .mdx`,
      });
      continue;
    }
    if (target.section !== undefined && chapter.unparsed) continue;
    if (target.section !== undefined && !chapter.sections.some((s) => s.id === target.section)) {
      const hit = nearest(
        `${target.chapter}#${target.section}`,
        [...chapters.values()].flatMap((c) => c.sections.map((s) => `${c.id}#${s.id}`)),
      );
      diagnostics.push({
        ...at,
        message: `${what}: chapter "${target.chapter}" has no section {#${target.section}}${hit ? ` (did you mean "${hit}"?)` : ''} — expected the {#id} written after one of its headings`,
      });
      continue;
    }
    resolved.push({ ...ref, target, text: refText(structure, ref.locale, target) });
  }
  return { diagnostics, resolved };
}

/**
 * What a reference reads as, from the target's current headings, in each edition's convention:
 * 「風險因素－與競爭有關的風險」一節 / “Risk Factors — Risks Relating to Competition”; an
 * appendix by its number: 附錄一「會計師報告」/ Appendix I “Accountants’ Report”.
 */
export function refText(structure: Structure, locale: Locale, target: Target): string {
  const chapter = structure[locale].get(target.chapter);
  if (!chapter) throw new RangeError(`no chapter ${target.chapter}`);
  // A withheld chapter's headings are its text: a reference to one of them names the chapter alone.
  const section = chapter.withheld ? undefined : chapter.sections.find((s) => s.id === target.section);
  const en = locale === 'en';
  const name = (text: string) => (en ? titleCase(text, structure.abbreviations) : text);
  const quoted = [chapter.title, ...(section ? [section.text] : [])].map(name).join(en ? ' — ' : '－');
  if (chapter.appendix !== undefined) {
    return en ? `Appendix ${chapter.appendix} “${quoted}”` : `${appendixLabel(chapter.appendix, locale)}「${quoted}」`;
  }
  return en ? `“${quoted}”` : `「${quoted}」一節`;
}

/** The page note after a reference: （第12頁）/ on page 12; `page` is the folio as printed. */
export function pageNote(locale: Locale): { before: string; after: string } {
  return locale === 'en' ? { before: ' on page ', after: '' } : { before: '（第', after: '頁）' };
}
