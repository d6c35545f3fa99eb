import { axeScan, WCAG_21_AA } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { CHAPTER } from './helpers.ts';

/**
 * Every kind of page a reviewer opens passes axe-core's WCAG 2.1 A and AA rules, checked in
 * Chromium on the built site after the charts have drawn and with the provenance popover open.
 * One page of each kind (釋義 and 技術詞彙表 are scanned in terms.spec.ts): 行業概覽 with its
 * charts, the Accountants' Report's statements, a chapter whose offer figures and wording are
 * withheld, a section withheld whole, the whole document, the schedule, search with results.
 */
const PAGES = [
  '/',
  CHAPTER,
  '/chapters/accountants-report/',
  '/chapters/share-capital/',
  '/chapters/underwriting/',
  '/verification/',
  '/search/',
  `/search/?q=${encodeURIComponent('邊緣雲')}`,
  '/document/',
  '/en/',
  '/en/chapters/financial-information/',
  '/en/search/',
];

for (const path of PAGES) {
  test(`${path} has no WCAG 2.1 A/AA violations`, async ({ page, site }) => {
    // axe walks every node: the schedule (about 40,000) and the whole document take seconds, more
    // beside the other worker; a timeout is not what this test asserts.
    if (path === '/verification/' || path === '/document/') test.slow();
    await page.goto(`${site}${path}`);
    await page.waitForFunction(
      () =>
        document.documentElement.dataset['chartsReady'] !== undefined || !document.querySelector('figure[data-chart]'),
    );
    // A search given in the address shows its results before the page is scanned.
    if (path.includes('?q=')) await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    // The whole document lays out a section only as it nears the view (content-visibility in
    // base.css), and axe judges the contrast only of text that is painted: every section is laid
    // out for the scan, as a reader scrolling through the document sees it.
    if (path === '/document/')
      await page.addStyleTag({ content: '.print-chapter { content-visibility: visible !important; }' });
    const results = await axeScan(page, { tags: WCAG_21_AA });
    const found = results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n    ')}`,
    );
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('the provenance popover, open, has no WCAG 2.1 A/AA violations', async ({ page, site }) => {
  await page.goto(`${site}${CHAPTER}`);
  await page.locator('span.fig[data-ref="global-cloud.global@2018"]').focus();
  await expect(page.locator('#provenance-tip')).toBeVisible();
  const results = await axeScan(page, { tags: WCAG_21_AA });
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, found.join('\n')).toEqual([]);
});

// Not a WCAG rule (axe files it under best practice), so the scans above leave it out: every part
// of a page is inside a landmark, the floating language switch too, so a screen reader's landmark
// list reaches all of it. The light pages of each kind, both editions.
for (const path of ['/', CHAPTER, '/search/', '/glossary/', '/en/', '/en/chapters/financial-information/']) {
  test(`${path} keeps all of its content in landmarks`, async ({ page, site }) => {
    await page.goto(`${site}${path}`);
    const results = await axeScan(page, { rules: ['region'] });
    expect(results.passes.map((r) => r.id)).toContain('region');
    const found = results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
    expect(found, found.join('\n')).toEqual([]);
  });
}
