import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/lib/print/serve.ts';
import { editFile, fixtureProject } from '../sample-copy.ts';
import { expect, test } from './fixtures.ts';

/**
 * Cross-references, section links and footnotes on the site, in Chromium, on the fictional
 * structure fixture (tests/fixtures/documents/structure) built without its PDF.
 */
let url = '';
let close: (() => Promise<void>) | undefined;

test.beforeAll(() => {
  const dir = fixtureProject('structure');
  // A chapter long enough that a followed link has to scroll to its section.
  editFile(
    dir,
    'content/chapters/business.mdx',
    '## 生產 {#production}',
    `${'填充段落。\n\n'.repeat(60)}## 生產 {#production}`,
  );
  editFile(
    dir,
    'content/chapters/risk-factors.mdx',
    '## 與競爭有關的風險',
    `${'填充段落。\n\n'.repeat(60)}## 與競爭有關的風險`,
  );
  const result = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--no-pdf'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return serveStatic(join(dir, 'dist')).then((server) => {
    url = server.url;
    close = () => server.close();
  });
});

test.afterAll(async () => {
  await close?.();
});

test('a <Ref> on a chapter page opens the target section on its chapter page', async ({ page }) => {
  await page.goto(`${url}/chapters/business/`);
  await page.getByRole('link', { name: '「風險因素－與競爭有關的風險」一節' }).click();
  await expect(page).toHaveURL(/\/chapters\/risk-factors\/#risk-factors-competition$/);
  await expect(page.getByRole('heading', { name: '與競爭有關的風險' })).toBeInViewport();
});

test('a #section link scrolls to the section of the same chapter', async ({ page }) => {
  await page.goto(`${url}/chapters/business/`);
  await expect(page.getByRole('heading', { name: '生產', exact: true })).not.toBeInViewport();
  await page.getByRole('link', { name: '本章的生產一節' }).click();
  await expect(page.getByRole('heading', { name: '生產', exact: true })).toBeInViewport();
});

test('a footnote reference leads to its note under 附註, and the note back to it', async ({ page }) => {
  await page.goto(`${url}/chapters/business/`);
  await page.locator('a[data-footnote-ref]').first().click();
  const note = page.locator('#business-fn-1');
  await expect(note).toBeInViewport();
  await expect(note).toContainText('虛構廠房位於虛構地點。');
  await expect(page.locator('#business-footnotes')).toHaveText('附註');
  await note.locator('a[data-footnote-backref]').click();
  await expect(page.locator('#business-fnref-1')).toBeInViewport();
});

test('the English edition links to the English chapter, in its own words', async ({ page }) => {
  await page.goto(`${url}/en/chapters/business/`);
  await page.getByRole('link', { name: '“Risk Factors — Risks Relating to Competition”' }).click();
  await expect(page).toHaveURL(/\/en\/chapters\/risk-factors\/#risk-factors-competition$/);
});

test('an appendix page is headed with its number in each edition', async ({ page }) => {
  await page.goto(`${url}/chapters/accountants-report/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('附錄一 會計師報告');
  await page.goto(`${url}/en/chapters/accountants-report/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("APPENDIX I ACCOUNTANTS' REPORT");
});

test('on the whole-document page a reference stays on the page', async ({ page }) => {
  await page.goto(`${url}/document/`);
  await page.getByRole('link', { name: /風險因素－與競爭有關的風險/ }).click();
  await expect(page).toHaveURL(/\/document\/#risk-factors-competition$/);
  await expect(page.locator('#risk-factors-competition')).toBeInViewport();
});
