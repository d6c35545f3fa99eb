import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openPdf, pageTexts } from '../../scripts/lib/pdf/pdf-read.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { TEST_EPOCH } from '../build-once.ts';
import { checkHtml, describeErrors } from '../html-check.ts';
import { fixtureProject } from '../sample-copy.ts';
import { collapse, layoutPages } from './read.ts';

/**
 * The fictional financial document (tests/fixtures/documents/finance) built in both editions and
 * read back from its PDFs. Expected digits come from the fixture's YAML and the prospectus
 * conventions written out here, never from the code that formats them.
 */
const FIXTURE = resolve(import.meta.dirname, '../fixtures/documents/finance');

interface Series {
  label: string;
  en: { label: string };
  values: Record<string, number>;
}
function dataset(name: string): { periods: string[]; series: Record<string, Series> } {
  return parse(readFileSync(join(FIXTURE, 'data/datasets', `${name}.yaml`), 'utf8'));
}
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/**
 * RMB'000 as prospectus English writes it: in million, one decimal. Exact for the fixture's
 * amounts, which are whole hundreds of thousands except where a test says otherwise.
 */
const millions = (thousands: number) => (thousands / 1000).toFixed(1);
/** Accounting style: (1,234) for a negative, – for nil. */
const accounting = (n: number) => (n === 0 ? '–' : n < 0 ? `(${grouped(-n)})` : grouped(n));

let dir = '';
let log = '';
let zh: string[] = [];
let en: string[] = [];

