import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { TEST_DIST } from '../build-once.ts';
import { expect, test } from './fixtures.ts';
import { CHAPTER, loadDataset } from './helpers.ts';

/** Text compared across breaks: no whitespace, no hyphens (the line breaker's, dropped by pdftotext). */
const fold = (text: string) => text.replace(/[\s\u00AD\u2010\u2011-]+/gu, '');

/**
 * Each page's text as poppler reads it, in print order, with the folio printed at its foot: – 1 –
 * in the body, – I-7 – in an appendix (front pages have roman folios, which no schedule row names).
 */
function pdfPages(file: string): { folio: string; text: string }[] {
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', join(TEST_DIST, file), '-'], { encoding: 'utf8' });
  const pages = raw.split('\f').flatMap((text) => {
    // The last folio-shaped text of the page: poppler may run a page's last line into its folio.
    const folio = [...text.matchAll(/–\s*((?:[IVXLC]+-)?\d+|[ivxlc]+)\s*–/gu)].at(-1);
    if (!folio) return [];
    // The folio folded away, so that the page's text ends with its last line.
    return [
      { folio: folio[1] ?? '', text: fold(text.slice(0, folio.index) + text.slice(folio.index + folio[0].length)) },
    ];
  });
  expect(
    pages.some((p) => p.folio === '1'),
    `folio 1 in ${file}`,
  ).toBe(true);
  expect(
    pages.some((p) => p.folio === 'I-1'),
    `folio I-1 in ${file}`,
  ).toBe(true);
  return pages;
}

/**
 * Whether a figure is on the page of this folio: whole, or starting at the page's end with the
 * rest opening the next page, after its running heads (a page break may fall inside a figure).
 */
function onPage(pages: { folio: string; text: string }[], folio: string, figure: string): boolean {
  const at = pages.findIndex((p) => p.folio === folio);
  const text = pages[at]?.text ?? '';
  const needle = fold(figure);
  if (needle === '' || at === -1) return false;
  if (text.includes(needle)) return true;
  // A figure a page break splits is placed on the page where it ends, as every figure is
  // (scripts/lib/schedule/locate.ts): its start closes the page before, its rest opens this one.
  const before = pages[at - 1]?.text ?? '';
  for (let k = 1; k < needle.length; k++) {
    const rest = text.indexOf(needle.slice(k));
    if (before.endsWith(needle.slice(0, k)) && rest !== -1 && rest < 400) return true;
  }
  return false;
}

/** The first figure data/ states in the first series of the global-cloud dataset. */
function figureFromData(): string {
  const dataset = loadDataset('global-cloud');
  const [series, body] =
    Object.entries(dataset['series'] as Record<string, { values: Record<string, number> }>)[0] ?? [];
  const period = Object.keys(body?.values ?? {})[0];
  return `global-cloud.${series}@${period}`;
}

test.describe('bilingual verification schedule', () => {
  test('shows a figure once, as the Chinese and the English chapter print it', async ({ page, site }) => {
    const ref = figureFromData();
    await page.goto(`${site}${CHAPTER}`);
    const chinese = (await page.locator(`[data-ref="${ref}"]`).first().textContent())?.trim() ?? '';
    await page.goto(`${site}/en${CHAPTER}`);
    // Without the soft hyphens that English hyphenation may put into the page's words.
    const english = ((await page.locator(`[data-ref="${ref}"]`).first().textContent()) ?? '')
      .replace(/\u00AD/gu, '')
      .trim();
    expect(chinese).not.toBe('');
    expect(english).not.toBe(chinese);

    await page.goto(`${site}/verification/`);
    const row = page.locator(`table[data-schedule] tbody tr[data-ref="${ref}"]`).first();
    await expect(row.locator('td:nth-child(4)')).toHaveText(chinese);
    await expect(row.locator('td:nth-child(11)')).toHaveText(english);
    await expect(row.locator('td:nth-child(11) [lang="en"]')).toHaveCount(1);
    await expect(row).toHaveAttribute('data-editions', 'both');
  });

  test('the filter "in one edition only" lists no figure, and says so with a computed count', async ({
    page,
    site,
  }) => {
    await page.goto(`${site}/verification/`);
    const rows = page.locator('table[data-schedule] tbody tr');
    const visible = page.locator('table[data-schedule] tbody tr:not([hidden])');
    const total = await rows.count();
    const single = await rows.evaluateAll(
      (trs) => trs.filter((t) => t.getAttribute('data-editions') !== 'both').length,
    );
    expect(single).toBe(0);
    await expect(page.locator('[data-schedule-count]')).toContainText(`；${single} 項只見於一個版本`);

    await page.selectOption('select[data-filter="editions"]', 'one');
    await expect(visible).toHaveCount(0);
    await expect(page.locator('[data-filter-count]')).toHaveText(`顯示 0 / ${total} 項`);

    // The filter itself: a row as a one-edition figure would be marked is the one it shows.
    const ref = await rows.nth(5).getAttribute('data-ref');
    await rows.nth(5).evaluate((tr) => tr.setAttribute('data-editions', 'en'));
    await page.selectOption('select[data-filter="editions"]', '');
    await page.selectOption('select[data-filter="editions"]', 'one');
    await expect(visible).toHaveCount(1);
    await expect(visible.first()).toHaveAttribute('data-ref', ref ?? '');
    await page.selectOption('select[data-filter="editions"]', '');
    await expect(visible).toHaveCount(total);
  });

  test('page numbers agree with where pdftotext finds each figure in each PDF', async ({ page, site }) => {
    const zh = pdfPages('prospectus.pdf');
    const en = pdfPages('prospectus-en.pdf');
    await page.goto(`${site}/verification/`);
    const rows = await page.locator('table[data-schedule] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        where: tr.children[2]?.textContent ?? '',
        zh: tr.children[3]?.textContent ?? '',
        zhPage: tr.children[9]?.textContent ?? '',
        en: tr.children[10]?.textContent ?? '',
        enPage: tr.children[11]?.textContent ?? '',
      })),
    );
    // Figures in prose are found by their own text; chart and table cells repeat too often.
    const prose = rows.filter((r) => r.where.startsWith('段落'));
    expect(prose.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const r of prose) {
      if (!onPage(zh, r.zhPage, r.zh)) wrong.push(`${r.zh} not on ${r.zhPage}`);
      if (!onPage(en, r.enPage, r.en)) wrong.push(`${r.en} not on ${r.enPage}`);
    }
    expect(wrong).toEqual([]);
    // The English edition runs longer: its figures do not simply sit on the Chinese pages.
    expect(prose.some((r) => r.enPage !== r.zhPage)).toBe(true);
  });
});
