import type { Locator, Page, Request } from '@playwright/test';
import { openPdf } from '../../scripts/lib/pdf/pdf-read.ts';
import { expect, test } from './fixtures.ts';
import {
  CHAPTER,
  cagr,
  chapterFronts,
  contentsHrefs,
  documentClaims,
  documentYaml,
  grouped,
  highlightedCompany,
  yamlValue,
} from './helpers.ts';
import { readServed } from './served-html.ts';

const GARTNER_CAICT_CIC = '資料來源：高德納諮詢公司(Gartner)，信通院，灼識諮詢報告';
const CIC = '資料來源：灼識諮詢報告';

/** The five charts of the chapter: body rows of the data table, rows of the CAGR table, source line. */
const CHARTS = [
  { id: 'fig-global-cloud-china-outside-china', rows: 3, cagrRows: 3, source: GARTNER_CAICT_CIC },
  { id: 'fig-global-cloud-central-edge', rows: 3, cagrRows: 3, source: GARTNER_CAICT_CIC },
  { id: 'fig-global-edge-network-security-computing', rows: 4, cagrRows: 4, source: CIC },
  { id: 'fig-global-edge-china-outside-china', rows: 3, cagrRows: 4, source: CIC },
  { id: 'fig-china-edge-network-security-computing', rows: 4, cagrRows: 4, source: CIC },
] as const;
/** 項目 plus 2018, 2022 and 2027E. */
const CHART_COLUMNS = 4;

async function chartsDrawn(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-charts-ready', 'true', { timeout: 20_000 });
}

