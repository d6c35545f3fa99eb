import { basename, extname } from 'node:path';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Section ids of the form `<chapter>-<n>` (e.g. `industry-overview-3`). The whole-document page
 * holds every chapter, so ids must be unique across chapters; and Chromium turns each id into a
 * PDF named destination, whose name the PDF format caps at 127 bytes — a Chinese heading slug,
 * percent-encoded, runs past that.
 */
export function rehypeChapterHeadingIds() {
  return (tree: HastNode, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? 'chapter';
    const chapter = basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-');
    let n = 0;
    const visit = (node: HastNode) => {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '')) {
        n += 1;
        node.properties = { ...node.properties, id: `${chapter}-${n}` };
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
