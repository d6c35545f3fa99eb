import { describe, expect, it } from 'vitest';
import { rehypeTermMarks } from '../../src/lib/markdown/term-marks.ts';
import type { Term } from '../../src/lib/schema/term.ts';

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const TERMS: Term[] = [
  { id: 'cic', list: 'definitions', zh: '灼識諮詢', en: 'CIC', definition: { zh: '〔灼識〕', en: '[CIC]' } },
];
const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, ...children: Node[]): Node => ({ type: 'element', tagName, children });

function marked(tree: Node, path = '/p/content/chapters/a.mdx'): string[] {
  rehypeTermMarks({ terms: () => TERMS })(tree as never, { path });
  const found: string[] = [];
  // The section is the last h2 before a mark, in document order.
  let where = '';
  const walk = (n: Node) => {
    if (n.tagName === 'h2') where = n.children?.[0]?.value ?? '';
    if ((n.properties?.['className'] as string[] | undefined)?.includes('term'))
      found.push(`${where}:${n.children?.[0]?.value}:${String(n.properties?.['title'])}`);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return found;
}

describe('term marks', () => {
  it('marks the first use per ## section, not in headings', () => {
    const tree = el(
      'root',
      el('p', text('灼識諮詢及灼識諮詢')),
      el('h2', text('灼識諮詢的方法')),
      el('p', text('灼識諮詢')),
      el('p', text('灼識諮詢')),
    );
    expect(marked(tree)).toEqual([
      ':灼識諮詢:「灼識諮詢」指〔灼識〕',
      '灼識諮詢的方法:灼識諮詢:「灼識諮詢」指〔灼識〕',
    ]);
  });

  it('uses the English form and definition in the English edition', () => {
    const tree = el('root', el('p', text('We engaged CIC.')));
    expect(marked(tree, '/p/content/en/chapters/a.mdx')).toEqual([':CIC:“CIC” means [CIC]']);
  });

  it('leaves bound figures and links alone', () => {
    const fig: Node = { type: 'element', tagName: 'span', properties: { className: ['fig'] }, children: [text('CIC')] };
    const tree = el('root', el('p', fig, el('a', text('灼識諮詢'))));
    expect(marked(tree)).toEqual([]);
  });
});
