import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf, pageTexts, readOutline } from '../../scripts/lib/pdf-read.ts';
import { TEST_DIST } from '../build-once.ts';
import { parseCsv } from '../csv.ts';
import { listForMessage, PDF_PATH, squash } from './read.ts';

// The build places figures with the page text pdftotext reads; this reads the PDF with another
// reader (pdf.js) and checks each placement against what that page actually prints.
describe('verification schedule', () => {
  it('gives each figure the folio of the PDF page that prints it', async () => {
    const doc = await openPdf(new Uint8Array(readFileSync(PDF_PATH)));
    const texts = (await pageTexts(doc)).map(squash);
    const outline = await readOutline(doc);
    const [header = [], ...rows] = parseCsv(readFileSync(join(TEST_DIST, 'verification.csv'), 'utf8').slice(1));
    const column = (name: string) => header.indexOf(name);
    const [location, text, folio] = ['位置', '顯示文字', 'PDF頁碼'].map(column);
    const records = rows.filter((r) => r.length === header.length);
    expect(records.length).toBeGreaterThan(100);
    // Folio 1 is the first page after the contents (釋義; the cover and contents do not count).
    const contents = outline.findIndex((e) => e.depth === 1 && e.title === '目錄');
    const firstSection = outline.slice(contents + 1).find((e) => e.depth === 1);
    expect(contents, 'bookmark of the contents').toBeGreaterThanOrEqual(0);
    expect(firstSection, 'bookmark of the first section after the contents').toBeDefined();
    const offset = (firstSection?.page ?? 1) - 1;
    const wrong: string[] = [];
    for (const r of records) {
      const where = r[location ?? 0] ?? '';
      // A figure in a chart or table is placed by its title; one in prose by its own text.
      const needle = squash(/^[圖表]：/u.test(where) ? where.slice(2) : (r[text ?? 0] ?? ''));
      const physical = Number(r[folio ?? 0]) + offset;
      if (!texts[physical - 1]?.includes(needle)) wrong.push(`${needle} not on folio ${r[folio ?? 0]}`);
    }
    expect(wrong, listForMessage(wrong)).toEqual([]);
    // The figures run over several pages, so an answer of one page for all would not pass.
    expect(new Set(records.map((r) => r[folio ?? 0])).size).toBeGreaterThan(3);
  });
});