test.describe('home page', () => {
  test('is Traditional Chinese (Hong Kong), titled with the issuer and not indexed', async ({ page, site }) => {
    await page.goto(`${site}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
    const h1 = ((await page.locator('h1').textContent()) ?? '').trim();
    expect(h1).toBe(documentYaml().company);
    await expect(page).toHaveTitle(/申請版本/);
    expect(await page.title()).toContain(h1);
  });

  test('table of contents leads to the chapter and to each of its sections', async ({ page, site }) => {
    await page.goto(`${site}/`);
    const toc = page.locator('section[aria-labelledby="toc-title"]');
    await expect(toc.locator('h2')).toHaveText('目錄');
    const sectionLinks = await toc
      .locator(`a[href^="${CHAPTER}#"]`)
      .evaluateAll((links) =>
        links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).hash.slice(1))),
      );
    expect(sectionLinks.length).toBeGreaterThanOrEqual(5);

    await toc.getByRole('link', { name: '行業概覽', exact: true }).click();
    await expect(page).toHaveURL(`${site}${CHAPTER}`);
    await expect(page.locator('article.chapter h1')).toHaveText('行業概覽');
    for (const id of sectionLinks) {
      await expect(page.locator(`[id="${id}"]`), `section ${id}`).toHaveCount(1);
    }
  });

  test('every contents entry leads to its page, and every section entry to a heading there', async ({ page, site }) => {
    await page.goto(`${site}/`);
    const toc = page.locator('section[aria-labelledby="toc-title"]');
    const hrefs = await toc.locator('ol.toc > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // Read from the chapters' frontmatter, not from the site: every chapter, in print order.
    expect(hrefs).toEqual(contentsHrefs('zh'));
    const titles = new Map(chapterFronts('zh').map((c) => [`/chapters/${c.id}/`, c.title]));
    for (const href of hrefs) {
      const sections = await toc
        .locator(`ol.toc > li:has(> a[href="${href}"]) > ol a`)
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      const served = await readServed(page, `${site}${href}`);
      const title = titles.get(href ?? '');
      // A title naming withheld wording ({global-offering}) shows it withheld: the rest is compared.
      if (title !== undefined) {
        expect(served.articleHeadings, href ?? '').toHaveLength(1);
        for (const part of title.split(/\{[a-z-]+\}/u).filter((t) => t.trim())) {
          expect(served.articleHeadings[0], href ?? '').toContain(part.replace(/\s+/g, ' ').trim());
        }
      }
      for (const section of sections) {
        const [path, id = ''] = section.split('#');
        expect(path, section).toBe(href);
        expect(
          served.ids.filter((own) => own === decodeURIComponent(id)),
          section,
        ).toHaveLength(1);
      }
    }
  });

  test('links a PDF that is served as application/pdf', async ({ page, site }) => {
    await page.goto(`${site}/`);
    const link = page.locator('main a[href$="prospectus.pdf"]').first();
    await expect(link).toBeVisible();
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const body = await response.body();
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('states the tie-out counts that the claims table shows, and why the stated-only claims are', async ({
    page,
    site,
  }) => {
    // Counted here, independently: kinds from the YAML (and the offer's), statuses from the claims table.
    const claims = documentClaims();
    const statedOnly = claims.filter((c) => c.kind === 'stated');
    const recomputed = claims.length - statedOnly.length;
    await page.goto(`${site}/verification/`);
    const statuses = await page
      .locator('table[data-claims] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kind'), tr.getAttribute('data-status')]));
    const agree = statuses.filter(([kind, status]) => kind !== 'stated' && status === 'pass').length;
    const mismatch = statuses.filter(([, status]) => status === 'fail').length;
    expect(recomputed).toBeGreaterThan(0);
    expect(statedOnly.length).toBeGreaterThan(0);

    await page.goto(`${site}/`);
    const tieout = page.locator('section[aria-labelledby="tieout-title"]');
    await expect(tieout.locator('h2')).toHaveText('數字核對');
    const summary = tieout.locator('[data-tieout-summary]');
    await expect(summary).toContainText(`重新計算了 ${recomputed} 項陳述`);
    await expect(summary).toContainText(`${agree} 項相符，${mismatch} 項不符`);
    await expect(summary).toContainText(`另有 ${statedOnly.length} 項陳述僅為明載`);
    const reasons = tieout.locator('[data-stated-only] li');
    await expect(reasons).toHaveCount(statedOnly.length);
    const targets = await reasons.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    await page.goto(targets[0] ?? '');
    expect(targets.map((href) => new URL(href).hash)).toEqual(statedOnly.map((c) => `#claim-${c.id}`));
    for (const c of statedOnly) {
      await expect(page.locator(`tr[id="claim-${c.id}"]`), c.id).toHaveAttribute('data-status', 'unchecked');
    }
  });
});

test.describe('chapter page', () => {
  test('draws all five charts as SVG whose bars and numbers are those of the data table', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    await chartsDrawn(page);
    await expect(page.locator('figure.chart[data-chart]')).toHaveCount(CHARTS.length);
    // Drawing into SVG leaves no canvas behind for the browser to hold or print.
    await expect(page.locator('figure.chart canvas')).toHaveCount(0);
    for (const { id } of CHARTS) {
      const figure = page.locator(`figure.chart[id="${id}"]`);
      await expect(figure, id).toHaveAttribute('data-chart-state', 'drawn');
      const svg = figure.locator('.chart-surface svg');
      const box = await svg.boundingBox();
      expect(box?.width ?? 0, `${id} width`).toBeGreaterThan(300);
      expect(box?.height ?? 0, `${id} height`).toBeGreaterThan(150);
      const drawn = await figure.evaluate((el) => {
        const hexToRgb = (hex: string) =>
          `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
        const config = JSON.parse(el.querySelector('script[type="application/json"]')?.textContent ?? '{}');
        const first = config.data.datasets[0] as { backgroundColor: string; data: (number | null)[] };
        const colour = hexToRgb(first.backgroundColor);
        // The first series' bars, left to right, by their fill colour; legend swatches are small.
        const bars = [...el.querySelectorAll<SVGGraphicsElement>('svg path, svg rect')]
          .filter((shape) => getComputedStyle(shape).fill === colour)
          .map((shape) => shape.getBBox())
          .filter((b) => b.width > 20)
          .sort((p, q) => p.x - q.x)
          .map((b) => b.height);
        const texts = [...el.querySelectorAll('svg text')].map((t) => t.textContent ?? '');
        const cells = [...el.querySelectorAll('.chart-data tbody td')].map((td) =>
          (td.textContent ?? '').replace('†', '').trim(),
        );
        const totals = [...el.querySelectorAll('.chart-data tbody tr.total td')].map((td) =>
          (td.textContent ?? '').replace('†', '').trim(),
        );
        return { values: first.data.filter((v) => v !== null), bars, texts, cells, totals };
      });
      // Bar heights are proportional to the first series' values.
      expect(drawn.bars, `${id} first-series bars`).toHaveLength(drawn.values.length);
      const scale = (drawn.bars[0] ?? 0) / (drawn.values[0] ?? 1);
      drawn.values.forEach((value, i) => {
        expect(drawn.bars[i] ?? 0, `${id} bar ${i}`).toBeCloseTo(value * scale, 0);
      });
      // Every number printed on the chart is a cell of its data table, and every total is printed.
      const numbers = drawn.texts.filter((t) => /^[\d,.]+$/.test(t));
      expect(numbers.length, `${id} value labels`).toBeGreaterThan(2);
      for (const n of numbers) expect(drawn.cells, `${id} label ${n}`).toContain(n);
      for (const total of drawn.totals.filter((t) => t !== '未載列')) expect(numbers, `${id} total`).toContain(total);
      expect(drawn.texts, `${id} axis`).toEqual(expect.arrayContaining(['2018年', '2022年']));
    }
  });

  test('draws the charts at their printed size when the page is printed from the browser', async ({ page, site }) => {
    // Drawn for a wide window, then printed as is, a chart would be shrunk to the page: its
    // labels, set at 10 CSS px (7.5 pt), would come out smaller.
    await page.setViewportSize({ width: 1300, height: 900 });
    await page.goto(`${site}${CHAPTER}`);
    await chartsDrawn(page);
    const doc = await openPdf(new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })));
    const sizes: number[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      for (const item of (await (await doc.getPage(i)).getTextContent()).items) {
        if ('str' in item && /^\d{1,3}(,\d{3})*\.\d$/.test(item.str)) {
          sizes.push(Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0));
        }
      }
    }
    expect(sizes.length).toBeGreaterThan(10);
    for (const size of sizes) expect(size).toBeCloseTo(7.5, 1);
  });

  test('each chart has its data table, CAGR table, unit and source line', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    for (const { id, rows, cagrRows, source } of CHARTS) {
      const figure = page.locator(`figure.chart[id="${id}"]`);
      await expect(figure.locator('figcaption.figure-title'), id).not.toBeEmpty();
      await expect(figure.locator('p.figure-unit'), id).toHaveText('人民幣十億元');
      const table = figure.locator('details.chart-data table.data-table');
      await expect(table, id).toHaveCount(1);
      await expect(table.locator('thead th'), `${id} header`).toHaveCount(CHART_COLUMNS);
      const bodyRows = table.locator('tbody tr');
      await expect(bodyRows, `${id} rows`).toHaveCount(rows);
      for (let r = 0; r < rows; r++) {
        await expect(bodyRows.nth(r).locator('th, td'), `${id} row ${r}`).toHaveCount(CHART_COLUMNS);
      }
      const refs = table.locator('td[data-ref]');
      expect(await refs.count(), `${id} bound cells`).toBeGreaterThanOrEqual(rows * 2);
      await expect(figure.locator('table.cagr-table tbody tr'), `${id} CAGR rows`).toHaveCount(cagrRows);
      await expect(figure.locator('table.cagr-table td[data-ref]'), `${id} CAGR cells`).toHaveCount(cagrRows);
      await expect(figure.locator('p.source-line'), id).toHaveText(source);
    }
  });

  test('chart data tables show the YAML values in billions', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const cell = (figure: string, ref: string) => page.locator(`figure[id="${figure}"] td[data-ref="${ref}"]`);
    const billions = (ref: string) => grouped(yamlValue(ref) / 10, 1);
    await expect(cell(CHARTS[0].id, 'global-cloud.global@2018')).toHaveText(billions('global-cloud.global@2018'));
    await expect(cell(CHARTS[0].id, 'global-cloud.china@2027E')).toHaveText(billions('global-cloud.china@2027E'));
    // Derived: global − china, marked † as derived.
    const outside = (yamlValue('global-cloud.global@2018') - yamlValue('global-cloud.china@2018')) / 10;
    const derived = cell(CHARTS[0].id, 'global-cloud.outside-china@2018');
    await expect(derived).toHaveText(`${grouped(outside, 1)}†`);
    await expect(derived).toHaveAttribute('data-basis', 'derived');
    await expect(cell(CHARTS[4].id, 'china-edge.total@2027E')).toHaveText(billions('china-edge.total@2027E'));
  });

  test('the two ranking tables and the placeholder', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const ranking = page.locator('figure.table-figure#tbl-china-edge-ranking-2022');
    await expect(ranking.locator('tbody tr')).toHaveCount(10);
    await expect(ranking.locator('thead th')).toHaveText(['排名', '公司', '類型', '市場份額']);
    const self = ranking.locator('tbody tr', { hasText: '本公司' });
    await expect(self).toHaveCount(1);
    await expect(self.locator('td')).toHaveText(['9', '本公司', '獨立邊緣雲服務供應商', '3.1%']);
    // The row each dataset names in `highlight`, and no other, is set off in bold.
    for (const id of ['china-edge-ranking-2022', 'china-independent-edge-2022']) {
      const highlighted = page.locator(`#tbl-${id} tbody tr.highlight`);
      await expect(highlighted).toHaveCount(1);
      await expect(highlighted.locator('td').nth(1)).toHaveText(highlightedCompany(id));
      const weights = await page
        .locator(`#tbl-${id} tbody td:nth-child(2)`)
        .evaluateAll((cells) => cells.map((td) => getComputedStyle(td).fontWeight));
      expect(weights.filter((w) => w === '700')).toHaveLength(1);
    }
    await expect(ranking.locator('p.source-line')).toHaveText(CIC);

    const independent = page.locator('figure.table-figure#tbl-china-independent-edge-2022');
    await expect(independent.locator('tbody tr')).toHaveCount(5);
    for (let r = 0; r < 5; r++) await expect(independent.locator('tbody tr').nth(r).locator('td')).toHaveCount(6);
    const selfIndependent = independent.locator('tbody tr', { hasText: '本公司' });
    await expect(selfIndependent.locator('td').nth(0)).toHaveText('2');
    await expect(selfIndependent.locator('td').nth(2)).toHaveText('3.1%');
    await expect(independent.locator('p.source-line')).toHaveText(CIC);

    const placeholder = page.locator('figure.placeholder');
    await expect(placeholder).toHaveCount(1);
    await expect(placeholder.locator('.placeholder-box strong')).toHaveText('待補');
    await expect(placeholder.locator('figcaption.figure-title')).toHaveText('不同類型邊緣雲服務供應商的比較');
  });

  test('inline figures equal the YAML data, formatted HK style', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const fig = (ref: string) => page.locator(`article.chapter span.fig[data-ref="${ref}"]`).first();
    const rmb = (ref: string) => `人民幣${grouped(yamlValue(ref))}億元`;

    const expected: Record<string, string> = {
      'global-cloud.global@2018': rmb('global-cloud.global@2018'),
      'global-cloud.global@2022': rmb('global-cloud.global@2022'),
      'global-cloud.global@2027E': rmb('global-cloud.global@2027E'),
      'global-cloud.us@2022': rmb('global-cloud.us@2022'),
      'global-cloud.china@2018': rmb('global-cloud.china@2018'),
      'global-edge.total@2027E': rmb('global-edge.total@2027E'),
      'china-edge.total@2018': rmb('china-edge.total@2018'),
      'china-edge.total@2027E': rmb('china-edge.total@2027E'),
      'facts.report-fee': `${grouped(yamlValue('facts.report-fee'))}美元`,
      'china-edge-ranking-2022.self@share': `${grouped(yamlValue('china-edge-ranking-2022.self@share'), 1)}%`,
      'china-data-volume.total@2022': `${yamlValue('china-data-volume.total@2022')}ZB`,
      // Stated CAGRs agree with the YAML endpoints.
      'claim.global-cloud-cagr': cagr(yamlValue('global-cloud.global@2022'), yamlValue('global-cloud.global@2027E'), 5),
      'claim.china-edge-cagr': cagr(yamlValue('china-edge.total@2022'), yamlValue('china-edge.total@2027E'), 5),
    };
    // Sanity of the test's own formatting against known strings.
    expect(expected['global-cloud.global@2018']).toBe('人民幣13,769億元');
    expect(expected['claim.global-cloud-cagr']).toBe('19.5%');

    for (const [ref, text] of Object.entries(expected)) {
      await expect(fig(ref), ref).toHaveText(text);
    }
  });

  test('every inline figure carries its provenance in the static HTML', async ({ request, site }) => {
    const html = await (await request.get(`${site}${CHAPTER}`)).text();
    const spans = [...html.matchAll(/<span class="fig"[^>]*>/g)].map((m) => m[0]);
    expect(spans.length).toBeGreaterThanOrEqual(50);
    for (const span of spans) {
      expect(span, 'data-ref').toMatch(/data-ref="[^"]+"/);
      expect(span, 'tabindex').toContain('tabindex="0"');
      expect(span, 'title').toMatch(/title="[^"]*資料來源：[^"]+"/);
    }
  });

  test('keyboard focus shows the provenance of a figure of each kind', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    await page.locator('#fig-global-cloud-central-edge details.chart-data summary').click();
    const tip = page.locator('#provenance-tip');
    const cases = [
      // prose, stated
      {
        target: page.locator('span.fig[data-ref="global-cloud.global@2018"]'),
        expect: ['人民幣13,769億元', '2018年', '明載', '高德納諮詢公司(Gartner)', '未用於核對'],
      },
      // prose, a claim that is recomputed
      {
        target: page.locator('span.fig[data-ref="claim.global-cloud-cagr"]'),
        expect: ['19.5%', '相符', '灼識諮詢報告'],
      },
      // prose, stated, feeding a claim: its status comes from the claims it feeds
      {
        target: page.locator('span.fig[data-ref="global-cloud.global@2022"]').first(),
        expect: ['人民幣34,368億元', '相符', 'global-cloud-cagr'],
      },
      // chart data table, derived
      {
        target: page.locator('#fig-global-cloud-central-edge td[data-ref="global-cloud.central@2022"]'),
        expect: ['推算', 'global - edge', '2022年'],
      },
      // table cell
      {
        target: page.locator('#tbl-china-edge-ranking-2022 td[data-ref="china-edge-ranking-2022.self@share"]'),
        expect: ['3.1%', '本公司', '灼識諮詢報告'],
      },
    ];
    for (const c of cases) {
      await c.target.focus();
      await expect(tip).toBeVisible();
      for (const text of c.expect) await expect(tip).toContainText(text);
      await expect(c.target).toHaveAttribute('aria-describedby', 'provenance-tip');
    }
    // Showing the popover moves nothing on the page.
    const layout = () =>
      page.evaluate(() => {
        const h2 = document.querySelector('article.chapter h2') as HTMLElement;
        return { top: h2.getBoundingClientRect().top + window.scrollY, height: document.documentElement.scrollHeight };
      });
    await cases[0]?.target.focus();
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    const hidden = await layout();
    await cases[0]?.target.blur();
    await cases[0]?.target.focus();
    await expect(tip).toBeVisible();
    expect(await layout()).toEqual(hidden);
  });

  test('a popover closed with Escape stays closed while the page moves under a resting pointer', async ({
    page,
    site,
  }) => {
    await page.goto(`${site}${CHAPTER}`);
    const tip = page.locator('#provenance-tip');
    const hovered = page.locator('span.fig[data-ref="global-cloud.global@2018"]');
    const other = page.locator('span.fig[data-ref="claim.global-cloud-cagr"]');
    // Where the pointer last was, as the page saw it.
    await page.evaluate(() =>
      document.addEventListener(
        'mousemove',
        (e) => {
          (window as unknown as { __pointer: object }).__pointer = { screenX: e.screenX, screenY: e.screenY };
        },
        true,
      ),
    );
    await hovered.hover();
    await expect(tip).toContainText('人民幣13,769億元');
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    // What the browser sends when the page moves under the pointer: the same place, new targets.
    const resting = await page.evaluate(
      ({ a, b }) => {
        const fire = (type: string, selector: string) => {
          const el = document.querySelector(selector);
          const last = (window as unknown as { __pointer: { screenX: number; screenY: number } }).__pointer;
          el?.dispatchEvent(new MouseEvent(type, { bubbles: true, screenX: last.screenX, screenY: last.screenY }));
        };
        fire('mouseout', a);
        fire('mouseover', b);
        fire('mouseover', a);
        return (document.getElementById('provenance-tip') as HTMLElement).hidden;
      },
      { a: 'span.fig[data-ref="global-cloud.global@2018"]', b: 'span.fig[data-ref="claim.global-cloud-cagr"]' },
    );
    expect(resting).toBe(true);
    // Moving the pointer, or the focus, brings it back.
    await other.hover();
    await expect(tip).toContainText('19.5%');
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await hovered.focus();
    await expect(tip).toContainText('人民幣13,769億元');
  });
});

