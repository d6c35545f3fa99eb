import { describe, expect, it } from 'vitest';
import {
  type Coverage,
  narrowSliceRanges,
  parseUnicodeRange,
  rangesOf,
  rangesOutside,
} from '../../scripts/lib/fonts/slice-ranges.ts';

/** A whole font of one face that draws A–Z and 一, 丁, 七 and 十 (U+4E00, U+4E01, U+4E03, U+5341). */
const WHOLE = rangesOf([...Array.from({ length: 26 }, (_, i) => 0x41 + i), 0x4e00, 0x4e01, 0x4e03, 0x5341]);
const coverage: Coverage = (family, weight, style) =>
  family === 'Noto Serif TC' && weight === '400' && style === 'normal' ? WHOLE : undefined;

const face = (family: string, range: string, more = '') =>
  `@font-face{font-family:${family};font-style:normal;font-weight:400;src:url(/_astro/a.woff2)format("woff2");unicode-range:${range}${more}}`;

describe('unicode ranges', () => {
  it('read single code points, spans and wildcards, and refuse anything else', () => {
    expect(parseUnicodeRange('U+3000, u+4e00-4e0f,U+4??')).toEqual([
      [0x3000, 0x3000],
      [0x4e00, 0x4e0f],
      [0x400, 0x4ff],
    ]);
    expect(parseUnicodeRange('U+4E10-4E00')).toBeNull();
    expect(parseUnicodeRange('4E00')).toBeNull();
  });

  it('join neighbouring code points and subtract a font’s coverage', () => {
    expect(rangesOf([5, 3, 4, 9, 4])).toEqual([
      [3, 5],
      [9, 9],
    ]);
    expect(rangesOutside([[0x4e00, 0x4e05]], WHOLE)).toEqual([
      [0x4e02, 0x4e02],
      [0x4e04, 0x4e05],
    ]);
  });
});

describe('a stylesheet narrowed for the print', () => {
  it('drops a slice whose characters the whole font all draws', () => {
    expect(narrowSliceRanges(`a{color:red}${face('Noto Serif TC', 'U+4E00-4E01,U+41-5A')}`, coverage)).toBe(
      'a{color:red}',
    );
  });

  it('keeps only the characters the whole font lacks, in the rule as it was', () => {
    expect(narrowSliceRanges(face("'Noto Serif TC'", 'U+4E00-4E05,U+5341'), coverage)).toBe(
      face("'Noto Serif TC'", 'U+4E02,U+4E04-4E05'),
    );
  });

  it('leaves the faces the print does not replace, and a face with no range, as they are', () => {
    const css = [
      face('Noto Serif', 'U+41-5A'),
      face('Noto Serif TC', 'U+4E00').replace('font-style:normal', 'font-style:italic'),
      face('Noto Serif TC', 'U+4E00').replace('font-weight:400', 'font-weight:700'),
      '@font-face{font-family:Noto Serif TC;font-weight:400;src:url(/_astro/b.woff2)}',
      face('Noto Serif TC', 'not a range'),
    ].join('\n');
    expect(narrowSliceRanges(css, coverage)).toBe(css);
  });
});
