import { TEST_DIST } from '../build-once.ts';
import { addUsers, password, type Running, startTestServer } from '../review-server.ts';
// The shared test type, though the file does not serve the site: one worker hash for every file,
// so these tests need not wait at the end of the run for a worker of their own.
import { expect, test } from './fixtures.ts';

/**
 * The built sample behind the review server, in Chromium: its policy (scripts pinned by hash,
 * everything from this server) must leave the site working — search's worker, charts, the
 * page scripts — with no violation reported, and the sign-in must lead back to the page asked for.
 */
let running: Running;

test.beforeAll(async () => {
  running = await startTestServer(TEST_DIST);
  addUsers(running.store, [['rita', 'reviewer']]);
});
test.afterAll(() => running.close());

test('sign in from a chapter link, then search, charts and the schedule work under the policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(e.message));
  await page.goto(`${running.url}/chapters/industry-overview/`);
  await expect(page).toHaveURL(/\/_review\/login\?next=/);
  await expect(page.locator('body')).not.toContainText('行業概覽');
  await page.getByLabel(/Password/).fill('wrong password here');
  await page.getByLabel(/Name/).fill('rita');
  await page.getByRole('button', { name: /Sign in/ }).click();
  await expect(page.getByRole('alert')).toHaveText('wrong name or password');
  await page.getByLabel(/Name/).fill('rita');
  await page.getByLabel(/Password/).fill(password('rita'));
  await page.getByRole('button', { name: /Sign in/ }).click();
  await expect(page).toHaveURL(`${running.url}/chapters/industry-overview/`);
  await expect(page.locator('h1').first()).toHaveText('行業概覽');
  // The refused sign-in's own 401 page was logged as a failed load; from here on nothing may fail.
  expect(violations).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
  violations.length = 0;
  await page.reload();
  // A chart's drawing (SVG) is there only when the page's chart script ran.
  const chart = page.locator('figure.chart .chart-surface svg').first();
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();

  await page.goto(`${running.url}/search/`);
  await page.fill('#q', '邊緣雲');
  await page.press('#q', 'Enter');
  await expect(page.locator('[data-search-status]')).toContainText('邊緣雲');
  await expect(page.locator('[data-search-results] li > a').first()).toBeVisible();

  await page.goto(`${running.url}/verification/`);
  await expect(page.locator('tr[id^="row-"]').first()).toBeVisible();
  expect(violations).toEqual([]);
});
