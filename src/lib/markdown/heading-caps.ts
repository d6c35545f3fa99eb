import { type HastNode, ownText } from './hast.ts';
import { isEnglishChapter } from './hyphenate-prose.ts';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function redactions(node: HastNode): HastNode[] {
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Redact') return [node];
  return (node.children ?? []).flatMap(redactions);
}

/**
 * English headings are set in capitals (THE GLOBAL OFFERING); withheld wording in one is written
 * by `<Redact>`, whose registry text is in title case. In an English heading whose own words are
 * all capitals (or an h1 or h2 of withheld wording alone), each `<Redact>` gets `caps`, so it writes its wording in capitals too — in the
 * page, the print and the bookmarks alike (the marker [REDACTED] is capitals already). The
 * contents and references read the same heading in capitals (titles.ts).
 */
export function rehypeHeadingCaps() {
  return (tree: HastNode, file: { path?: string; history?: string[] }) => {
    if (!isEnglishChapter(file.path ?? file.history?.[0] ?? '')) return;
    const visit = (node: HastNode) => {
      if (node.type === 'element' && HEADINGS.has(node.tagName ?? '')) {
        const own = ownText(node).replace(/\{#[^}]*\}/g, '');
        // A heading of withheld wording alone is in capitals where its level is (h1, h2).
        const bare = !/[A-Za-z]/.test(own);
        const capitals = bare ? node.tagName === 'h1' || node.tagName === 'h2' : own === own.toUpperCase();
        if (capitals) {
          for (const r of redactions(node)) {
            r.attributes = [...(r.attributes ?? []), { type: 'mdxJsxAttribute', name: 'caps', value: null }];
          }
        }
        return;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
