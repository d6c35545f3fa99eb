import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameWoff2ByWeight, woff2Names, woff2Tables } from '../../scripts/lib/fonts/woff2-names.ts';

const font = (pkg: string, file: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../../node_modules/@fontsource', pkg, 'files', file)));

describe('WOFF2 fonts named by their weight', () => {
  const serif400 = font('noto-serif-tc', 'noto-serif-tc-0-400-normal.woff2');
  const sans700 = font('noto-sans-tc', 'noto-sans-tc-0-700-normal.woff2');

  it('starts from fontsource files that carry the variable font default name', () => {
    expect(woff2Names(serif400)[6]).toBe('NotoSerifTCExtraLight-Regular');
    expect(woff2Names(sans700)[6]).toBe('NotoSansTCThin-Bold');
  });

  it('names the 400 and 700 instances Regular and Bold of their family', () => {
    expect(woff2Names(nameWoff2ByWeight(serif400))).toMatchObject({
      1: 'Noto Serif TC',
      2: 'Regular',
      4: 'Noto Serif TC Regular',
      6: 'NotoSerifTC-Regular',
    });
    expect(woff2Names(nameWoff2ByWeight(sans700))).toMatchObject({
      1: 'Noto Sans TC',
      2: 'Bold',
      4: 'Noto Sans TC Bold',
      6: 'NotoSansTC-Bold',
    });
  });

  it('leaves every other table byte for byte as it was', () => {
    const before = woff2Tables(serif400);
    const after = woff2Tables(nameWoff2ByWeight(serif400));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [tag, bytes] of before) {
      if (tag !== 'name') expect(after.get(tag)?.equals(bytes), tag).toBe(true);
    }
  });

  it('leaves what is not a WOFF2 font alone', () => {
    const notFont = new TextEncoder().encode('not a font at all, not even close to forty-eight bytes long…');
    expect(nameWoff2ByWeight(notFont)).toBe(notFont);
  });
});
