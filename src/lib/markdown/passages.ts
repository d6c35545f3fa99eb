import { FIGURE } from '../check/figure-context.ts';

/** The parts of an MDX syntax tree (mdast) this module reads. */
export interface MdastNode {
  type: string;
  name?: string | null;
  value?: string;
  children?: MdastNode[];
}

/** Where a component sits: its passage's plain text, and its index there (a FIGURE). */
export interface Placement {
  text: string;
  index: number;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Each component in running text, placed in its passage's text as it reads: emphasis and links
 * flattened, every component (a figure, a redacted term) one FIGURE. A component on a line of
 * its own is in no passage and gets no placement.
 */
export function placements(tree: MdastNode): Map<MdastNode, Placement> {
  const placed = new Map<MdastNode, Placement>();
  const visit = (node: MdastNode) => {
    if (BLOCKS.has(node.type)) {
      const found: [MdastNode, number][] = [];
      let text = '';
      const flatten = (child: MdastNode) => {
        if (child.type === 'text' || child.type === 'inlineCode') text += child.value ?? '';
        else if (child.type === 'break') text += '\n';
        else if (child.type === 'mdxJsxTextElement' && /^[A-Z]/.test(child.name ?? '')) {
          found.push([child, text.length]);
          text += FIGURE;
        } else if (child.type === 'mdxTextExpression') text += FIGURE;
        else for (const grandchild of child.children ?? []) flatten(grandchild);
      };
      for (const child of node.children ?? []) flatten(child);
      for (const [component, index] of found) placed.set(component, { text, index });
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return placed;
}
