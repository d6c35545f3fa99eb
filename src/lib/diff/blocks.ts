import { similarity } from './tokens.ts';

/** A unit of text the blackline compares: a heading, paragraph, list item, caption or cell. */
export interface Block {
  /** Kind of element (h2, p, li, td, figcaption…): only blocks of one kind are paired. */
  kind: string;
  text: string;
}

export type Alignment =
  | { type: 'same'; from: number; to: number }
  | { type: 'changed'; from: number; to: number }
  | { type: 'inserted'; to: number }
  | { type: 'deleted'; from: number };

/**
 * Table cells pair by position whatever their text (a cell changed from 9 to 8 is still that
 * cell); prose pairs when at least half of it survives.
 */
export function defaultThreshold(kind: string): number {
  return kind === 'td' || kind === 'th' ? 0 : 0.5;
}

/**
 * Pairs the blocks of two drafts in order: identical blocks anchor the alignment (longest common
 * subsequence); between anchors, blocks of the same kind that share at least half their text
 * are the same block changed; the rest were inserted or deleted.
 */
export function alignBlocks(from: readonly Block[], to: readonly Block[], threshold = defaultThreshold): Alignment[] {
  const key = (b: Block) => `${b.kind}\u0000${b.text}`;
  const n = from.length;
  const m = to.length;
  const cols = m + 1;
  const lcs = new Uint32Array((n + 1) * cols);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * cols + j] =
        key(from[i] as Block) === key(to[j] as Block)
          ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
    }
  }
  const out: Alignment[] = [];
  let i = 0;
  let j = 0;
  let gapFrom: number[] = [];
  let gapTo: number[] = [];
  const flush = () => {
    let k = 0;
    for (const t of gapTo) {
      const target = to[t] as Block;
      let match = -1;
      for (let f = k; f < gapFrom.length; f++) {
        const candidate = from[gapFrom[f] as number] as Block;
        if (candidate.kind === target.kind && similarity(candidate.text, target.text) >= threshold(target.kind)) {
          match = f;
          break;
        }
      }
      if (match === -1) {
        out.push({ type: 'inserted', to: t });
        continue;
      }
      for (; k < match; k++) out.push({ type: 'deleted', from: gapFrom[k] as number });
      out.push({ type: 'changed', from: gapFrom[match] as number, to: t });
      k = match + 1;
    }
    for (; k < gapFrom.length; k++) out.push({ type: 'deleted', from: gapFrom[k] as number });
    gapFrom = [];
    gapTo = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && key(from[i] as Block) === key(to[j] as Block)) {
      flush();
      out.push({ type: 'same', from: i++, to: j++ });
    } else if (j >= m || (i < n && (lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0))) {
      gapFrom.push(i++);
    } else {
      gapTo.push(j++);
    }
  }
  flush();
  return out;
}
