import { describe, expect, it } from 'vitest';
import { hyphenateEnglish, SOFT_HYPHEN } from '../../src/lib/markdown/hyphenate.ts';
import { rehypeHyphenateEnglish } from '../../src/lib/markdown/hyphenate-prose.ts';

const shown = (text: string) => text.replaceAll(SOFT_HYPHEN, '|');

describe('hyphenateEnglish', () => {
  it('marks the British break points of long prose words, and changes nothing else', () => {
    const text = 'Central cloud services refer to centralised infrastructure and characterised organisations.';
    const out = hyphenateEnglish(text);
    expect(out.replaceAll(SOFT_HYPHEN, '')).toBe(text);
    expect(shown(out)).toContain('in|fra|struc|ture');
    expect(shown(out)).toContain('or|gan|isa|tions');
    // Short words stay whole: "refer", "cloud", "and".
    expect(shown(out)).toContain(' refer to ');
  });

  it('leaves figures, acronyms, URLs, e-mail addresses and code-like tokens whole', () => {
    for (const token of [
      'RMB1,376.9',
      '2027E',
      'INDUSTRY',
      // An acronym with its plural s is still an acronym: two capitals.
      'HKFRSs',
      'https://example.com/infrastructure',
      'www.infrastructure.com',
      'infrastructure.com',
      'investor@infrastructure.com',
      'infrastructure_costs',
    ]) {
      expect(hyphenateEnglish(`the ${token} here`), token).toBe(`the ${token} here`);
    }
  });

  it('never breaks inside an f-ligature (ff, fi, fl), which the PDF text would read out of order', () => {
    const out = shown(hyphenateEnglish('offload efficient difficulty'));
    expect(out).not.toMatch(/f\|[fil]/u);
    expect(out).toContain('|cient');
  });

  it('breaks each part of a hyphenated compound, keeping its hard hyphen', () => {
    const out = hyphenateEnglish('cost-effectiveness, zero-trust');
    expect(out.replaceAll(SOFT_HYPHEN, '')).toBe('cost-effectiveness, zero-trust');
    expect(shown(out)).toMatch(/^cost-[a-z]+\|[a-z|]+, zero-trust$/u);
  });
});

interface Node {
  type: string;
  tagName?: string;
  name?: string;
  value?: string;
  children?: Node[];
}

const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, ...children: Node[]): Node => ({ type: 'element', tagName, children });

function chapter(): Node {
  return {
    type: 'root',
    children: [
      el('h2', text('INFRASTRUCTURE DEVELOPMENT')),
      el(
        'p',
        text('Infrastructure '),
        el('strong', text('development')),
        text(' at '),
        el('code', text('infrastructure')),
      ),
      {
        type: 'element',
        tagName: 'p',
        children: [
          { type: 'mdxJsxTextElement', name: 'Redact', children: [text('infrastructure')] },
          text(' organisations'),
        ],
      },
      el('ul', el('li', text('organisations'))),
      el('table', el('tr', el('td', text('infrastructure')))),
    ],
  };
}

const texts = (node: Node): string[] => [
  ...(node.type === 'text' ? [node.value ?? ''] : []),
  ...(node.children ?? []).flatMap(texts),
];

describe('rehypeHyphenateEnglish', () => {
  const run = (path: string) => {
    const tree = chapter();
    rehypeHyphenateEnglish()(tree, { path });
    return texts(tree).map(shown);
  };

  it('hyphenates the prose of English chapters: paragraphs, their emphasis, list items', () => {
    const out = run('/project/content/en/chapters/industry-overview.mdx');
    expect(out).toEqual([
      'INFRASTRUCTURE DEVELOPMENT',
      'In|fra|struc|ture ',
      'de|vel|op|ment',
      ' at ',
      'infrastructure',
      'infrastructure',
      ' or|gan|isa|tions',
      'or|gan|isa|tions',
      'infrastructure',
    ]);
  });

  it('leaves Chinese chapters as written', () => {
    expect(run('/project/content/chapters/industry-overview.mdx').some((t) => t.includes('|'))).toBe(false);
  });
});
