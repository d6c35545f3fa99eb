import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/lib/print/serve.ts';
import { TEST_EPOCH } from '../build-once.ts';
import { fixtureProject } from '../sample-copy.ts';
import { expect, test } from './fixtures.ts';

/**
 * The fictional financial document's site in Chromium: the new chart types are drawn as SVG
 * shapes of the right kind, and the statements carry their rules and accounting negatives.
 */
const CHAPTER = '/chapters/financial-information/';
let url = '';
let close: () => Promise<void> = async () => {};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dir = fixtureProject('finance');
  const build = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--no-pdf'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
  expect(build.status, build.stderr).toBe(0);
  const server = await serveStatic(join(dir, 'dist'));
  url = server.url;
  close = () => server.close();
});

test.afterAll(async () => {
  await close();
});

/** The `d` of every stroked, unfilled path in a figure's drawing: lines, not shapes. */
async function strokedLines(page: import('@playwright/test').Page, figure: string): Promise<string[]> {
  return page
    .locator(`${figure} .chart-surface svg path`)
    .evaluateAll((paths) =>
      paths
        .filter((p) => p.getAttribute('fill') === 'none' && (p.getAttribute('stroke') ?? 'none') !== 'none')
        .map((p) => p.getAttribute('d') ?? ''),
    );
}

test.describe('the fictional financial chapter in Chromium', () => {
  test('draws the line chart as a polyline through every period', async ({ page }) => {
    await page.goto(`${url}${CHAPTER}`);
    await expect(page.locator('html')).toHaveAttribute('data-charts-ready', 'true');
    const lines = await strokedLines(page, '#fig-customers-customers');
    // The points of each open, straight-segment path, a repeated point counted once.
    const points = (d: string) =>
      [...d.matchAll(/[ML]\s*([\d.]+)\s+([\d.]+)/g)]
        .map((m) => `${m[1]},${m[2]}`)
        .filter((p, i, all) => p !== all[i - 1]);
    const polylines = lines.filter((d) => !/[ACQZ]/.test(d) && points(d).length === 5);
    expect(polylines, lines.join('\n')).toHaveLength(1);
  });

  test('draws the doughnut as one arc per share, and horizontal bars wider than tall', async ({ page }) => {
    await page.goto(`${url}${CHAPTER}`);
    await expect(page.locator('html')).toHaveAttribute('data-charts-ready', 'true');
    // Each slice is filled in its own colour (its outline is drawn again, unfilled).
    const slices = await page
      .locator('#fig-revenue-mix-cloud-security-consulting .chart-surface svg path')
      .evaluateAll((paths) =>
        paths
          .filter((p) => /A/.test(p.getAttribute('d') ?? '') && (p.getAttribute('fill') ?? 'none') !== 'none')
          .map((p) => p.getAttribute('fill')),
      );
    expect(new Set(slices).size, slices.join(', ')).toBe(3);
    const bars = await page.locator('#fig-staff-staff .chart-surface svg path').evaluateAll((paths) =>
      paths
        .filter((p) => p.getAttribute('fill') === '#1d3557')
        .map((p) => (p as SVGPathElement).getBBox())
        .filter((b) => b.height > 15)
        .map((b) => b.width / b.height),
    );
    expect(bars).toHaveLength(3);
    for (const ratio of bars) expect(ratio).toBeGreaterThan(1);
  });

  test('rules subtotals and totals, indents line items, brackets negatives', async ({ page }) => {
    await page.goto(`${url}${CHAPTER}`);
    const table = page.locator('#tbl-income');
    await expect(table.locator('tr.subtotal')).toHaveCount(3);
    await expect(table.locator('tr.total')).toHaveCount(1);
    await expect(table.locator('tr.indent-1')).toHaveCount(6);
    const cost = table.locator('tr.indent-1').first().locator('td');
    await expect(cost.nth(1)).toHaveText('(72,000)');
    const rule = await table
      .locator('tr.subtotal td.num')
      .first()
      .evaluate((td) => getComputedStyle(td).borderTopStyle);
    expect(rule).toBe('solid');
  });
});
