import { CHROMIUM_ARGS } from '../../scripts/lib/print/browser.ts';
import { expect, test } from './fixtures.ts';

test('the site is tested in a Chromium started with the flags the PDF is printed with', async ({ page }) => {
  await page.goto('chrome://version');
  const commandLine = ((await page.locator('#command_line').textContent()) ?? '').trim().split(/\s+/);
  expect(CHROMIUM_ARGS.length).toBeGreaterThan(0);
  for (const flag of CHROMIUM_ARGS) expect(commandLine, flag).toContain(flag);
});
