/**
 * Every consumer of a chapter's title goes through here: the h1, the running head, the contents,
 * the bookmarks (the h1's text), the site's pages and navigation, `<Ref>` text, the search index
 * (the pages' text) and the PDF's metadata. The title's `{term}`s are resolved for this build's
 * stage (titles.ts).
 */

import type { Registry } from '../data/registry.ts';
import type { Locale } from '../i18n/locale.ts';
import { sectionAnchor } from '../markdown/section-ids.ts';
import type { ChapterFrontmatter } from '../schema/chapter.ts';
import type { Stage } from '../schema/document.ts';
import type { Structure } from './cross-refs.ts';
import { effectiveStage } from './stage.ts';
import { resolveTitle } from './titles.ts';

type Titled = Pick<ChapterFrontmatter, 'title' | 'runningHead'>;

/** The chapter's title as this stage shows it. */
export function chapterTitle(data: Titled, registry: Registry, locale: Locale, stage?: Stage): string {
  return resolveTitle(data.title, registry, stage ?? effectiveStage(registry.document.value), locale);
}

/** The chapter's running head as this stage shows it: `runningHead`, else its title. */
export function chapterHead(data: Titled, registry: Registry, locale: Locale, stage?: Stage): string {
  return resolveTitle(
    data.runningHead ?? data.title,
    registry,
    stage ?? effectiveStage(registry.document.value),
    locale,
  );
}

/**
 * A section heading's text for a contents list, as the page shows it. Astro's collected headings
 * leave components out (`## <Redact term="…" />的條件` comes out as 「的條件」); a heading with a
 * `{#id}` is read from the checked structure instead, its withheld wording resolved for the stage.
 */
export function headingText(
  structure: Structure,
  locale: Locale,
  chapter: string,
  heading: { slug: string; text: string },
): string {
  const section = structure[locale].get(chapter)?.sections.find((s) => sectionAnchor(chapter, s.id) === heading.slug);
  return section?.text ?? heading.text;
}
