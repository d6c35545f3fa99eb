import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from '../build-once.ts';
import { decodeEntities, htmlToText, layoutPages, nonEmptyLines } from './read.ts';

/**
 * A table set under a heading that names it (### 綜合財務狀況表 over the statement) prints the
 * name once: its caption stays in the page for assistive technology and the schedule, hidden.
 */
const EDITIONS = [
  { name: 'Chinese', html: 'document/index.html', pdf: 'prospectus.pdf' },
  { name: 'English', html: 'en/document/index.html', pdf: 'prospectus-en.pdf' },
] as const;

const words = (text: string) =>
  decodeEntities(htmlToText(text))
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();

interface Caption {
  text: string;
  hidden: boolean;
  /** The heading right before the figure, if the figure follows one directly. */
  heading?: string;
}

/** Every table figure's caption in the built page, with the heading element right before it. */
function captions(html: string): Caption[] {
  return [...html.matchAll(/<figure class="figure table-figure"[^>]*>\s*<figcaption([^>]*)>(.*?)<\/figcaption>/gs)].map(
    (m) => {
      const before = html.slice(Math.max(0, (m.index ?? 0) - 2000), m.index);
      const heading = /<(h[2-4])\b[^>]*>((?:(?!<\/?h[1-6]\b).)*?)<\/\1>\s*$/s.exec(before)?.[2];
      return {
        text: words(m[2] ?? ''),
        hidden: /\shidden(\s|=|$)/.test(m[1] ?? ''),
        ...(heading === undefined ? {} : { heading: words(heading) }),
      };
    },
  );
}

describe.each(EDITIONS)('the $name edition', (edition) => {
  const all = captions(readFileSync(join(TEST_DIST, edition.html), 'utf8'));
  const same = (c: Caption) => c.heading !== undefined && c.heading.toLowerCase() === c.text.toLowerCase();

  it('hides exactly the captions that repeat the heading right above their table', () => {
    expect(all.filter((c) => c.hidden).length).toBeGreaterThan(0);
    expect(all.filter((c) => c.hidden !== same(c))).toEqual([]);
  });

  it('prints no hidden caption: no page carries its name twice', () => {
    const pages = layoutPages(join(TEST_DIST, edition.pdf)).map(nonEmptyLines);
    for (const { text } of all.filter((c) => c.hidden)) {
      const twice = pages.flatMap((lines, i) =>
        lines.filter((line) => line.toLowerCase() === text.toLowerCase()).length > 1 ? [`page ${i + 1}`] : [],
      );
      expect(twice, text).toEqual([]);
      // The heading prints it, in full on a line of its own.
      expect(
        pages.some((lines) => lines.some((line) => line.toLowerCase() === text.toLowerCase())),
        text,
      ).toBe(true);
    }
  });
});
