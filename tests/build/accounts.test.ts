import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openPdf, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { ROOT, TEST_DIST } from '../build-once.ts';
import { layoutPages } from './read.ts';

/**
 * One set of accounts, read back from both PDFs: the Summary's key financial data, the Financial
 * Information tables and Appendix I print the same figures, because they bind the same cells.
 * Expected digits come from the accounts' YAML, written out here, never from the code that
 * formats them.
 */
interface Dataset {
  series: Record<string, { values: Record<string, number | { formula: string }> }>;
}
function stated(dataset: string, series: string, period: string): number {
  const d: Dataset = parse(readFileSync(join(ROOT, 'data/datasets', `${dataset}.yaml`), 'utf8'));
  const v = d.series[series]?.values[period];
  if (typeof v !== 'number') throw new Error(`${dataset}.${series}@${period} is not stated in the YAML`);
  return v;
}
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** RMB'000 in English prose: million with one decimal (the amounts here are whole tens). */
const millions = (thousands: number) =>
  `RMB${grouped(Math.floor(thousands / 1000))}.${String(Math.round((thousands % 1000) / 100))}`;

/**
 * The text of each chapter and appendix by its bookmark: a chapter runs from its own page to the
 * page before the next one starts. Appendices are the children of the 附錄 / APPENDICES group.
 */
async function chapters(pdf: string): Promise<(title: RegExp) => string> {
  const bytes = new Uint8Array(readFileSync(pdf));
  const outline = await readOutline(await openPdf(bytes));
  const starts: { title: string; page: number }[] = [];
  let inAppendices = false;
  for (const e of outline) {
    if (e.depth === 1) inAppendices = /^(附錄|APPENDICES)$/.test(e.title);
    if ((e.depth === 1 && !inAppendices) || (e.depth === 2 && inAppendices)) starts.push(e);
  }
  starts.sort((a, b) => a.page - b.page);
  const pages = layoutPages(pdf);
  return (title) => {
    const i = starts.findIndex((s) => title.test(s.title));
    if (i < 0) throw new Error(`no bookmark ${title} in ${starts.map((s) => s.title).join(' | ')}`);
    const from = (starts[i] as { page: number }).page;
    const to = starts[i + 1]?.page ?? pages.length + 1;
    return pages.slice(from - 1, Math.max(from, to - 1)).join('\n');
  };
}

let zh: (title: RegExp) => string = () => '';
let en: (title: RegExp) => string = () => '';

beforeAll(async () => {
  zh = await chapters(join(TEST_DIST, 'prospectus.pdf'));
  en = await chapters(join(TEST_DIST, 'prospectus-en.pdf'));
});

describe('one set of accounts in three chapters', () => {
  const revenue2023 = stated('accounts-income', 'revenue', 'FY2023');
  const profit6m = stated('accounts-income', 'profit', '6M-2024-06-30');
  const netAssets = stated('accounts-position', 'net-assets', '2024-06-30');

  for (const [edition, heads] of [
    ['Chinese', { summary: /^概要$/, fi: /^財務資料$/, appendix: /^附錄一\s*會計師報告$/ }],
    [
      'English',
      { summary: /^SUMMARY$/, fi: /^FINANCIAL INFORMATION$/, appendix: /^APPENDIX I\s*ACCOUNTANTS.? REPORT$/ },
    ],
  ] as const) {
    it(`the ${edition} Summary, Financial Information and Appendix I tables print the same revenue, profit and net assets`, () => {
      const chapter = edition === 'Chinese' ? zh : en;
      const text = {
        summary: chapter(heads.summary),
        fi: chapter(heads.fi),
        appendix: chapter(heads.appendix),
      };
      for (const [name, pages] of Object.entries(text)) {
        expect(pages.length, `${edition} ${name} pages`).toBeGreaterThan(500);
        // Tables print RMB'000 in both editions: the digits of the YAML, grouped.
        expect(pages, `${edition} ${name}: revenue FY2023`).toContain(grouped(revenue2023));
        expect(pages, `${edition} ${name}: profit 6M 2024`).toContain(grouped(profit6m));
      }
      expect(text.summary).toContain(grouped(netAssets));
      expect(text.appendix).toContain(grouped(netAssets));
    });
  }

  it('English prose in the Summary and in Financial Information states the same revenue in million', () => {
    // Soft hyphens are joined by layoutPages; line ends become spaces.
    const summary = en(/^SUMMARY$/).replace(/\s+/g, ' ');
    const fi = en(/^FINANCIAL INFORMATION$/).replace(/\s+/g, ' ');
    const amount = `${millions(revenue2023)} million`;
    expect(summary).toContain(amount);
    expect(fi).toContain(amount);
  });

  it('the market share the Summary states is the ranking table’s, the claim recomputed from the accounts', () => {
    const summary = zh(/^概要$/).replace(/\s+/g, '');
    const table = parse(readFileSync(join(ROOT, 'data/datasets/china-edge-ranking-2022.yaml'), 'utf8'));
    expect(summary).toContain(`市場份額約為${table.rows.self.share.toFixed(1)}%`);
  });
});
