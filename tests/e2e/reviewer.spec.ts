import { parseCsv } from '../../src/lib/csv.ts';
import { expect, test } from './fixtures.ts';
import { CHAPTER, cagr, chapterFronts, chapterTitles, documentClaims, yamlValue } from './helpers.ts';

test.describe('verification schedule', () => {
  test('lists every bound figure of the document, each with its PDF page', async ({ page, site }) => {
    await page.goto(`${site}/document/`);
    const bound = await page.locator('article.print-chapter [data-ref]').count();
    expect(bound).toBeGreaterThanOrEqual(60);

    await page.goto(`${site}/verification/`);
    const rows = page.locator('table[data-schedule] tbody tr');
    await expect(rows).toHaveCount(bound);
    const pages = await rows.locator('td:nth-child(10)').allTextContents();
    // A folio, or an appendix's (II-1).
    for (const p of pages) expect(p).toMatch(/^(\d+|[IVXLC]+-\d+)$/);
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
    const fromCompany = await visible.evaluateAll((trs) =>
      trs.map((t) => [t.getAttribute('data-ref') ?? '', t.getAttribute('data-sources') ?? '']),
    );
    expect(fromCompany.length).toBeGreaterThan(0);
    expect(fromCompany.length).toBeLessThan(total);
    for (const [, sources] of fromCompany) expect(sources).toContain('本公司');
    expect(fromCompany.map(([ref]) => ref)).toContain('facts.report-fee');

    await page.selectOption('select[data-filter="sources"]', '');
    await page.selectOption('select[data-filter="chapter"]', '行業概覽');
    const chapters = await visible.evaluateAll((trs) => trs.map((t) => t.getAttribute('data-chapter')));
    expect(chapters.length).toBeGreaterThan(0);
    expect(new Set(chapters)).toEqual(new Set(['行業概覽']));
  });

  test('the chapter filter offers every chapter that binds a figure, and each shows exactly its rows', async ({
    page,
    site,
  }) => {
    await page.goto(`${site}/verification/`);
    const rows = page.locator('table[data-schedule] tbody tr');
    const visible = page.locator('table[data-schedule] tbody tr:not([hidden])');
    const byChapter = new Map<string, number>();
    for (const chapter of await rows.evaluateAll((trs) => trs.map((t) => t.getAttribute('data-chapter') ?? ''))) {
      byChapter.set(chapter, (byChapter.get(chapter) ?? 0) + 1);
    }
    // The whole prospectus binds figures in many chapters and appendices.
    expect(byChapter.size).toBeGreaterThan(10);
    const options = await page
      .locator('select[data-filter="chapter"] option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(new Set(options)).toEqual(new Set(byChapter.keys()));
    const total = await rows.count();
    for (const chapter of options) {
      await page.selectOption('select[data-filter="chapter"]', chapter);
      await expect(visible, chapter).toHaveCount(byChapter.get(chapter) ?? -1);
      const shown = await visible.evaluateAll((trs) => trs.map((t) => t.getAttribute('data-chapter')));
      expect(new Set(shown), chapter).toEqual(new Set([chapter]));
      await expect(page.locator('[data-filter-count]')).toHaveText(`顯示 ${byChapter.get(chapter)} / ${total} 項`);
    }
  });

  test('figure rows carry the status derived from the claims they feed, page and CSV alike', async ({
    page,
    request,
    site,
  }) => {
    await page.goto(`${site}/verification/`);
    const row = (ref: string) => page.locator(`table[data-schedule] tbody tr[data-ref="${ref}"]`).first();
    const status = (ref: string) => row(ref).locator('td:nth-child(9)');
    // 人民幣34,368億元 feeds the 19.5% CAGR (and every other claim reading it agrees).
    await expect(row('global-cloud.global@2022').locator('td:nth-child(4)')).toHaveText('人民幣34,368億元');
    await expect(status('global-cloud.global@2022')).toHaveText('相符');
    // No CAGR of the chapter starts in 2018, so its 2018 figures feed nothing.
    await expect(status('global-cloud.global@2018')).toHaveText('明載，未用於核對');
    await expect(status('global-cloud.outside-china@2018')).toHaveText('推算，未用於核對');
    // A growth rate the chapter cannot check.
    await expect(status('claim.us-cloud-cagr')).toHaveText('無法核對');
    await expect(status('claim.global-cloud-cagr')).toHaveText('相符');

    const all = await page
      .locator('table[data-schedule] tbody tr td:nth-child(9)')
      .evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
    expect(new Set(all)).toEqual(new Set(['相符', '無法核對', '明載，未用於核對', '推算，未用於核對']));

    const bytes = await (await request.get(`${site}/verification.csv`)).body();
    const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
    const refColumn = header?.indexOf('數據編號') ?? -1;
    const statusColumn = header?.indexOf('核對') ?? -1;
    expect(records.find((r) => r[refColumn] === 'global-cloud.global@2022')?.[statusColumn]).toBe('相符');
    expect(records.map((r) => r[statusColumn])).toEqual(all);
  });

  test('the claims table lists every claim of data/claims.yaml, stated beside computed', async ({ page, site }) => {
    const claims = documentClaims();
    await page.goto(`${site}/verification/`);
    const rows = page.locator('table[data-claims] tbody tr');
    await expect(rows).toHaveCount(claims.length);
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-claim'),
        kind: tr.getAttribute('data-kind'),
        status: tr.getAttribute('data-status'),
        stated: tr.children[3]?.textContent ?? '',
        computed: tr.children[4]?.textContent ?? '',
        inputs: tr.querySelectorAll('li[data-input]').length,
      })),
    );
    expect(listed.map((r) => [r.id, r.kind])).toEqual(claims.map((c) => [c.id, c.kind]));
    for (const kind of ['cagr', 'share', 'sum', 'rank', 'order', 'compare', 'stated']) {
      expect(listed.filter((r) => r.kind === kind).length, kind).toBeGreaterThan(0);
    }
    for (const r of listed) {
      expect(r.stated, `${r.id} stated`).not.toBe('');
      if (r.kind === 'stated') {
        expect([r.status, r.computed, r.inputs], r.id ?? '').toEqual(['unchecked', '—', 0]);
      } else {
        // A mismatch stops the build, so a built page only ever shows agreeing recomputed claims.
        expect(r.status, r.id ?? '').toBe('pass');
        expect(r.computed, r.id ?? '').not.toBe('—');
        expect(r.inputs, r.id ?? '').toBeGreaterThanOrEqual(2);
      }
    }
    const growth = cagr(yamlValue('global-cloud.global@2022'), yamlValue('global-cloud.global@2027E'), 5);
    const own = listed.find((r) => r.id === 'global-cloud-cagr');
    expect(own?.stated).toBe(growth);
    expect(own?.computed.startsWith(growth)).toBe(true);
  });

  test('every input of a claim links to the row of that figure, and only unshown figures go unlinked', async ({
    page,
    site,
  }) => {
    await page.goto(`${site}/verification/`);
    // Read in one pass: a locator per input would query the 24,000 elements of the page some
    // thousand times over (12 s here), to compare the same attributes and texts.
    const inputs = await page.evaluate(() => {
      const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
      const byId = new Map<string, Element[]>();
      for (const el of document.querySelectorAll('[id]')) byId.set(el.id, [...(byId.get(el.id) ?? []), el]);
      const scheduled = new Set(
        [...document.querySelectorAll('table[data-schedule] tr[data-ref]')].map((tr) => tr.getAttribute('data-ref')),
      );
      return [...document.querySelectorAll('table[data-claims] li[data-input]')].map((li) => {
        const a = li.querySelector('a');
        const href = a?.getAttribute('href') ?? '';
        const targets = href.startsWith('#') ? (byId.get(href.slice(1)) ?? []) : [];
        const target = targets[0];
        return {
          ref: li.getAttribute('data-input') ?? '',
          href,
          text: squash(a?.textContent),
          inSchedule: scheduled.has(li.getAttribute('data-input')),
          targets: targets.length,
          targetClaim: target?.getAttribute('data-claim') ?? null,
          targetRef: target?.getAttribute('data-ref') ?? null,
          targetValue: squash(target?.querySelector('td:nth-child(5)')?.textContent),
        };
      });
    });
    expect(inputs.length).toBeGreaterThan(50);
    for (const input of inputs) {
      if (!input.href) {
        expect(input.inSchedule, input.ref).toBe(false);
        continue;
      }
      expect(input.href.startsWith('#'), input.href).toBe(true);
      expect(input.targets, input.href).toBe(1);
      if (input.ref.startsWith('claim.') && input.href.startsWith('#claim-')) {
        expect(input.targetClaim, input.href).toBe(input.ref.slice('claim.'.length));
      } else {
        expect(input.targetRef, input.href).toBe(input.ref);
        expect(input.targetValue, input.ref).toBe(input.text);
      }
    }
  });

  test('claims.csv opens as UTF-8 with a BOM and holds the claims of the table', async ({ page, request, site }) => {
    await page.goto(`${site}/verification/`);
    const link = page.locator('main a[href$="claims.csv"]').first();
    const response = await request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href));
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
    const table = await page
      .locator('table[data-claims] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-claim'), tr.children[6]?.textContent ?? '']));
    const id = header?.indexOf('陳述編號') ?? -1;
    const status = header?.indexOf('核對') ?? -1;
    expect(records.map((r) => [r[id], r[status]])).toEqual(table);
  });

  test('missing material is listed on the schedule and on the home page', async ({ page, site }) => {
    for (const path of ['/verification/', '/']) {
      await page.goto(`${site}${path}`);
      const missing = page.locator('[data-missing]');
      await expect(missing).toContainText('不同類型邊緣雲服務供應商的比較');
      await expect(missing).toContainText('content/chapters/industry-overview.mdx:');
    }
  });
});