test.describe('links', () => {
  test('no link on any page of either edition is broken, its #section included', async ({ request, site }) => {
    const pages = [
      '/',
      '/en/',
      '/verification/',
      '/search/',
      '/en/search/',
      '/document/',
      '/en/document/',
      ...contentsHrefs('zh'),
      ...contentsHrefs('en'),
    ];
    const html = new Map<string, string>();
    const load = async (path: string) => {
      const cached = html.get(path);
      if (cached !== undefined) return cached;
      const response = await request.get(`${site}${path}`);
      expect(response.status(), path).toBe(200);
      const text = (response.headers()['content-type'] ?? '').includes('text/html') ? await response.text() : '';
      html.set(path, text);
      return text;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const from of pages) {
      const hrefs = [...(await load(from)).matchAll(/<a\b[^>]*?\shref="([^"]*)"/gu)].map((m) =>
        (m[1] ?? '').replaceAll('&amp;', '&'),
      );
      for (const href of hrefs) {
        const url = URL.parse(href, `${site}${from}`);
        if (url === null) {
          broken.push(`${from} → ${href} (not an address)`);
          continue;
        }
        if (url.origin !== new URL(site).origin) {
          // A web address written in the text is linked to itself alone, not to the sentence after it.
          if (!/^[\x21-\x7E]+$/u.test(decodeURI(href))) broken.push(`${from} → ${decodeURI(href)}`);
          continue;
        }
        const target = await load(url.pathname);
        checked++;
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && !target.includes(`id="${id}"`)) broken.push(`${from} → ${href}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
});

test.describe('self-contained', () => {
  for (const path of ['/', CHAPTER, '/document/']) {
    test(`no request leaves the origin on ${path}`, async ({ page, site }) => {
      const urls: string[] = [];
      const inFlight = new Set<Request>();
      page.on('request', (request) => {
        urls.push(request.url());
        inFlight.add(request);
      });
      page.on('requestfinished', (request) => inFlight.delete(request));
      page.on('requestfailed', (request) => inFlight.delete(request));
      await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
      if (path !== '/') await chartsDrawn(page);
      // What drawing the charts asked for (their fonts) is answered before the requests are read.
      // Playwright's networkidle, once reached, is not waited for again, and waiting for it here
      // once hung a run for a minute: the requests still open are named instead.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await expect.poll(() => [...inFlight].map((request) => request.url()), { timeout: 15_000 }).toEqual([]);
      const origin = new URL(site).origin;
      const foreign = urls.filter((u) => !(u.startsWith(`${origin}/`) || u === origin || u.startsWith('data:')));
      expect(foreign).toEqual([]);
      // The page itself, its stylesheet and its script were recorded (the listener worked).
      expect(urls).toContain(`${origin}${path}`);
      expect(urls.some((u) => u.endsWith('.css'))).toBe(true);
      expect(urls.some((u) => u.endsWith('.js'))).toBe(true);
      if (path !== '/') expect(urls.some((u) => /\.woff2?$/.test(u))).toBe(true);
    });
  }

  test('the next chapter takes the fonts, stylesheet and scripts the first downloaded from the cache', async ({
    page,
    site,
  }) => {
    /** What the page loaded, by address: bytes that came over the network (0: from the cache). */
    const loaded = async (path: string) => {
      await page.goto(`${site}${path}`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return new Map(
        await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => [e.name, (e as PerformanceResourceTiming).transferSize] as [string, number]),
        ),
      );
    };
    const first = await loaded(CHAPTER);
    const next = await loaded('/chapters/business/');
    const shared = [...next.keys()].filter((url) => first.has(url));
    // Dozens of the Chinese font slices serve both chapters.
    expect(shared.filter((url) => url.endsWith('.woff2')).length).toBeGreaterThan(10);
    expect(shared.some((url) => url.endsWith('.css'))).toBe(true);
    const downloadedAgain = shared.filter((url) => next.get(url) !== 0);
    expect(downloadedAgain).toEqual([]);
  });
});

test.describe('phone layout and typesetting', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('chapter does not scroll sideways at 375×740', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    await chartsDrawn(page);
    // Open the chart data so their tables are laid out too.
    await page.locator('details.chart-data').evaluateAll((ds) => {
      for (const d of ds) (d as HTMLDetailsElement).open = true;
    });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(innerWidth).toBe(375);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  test('body text is justified with strict line breaking', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    expect(await page.locator('html').evaluate((html) => getComputedStyle(html).lineBreak)).toBe('strict');
    const aligns = await page
      .locator('article.chapter > p')
      .evaluateAll((ps) => ps.map((p) => getComputedStyle(p).textAlign));
    expect(aligns.length).toBeGreaterThan(10);
    expect(new Set(aligns)).toEqual(new Set(['justify']));
  });
});

test.describe('whole-document page', () => {
  test('lays out a section only as it nears the view, and its entry in the contents still lands on it', async ({
    page,
    site,
  }) => {
    await page.goto(`${site}/document/`);
    const rendered = (l: Locator) => l.evaluate((e) => e.checkVisibility({ contentVisibilityAuto: true }));
    const entry = page.locator('.contents-list a').last();
    const target = page.locator(decodeURIComponent((await entry.getAttribute('href')) ?? ''));
    await expect(target).toHaveCount(1);
    // The last section, thousands of pixels down: not laid out while the cover is in view.
    expect(await rendered(target)).toBe(false);
    await entry.click();
    await expect(target).toBeInViewport();
    await expect.poll(() => rendered(target)).toBe(true);
    // Printed from the browser, every section is laid out.
    await page.emulateMedia({ media: 'print' });
    expect(await rendered(page.locator('article.print-chapter').first())).toBe(true);
  });
});
