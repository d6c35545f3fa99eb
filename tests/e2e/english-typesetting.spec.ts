import { expect, test } from './fixtures.ts';
import { CHAPTER } from './helpers.ts';

const EN_CHAPTER = `/en${CHAPTER}`;

test.describe('the English edition as typeset', () => {
  test('copies hyphenated prose to the clipboard without its soft hyphens', async ({ page, site, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${site}${EN_CHAPTER}`);
    const paragraph = page.locator('article p').first();
    const shown = (await paragraph.textContent()) ?? '';
    expect(shown, 'the page carries soft hyphens').toContain('\u00ad');
    await paragraph.selectText();
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).not.toContain('\u00ad');
    expect(copied.trim()).toBe(shown.replaceAll('\u00ad', '').trim());
    expect(copied).toContain('information and statistics');
  });

  test('draws the check mark of a table in the Latin page, not with a Chinese font', async ({ page, site }) => {
    await page.goto(`${site}${EN_CHAPTER}`);
    const cell = page.locator('td.check-yes').first();
    await expect(cell).toBeVisible();
    await expect(cell.locator('[aria-hidden="true"]')).toBeHidden();
    const mark = await cell.evaluate((td) => {
      const before = getComputedStyle(td, '::before');
      return { width: before.borderRightWidth, height: before.borderBottomWidth, content: before.content };
    });
    expect(mark.content).toBe('""');
    expect(Number.parseFloat(mark.width)).toBeGreaterThan(0);
    expect(Number.parseFloat(mark.height)).toBeGreaterThan(0);
    await expect(cell).toContainText('Yes');
    // The Chinese edition keeps the √ of its source text.
    await page.goto(`${site}${CHAPTER}`);
    await expect(page.locator('td.check-yes [aria-hidden="true"]').first()).toHaveText('√');
  });
});