test.describe('search', () => {
  for (const term of ['邊緣雲', '複合年增長率', '灼識諮詢', '獨立邊緣雲服務供應商', '滲透率']) {
    test(`finds the chapter for ${term}`, async ({ page, site }) => {
      await page.goto(`${site}/search/`);
      await page.fill('#q', term);
      await page.press('#q', 'Enter');
      // Other chapters of the prospectus use the words of 行業概覽 too: its result is among theirs.
      const result = page.locator('[data-search-results] li', { has: page.locator(`a[href="${CHAPTER}"]`) });
      await expect(result).toHaveCount(1);
      await expect(result.locator('mark').first()).toBeVisible();
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

  test('finds every chapter of each edition by its title, in that edition only', async ({ page, site }) => {
    for (const locale of ['zh', 'en'] as const) {
      const prefix = locale === 'zh' ? '' : '/en';
      // Titles naming withheld wording ({global-offering}) are searched for as the page shows them: not here.
      const chapters = chapterFronts(locale).filter((c) => !c.withheld && !c.title.includes('{'));
      expect(chapters.length).toBeGreaterThan(15);
      await page.goto(`${site}${prefix}/search/`);
      for (const { id, title } of chapters) {
        await page.fill('#q', title);
        await page.press('#q', 'Enter');
        // The status line names the term once its results are on the page.
        const quoted = locale === 'zh' ? `「${title}」：` : `“${title}”:`;
        await expect(page.locator('[data-search-status]'), title).toContainText(quoted);
        const links = page.locator('[data-search-results] li > a');
        const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect(hrefs, title).toContain(`${prefix}/chapters/${id}/`);
        expect(
          hrefs.filter((h) => h.startsWith('/en/') !== (locale === 'en')),
          title,
        ).toEqual([]);
      }
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
