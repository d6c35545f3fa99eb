import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { CHAPTER } from './helpers.ts';

/**
 * Every page a reviewer opens passes axe-core's WCAG 2.1 A and AA rules, checked in Chromium on
 * the built site after the charts have drawn and with the provenance popover open.
 */
const PAGES = ['/', CHAPTER, '/verification/', '/search/', '/document/', '/en/', '/en/search/'];

for (const path of PAGES) {
  test(`${path} has no WCAG 2.1 A/AA violations`, async ({ page, site }) => {
    await page.goto(`${site}${path}`);
    await page.waitForFunction(
      () =>
        document.documentElement.dataset['chartsReady'] !== undefined || !document.querySelector('figure[data-chart]'),
    );
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
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
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, found.join('\n')).toEqual([]);
});
