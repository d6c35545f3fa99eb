/**
 * The site's font slices, narrowed for the print to the characters the whole print fonts lack.
 *
 * The print declares one whole font per face after the site's slices (print-fonts.ts), and for
 * each character Chromium draws from the whole font whenever it has the glyph. Yet a slice is
 * fetched and decoded whenever the page's text has a character in its `unicode-range`: 30 to 98
 * slices a page of Chinese, none of which drew anything but the few characters the whole fonts
 * leave out (a CJK Extension A ideograph, a radical the cmap rewrite gives to its ideograph).
 * Narrowed to those characters, a slice is fetched only for them, and the PDF draws every
 * character from the same font as before.
 */

/** Inclusive code point ranges, ascending and disjoint. */
export type CodePointRanges = readonly (readonly [number, number])[];

/** The code points a font's cmap maps, as ranges. */
export function rangesOf(codePoints: Iterable<number>): [number, number][] {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const cp of sorted) {
    const last = ranges.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

function covers(ranges: CodePointRanges, cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid] ?? [0, -1];
    if (cp < start) hi = mid - 1;
    else if (cp > end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** A CSS `unicode-range` value as ranges: `U+4E00-4E0F`, `U+3000`, `U+4??` (a wildcard). */
export function parseUnicodeRange(value: string): [number, number][] | null {
  const ranges: [number, number][] = [];
  for (const part of value.split(',')) {
    const m = /^\s*u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!m?.[1]) return null;
    const [from, to] = m[2]
      ? [Number.parseInt(m[1], 16), Number.parseInt(m[2], 16)]
      : [Number.parseInt(m[1].replace(/\?/g, '0'), 16), Number.parseInt(m[1].replace(/\?/g, 'f'), 16)];
    if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
    ranges.push([from, to]);
  }
  return ranges;
}

function formatUnicodeRange(ranges: CodePointRanges): string {
  const hex = (cp: number) => cp.toString(16).toUpperCase();
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

/** The part of `ranges` outside `covered`. */
export function rangesOutside(ranges: CodePointRanges, covered: CodePointRanges): [number, number][] {
  const left: number[] = [];
  for (const [start, end] of ranges) for (let cp = start; cp <= end; cp++) if (!covers(covered, cp)) left.push(cp);
  return rangesOf(left);
}

/** What the whole print font of a face covers, or undefined where the print has no such face. */
export type Coverage = (family: string, weight: string, style: string) => CodePointRanges | undefined;

const FONT_FACE = /@font-face\s*\{([^}]*)\}/g;

function descriptor(body: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]*)`, 'i').exec(body)?.[1]?.trim();
}

/**
 * The stylesheet with every slice of a face the print has a whole font for narrowed to the
 * characters that font lacks, and dropped when it lacks none of them. Other rules, and the slices
 * of faces the print does not replace (the Latin faces, the italic), are left as they are; so is
 * a face without a unicode-range, which would cover every character.
 */
export function narrowSliceRanges(css: string, coverage: Coverage): string {
  return css.replace(FONT_FACE, (rule, body: string) => {
    const family = descriptor(body, 'font-family')?.replace(/^(['"])(.*)\1$/, '$2');
    const range = descriptor(body, 'unicode-range');
    if (!family || !range) return rule;
    const covered = coverage(
      family,
      descriptor(body, 'font-weight') ?? '400',
      descriptor(body, 'font-style') ?? 'normal',
    );
    const ranges = covered && parseUnicodeRange(range);
    if (!covered || !ranges) return rule;
    const left = rangesOutside(ranges, covered);
    if (left.length === 0) return '';
    return rule.replace(range, formatUnicodeRange(left));
  });
}
