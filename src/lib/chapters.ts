import { romanValue } from './appendix.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { ChapterFrontmatter } from './schema/chapter.ts';

export interface ChapterLike {
  id: string;
  data: ChapterFrontmatter;
}

/** Document order: the main chapters by `order`, then the appendices by their number (I, II …). */
export function byOrder<T extends ChapterLike>(chapters: readonly T[]): T[] {
  const rank = (c: T) => (c.data.appendix === undefined ? 0 : (romanValue(c.data.appendix) ?? 0));
  return [...chapters].sort((a, b) => rank(a) - rank(b) || a.data.order - b.data.order);
}

/**
 * Two appendices with one number would print as one 附錄 with two folio runs: each later one is
 * a record naming the file that has the number already.
 */
export function duplicateAppendices(
  chapters: readonly { file: string; appendix: string | undefined; line?: number | undefined }[],
): Diagnostic[] {
  const first = new Map<string, (typeof chapters)[number]>();
  const diagnostics: Diagnostic[] = [];
  for (const chapter of chapters) {
    if (chapter.appendix === undefined) continue;
    const earlier = first.get(chapter.appendix);
    if (!earlier) {
      first.set(chapter.appendix, chapter);
      continue;
    }
    diagnostics.push({
      file: chapter.file,
      line: chapter.line,
      severity: 'error',
      message: `appendix ${chapter.appendix} is already the number of ${[earlier.file, earlier.line].filter((p) => p !== undefined).join(':')} — expected each appendix its own number`,
      rule: 'appendix',
    });
  }
  return diagnostics;
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
