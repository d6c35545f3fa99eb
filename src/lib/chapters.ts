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
 * Two chapters with one `order` have no order between them, and would share a named page (and
 * so a running head).
 */
export function duplicateOrders(chapters: readonly (Located & { order: number })[]): Diagnostic[] {
  return repeats(
    chapters,
    (c) => c.order,
    (c, earlier) => ({
      message: `order ${c.order} is already the order of ${earlier} — expected each chapter its own order`,
      rule: 'chapter-order',
    }),
  );
}

/** A CSS identifier for the chapter's named page: one name per chapter gives it its own running head. */
export function pageName(chapter: ChapterLike): string {
  return `chapter-${chapter.data.order}`;
}

/** CSS string literal, escaped, for `content:` in margin boxes. */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}
