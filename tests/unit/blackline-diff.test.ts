import { describe, expect, it } from 'vitest';
import { alignBlocks, type Block } from '../../src/lib/diff/blocks.ts';
import { planBlackline } from '../../src/lib/diff/plan.ts';
import { diffText, tokenize } from '../../src/lib/diff/tokens.ts';

describe('character-level comparison', () => {
  it('marks a one-character change as one deletion and one insertion', () => {
    expect(diffText('市場研究及諮詢公司', '市場研究及顧問公司')).toEqual([
      { type: 'equal', text: '市場研究及' },
      { type: 'delete', text: '諮詢' },
      { type: 'insert', text: '顧問' },
      { type: 'equal', text: '公司' },
    ]);
    expect(diffText('排名第9位', '排名第8位')).toEqual([
      { type: 'equal', text: '排名第' },
      { type: 'delete', text: '9' },
      { type: 'insert', text: '8' },
      { type: 'equal', text: '位' },
    ]);
  });
  it('compares Latin words and figures whole', () => {
    expect(tokenize('AR/VR及AIGC為人民幣13,769億元')).toEqual([
      'AR/VR',
      '及',
      'AIGC',
      '為',
      '人',
      '民',
      '幣',
      '13,769',
      '億',
      '元',
    ]);
    expect(diffText('人民幣13,769億元', '人民幣13,796億元')).toEqual([
      { type: 'equal', text: '人民幣' },
      { type: 'delete', text: '13,769' },
      { type: 'insert', text: '13,796' },
      { type: 'equal', text: '億元' },
    ]);
  });
  it('finds nothing to mark in identical text', () => {
    expect(diffText('邊緣雲服務', '邊緣雲服務')).toEqual([{ type: 'equal', text: '邊緣雲服務' }]);
  });
});

describe('word-level comparison of the English edition', () => {
  it('keeps figures, possessives and hyphenated words whole, and punctuation apart', () => {
    expect(
      tokenize('China’s cost-effective market reached RMB1,376.9 billion (US$140,000; 19.5%) in 2022.', 'en'),
    ).toEqual([
      'China’s',
      ' ',
      'cost-effective',
      ' ',
      'market',
      ' ',
      'reached',
      ' ',
      'RMB1,376.9',
      ' ',
      'billion',
      ' ',
      '(',
      'US$140,000',
      ';',
      ' ',
      '19.5%',
      ')',
      ' ',
      'in',
      ' ',
      '2022',
      '.',
    ]);
  });
  it('marks a changed value as the old figure struck and the new one inserted, not shuffled digits', () => {
    expect(diffText('increased to RMB35.0 billion in 2022.', 'increased to RMB34.9 billion in 2022.', 'en')).toEqual([
      { type: 'equal', text: 'increased to ' },
      { type: 'delete', text: 'RMB35.0' },
      { type: 'insert', text: 'RMB34.9' },
      { type: 'equal', text: ' billion in 2022.' },
    ]);
  });
  it('marks a changed word whole, where the Chinese rule would split at its apostrophe', () => {
    expect(diffText('the country’s largest', 'the region’s largest', 'en')).toEqual([
      { type: 'equal', text: 'the ' },
      { type: 'delete', text: 'country’s' },
      { type: 'insert', text: 'region’s' },
      { type: 'equal', text: ' largest' },
    ]);
    expect(diffText('the country’s largest', 'the region’s largest')).toContainEqual({
      type: 'equal',
      text: '’s largest',
    });
  });
  it('leaves Chinese at character level', () => {
    expect(tokenize('邊緣雲', 'zh')).toEqual(['邊', '緣', '雲']);
  });
});

