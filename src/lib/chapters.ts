import type { ChapterFrontmatter } from './schema/chapter.ts';

export interface ChapterLike {
  id: string;
  data: ChapterFrontmatter;
}

export function byOrder<T extends ChapterLike>(chapters: readonly T[]): T[] {
  return [...chapters].sort((a, b) => a.data.order - b.data.order);
}

/** A CSS identifier for the chapter's named page: one name per chapter gives it its own running head. */
export function pageName(chapter: ChapterLike): string {
  return `chapter-${chapter.data.order}`;
}

/** CSS string literal, escaped, for `content:` in margin boxes. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}
