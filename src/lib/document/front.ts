/**
 * Folios of the front matter. As Hong Kong prospectuses number them, the pages between the cover
 * and the first section after the contents — the expected timetable and the contents — carry
 * lower-case Roman folios (– i –, – ii –, – iii –), and – 1 – is the first page after the
 * contents (the summary, or 釋義 without one). The cover carries none.
 *
 * Chromium counts a counter that only some named pages increment (as the appendices' do), so the
 * front pages increment their own and leave `page` alone: the chapters still start at – 1 –.
 */
export const FRONT_COUNTER = 'front-matter';

/** The named page of a front section printed before the contents: its running head and a Roman folio. */
export function frontPageCss(page: string, head: string): string {
  return `@page ${page} { counter-increment: page 0 ${FRONT_COUNTER}; @top-center { content: ${head}; } @bottom-center { content: "– " counter(${FRONT_COUNTER}, lower-roman) " –"; } }`;
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** 3 → `iii`: a front page's folio as `counter(…, lower-roman)` prints it. */
export function frontFolio(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