describe('block alignment', () => {
  const p = (text: string) => ({ kind: 'p', text });
  it('pairs a changed paragraph with its old self', () => {
    const a = [p('甲段落內容一二三'), p('乙段落內容四五六'), p('丙段落')];
    const b = [p('甲段落內容一二三'), p('乙段落內容四五七'), p('丙段落')];
    expect(alignBlocks(a, b)).toEqual([
      { type: 'same', from: 0, to: 0 },
      { type: 'changed', from: 1, to: 1 },
      { type: 'same', from: 2, to: 2 },
    ]);
  });
  it('shows a moved paragraph as deleted where it was and inserted where it is', () => {
    const a = [p('第一段'), p('第二段移動的內容'), p('第三段')];
    const b = [p('第一段'), p('第三段'), p('第二段移動的內容')];
    const types = alignBlocks(a, b).map((x) => x.type);
    expect(types.filter((t) => t === 'same')).toHaveLength(2);
    expect(types).toContain('inserted');
    expect(types).toContain('deleted');
  });
  it('treats a changed table cell as a changed block of its kind', () => {
    const a = [
      { kind: 'td', text: '公司A' },
      { kind: 'td', text: '9' },
    ];
    const b = [
      { kind: 'td', text: '公司A' },
      { kind: 'td', text: '8' },
    ];
    expect(alignBlocks(a, b)).toEqual([
      { type: 'same', from: 0, to: 0 },
      { type: 'changed', from: 1, to: 1 },
    ]);
  });
  it('shows an added chapter whole as inserted', () => {
    const a = [{ kind: 'h1', text: '行業概覽' }, p('內容')];
    const b = [{ kind: 'h1', text: '行業概覽' }, p('內容'), { kind: 'h1', text: '業務' }, p('全新的章節內容')];
    expect(alignBlocks(a, b).slice(2)).toEqual([
      { type: 'inserted', to: 2 },
      { type: 'inserted', to: 3 },
    ]);
  });
});

describe('table rows', () => {
  /** Rows of cells as the blackline reads them: each cell knows its row. */
  const table = (prefix: string, rows: string[][]): Block[] =>
    rows.flatMap((cells, r) => cells.map((text) => ({ kind: 'td', text, row: `${prefix}${r}` })));
  const before = table('a', [
    ['1', '公司E', '5.6%', '√'],
    ['2', '本公司', '3.1%', '√'],
    ['3', '公司J', '1.3%', '√'],
    ['4', '公司K', '0.9%', '√'],
    ['5', '公司L', '0.7%', 'x'],
  ]);

  it('shows a dropped row as one deleted row, and only the renumbered rank as changed', () => {
    const after = table('b', [
      ['1', '公司E', '5.6%', '√'],
      ['2', '本公司', '3.1%', '√'],
      ['3', '公司J', '1.3%', '√'],
      ['4', '公司L', '0.7%', 'x'],
    ]);
    const alignment = alignBlocks(before, after);
    // Cell by cell, 公司K's row would pair with 公司L's (both rank 4) and 公司L's old row would
    // be the one deleted.
    expect(alignment.filter((x) => x.type === 'deletedRow')).toEqual([{ type: 'deletedRow', from: [12, 13, 14, 15] }]);
    expect(alignment.filter((x) => x.type === 'changed')).toEqual([{ type: 'changed', from: 16, to: 12 }]);
    expect(alignment.filter((x) => x.type === 'same')).toHaveLength(15);
  });

  it('plans the dropped row as a struck table row between its neighbours', () => {
    const page = (blocks: Block[]) => blocks.map((b) => ({ ...b, chapter: '行業概覽' }));
    const after = table('b', [
      ['1', '公司E', '5.6%', '√'],
      ['2', '本公司', '3.1%', '√'],
      ['3', '公司J', '1.3%', '√'],
    ]);
    const plan = planBlackline(page(before.slice(0, 16)), page(after));
    expect(plan.deleted).toEqual([
      {
        kind: 'tr',
        before: -1,
        after: 11,
        html: ['4', '公司K', '0.9%', '√'].map((t) => `<td><del class="bl-del">${t}</del></td>`).join(''),
        chapter: '行業概覽',
      },
    ]);
    expect(plan.deletions).toBe(4);
    expect(plan.rewrite.size).toBe(0);
  });

  it('still pairs cells by position in a row that changed', () => {
    const after = table('b', [
      ['1', '公司E', '5.6%', '√'],
      ['2', '本公司', '3.2%', '√'],
      ['3', '公司J', '1.3%', '√'],
      ['4', '公司K', '0.9%', '√'],
      ['5', '公司L', '0.7%', 'x'],
    ]);
    expect(alignBlocks(before, after).filter((x) => x.type !== 'same')).toEqual([{ type: 'changed', from: 6, to: 6 }]);
  });
});
