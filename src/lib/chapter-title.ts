/**
 * Every consumer of a chapter's title goes through here: the h1, the running head, the contents,
 * the bookmarks (the h1's text), the site's pages and navigation, `<Ref>` text, the search index
 * (the pages' text) and the PDF's metadata. The title's `{term}`s are resolved for this build's
 * stage (titles.ts).
 */
import type { Registry } from './data/load.ts';
import type { Locale } from './i18n/locale.ts';
import type { ChapterFrontmatter } from './schema/chapter.ts';
import type { Stage } from './schema/document.ts';
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
