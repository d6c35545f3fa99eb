import { chapterOf, editionOf, type VFileLike } from './chapter-of.ts';
import type { HastNode } from './hast.ts';

/** The label over a chapter's notes: a paragraph, not a heading, so it is in no contents or outline. */
const LABEL = { zh: '附註', en: 'Notes' } as const;

/**
 * Markdown footnotes (`[^1]`), as GFM writes them, made fit for a document of many chapters: the
 * English "Footnotes" heading (which the contents and the PDF outline would list) becomes the
 * edition's label in a paragraph, and the ids (`user-content-fn-1`), the same in every chapter,
 * carry the chapter so the whole-document page has each once. Numbering stays per chapter, and
 * the notes print at the end of their chapter.
 */
export function rehypeChapterFootnotes() {
  return (tree: HastNode, file: VFileLike) => {
    const chapter = chapterOf(file);
    const labelId = `${chapter}-footnotes`;
    const rename = (value: string) => value.replace(/^(#?)user-content-/, `$1${chapter}-`);
    const visit = (node: HastNode) => {
      const props = node.properties;
      if (node.type === 'element' && props) {
        if (typeof props['id'] === 'string') props['id'] = rename(props['id']);
        if (typeof props['href'] === 'string') props['href'] = rename(props['href']);
        const described = props['ariaDescribedBy'];
        if (Array.isArray(described) && described.includes('footnote-label')) props['ariaDescribedBy'] = [labelId];
        if (node.tagName === 'section' && 'dataFootnotes' in props) {
          const heading = node.children?.find((c) => c.type === 'element' && c.tagName === 'h2');
          if (heading) {
            heading.tagName = 'p';
            heading.properties = { className: ['footnotes-label'], id: labelId };
            heading.children = [{ type: 'text', value: LABEL[editionOf(file)] }];
          }
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
