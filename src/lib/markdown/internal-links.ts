import { isInternalTarget, parseTarget } from '../document/cross-refs.ts';
import { chapterOf, type VFileLike } from './chapter-of.ts';
import type { HastNode } from './hast.ts';

/**
 * A Markdown link to a chapter or section (`[…](risk-factors#competition)`, `[…](#production)`)
 * gets its target in `data-xref` (`data-ref` marks a bound figure), with `#section` completed by the chapter it is written in. The
 * page decides the address (components/Link.astro): the chapter's page on the site, the anchor on
 * the whole-document page, which Chromium prints as a link inside the PDF.
 */
export function rehypeInternalLinks() {
  return (tree: HastNode, file: VFileLike) => {
    const chapter = chapterOf(file);
    const visit = (node: HastNode) => {
      const href = node.properties?.['href'];
      const footnote =
        node.properties && ('dataFootnoteRef' in node.properties || 'dataFootnoteBackref' in node.properties);
      if (
        node.type === 'element' &&
        node.tagName === 'a' &&
        !footnote &&
        typeof href === 'string' &&
        isInternalTarget(href)
      ) {
        const target = parseTarget(href, chapter);
        if (target && node.properties) {
          node.properties['dataXref'] =
            target.section === undefined ? target.chapter : `${target.chapter}#${target.section}`;
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
