import { chapterOf, type VFileLike } from './chapter-of.ts';
import type { HastNode } from './hast.ts';
import { sectionAnchor, splitSectionId } from './section-ids.ts';

/**
 * Heading ids. A heading with a section id (`## … {#cloud-market}`) gets
 * `<chapter>-<section id>`, the same in both editions; one without gets the positional
 * `<chapter>-<n>`. The whole-document page holds every chapter, so ids carry the chapter; and
 * Chromium turns each id into a PDF named destination, whose name the PDF format caps at 127
 * bytes — a Chinese heading slug, percent-encoded, runs past that.
 */
export function rehypeChapterHeadingIds() {
  return (tree: HastNode, file: VFileLike) => {
    const chapter = chapterOf(file);
    let n = 0;
    const visit = (node: HastNode) => {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '')) {
        n += 1;
        const last = node.children?.at(-1);
        const split = last?.type === 'text' ? splitSectionId(last.value ?? '') : undefined;
        if (last && split?.id) last.value = split.text;
        node.properties = { ...node.properties, id: split?.id ? sectionAnchor(chapter, split.id) : `${chapter}-${n}` };
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
