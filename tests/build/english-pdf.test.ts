import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openPdf, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { TEST_DIST } from '../build-once.ts';
import { collapse, layoutPages, nonEmptyLines, run } from './read.ts';

/** What only the English PDF must show: its cover, its figures in English form, no Chinese. */

const EN_PDF = join(TEST_DIST, 'prospectus-en.pdf');
const ROOT = resolve(import.meta.dirname, '../..');
const CJK = /[\u3400-\u9fff]/u;

/** 億 → billion, computed here from the YAML: one place left, one decimal more. */
function billion(dataset: string, series: string, period: string): string {
  const doc = parse(readFileSync(join(ROOT, 'data/datasets', `${dataset}.yaml`), 'utf8')) as {
    series: Record<string, { values: Record<string, number> }>;
  };
  const value = doc.series[series]?.values[period];
  if (typeof value !== 'number') throw new Error(`${dataset}.${series}@${period}: not stated`);
  const [whole = '', fraction = ''] = (value / 10).toFixed(1).split('.');
  return `RMB${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction} billion`;
}

/** The layout text of one chapter's pages: from its depth-1 bookmark to the next one's. */
async function chapterPages(pdf: string, pages: string[], title: string): Promise<string> {
  const outline = (await readOutline(await openPdf(new Uint8Array(readFileSync(pdf))))).filter((e) => e.depth === 1);
  const i = outline.findIndex((e) => e.title === title);
  const start = outline[i]?.page ?? 1;
  const end = (outline[i + 1]?.page ?? pages.length + 1) - 1;
  return pages.slice(start - 1, end).join('\n');
}

describe('the English PDF (prospectus-en.pdf)', () => {
  const pages = layoutPages(EN_PDF);

  it('has a cover with the WARNING, then CONTENTS with page numbers', () => {
    expect(collapse(pages[0] ?? '')).toContain('WARNING');
    expect(collapse(pages[0] ?? '')).toContain('Application Proof (for publication)');
    // The expected timetable prints between the cover and the contents.
    const at = pages.findIndex((p) => nonEmptyLines(p).some((l) => l === 'CONTENTS'));
    expect(at, 'the contents page').toBe(2);
    const contents = nonEmptyLines(pages[at] ?? '');
    const entry = contents.find((l) => l.startsWith('GLOBAL AND CHINA CLOUD SERVICES INDUSTRY'));
    expect(entry, 'a contents entry').toMatch(/\s\d+$/u);
  });

  it('states every figure in its English form and no Chinese', async () => {
    const text = collapse(pages.join('\n'));
    expect(text.match(CJK), 'a Chinese character in the English PDF').toBeNull();
    for (const [d, s, p] of [
      ['global-cloud', 'global', '2018'],
      ['global-cloud', 'global', '2027E'],
      ['global-edge', 'total', '2022'],
      ['china-edge', 'security', '2022'],
    ] as const) {
      expect(text).toContain(billion(d, s, p));
    }
    expect(text).toContain('Source: CIC Report');
    // The seed's three, in the industry overview (the sections withheld whole add their own).
    const overview = await chapterPages(EN_PDF, pages, 'INDUSTRY OVERVIEW');
    expect(collapse(overview).split('[REDACTED]').length - 1).toBe(3);
  });

  // Furniture, contents, bookmarks, tagging, /Lang, fonts and charts: tests/build/pdf.test.ts
  // holds both PDFs to the same rules.
  it('sets the body in an embedded Latin serif and embeds no Chinese font', () => {
    const rows = run('pdffonts', [EN_PDF])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.some((r) => /\+NotoSerif-Regular\s/u.test(r))).toBe(true);
    expect(rows.filter((r) => /TC-|CJK|SC-|JP-|KR-|Ming|Hei|Song/u.test(r))).toEqual([]);
  });
});
