import { similarity } from './tokens.ts';

/** A unit of text the blackline compares: a heading, paragraph, list item, caption or cell. */
export interface Block {
  /** Kind of element (h2, p, li, td, figcaption…): only blocks of one kind are paired. */
  kind: string;
  text: string;
  /** For a table cell: which row of its draft it sits in. Rows are compared as wholes first. */
  row?: string;
}

export type Alignment =
  | { type: 'same'; from: number; to: number }
  | { type: 'changed'; from: number; to: number }
  | { type: 'inserted'; to: number }
  | { type: 'deleted'; from: number }
  /** A whole table row of the FROM draft that the TO draft no longer has: its cells, in order. */
  | { type: 'deletedRow'; from: number[] };

/**
 * Table cells pair by position whatever their text (a cell changed from 9 to 8 is still that
 * cell); prose and table rows pair when at least half of their text survives.
 */
export function defaultThreshold(kind: string): number {
  return kind === 'td' || kind === 'th' ? 0 : 0.5;
}

/** What is aligned: a block, or a table row (its cells' blocks) compared as one. */
interface Unit {
  kind: string;
  text: string;
  blocks: number[];
}

function units(blocks: readonly Block[]): Unit[] {
  const out: Unit[] = [];
  blocks.forEach((block, index) => {
    const last = out.at(-1);
    if (block.row !== undefined && last?.kind === 'tr' && blocks[last.blocks[0] as number]?.row === block.row) {
      last.blocks.push(index);
      last.text += `\u0001${block.text}`;
    } else if (block.row !== undefined) {
      out.push({ kind: 'tr', text: block.text, blocks: [index] });
    } else {
      out.push({ kind: block.kind, text: block.text, blocks: [index] });
    }
  });
  return out;
}

/**
 * Pairs the blocks of two drafts in order. Table rows are aligned as wholes, so a dropped row
 * reads as one deleted row rather than as every later row shifted up a cell; cells of paired
 * rows are then paired by position.
 */
export function alignBlocks(from: readonly Block[], to: readonly Block[], threshold = defaultThreshold): Alignment[] {
  const a = units(from);
  const b = units(to);
  const out: Alignment[] = [];
  for (const step of alignUnits(a, b, threshold)) {
    if (step.type === 'inserted') {
      for (const t of (b[step.to] as Unit).blocks) out.push({ type: 'inserted', to: t });
    } else if (step.type === 'deleted') {
      const unit = a[step.from] as Unit;
      if (unit.kind === 'tr') out.push({ type: 'deletedRow', from: unit.blocks });
      else for (const f of unit.blocks) out.push({ type: 'deleted', from: f });
    } else {
      const f = (a[step.from] as Unit).blocks;
      const t = (b[step.to] as Unit).blocks;
      for (let i = 0; i < Math.max(f.length, t.length); i++) {
        const fi = f[i];
        const ti = t[i];
        if (fi === undefined) out.push({ type: 'inserted', to: ti as number });
        else if (ti === undefined) out.push({ type: 'deleted', from: fi });
        else out.push({ type: from[fi]?.text === to[ti]?.text ? 'same' : 'changed', from: fi, to: ti });
      }
    }
  }
  return out;
}

type UnitStep =
  | { type: 'same' | 'changed'; from: number; to: number }
  | { type: 'inserted'; to: number }
  | { type: 'deleted'; from: number };

/**
 * Identical units anchor the alignment (longest common subsequence); between anchors, each TO
 * unit pairs with the most similar FROM unit of its kind that is similar enough, keeping order;
 * the rest were inserted or deleted.
 */
function alignUnits(from: readonly Unit[], to: readonly Unit[], threshold: (kind: string) => number): UnitStep[] {
  const key = (u: Unit) => `${u.kind}\u0000${u.text}`;
  const n = from.length;
  const m = to.length;
  const cols = m + 1;
  const lcs = new Uint32Array((n + 1) * cols);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * cols + j] =
        key(from[i] as Unit) === key(to[j] as Unit)
          ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
    }
  }
  const out: UnitStep[] = [];
  let i = 0;
  let j = 0;
  let gapFrom: number[] = [];
  let gapTo: number[] = [];
  const flush = () => {
    let k = 0;
    for (const t of gapTo) {
      const target = to[t] as Unit;
      let match = -1;
      let best = -1;
      for (let f = k; f < gapFrom.length; f++) {
        const candidate = from[gapFrom[f] as number] as Unit;
        if (candidate.kind !== target.kind) continue;
        const score = similarity(candidate.text, target.text);
        if (score >= threshold(target.kind) && score > best) {
          match = f;
          best = score;
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
    if (i < n && j < m && key(from[i] as Unit) === key(to[j] as Unit)) {
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
