/**
 * The parts of a hast node the rehype plugins read and write: elements (tagName, properties),
 * text (value), and the MDX components in the tree (name, attributes). One shape for every plugin
 * of this folder.
 */
export interface HastNode {
  type: string;
  tagName?: string;
  /** An MDX component's name (`DataTable`); null for a fragment. */
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  /** An MDX component's props as written. */
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastNode[];
}

/** A node's own words, components left out: the text its author typed. */
export function ownText(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') return '';
  return (node.children ?? []).map(ownText).join('');
}
