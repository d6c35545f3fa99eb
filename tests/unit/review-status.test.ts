import { describe, expect, it } from 'vitest';
import { canonicalJson, itemHash } from '../../src/lib/review/item-hash.ts';
import { ReviewItemsFileSchema, SignoffsFileSchema } from '../../src/lib/review/schema.ts';
import { signoffStatus } from '../../src/lib/review/status.ts';

describe('itemHash', () => {
  it('hashes the canonical JSON: sorted keys, no whitespace (sha256sum of the same bytes)', () => {
    // printf '%s' '{"context":"全球雲端市場規模為 1,234 億美元。","source":"CIC","value":"1,234"}' | sha256sum
    const expected = '07e7c9fe0558065a8e79cd280b148689e773148ddeaa43e606e419330c5c98cd';
    expect(itemHash({ value: '1,234', source: 'CIC', context: '全球雲端市場規模為 1,234 億美元。' })).toBe(expected);
    expect(itemHash({ context: '全球雲端市場規模為 1,234 億美元。', value: '1,234', source: 'CIC' })).toBe(expected);
  });

  it('changes when any covered word changes, and ignores absent fields', () => {
    const base = { value: '1,234', source: 'CIC', context: 'x' };
    expect(itemHash({ ...base, context: 'y' })).not.toBe(itemHash(base));
    expect(itemHash({ ...base, value: '1,235' })).not.toBe(itemHash(base));
    expect(itemHash({ ...base, source: 'Frost' })).not.toBe(itemHash(base));
    expect(itemHash({ context: 'x', value: undefined })).toBe(itemHash({ context: 'x' }));
    expect(canonicalJson({ b: [2, { d: 1, c: 'é' }], a: null })).toBe('{"a":null,"b":[2,{"c":"é","d":1}]}');
  });
});

const covered = (context: string, value = '10') => ({ value, source: 'CIC', context });
const item = (key: string, context: string, value?: string) => {
  const c = covered(context, value);
  return { key, covered: c, hash: itemHash(c) };
};
const signoff = (key: string, c: ReturnType<typeof covered>, at: string) => ({
  key,
  hash: itemHash(c),
  at,
  by: 'alice',
  covered: c,
});

describe('signoffStatus', () => {
  it('is signed when a sign-off has the current hash, none without sign-offs', () => {
    const a = item('figure:c/x.y@2022~1', '市場規模為10億美元。');
    const b = item('figure:c/x.y@2022~2', '另一句。');
    const s = signoffStatus([a, b], [signoff(a.key, a.covered, '2026-12-04T10:00:00Z')]);
    expect(s.get(a.key)?.status).toBe('signed');
    expect(s.get(a.key)?.signedCovered).toBeUndefined();
    expect(s.get(b.key)?.status).toBe('none');
    expect(s.get(b.key)?.signoffs).toEqual([]);
  });

  it('is stale when the sentence around the figure changed, showing the old words beside the new', () => {
    const old = covered('2022年市場規模為10億美元。');
    const now = item('figure:c/x.y@2022~1', '2018年市場規模為10億美元。');
    const s = signoffStatus([now], [signoff(now.key, old, '2026-12-04T10:00:00Z')]).get(now.key);
    expect(s?.status).toBe('stale');
    expect(s?.signedCovered).toEqual(old);
    expect(s?.current).toEqual(now.covered);
  });

  it('a stale item shows the newest sign-off (by instant, not by spelling or order given)', () => {
    const now = item('table:c/t', 'now');
    const first = signoff(now.key, covered('first'), '2026-12-04T10:00:00Z');
    const newest = signoff(now.key, covered('newest'), '2026-12-04T19:00:00+08:00'); // 11:00Z
    const middle = signoff(now.key, covered('middle'), '2026-12-04T10:30:00Z');
    const s = signoffStatus([now], [newest, first, middle]).get(now.key);
    expect(s?.status).toBe('stale');
    expect(s?.signedCovered?.context).toBe('newest');
    expect(s?.signoffs.map((x) => x.covered.context)).toEqual(['first', 'middle', 'newest']);
  });

  it('an older sign-off of the current words still signs the item after a newer stale one', () => {
    const now = item('chart:c/k', 'same');
    const s = signoffStatus(
      [now],
      [
        signoff(now.key, now.covered, '2026-12-01T00:00:00Z'),
        signoff(now.key, covered('other'), '2026-12-02T00:00:00Z'),
      ],
    );
    expect(s.get(now.key)?.status).toBe('signed');
  });

  it('leaves out sign-offs of items the copy no longer has', () => {
    const a = item('figure:c/a~1', 'a');
    const s = signoffStatus([a], [signoff('figure:c/gone~1', covered('g'), '2026-12-04T10:00:00Z')]);
    expect([...s.keys()]).toEqual([a.key]);
    expect(s.get(a.key)?.status).toBe('none');
  });
});

describe('schemas', () => {
  it('reads a sign-off file with an override, YAML dates as times, and refuses a wrong hash', () => {
    const c = covered('x');
    const file = SignoffsFileSchema.parse({
      version: 1,
      signoffs: [
        { key: 'claim:cloud-cagr', hash: itemHash(c), by: 'bob', at: new Date('2026-12-04T23:10:00Z'), covered: c },
      ],
      override: { by: 'carol', reason: 'printer deadline' },
    });
    expect(file.signoffs[0]?.at).toBe('2026-12-04T23:10:00.000Z');
    expect(file.signoffs[0]?.note).toBe('');
    expect(file.override?.by).toBe('carol');
    const bad = SignoffsFileSchema.safeParse({
      version: 1,
      signoffs: [{ key: 'claim:x', hash: 'abc', by: 'b', at: 'x', covered: c }],
    });
    expect(bad.success).toBe(false);
    expect(SignoffsFileSchema.safeParse({ version: 1, signoffs: [], extra: 1 }).success).toBe(false);
  });

  it('refuses an item of an unknown kind or key form', () => {
    const c = covered('x');
    const ok = { key: 'section:overview', kind: 'section', chapterId: 'c', label: 'l', covered: c, hash: itemHash(c) };
    const file = { version: 1, stage: 'vetting', commit: 'abc', builtAt: '2026-12-04T00:00:00Z', items: [ok] };
    expect(ReviewItemsFileSchema.safeParse(file).success).toBe(true);
    expect(ReviewItemsFileSchema.safeParse({ ...file, items: [{ ...ok, kind: 'note' }] }).success).toBe(false);
    expect(ReviewItemsFileSchema.safeParse({ ...file, items: [{ ...ok, key: 'overview' }] }).success).toBe(false);
  });
});
