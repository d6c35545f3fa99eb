import type { Locale } from '../i18n/locale.ts';

/**
 * Comparison units for a blackline: Chinese changes are often one character, so CJK text is
 * compared character by character; Latin words and numbers (`AIGC`, `13,769`, `19.5%`) are
 * compared whole, so a changed figure reads as old → new rather than as shuffled digits.
 */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9.,%/'-]*|\s+|[\s\S]/gu;

/**
 * The English edition is compared word by word: a word is letters and digits of any script, with
 * the marks that join them inside a word or a figure (`China’s`, `cost-effective`,
 * `US$140,000`, `RMB1,376.9`, `19.5%`) and the soft hyphens of hyphenation, but not the
 * punctuation after it, so `2022.` → `2023.` marks the year alone.
 */
const WORD = /[\p{L}\p{N}$][\p{L}\p{N}$%\u00AD]*(?:[.,'’/-][\p{L}\p{N}$%\u00AD]+)*|\s+|[\s\S]/gu;

export function tokenize(text: string, locale: Locale = 'zh'): string[] {
  return text.match(locale === 'en' ? WORD : TOKEN) ?? [];
}

export type Op = { type: 'equal' | 'insert' | 'delete'; text: string };

/** Longest-common-subsequence diff of two token lists, merged into runs. */
export function diffTokens(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // Trim the common head and tail first: most blocks differ in a small span.
  let head = 0;
  while (head < n && head < m && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && a[n - 1 - tail] === b[m - 1 - tail]) tail++;
  const x = a.slice(head, n - tail);
  const y = b.slice(head, m - tail);
  const rows = x.length + 1;
  const cols = y.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i * cols + j] =
        x[i] === y[j]
          ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  const push = (type: Op['type'], text: string) => {
    const last = ops.at(-1);
    if (last && last.type === type) last.text += text;
    else ops.push({ type, text });
  };
  if (head) push('equal', a.slice(0, head).join(''));
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      push('equal', x[i] as string);
      i++;
      j++;
    } else if ((lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0)) {
      push('delete', x[i++] as string);
    } else {
      push('insert', y[j++] as string);
    }
  }
  while (i < x.length) push('delete', x[i++] as string);
  while (j < y.length) push('insert', y[j++] as string);
  if (tail) push('equal', a.slice(n - tail).join(''));
  return ops;
}

export function diffText(from: string, to: string, locale: Locale = 'zh'): Op[] {
  return diffTokens(tokenize(from, locale), tokenize(to, locale));
}

/** Share of characters two texts have in common (0–1): pairs a changed block with its old self. */
export function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  const ops = diffTokens([...a], [...b]);
  const same = ops.filter((o) => o.type === 'equal').reduce((n, o) => n + [...o.text].length, 0);
  return (2 * same) / ([...a].length + [...b].length);
}
