import type { Diagnostic } from './diagnostics.ts';
import type { ChapterFrontmatter } from './schema/chapter.ts';

export interface ChapterLike {
  id: string;
  data: ChapterFrontmatter;
}

export function byOrder<T extends ChapterLike>(chapters: readonly T[]): T[] {
  return [...chapters].sort((a, b) => a.data.order - b.data.order);
}

/**
 * Two chapters with one `order` have no order between them, and would share a named page (and
 * so a running head): each later one is a record naming the file that has the order already.
 */
export function duplicateOrders(
  chapters: readonly { file: string; order: number; line?: number | undefined }[],
): Diagnostic[] {
  const first = new Map<number, (typeof chapters)[number]>();
  const diagnostics: Diagnostic[] = [];
  for (const chapter of chapters) {
    const earlier = first.get(chapter.order);
    if (!earlier) {
      first.set(chapter.order, chapter);
      continue;
    }
    diagnostics.push({
      file: chapter.file,
      line: chapter.line,
      severity: 'error',
      message: `order ${chapter.order} is already the order of ${[earlier.file, earlier.line].filter((p) => p !== undefined).join(':')} — expected each chapter its own order`,
      rule: 'chapter-order',
    });
  }
  return diagnostics;
}

/** A CSS identifier for the chapter's named page: one name per chapter gives it its own running head. */
export function pageName(chapter: ChapterLike): string {
  return `chapter-${chapter.data.order}`;
}

/** CSS string literal, escaped, for `content:` in margin boxes. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}
