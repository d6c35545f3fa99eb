import { expect, test } from './fixtures.ts';
import { CHAPTER, contentsHrefs, grouped, yamlValue } from './helpers.ts';
import { readServed } from './served-html.ts';

test.use({ javaScriptEnabled: false });

test.describe('chapter without JavaScript', () => {
  test('charts stay undrawn (JavaScript really is off)', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    await expect(page.locator('figure.chart[data-chart]')).toHaveCount(5);
    await expect(page.locator('figure[data-chart-state="drawn"]')).toHaveCount(0);
    await expect(page.locator('html')).not.toHaveAttribute('data-charts-ready', /.*/);
  });

  test('every chart value is in its data table', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const cells = await page
      .locator('figure.chart details.chart-data table.data-table td[data-ref]')
      .evaluateAll((tds) => tds.map((td) => ({ ref: td.getAttribute('data-ref') ?? '', text: td.textContent ?? '' })));
    // 3 + 3 rows of 3 periods, 4 + 3 + 4 rows with some 2018 segments absent: well over 40 bound cells.
    expect(cells.length).toBeGreaterThanOrEqual(40);
    for (const { ref, text } of cells) expect(text.trim(), ref).toMatch(/^[\d,]+\.\d†?$/);
    // Each chart figure has a non-empty data table.
    const perChart = await page
      .locator('figure.chart')
      .evaluateAll((figs) => figs.map((f) => f.querySelectorAll('table.data-table td[data-ref]').length));
    expect(perChart).toHaveLength(5);
    for (const n of perChart) expect(n).toBeGreaterThanOrEqual(6);
    await expect(page.locator('figure.chart td[data-ref="global-cloud.global@2022"]').first()).toHaveText(
      grouped(yamlValue('global-cloud.global@2022') / 10, 1),
    );
  });

  test('ranking tables are complete', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const ranking = page.locator('#tbl-china-edge-ranking-2022 tbody tr');
    await expect(ranking).toHaveCount(10);
    const rankingCells = await ranking.evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
    );
    for (const row of rankingCells) {
      expect(row).toHaveLength(4);
      for (const cell of row) expect(cell).not.toBe('');
    }
    expect(rankingCells.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(rankingCells.find((row) => row[1] === '本公司')?.[3]).toBe('3.1%');

    const independent = page.locator('#tbl-china-independent-edge-2022 tbody tr');
    await expect(independent).toHaveCount(5);
    const independentCells = await independent.evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, '') ?? '')),
    );
    for (const row of independentCells) {
      expect(row).toHaveLength(6);
      for (const cell of row) expect(cell).not.toBe('');
    }
    expect(independentCells.find((row) => row[1] === '本公司')?.slice(0, 3)).toEqual(['2', '本公司', '3.1%']);
  });

  test('the page text carries the figures and their sources', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const text = await page.locator('body').evaluate((body) => body.textContent ?? '');
    for (const expected of ['人民幣34,368億元', '19.5%', '140,000美元', '資料來源：灼識諮詢報告', '待補']) {
      expect(text, expected).toContain(expected);
    }
    // Each chart still has a text alternative where its drawing would be.
    const labels = await page
      .locator('figure.chart .chart-surface[role="img"]')
      .evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(5);
    for (const label of labels) expect(label).toContain('合計');
  });
});

test.describe('the whole site without JavaScript', () => {
  /** Every page of the contents in both editions, read from the chapters' frontmatter. */
  const pages = [...contentsHrefs('zh'), ...contentsHrefs('en')];

  test('every page of the contents reads in full: its heading, every bound figure and every table row', async ({
    page,
    site,
  }) => {
    expect(pages.length).toBeGreaterThan(50);
    for (const path of pages) {
      // The HTML as Chromium parses it with no script run: what a reader without JavaScript gets.
      const served = await readServed(page, `${site}${path}`);
      expect(served.mainHeading, path).not.toBe('');
      // A figure bound to data is written into the HTML at build time, not by a script.
      expect(served.emptyRefs, path).toEqual([]);
      for (const rows of served.tableRows) expect(rows, path).toBeGreaterThan(0);
    }
  });

  test("every page's language switch opens the same page in the other edition", async ({ request, site }) => {
    // Read from the HTML as served: without JavaScript the link is what the page was built with.
    for (const path of [...pages, '/', '/en/', '/search/', '/en/search/', '/document/', '/en/document/']) {
      const html = await (await request.get(`${site}${path}`)).text();
      const links = [...html.matchAll(/<a\b[^>]*\bdata-lang-switch\b[^>]*>/gu)].map(
        (m) => /\bhref="([^"]*)"/u.exec(m[0])?.[1],
      );
      const other = path.startsWith('/en/') ? path.slice('/en'.length) : `/en${path}`;
      expect(links, path).toEqual([other]);
      expect((await request.get(`${site}${other}`)).status(), other).toBe(200);
    }
  });
});
