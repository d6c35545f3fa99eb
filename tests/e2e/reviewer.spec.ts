import { parseCsv } from '../csv.ts';
import { expect, test } from './fixtures.ts';
import { CHAPTER, chapterTitles } from './helpers.ts';

test.describe('verification schedule', () => {
  test('lists every bound figure of the document, each with its PDF page', async ({ page, site }) => {
    await page.goto(`${site}/document/`);
    const bound = await page.locator('article.print-chapter [data-ref]').count();
    expect(bound).toBeGreaterThanOrEqual(60);

    await page.goto(`${site}/verification/`);
    const rows = page.locator('table[data-schedule] tbody tr');
    await expect(rows).toHaveCount(bound);
    const pages = await rows.locator('td:nth-child(10)').allTextContents();
    for (const p of pages) expect(p).toMatch(/^\d+$/);
    await expect(page.locator('[data-schedule-count]')).toContainText(`共 ${bound} 項數字`);
  });

  test('CSV opens as UTF-8 with a BOM and holds the same rows as the page', async ({ page, request, site }) => {
    const response = await request.get(`${site}/verification.csv`);
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header).toContain('PDF頁碼');
    const refColumn = header?.indexOf('數據編號') ?? -1;
    const pageColumn = header?.indexOf('PDF頁碼') ?? -1;
    const textColumn = header?.indexOf('顯示文字') ?? -1;

    await page.goto(`${site}/verification/`);
    const htmlRows = await page.locator('table[data-schedule] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        ref: tr.getAttribute('data-ref') ?? '',
        text: tr.children[3]?.textContent ?? '',
        page: tr.children[9]?.textContent ?? '',
      })),
    );
    expect(records.map((r) => ({ ref: r[refColumn], text: r[textColumn], page: r[pageColumn] }))).toEqual(htmlRows);
    expect(records.find((r) => r[refColumn] === 'facts.report-fee')?.[textColumn]).toBe('140,000美元');
  });

  test('filters by tie-out status, source and chapter', async ({ page, site }) => {
    await page.goto(`${site}/verification/`);
    const rows = page.locator('table[data-schedule] tbody tr');
    const total = await rows.count();
    const visible = page.locator('table[data-schedule] tbody tr:not([hidden])');

    await page.selectOption('select[data-filter="status"]', 'unchecked');
    const unchecked = await visible.count();
    expect(unchecked).toBeGreaterThan(0);
    expect(unchecked).toBeLessThan(total);
    for (const status of await visible.evaluateAll((trs) => trs.map((t) => t.getAttribute('data-status')))) {
      expect(status).toBe('unchecked');
    }
    await expect(page.locator('[data-filter-count]')).toHaveText(`顯示 ${unchecked} / ${total} 項`);

    await page.selectOption('select[data-filter="status"]', '');
    await page.selectOption('select[data-filter="sources"]', '本公司');
    await expect(visible).toHaveCount(1);
    await expect(visible.first()).toHaveAttribute('data-ref', 'facts.report-fee');

    await page.selectOption('select[data-filter="sources"]', '');
    await page.selectOption('select[data-filter="chapter"]', '行業概覽');
    await expect(visible).toHaveCount(total);
  });

  test('missing material is listed on the schedule and on the home page', async ({ page, site }) => {
    for (const path of ['/verification/', '/']) {
      await page.goto(`${site}${path}`);
      const missing = page.locator('[data-missing]');
      await expect(missing).toContainText('不同類型邊緣雲服務供應商的比較');
      await expect(missing).toContainText('content/chapters/industry-overview.mdx:');
      await expect(missing).toContainText('發行人名稱');
    }
  });
});

test.describe('search', () => {
  for (const term of ['邊緣雲', '複合年增長率', '灼識諮詢', '獨立邊緣雲服務供應商', '滲透率']) {
    test(`finds the chapter for ${term}`, async ({ page, site }) => {
      await page.goto(`${site}/search/`);
      await page.fill('#q', term);
      await page.press('#q', 'Enter');
      const first = page.locator('[data-search-results] li a').first();
      await expect(first).toHaveAttribute('href', CHAPTER);
      await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
    });
  }

  test('suggests words from the document, and each suggestion finds its chapter', async ({ page, site }) => {
    await page.goto(`${site}/search/`);
    const placeholder = (await page.locator('#q').getAttribute('placeholder')) ?? '';
    const examples = placeholder.replace(/^例如：/u, '').split('、');
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(chapterTitles()).toContain(example);
      await page.fill('#q', example);
      await page.press('#q', 'Enter');
      await expect(page.locator('[data-search-status]')).toHaveText(
        new RegExp(`^「${example}」：[1-9]\\d* 項結果$`, 'u'),
      );
    }
  });

  test('finds nothing for words the chapter does not contain', async ({ page, site }) => {
    await page.goto(`${site}/search/?q=${encodeURIComponent('鯨魚鰻')}`);
    await expect(page.locator('[data-search-status]')).toHaveText('「鯨魚鰻」：0 項結果');
  });
});

test('the header stamps the stage, build date and source commit', async ({ page, site }) => {
  await page.goto(`${site}${CHAPTER}`);
  await expect(page.locator('[data-stage]')).toHaveText('申請版本（供刊發）');
  // The test build pins SOURCE_DATE_EPOCH (tests/build-once.ts): 2025-11-26 in Hong Kong.
  await expect(page.locator('[data-draft-stamp]')).toContainText('2025-11-26');
  await expect(page.locator('[data-draft-stamp] code')).toHaveText(/^[0-9a-f]{12}(\+changes)?$|^uncommitted$/);
});
