import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/project.ts';
import type { Project } from '../../src/lib/project-model.ts';
import { chartModel } from '../../src/lib/render/chart.ts';
import { accountingNumber } from '../../src/lib/render/statement.ts';
import { tableModel } from '../../src/lib/render/table.ts';
import { fixtureDocument } from '../sample-copy.ts';

/** The chart and table models of the fictional financial document, before any drawing. */
function finance(): Project {
  const check = checkProject(fixtureDocument('finance'));
  if (!check.project) throw new Error(check.diagnostics.map((d) => d.message).join('\n'));
  return check.project;
}

describe('charts beyond bars', () => {
  const project = finance();

  it('draws a line chart as a Chart.js line', () => {
    const m = chartModel(project, { type: 'line', title: 't', dataset: 'customers', series: 'customers' });
    expect(m.config.type).toBe('line');
    expect(m.config.data.datasets[0]?.data).toEqual([120, 185, 260, 340, 415]);
  });

  it('draws horizontal bars as bars along the y axis', () => {
    const m = chartModel(project, { type: 'hbar', title: 't', dataset: 'staff', series: 'staff' });
    expect(m.config.type).toBe('bar');
    expect((m.config.options['prospectus'] as { kind: string }).kind).toBe('hbar');
  });

  it('draws bar + line with the line on its own axis, over the bars’ periods', () => {
    const m = chartModel(
      project,
      { type: 'bar-line', title: 't', dataset: 'revenue-trend', series: 'revenue', line: 'revenue-growth.growth' },
      'en',
    );
    const line = m.config.data.datasets.find((d) => d.type === 'line');
    expect(line?.yAxisID).toBe('y2');
    expect(line?.data).toEqual([null, 20, 25]);
    expect(m.config.data.labels).toEqual([['2021'], ['2022'], ['2023']]);
    expect(m.periods.map((p) => p.label)).toEqual([
      'year ended 31 December 2021',
      'year ended 31 December 2022',
      'year ended 31 December 2023',
    ]);
  });

  it('draws a doughnut of one period, one slice per series', () => {
    const m = chartModel(project, {
      type: 'doughnut',
      title: 't',
      dataset: 'revenue-mix',
      series: 'cloud,security,consulting',
      period: 'FY2023',
    });
    expect(m.config.type).toBe('doughnut');
    expect(m.config.data.datasets[0]?.data).toEqual([55.2, 28.5, 16.3]);
    expect(m.config.data.labels).toEqual([['雲服務'], ['安全服務'], ['諮詢服務']]);
  });

  it('refuses a doughnut of amounts, or without its period', () => {
    const base = { type: 'doughnut', title: 't', series: 'staff' } as const;
    expect(() => chartModel(project, { ...base, dataset: 'staff', period: '2023' })).toThrow(
      /a doughnut shows shares in %/,
    );
    expect(() => chartModel(project, { ...base, dataset: 'staff' })).toThrow(/expected period="…"/);
  });
});

describe('financial tables', () => {
  const project = finance();

  it('writes negatives in brackets and nil as a dash', () => {
    expect(accountingNumber(-1234, 0)).toBe('(1,234)');
    expect(accountingNumber(1234.5, 1)).toBe('1,234.5');
    expect(accountingNumber(0, 0)).toBe('–');
    expect(accountingNumber(-0.04, 1)).toBe('–');
  });

  it('marks subtotal and total rows and indents line items', () => {
    const m = tableModel(project, { dataset: 'income' });
    const row = (id: string) => m.rows.find((r) => r.id === id);
    expect(row('gross-profit')?.style).toBe('subtotal');
    expect(row('profit')?.style).toBe('total');
    expect(row('cost-of-sales')?.indent).toBe(1);
    expect(row('revenue')?.style).toBeUndefined();
  });

  it('groups period columns under their kind, with an amount and a % column each', () => {
    const m = tableModel(project, { dataset: 'income' }, 'en');
    expect(m.header[0]?.map((h) => [h.label, h.colspan])).toEqual([
      ["(RMB'000)", 1],
      ['Year ended 31 December', 4],
      ['Six months ended 30 June', 4],
    ]);
    expect(m.header[1]?.map((h) => h.label)).toEqual(['2022', '2023', '2023', '2024']);
    expect(m.header[2]?.map((h) => h.label)).toEqual(Array(4).fill(["RMB'000", '%']).flat());
  });
});
