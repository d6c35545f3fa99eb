import { type HastNode, ownText } from './hast.ts';

/** The prop the build gives a `<DataTable>` set directly under a heading: that heading's words. */
export const PRECEDING_HEADING_PROP = 'precedingHeading';

const HEADINGS = new Set(['h2', 'h3', 'h4']);

const blank = (node: HastNode) => node.type === 'text' && !(node.value ?? '').trim();

/**
 * A statement in the Summary or the Accountants' Report sits under a heading that names it
 * (### 綜合財務狀況表), and its dataset's title says the same: printed as the table's caption
 * too, the name stood twice in a row. Each `<DataTable>` whose nearest sibling before it is a
 * heading gets that heading's words as a prop; the component leaves out a caption that only
 * repeats them (`captionRepeatsHeading`). Authors never write the prop: the chapter check reads
 * the source, where an unknown prop is an error.
 */
export function rehypeTableAfterHeading() {
  return (tree: HastNode) => {
    const visit = (node: HastNode) => {
      const children = node.children ?? [];
      let before: HastNode | undefined;
      for (const child of children) {
        if (blank(child)) continue;
        if (
          child.type === 'mdxJsxFlowElement' &&
          child.name === 'DataTable' &&
          before?.type === 'element' &&
          HEADINGS.has(before.tagName ?? '')
        ) {
          child.attributes = [
            ...(child.attributes ?? []).filter((a) => a.name !== PRECEDING_HEADING_PROP),
            { type: 'mdxJsxAttribute', name: PRECEDING_HEADING_PROP, value: ownText(before) },
          ];
        }
        before = child;
        visit(child);
      }
    };
    visit(tree);
  };
}
