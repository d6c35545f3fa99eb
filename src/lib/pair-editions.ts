/**
 * Pairs each bound figure of the Chinese edition with the same figure in the English edition, so
 * the reviewer's schedule lists it once with both renderings and both PDF pages. A figure is the
 * same when its chapter and data id agree and it is that id's n-th occurrence in the chapter in
 * both editions: the parity check makes every section bind the same ids as many times each, so
 * on a passing build every occurrence finds its partner, and an unpaired one means a chapter
 * that exists in one edition only (`singleEdition: true`). Bundled into the schedule's filter
 * script too, so it imports nothing.
 */

/** The part of a placed figure that pairing reads. */
export interface EditionFigure {
  chapterId: string;
  ref: string;
}

export interface PairedFigure<T extends EditionFigure> {
  zh: T | undefined;
  en: T | undefined;
}

export type Editions = 'both' | 'zh' | 'en';

/** Labels of the editions a figure appears in: the schedule's column, filter and count read them. */
export const EDITIONS_LABEL: Record<Editions, string> = {
  both: '中英文版',
  zh: '只見於中文版',
  en: '只見於英文版',
};

/** The filter's value and label for figures in one edition only. */
export const ONE_EDITION = { value: 'one', label: '只見於一個版本' } as const;

export function editionsOf(pair: PairedFigure<EditionFigure>): Editions {
  if (pair.zh && pair.en) return 'both';
  return pair.zh ? 'zh' : 'en';
}

/** Each figure keyed by its chapter, id and occurrence of that id in the chapter. */
function keyed<T extends EditionFigure>(figures: readonly T[]): [string, T][] {
  const seen = new Map<string, number>();
  return figures.map((f) => {
    const id = JSON.stringify([f.chapterId, f.ref]);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return [`${id}#${n}`, f];
  });
}

/** Chinese order first; English figures without a partner follow, in their own order. */
export function pairEditions<T extends EditionFigure>(zh: readonly T[], en: readonly T[]): PairedFigure<T>[] {
  const english = new Map(keyed(en));
  const pairs: PairedFigure<T>[] = keyed(zh).map(([key, f]) => {
    const partner = english.get(key);
    english.delete(key);
    return { zh: f, en: partner };
  });
  for (const f of english.values()) pairs.push({ zh: undefined, en: f });
  return pairs;
}