beforeAll(() => {
  dir = fixtureProject('finance');
  const build = spawnSync(process.execPath, [join(dir, 'scripts/build.ts')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
  expect(build.status, build.stderr).toBe(0);
  log = build.stderr;
  zh = layoutPages(join(dir, 'dist/prospectus.pdf'));
  en = layoutPages(join(dir, 'dist/prospectus-en.pdf'));
});

/** The printed line that starts with a row's label: its figures in column order. */
function rowLine(pages: string[], label: string): string {
  const lines = pages.join('\n').split('\n');
  const escaped = label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // The label, then the row's figures after a column gap, or nothing when the label wraps.
  const row = new RegExp(`^\\s*${escaped}(\\s{2,}[(\\d–]|\\s*$)`, 'u');
  const at = lines.findIndex((l) => row.test(l));
  if (at === -1) {
    // A label that wraps prints its first words on the row's line.
    const shorter = label.split(' ').slice(0, -1).join(' ');
    if (shorter.includes(' ')) return rowLine(pages, shorter);
    throw new Error(`no printed row "${label}"`);
  }
  // A label that wraps in its cell prints its figures on the next line.
  const line = collapse(lines[at] ?? '');
  return /\d|–/.test(line) ? line : `${line} ${collapse(lines[at + 1] ?? '')}`;
}

describe('the fictional financial document on the site', () => {
  it('every page it writes, financial tables included, is valid HTML', () => {
    const errors = checkHtml(join(dir, 'dist'));
    expect(errors, describeErrors(errors)).toEqual([]);
  });
});

describe('the fictional financial document, both PDFs', () => {
  const income = dataset('income');
  const balance = dataset('balance');

  it('says in the build log how many stated subtotals and totals it recomputed', () => {
    const totals = [income, balance]
      .flatMap((d) => Object.values(d.series as Record<string, Series & { sum?: string[] }>).filter((s) => s.sum))
      .reduce((n, s) => n + Object.keys(s.values).length, 0);
    expect(log).toContain(`financial tables: ${totals} stated subtotals and totals recomputed, each adds up`);
  });

  it('prints every income-statement figure in accounting style, negatives in brackets, nil as –', () => {
    for (const s of Object.values(income.series)) {
      const figures = income.periods.map((p) => accounting(s.values[p] as number));
      for (const [pages, label] of [
        [zh, s.label],
        [en, s.en.label],
      ] as const) {
        const printed = rowLine(pages, label)
          .split(' ')
          .filter((t) => /^\(?[\d,]+(\.\d+)?\)?$|^–$/.test(t));
        // Amount and % of revenue alternate: the amounts are every other figure.
        expect(
          printed.filter((_, i) => i % 2 === 0),
          label,
        ).toEqual(figures);
      }
    }
    expect(rowLine(en, 'Cost of sales')).toContain('(72,000)');
  });

  it('derives % of revenue at build time: cost of sales over revenue, in brackets when negative', () => {
    const revenue = income.series['revenue']?.values['FY2023'] as number;
    const cost = income.series['cost-of-sales']?.values['FY2023'] as number;
    const share = `(${(Math.abs(cost / revenue) * 100).toFixed(1)})`;
    expect(rowLine(zh, '銷售成本').split(' ')).toContain(share);
    expect(rowLine(en, 'Cost of sales').split(' ')).toContain(share);
  });

  it('groups period columns under their kind, each edition in its words', () => {
    const zhText = collapse(zh.join('\n'));
    const enText = collapse(en.join('\n'));
    for (const words of ['截至12月31日止年度', '截至6月30日止六個月', '於12月31日', '人民幣千元']) {
      expect(zhText.replace(/\s/g, '')).toContain(words);
    }
    for (const words of ['Year ended 31 December', 'Six months ended 30 June', 'As at 31 December', "(RMB'000)"]) {
      expect(enText).toContain(words);
    }
  });

  it('prints the balance sheet as at two dates with its totals', () => {
    const net = balance.series['net-current-assets']?.values as Record<string, number>;
    expect(rowLine(zh, '流動資產淨值')).toContain(balance.periods.map((p) => accounting(net[p] as number)).join(' '));
    expect(rowLine(en, 'Net current assets')).toContain(
      balance.periods.map((p) => accounting(net[p] as number)).join(' '),
    );
    expect(rowLine(en, 'Bank borrowings').endsWith('–')).toBe(true);
  });

  it('spells each unit in prose each edition’s way', () => {
    const revenue = income.series['revenue']?.values['FY2023'] as number;
    const zhText = collapse(zh.join('\n')).replace(/\s/g, '');
    const enText = collapse(en.join('\n'));
    expect(zhText).toContain(`人民幣${grouped(revenue)}千元`);
    expect(enText).toContain(`RMB${millions(revenue)} million`);
    expect(zhText).toContain('1,350名');
    expect(enText).toContain('1,350 employees');
    expect(zhText).toContain('12.50港元');
    expect(enText).toContain('HK$12.50');
  });

  it("writes RMB'000 prose amounts in million: negatives worded, rounded only where the MDX asks", async () => {
    const cost = income.series['cost-of-sales']?.values['FY2023'] as number;
    const profit = income.series['profit']?.values['FY2022'] as number;
    // The fixture's profit has digits below a tenth of a million: only digits="1" may drop them.
    expect(profit % 100).not.toBe(0);
    const doc = await openPdf(new Uint8Array(readFileSync(join(dir, 'dist/prospectus-en.pdf'))));
    const enText = collapse((await pageTexts(doc)).join('\n'));
    expect(enText).toContain(`Our cost of sales was RMB${millions(-cost)} million in 2023.`);
    expect(enText).toContain(`Our profit for 2022 was RMB${millions(profit)} million.`);
    // No amount in either edition carries a minus sign.
    expect(enText).not.toMatch(/RMB\s*-/);
    expect(collapse(zh.join('\n')).replace(/\s/g, '')).toContain(`銷售成本為人民幣${grouped(-cost)}千元`);
    expect(collapse(zh.join('\n'))).not.toMatch(/人民幣\s*-/);
  });

  it('keeps the exact, signed value on the verification schedule beside the rounded English', () => {
    const cost = income.series['cost-of-sales']?.values['FY2023'] as number;
    const profit = income.series['profit']?.values['FY2022'] as number;
    const [header = [], ...records] = parseCsv(readFileSync(join(dir, 'dist/verification.csv'), 'utf8').slice(1));
    const cell = (r: string[], name: string) => r[header.indexOf(name)] ?? '';
    const prose = (ref: string) =>
      records.find((r) => cell(r, '數據編號') === ref && cell(r, '位置').startsWith('段落'));
    const profitRow = prose('income.profit@FY2022');
    expect(profitRow && cell(profitRow, '數值')).toBe(`人民幣${grouped(profit)}千元`);
    expect(profitRow && cell(profitRow, '英文版顯示文字')).toBe(`RMB${millions(profit)} million`);
    const costRow = prose('income.cost-of-sales@FY2023');
    expect(costRow && cell(costRow, '數值')).toBe(`人民幣-${grouped(-cost)}千元`);
    expect(costRow && cell(costRow, '英文版顯示文字')).toBe(`RMB${millions(-cost)} million`);
  });

  it('draws the line chart as one vector polyline through every period, in both PDFs', async () => {
    const periods = dataset('customers').periods.length;
    for (const [name, title] of [
      ['prospectus.pdf', '客戶數目'],
      ['prospectus-en.pdf', 'Number of customers'],
    ]) {
      const doc = await openPdf(new Uint8Array(readFileSync(join(dir, 'dist', name as string))));
      const texts = await pageTexts(doc);
      const pageNo = texts.findIndex((t) => t.includes(title as string)) + 1;
      expect(pageNo, `${name}: the chart's page`).toBeGreaterThan(0);
      const ops = await (await doc.getPage(pageNo)).getOperatorList();
      const polylines = ops.fnArray.flatMap((fn, i) => {
        if (fn !== OPS.constructPath) return [];
        const [paint, [data]] = ops.argsArray[i] as [number, [ArrayLike<number>]];
        const codes: number[] = [];
        // pdf.js path data: an op code (0 move, 1 line, 2 curve, 3 quadratic, 4 close), then its points.
        for (let j = 0; j < data.length; ) {
          const code = data[j] as number;
          codes.push(code);
          j += 1 + ({ 0: 2, 1: 2, 2: 6, 3: 4 }[code] ?? 0);
        }
        const open = !codes.includes(4) && codes.every((c) => c === 0 || c === 1);
        return paint === OPS.stroke && open && codes.length === periods ? [codes] : [];
      });
      expect(polylines.length, `${name}: a stroked polyline of ${periods} points`).toBe(1);
    }
  });

  it('embeds images: the SVG as vector, the one raster image (the logo) at its own pixels', () => {
    for (const name of ['prospectus.pdf', 'prospectus-en.pdf']) {
      const list = execFileSync('pdfimages', ['-list', join(dir, 'dist', name)])
        .toString()
        .trim()
        .split('\n');
      // Two header lines, then one row per raster image: page, num, type, width, height, …
      const rows = list.slice(2).map((l) => l.trim().split(/\s+/));
      expect(
        rows.map((r) => `${r[3]}×${r[4]}`),
        `${name}: raster images`,
      ).toEqual(['240×40']);
    }
    const pdfText = collapse(en.join('\n'));
    expect(pdfText).toContain('Holdco');
    expect(pdfText).toContain('OpCo A');
  });

  it('lists each image for verification with its alt text and resolution', () => {
    const html = readFileSync(join(dir, 'dist/verification/index.html'), 'utf8');
    const section = html.slice(html.indexOf('data-images'));
    expect(section).toContain('content/images/structure.svg');
    expect(section).toContain('SVG (vector)');
    expect(section).toContain('content/images/logo.png');
    // 240 px across 20 mm: 240 / (20 / 25.4) = 304.8 ppi.
    expect(section).toContain('240 × 40 px, 304 ppi at 20 mm');
    expect(section).toContain('虛構公司標誌：深藍色長條');
  });

  it('draws the doughnut with each share printed on it', () => {
    const mix = dataset('revenue-mix');
    for (const s of Object.values(mix.series)) {
      const share = `${(s.values['FY2023'] as number).toFixed(1)}%`;
      expect(collapse(zh.join('\n'))).toContain(share);
      expect(collapse(en.join('\n'))).toContain(share);
    }
  });
});
