import type { HastNode } from './hast.ts';

/**
 * GFM makes a link of an address written as text (`www.hkexnews.hk`), and ends it only at ASCII
 * punctuation or a space: in Chinese, where no space follows, the link ran on through the
 * full-width bracket and the sentence after it (「www.hkexnews.hk）及本公司網站（…刊載：」), a broken
 * address on the site and in the PDF. A web address is ASCII, so the link ends at the first other
 * character, which goes back into the text after it.
 */
const NOT_URL = /[^\x21-\x7E]/u;

export function rehypeLiteralLinkEnds() {
  return (tree: HastNode) => {
    const visit = (node: HastNode) => {
      const children = node.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (!child) continue;
        const text = literalText(child);
        const cut = text === undefined ? -1 : text.search(NOT_URL);
        if (text !== undefined && cut > 0) {
          // The text it swallowed may hold a further address (「（www.hanbiancloud.com）刊載」): linked too.
          const parts = [link(text.slice(0, cut)), ...relink(text.slice(cut))];
          children.splice(i, 1, ...parts);
          i += parts.length - 1;
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

/** A link to an address written as text, to itself. */
function link(address: string): HastNode {
  const href = /^https?:\/\//u.test(address) ? address : `http://${address}`;
  return { type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: address }] };
}

/** Text with each address in it linked, as GFM would have: without trailing punctuation. */
function relink(text: string): HastNode[] {
  const nodes: HastNode[] = [];
  let rest = text;
  for (let m = ADDRESS.exec(rest); m; m = ADDRESS.exec(rest)) {
    const address = m[0].replace(/[.,:;!?'"*_~)]+$/u, '');
    if (m.index > 0) nodes.push({ type: 'text', value: rest.slice(0, m.index) });
    nodes.push(link(address));
    rest = rest.slice(m.index + address.length);
  }
  if (rest) nodes.push({ type: 'text', value: rest });
  return nodes;
}

const ADDRESS = /(?:https?:\/\/|www\.)[\x21-\x7E]+/u;

/** The text of a link GFM made of a written address: its only child is the address as written. */
function literalText(node: HastNode): string | undefined {
  if (node.type !== 'element' || node.tagName !== 'a') return undefined;
  const href = node.properties?.['href'];
  const only = node.children?.length === 1 ? node.children[0] : undefined;
  if (typeof href !== 'string' || only?.type !== 'text' || typeof only.value !== 'string') return undefined;
  const text = only.value;
  if (!/^(https?:\/\/|www\.)/u.test(text) || !/^https?:\/\//u.test(href)) return undefined;
  return text;
}
