import { describe, expect, it } from 'vitest';
import { changedWindow, gateRefusal, overrideWarning, unsignedItems } from '../../src/lib/review/gate.ts';
import { itemHash } from '../../src/lib/review/item-hash.ts';
import { chapterItems, ITEM_ELEMENTS, NOT_TEXT } from '../../src/lib/review/item-keys.ts';
import type { ItemKind, ReviewItem } from '../../src/lib/review/schema.ts';
import { parseSignoffs, stringifySignoffs } from '../../src/lib/review/signoffs-yaml.ts';

const item = (key: string, kind: ItemKind, value: string, context: string): ReviewItem => {
  const covered = { value, source: 'CIC', context };
  return { key, kind, chapterId: 'c', label: `行業概覽 · ${key}`, covered, hash: itemHash(covered) };
};

describe('the final gate', () => {
  const a = item('figure:c/x.a@2022~1', 'figure', '10', '市場規模為10。');
  const b = item('figure:c/x.b@2022~1', 'figure', '20', '市場規模為20。');
  const s = item('section:c-intro', 'section', '', '整節文字');
  const t = item('table:c/tbl-x', 'table', '', '表');

  it('lists every unsigned figure, table, chart and claim, but not sections', () => {
    const unsigned = unsignedItems([a, s, t], []);
    expect(unsigned.map((u) => u.item.key)).toEqual([a.key, t.key]);
    expect(unsigned.every((u) => u.status === 'none')).toBe(true);
  });

  it('says a figure whose value changed since it was signed is stale, with the old and new value', () => {
    const signed = {
      key: b.key,
      hash: itemHash({ ...b.covered, value: '19' }),
      by: 'x',
      at: '2026-12-01T00:00:00Z',
      note: '',
      covered: { ...b.covered, value: '19' },
    };
    const unsigned = unsignedItems(
      [a, b],
      [signed, { key: a.key, hash: a.hash, by: 'x', at: '2026-12-01T00:00:00Z', note: '', covered: a.covered }],
    );
    expect(unsigned).toHaveLength(1);
    expect(unsigned[0]).toMatchObject({ status: 'stale', was: '19', now: '20' });
    expect(gateRefusal(unsigned, 'content/signoffs.yaml')).toContain(
      `${b.key} — 行業概覽 · ${b.key} (stale: signed "19" now "20")`,
    );
  });

  it('shows where a long paragraph changed, not its unchanged start', () => {
    const start = '全球雲服務行業的增長勢頭強勁。'.repeat(6);
    const shown = changedWindow(`${start}費用為140,000美元，與市價一致。`, `${start}費用為150,000美元，與市價一致。`);
    expect(shown.was).toMatch(/^….*費用為140,000美元，與市價一致。$/);
    expect(shown.now).toMatch(/^….*費用為150,000美元，與市價一致。$/);
    expect(changedWindow('短句甲', '短句乙')).toEqual({ was: '短句甲', now: '短句乙' });
  });

  it('names the first ten and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => item(`figure:c/x.y@2022~${i + 1}`, 'figure', String(i), 'x'));
    const text = gateRefusal(unsignedItems(many, []), 'content/signoffs.yaml');
    expect(text).toContain('figure:c/x.y@2022~10 —');
    expect(text).not.toContain('figure:c/x.y@2022~11 —');
    expect(text).toContain('… and 3 more');
    expect(text).toContain('13 unsigned (0 stale)');
  });

  it('an override names who and why and how many', () => {
    expect(overrideWarning({ by: 'carol', reason: 'printer deadline' }, 4)).toMatch(
      /4 unsigned items.*carol.*printer deadline/,
    );
  });
});

describe('content/signoffs.yaml', () => {
  it('reads a valid file, and an empty one as no sign-offs', () => {
    const c = { value: '10', context: 'x' };
    const text = `version: 1\nsignoffs:\n  - key: figure:c/x.a@2022~1\n    hash: ${itemHash(c)}\n    by: alice\n    at: 2026-12-04T23:10:00Z\n    covered: { value: "10", context: x }\noverride:\n  by: carol\n  reason: deadline\n`;
    const parsed = parseSignoffs('content/signoffs.yaml', text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.signoffs?.signoffs[0]?.at).toBe('2026-12-04T23:10:00Z');
    expect(parsed.signoffs?.override?.reason).toBe('deadline');
    expect(parseSignoffs('content/signoffs.yaml', '').signoffs?.signoffs).toEqual([]);
  });

  it('points at the line of a wrong field, saying what was expected', () => {
    const text =
      'version: 1\nsignoffs:\n  - key: figure:c/x~1\n    hash: nothex\n    by: alice\n    at: 2026-12-04T23:10:00Z\n    covered: { context: x }\n';
    const parsed = parseSignoffs('content/signoffs.yaml', text);
    expect(parsed.signoffs).toBeUndefined();
    expect(parsed.diagnostics[0]).toMatchObject({ file: 'content/signoffs.yaml', line: 4 });
    expect(parsed.diagnostics[0]?.message).toContain('signoffs.0.hash');
    expect(parsed.diagnostics[0]?.message).toContain('sha256');
  });

  it('points at an unknown field’s own line, naming the fields that record may have', () => {
    const text = 'version: 1\nsignoffs: []\noverride:\n  by: carol\n  reason: r\n  who: x\n';
    const parsed = parseSignoffs('content/signoffs.yaml', text);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]?.line).toBe(6);
    expect(parsed.diagnostics[0]?.message).toBe('override: unknown field "who" — expected only by, reason and at');
  });

  it('writes sign-offs sorted by key then time, and reads back what it wrote', () => {
    const c = (context: string) => ({ context, value: '10' });
    const record = (key: string, at: string, context: string) => ({
      key,
      hash: itemHash(c(context)),
      by: 'alice',
      at,
      note: 'a: "quoted" note\nover two lines',
      covered: c(context),
    });
    const file = {
      version: 1 as const,
      signoffs: [
        record('figure:c/b~1', '2026-12-04T10:00:00Z', 'b'),
        record('figure:c/a~1', '2026-12-04T12:00:00Z', 'a new'),
        record('figure:c/a~1', '2026-12-04T11:00:00Z', 'a old'),
      ],
    };
    const text = stringifySignoffs(file);
    const back = parseSignoffs('content/signoffs.yaml', text).signoffs;
    expect(back?.signoffs.map((s) => s.covered.context)).toEqual(['a old', 'a new', 'b']);
    expect(back?.signoffs[0]?.note).toBe('a: "quoted" note\nover two lines');
    expect(stringifySignoffs({ ...file, signoffs: [...file.signoffs].reverse() })).toBe(text);
    expect(text.indexOf('key:')).toBeLessThan(text.indexOf('hash:'));
  });

  it('points at the line of broken YAML', () => {
    const parsed = parseSignoffs('content/signoffs.yaml', 'version: 1\nsignoffs:\n  - key: [unclosed\n');
    expect(parsed.diagnostics[0]?.file).toBe('content/signoffs.yaml');
    expect(parsed.diagnostics[0]?.line).toBeGreaterThanOrEqual(3);
  });
});

describe('the item rule handed to the browser', () => {
  it('counts the same elements and skips the same text as the selectors it exports', () => {
    // It is stringified, so it cannot import them: its own copies must say the same.
    const source = chapterItems.toString();
    expect(source).toContain(ITEM_ELEMENTS);
    expect(source).toContain(NOT_TEXT);
  });
});
