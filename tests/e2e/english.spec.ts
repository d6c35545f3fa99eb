import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { CHAPTER, grouped, yamlValue } from './helpers.ts';

const EN_CHAPTER = `/en${CHAPTER}`;
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/u;

/** 億 amounts as the English edition writes them, computed here from the YAML: ÷10, one decimal more. */
function billion(ref: string): string {
  return `RMB${grouped(yamlValue(ref) / 10, 1)} billion`;
}

async function refs(page: Page): Promise<string[]> {
  return (
    await page.locator('article .fig[data-ref]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ref') ?? ''))
  ).sort();
}

test.describe('the English edition', () => {
  test('is English, titled INDUSTRY OVERVIEW, with no Chinese left in the chapter', async ({ page, site }) => {
    await page.goto(`${site}${EN_CHAPTER}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('article h1')).toHaveText('INDUSTRY OVERVIEW');
    const text = (await page.locator('article').textContent()) ?? '';
    expect(text.match(CJK), 'a Chinese character in the English chapter').toBeNull();
    // Publication copy: the three withheld places, in the English marker.
    expect(text.split('[REDACTED]').length - 1).toBe(3);
    expect(text).not.toContain('[編纂]');
  });

  test('binds the very same figures as the Chinese chapter', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const chinese = await refs(page);
    await page.goto(`${site}${EN_CHAPTER}`);
    const english = await refs(page);
    expect(english.length).toBeGreaterThanOrEqual(50);
    expect(english).toEqual(chinese);
  });

  test('writes each figure in English form from the same stored value', async ({ page, site }) => {
    await page.goto(`${site}${EN_CHAPTER}`);
    const shown = async (ref: string) =>
      ((await page.locator(`article .fig[data-ref="${ref}"]`).first().textContent()) ?? '').trim();
    for (const ref of ['global-cloud.global@2018', 'global-cloud.global@2027E', 'china-edge.total@2027E']) {
      expect(await shown(ref)).toBe(billion(ref));
    }
    expect(await shown('facts.report-fee')).toBe(`US$${grouped(yamlValue('facts.report-fee'))}`);
    expect(await shown('facts.iot-devices-2022')).toBe(
      `${grouped(yamlValue('facts.iot-devices-2022') / 10, 1)} billion units`,
    );
    expect(await shown('claim.china-third-edge-market')).toBe('third');
    expect(await shown('claim.our-rank')).toBe('ninth');
    await expect(page.locator('#fig-global-cloud-china-outside-china .figure-unit')).toHaveText('RMB billion');
    await expect(page.locator('#fig-global-cloud-china-outside-china .source-line')).toHaveText(
      'Sources: Gartner, CAICT, CIC Report',
    );
    await expect(page.locator('#tbl-china-edge-ranking-2022 .source-line')).toHaveText('Source: CIC Report');
    await expect(page.locator('#fig-global-cloud-china-outside-china .cagr-table tr').first()).toContainText(
      '2022–2027E',
    );
  });

  test('the provenance popover speaks English', async ({ page, site }) => {
    await page.goto(`${site}${EN_CHAPTER}`);
    await page.locator('article .fig[data-ref="claim.global-cloud-cagr"]').first().focus();
    const tip = page.locator('#provenance-tip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('CAGR of the global cloud services industry from 2022 to 2027E');
    await expect(tip).toContainText('Source');
    await expect(tip).toContainText('CIC Report');
    expect(((await tip.textContent()) ?? '').match(CJK)).toBeNull();
  });

  for (const [from, to, id] of [
    [EN_CHAPTER, CHAPTER, 'industry-overview-competition'],
    [CHAPTER, EN_CHAPTER, 'industry-overview-global-edge-size'],
    ['/en/document/', '/document/', 'industry-overview-competition'],
    ['/document/', '/en/document/', 'industry-overview-global-edge-size'],
  ] as const) {
    test(`the language switch from ${from} lands on the same section (${id})`, async ({ page, site }) => {
      await page.goto(`${site}${from}`);
      await page.locator(`#${id}`).evaluate((h) => h.scrollIntoView());
      await page.locator('[data-lang-switch]').click();
      await expect(page).toHaveURL(`${site}${to}#${id}`);
      const heading = page.locator(`#${id}`);
      await expect(heading).toBeInViewport();
    });
  }
});
