import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openPdf, pageTexts, readOutline } from '../../scripts/lib/pdf-read.ts';
import { TEST_DIST } from '../build-once.ts';
import { collapse, layoutPages, nonEmptyLines, run } from './read.ts';

/** The English edition's PDF, read back like the Chinese one: furniture, figures, fonts, metadata. */

const EN_PDF = join(TEST_DIST, 'prospectus-en.pdf');
const ROOT = resolve(import.meta.dirname, '../..');
const CJK = /[\u3400-\u9fff]/u;
const FOLIO = /^–\s*(\d+)\s*–$/u;

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

describe('the English PDF (prospectus-en.pdf)', () => {
  const pages = layoutPages(EN_PDF);
  const warning = 'This Application Proof is in draft form.';

  it('has a cover with the WARNING, then CONTENTS with page numbers', () => {
    expect(collapse(pages[0] ?? '')).toContain('WARNING');
    expect(collapse(pages[0] ?? '')).toContain('Application Proof (for publication)');
    const contents = nonEmptyLines(pages[1] ?? '');
    expect(contents.some((l) => l === 'CONTENTS')).toBe(true);
    const entry = contents.find((l) => l.startsWith('GLOBAL AND CHINA CLOUD SERVICES INDUSTRY'));
    expect(entry, 'a contents entry').toMatch(/\s\d+$/u);
  });

  it('carries the English warning on every page, and the running head of its section with a folio on every page after the contents', async () => {
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, i) => {
      expect(collapse(page), `page ${i + 1}: warning line`).toContain(warning);
    });
    const outline = await readOutline(await openPdf(new Uint8Array(readFileSync(EN_PDF))));
    const sections = outline.filter((o) => o.depth === 1 && o.title !== 'CONTENTS');
    expect(sections.map((s) => s.title)).toEqual(['DEFINITIONS', 'GLOSSARY OF TECHNICAL TERMS', 'INDUSTRY OVERVIEW']);
    expect(sections[0]?.page).toBe(3);
    const chapterPages = pages.slice(2);
    chapterPages.forEach((page, i) => {
      const lines = nonEmptyLines(page);
      const head = sections.filter((s) => s.page <= i + 3).at(-1)?.title ?? '';
      // The head is the line under the two-line warning, above any heading of the page itself.
      const underWarning = lines.findIndex((l) => l.endsWith('on the cover of this document.')) + 1;
      expect(underWarning, `page ${i + 3}: end of the warning`).toBeGreaterThan(0);
      expect(lines[underWarning], `page ${i + 3}: running head`).toBe(head);
      expect(lines.at(-1), `page ${i + 3}: folio`).toMatch(FOLIO);
      expect(Number(FOLIO.exec(lines.at(-1) ?? '')?.[1])).toBe(i + 1);
    });
  });

  it('states every figure in its English form and no Chinese', () => {
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
    expect(text.split('[REDACTED]').length - 1).toBe(3);
  });

  it('has bookmarks, tagging and /Lang en', async () => {
    const doc = await openPdf(new Uint8Array(readFileSync(EN_PDF)));
    const outline = await readOutline(doc);
    expect(outline.map((o) => o.title)).toContain('GLOBAL AND CHINA CLOUD SERVICES INDUSTRY');
    expect((await pageTexts(doc)).length).toBe(pages.length);
    expect(run('pdfinfo', [EN_PDF])).toMatch(/^Tagged:\s+yes$/mu);
    const raw = await PDFDocument.load(readFileSync(EN_PDF), { updateMetadata: false });
    const lang = raw.catalog.get(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString).toBe(true);
    if (lang instanceof PDFString || lang instanceof PDFHexString) expect(lang.decodeText()).toBe('en');
  });

  it('sets the body in an embedded Latin serif, no font Type 3 or left out', () => {
    const rows = run('pdffonts', [EN_PDF])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.some((r) => /\+NotoSerif-Regular\s/u.test(r))).toBe(true);
    for (const row of rows) {
      expect(row, 'Type 3').not.toMatch(/Type 3/u);
      expect(row, 'embedded subset').toMatch(/\byes\s+yes\s+yes\b/u);
    }
  });
});
