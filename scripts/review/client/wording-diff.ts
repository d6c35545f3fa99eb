/** What changed between the words signed and the words now, marked for the stale comparison. */
import { el } from './dom.ts';

/** Numbers and Latin words as whole tokens, every other character alone (Chinese reads by character). */
export function tokens(text: string): string[] {
  return text.match(/[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}.,%']*(?<![.,])|\s+|./gsu) ?? [];
}

/**
 * Which tokens of each side differ: the common head and tail are cut first, then the middle is
 * compared token by token (longest common subsequence) when small enough, else marked whole.
 */
export function diff(a: string, b: string): { old: [string, boolean][]; now: [string, boolean][] } {
  const x = tokens(a);
  const y = tokens(b);
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xm = x.slice(head, x.length - tail);
  const ym = y.slice(head, y.length - tail);
  const keepX = new Array<boolean>(xm.length).fill(false);
  const keepY = new Array<boolean>(ym.length).fill(false);
  if (xm.length * ym.length <= 2_000_000) {
    const w = ym.length + 1;
    const table = new Uint16Array((xm.length + 1) * w);
    for (let i = xm.length - 1; i >= 0; i--)
      for (let j = ym.length - 1; j >= 0; j--)
        table[i * w + j] =
          xm[i] === ym[j]
            ? (table[(i + 1) * w + j + 1] ?? 0) + 1
            : Math.max(table[(i + 1) * w + j] ?? 0, table[i * w + j + 1] ?? 0);
    let i = 0;
    let j = 0;
    while (i < xm.length && j < ym.length) {
      if (xm[i] === ym[j]) {
        keepX[i++] = true;
        keepY[j++] = true;
      } else if ((table[(i + 1) * w + j] ?? 0) >= (table[i * w + j + 1] ?? 0)) i++;
      else j++;
    }
  }
  const side = (all: string[], middle: boolean[]): [string, boolean][] =>
    all.map((t, i) => [t, i >= head && i < all.length - tail && !middle[i - head] && t.trim() !== '']);
  return { old: side(x, keepX), now: side(y, keepY) };
}

/** Unchanged text longer than this is shortened around the changes until "show full text". */
const KEEP = 60;

/** An unchanged stretch: whole when short, else its ends with the middle hidden behind an ellipsis. */
export function unchanged(text: string, first: boolean, last: boolean): Node[] {
  // Text with no change at all (a field that stayed the same) keeps its beginning.
  const head = first ? (last ? 2 * KEEP : 0) : KEEP;
  const tail = last ? 0 : KEEP;
  if (text.length <= head + tail + KEEP) return [document.createTextNode(text)];
  return [
    document.createTextNode(text.slice(0, head)),
    el('span', { class: 'rv-ellipsis' }, '…'),
    el('span', { class: 'rv-elided' }, text.slice(head, text.length - tail)),
    document.createTextNode(text.slice(text.length - tail)),
  ];
}

/** Runs of equal marking joined, changed runs wrapped in `del` (signed side) or `ins` (current side). */
export function marked(parts: [string, boolean][], tag: 'del' | 'ins'): Node[] {
  const out: Node[] = [];
  let run = '';
  let changed = false;
  const flush = () => {
    if (run !== '') out.push(...(changed ? [el(tag, {}, run)] : unchanged(run, out.length === 0, false)));
    run = '';
  };
  for (const [text, isChanged] of parts) {
    if (isChanged !== changed && text.trim() !== '') {
      flush();
      changed = isChanged;
    }
    run += text;
  }
  if (run !== '') out.push(...(changed ? [el(tag, {}, run)] : unchanged(run, out.length === 0, true)));
  return out;
}
