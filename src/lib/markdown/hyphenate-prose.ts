import type { HastNode } from './hast.ts';
import { hyphenateEnglish } from './hyphenate.ts';

/** Blocks of running prose: the text the English print justifies. */
const PROSE = new Set(['p', 'li']);
/** Inside these the text is not prose: code is copied as typed. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'var']);

/** An English chapter, by its folder (`content/en/…`): the Chinese needs no hyphens. */
export const isEnglishChapter = (path: string) => /(^|[\\/])content[\\/]en[\\/]/.test(path);

/**
 * Soft hyphens in the prose of English chapters (see hyphenate.ts). Only text written in the
 * chapter is touched: a component (`<Val>`, `<Redact>`, a chart) renders its own text, so figures
 * and withheld wording stay whole, and headings, which the contents pass looks for in the
 * print's text, are not prose blocks.
 */
export function rehypeHyphenateEnglish() {
  return (tree: HastNode, file: { path?: string; history?: string[] }) => {
    if (!isEnglishChapter(file.path ?? file.history?.[0] ?? '')) return;
    const visit = (node: HastNode, inProse: boolean) => {
      if (node.type === 'text' && inProse && node.value) node.value = hyphenateEnglish(node.value);
      if (node.type !== 'root' && node.type !== 'element') return;
      if (VERBATIM.has(node.tagName ?? '')) return;
      const prose = inProse || PROSE.has(node.tagName ?? '');
      for (const child of node.children ?? []) visit(child, prose);
    };
    visit(tree, false);
  };
}
