import type { Diagnostic } from '../diagnostics.ts';
import type { ChapterFrontmatter } from '../schema/chapter.ts';
import { romanValue } from './appendix.ts';

export interface ChapterLike {
  id: string;
  data: ChapterFrontmatter;
}

/**
 * The parts of a document, in print order: front sections before the contents (預期時間表), the
 * contents (not a chapter), front sections before 釋義 (概要), the generated 釋義 and 技術詞彙表,
 * the main chapters, the appendices.
 */
export type Part = 'before-contents' | 'before-definitions' | 'main' | 'appendix';

export function partOf(data: Pick<ChapterFrontmatter, 'front' | 'appendix'>): Part {
  if (data.front) return data.front;
  return data.appendix === undefined ? 'main' : 'appendix';
}

const PART_RANK: Record<Part, number> = { 'before-contents': 0, 'before-definitions': 1, main: 2, appendix: 3 };

/**
 * Document order: the front sections before the contents, then those before 釋義, then the main
 * chapters, each part by `order`, then the appendices by their number (I, II …).
 */
export function byOrder<T extends ChapterLike>(chapters: readonly T[]): T[] {
  const rank = (c: T) =>
    PART_RANK[partOf(c.data)] * 1000 + (c.data.appendix === undefined ? 0 : (romanValue(c.data.appendix) ?? 0));
  return [...chapters].sort((a, b) => rank(a) - rank(b) || a.data.order - b.data.order);
}

/** Chapters in document order, split where the contents and the generated 釋義 fall between them. */
export function documentParts<T extends ChapterLike>(
  chapters: readonly T[],
): { beforeContents: T[]; beforeDefinitions: T[]; body: T[] } {
  const ordered = byOrder(chapters);
  return {
    beforeContents: ordered.filter((c) => partOf(c.data) === 'before-contents'),
    beforeDefinitions: ordered.filter((c) => partOf(c.data) === 'before-definitions'),
    body: ordered.filter((c) => c.data.front === undefined),
  };
}

interface Located {
  file: string;
  line?: number | undefined;
}

/** Each item whose key an earlier one already has: a record naming where the key is taken. */
function repeats<T extends Located, K>(
  items: readonly T[],
  key: (item: T) => K | undefined,
  record: (item: T, earlier: string) => Pick<Diagnostic, 'message' | 'rule'>,
): Diagnostic[] {
  const first = new Map<K, T>();
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, item);
      continue;
    }
    const where = [earlier.file, earlier.line].filter((p) => p !== undefined).join(':');
    diagnostics.push({ file: item.file, line: item.line, severity: 'error', ...record(item, where) });
  }
  return diagnostics;
}

/** Two appendices with one number would print as one 附錄 with two folio runs. */
export function duplicateAppendices(chapters: readonly (Located & { appendix: string | undefined })[]): Diagnostic[] {
  return repeats(
    chapters,
    (c) => c.appendix,
    (c, earlier) => ({
      message: `appendix ${c.appendix} is already the number of ${earlier} — expected each appendix its own number`,
      rule: 'appendix',
    }),
  );
}

/**
 * Two chapters of one part with one `order` have no order between them. The front sections
 * count apart from the chapters (a timetable and the first chapter may both be `order: 1`); the
 * appendices, ordered by their numbers, share the chapters' count as they always have.
 */
export function duplicateOrders(
  chapters: readonly (Located & { order: number; front?: string | undefined })[],
): Diagnostic[] {
  return repeats(
    chapters,
    (c) => `${c.front ?? 'body'}:${c.order}`,
    (c, earlier) => ({
      message: `order ${c.order} is already the order of ${earlier}${c.front ? ` (front: ${c.front})` : ''} — expected each chapter its own order`,
      rule: 'chapter-order',
    }),
  );
}

/** A CSS identifier for the chapter's named page: one name per chapter gives it its own running head. */
export function pageName(chapter: { id: string }): string {
  return `chapter-${chapter.id}`;
}

/** CSS string literal, escaped, for `content:` in margin boxes. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}
