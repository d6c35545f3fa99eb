import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chapterItems, type PageItem } from '../../src/lib/review/item-keys.ts';
import { TEST_DIST } from '../build-once.ts';
import { expect, test } from './fixtures.ts';

/**
 * The build reads the items a reviewer signs off from the whole-document page; the review client
 * finds an element's key on a chapter page. The same rule must give both pages the same keys and
 * the same covered words, chapter by chapter, in both editions: else a sign-off made on a chapter
 * page would name an item the build does not know.
 */
/** The items of every chapter article of the whole-document page. */
const documentItems = (page: Page): Promise<PageItem[]> =>
  page.evaluate(
    `[...document.querySelectorAll('article.print-chapter[id]')].flatMap((a) => (${chapterItems.toString()})(a, a.id))`,
  ) as Promise<PageItem[]>;

/** The items of a chapter page, whose article carries no id: the chapter is the page's. */
const chapterPageItems = (page: Page, id: string): Promise<PageItem[]> =>
  page.evaluate(
    `(${chapterItems.toString()})(document.querySelector('article.chapter'), ${JSON.stringify(id)})`,
  ) as Promise<PageItem[]>;

/** The chapters the whole-document page prints, read from its HTML. */
function chapterIds(prefix: string): string[] {
  const html = readFileSync(join(TEST_DIST, prefix, 'document', 'index.html'), 'utf8');
  return [...html.matchAll(/<article class="chapter print-chapter"[^>]* id="([^"]+)"/g)].map((m) => m[1] as string);
}

for (const prefix of ['', 'en']) {
  test(`chapter pages and the whole-document page give the same items (${prefix || 'zh'})`, async ({ page, site }) => {
    test.setTimeout(300_000);
    await page.goto(`${site}/${prefix ? `${prefix}/` : ''}document/`);
    const whole = await documentItems(page);
    const ids = chapterIds(prefix);
    expect(ids.length).toBeGreaterThan(10);
    for (const kind of ['figure', 'table', 'chart', 'section']) {
      expect(
        whole.some((i) => i.kind === kind),
        kind,
      ).toBe(true);
    }
    let compared = 0;
    for (const id of ids) {
      const path = `${prefix ? `${prefix}/` : ''}chapters/${id}/`;
      if (!existsSync(join(TEST_DIST, path, 'index.html'))) continue;
      await page.goto(`${site}/${path}`);
      const own = (await chapterPageItems(page, id)).map(({ index: _, ...i }) => i);
      const printed = whole.filter((i) => i.chapterId === id).map(({ index: _, ...i }) => i);
      expect(own, id).toEqual(printed);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
}

test('keys count a data-ref among the chapter’s prose figures, and tables drop the page’s ~n', async ({
  page,
  site,
}) => {
  await page.goto(`${site}/document/`);
  const whole = await documentItems(page);
  const keys = whole.map((i) => i.key);
  expect(new Set(keys).size).toBe(keys.length);
  // The Summary, Financial Information and Accountants' Report each show the accounts' income
  // table: the page gives later ones ids ending ~2, ~3; each chapter's key is the table's own id.
  const income = keys.filter((k) => /^table:[^/]+\/tbl-accounts-summary-income/.test(k));
  expect(income.length).toBeGreaterThan(1);
  for (const k of income) expect(k).toMatch(/^table:[^/]+\/tbl-accounts-summary-income$/);
  const html = readFileSync(join(TEST_DIST, 'document', 'index.html'), 'utf8');
  expect(html).toContain('id="tbl-accounts-summary-income~2"');
  // Prose figures: every `.fig` outside a figure, numbered per reference from ~1 without gaps.
  for (const id of chapterIds('')) {
    const prose = await page.locator(`article.print-chapter[id="${id}"] .fig[data-ref]:not(figure .fig)`).count();
    const figures = whole.filter((i) => i.chapterId === id && i.kind === 'figure');
    expect(figures.length, id).toBe(prose);
    const perRef = new Map<string, number[]>();
    for (const f of figures) {
      const [, ref, n] = /^figure:[^/]+\/(.+)~(\d+)$/.exec(f.key) ?? [];
      perRef.set(ref ?? '', [...(perRef.get(ref ?? '') ?? []), Number(n)]);
    }
    for (const [ref, ns] of perRef) expect(ns, `${id} ${ref}`).toEqual(ns.map((_, k) => k + 1));
  }
  expect(whole.some((i) => i.key.endsWith('~2') && i.kind === 'figure')).toBe(true);
});
