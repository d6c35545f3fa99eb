import { describe, expect, it } from 'vitest';
import { editionsOf, pairEditions } from '../../src/lib/pair-editions.ts';

const fig = (chapterId: string, ref: string, text: string) => ({ chapterId, ref, text });

describe('pairing the figures of the two editions', () => {
  it('pairs each occurrence with the same occurrence of its id in the same chapter', () => {
    const zh = [fig('a', 'x', '甲1'), fig('a', 'y', '乙'), fig('a', 'x', '甲2'), fig('b', 'x', '丙')];
    // The English sentence puts y first: pairing follows ids and occurrences, not positions.
    const en = [fig('a', 'y', 'Y'), fig('a', 'x', 'X1'), fig('a', 'x', 'X2'), fig('b', 'x', 'Z')];
    const pairs = pairEditions(zh, en);
    expect(pairs.map((p) => [p.zh?.text, p.en?.text])).toEqual([
      ['甲1', 'X1'],
      ['乙', 'Y'],
      ['甲2', 'X2'],
      ['丙', 'Z'],
    ]);
    expect(pairs.map(editionsOf)).toEqual(['both', 'both', 'both', 'both']);
  });
  it('keeps a figure of one edition only, on its own line, marked with its edition', () => {
    const zh = [fig('a', 'x', '甲'), fig('a', 'x', '甲again'), fig('zh-only', 'z', '丁')];
    const en = [fig('a', 'x', 'X'), fig('en-only', 'w', 'W')];
    const pairs = pairEditions(zh, en);
    expect(pairs.map((p) => [p.zh?.text, p.en?.text, editionsOf(p)])).toEqual([
      ['甲', 'X', 'both'],
      ['甲again', undefined, 'zh'],
      ['丁', undefined, 'zh'],
      [undefined, 'W', 'en'],
    ]);
  });
});
