import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { CHAPTER, chapterFronts, contentsHrefs, documentClaims } from './helpers.ts';

const EN_CHAPTER = `/en${CHAPTER}`;
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/u;
const EN_SOURCE = resolve(import.meta.dirname, '../../content/en/chapters/industry-overview.mdx');

/** The English chapter's title and its `##` sections with their ids, read straight from the MDX. */
function englishOutline(): { title: string; sections: { id: string; text: string }[] } {
  const text = readFileSync(EN_SOURCE, 'utf8');
  const title = /^title:\s*(.+)$/mu.exec(text)?.[1]?.trim() ?? '';
  const sections = [...text.matchAll(/^## (.+?) \{#([a-z0-9-]+)\}$/gmu)].map((m) => ({
    text: m[1] ?? '',
    id: m[2] ?? '',
  }));
  return { title, sections };
}

async function search(page: Page, site: string, path: string, term: string): Promise<string[]> {
  await page.goto(`${site}${path}`);
  await page.fill('#q', term);
  await page.press('#q', 'Enter');
  const status = page.locator('[data-search-status]');
  // The status line is written once the results are on the page.
  await expect(status).toContainText(term);
  return page
    .locator('[data-search-results] li > a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test.describe('the English home page', () => {
  test('lists the English chapter and its sections, in English', async ({ page, site }) => {
    const outline = englishOutline();
    expect(outline.sections.length).toBeGreaterThan(0);
    await page.goto(`${site}/en/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const toc = page.locator('section[aria-labelledby="toc-title"]');
    await expect(toc.locator('h2')).toHaveText('CONTENTS');
    // As in print: the sections before the contents and before 釋義, 釋義 and 技術詞彙表, then the
    // chapters and appendices, in the order their frontmatter gives.
    const entries = toc.locator('ol.toc > li > a');
    const hrefsTop = await entries.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const expectedTop = contentsHrefs('en');
    expect(expectedTop).toContain(EN_CHAPTER);
    expect(hrefsTop).toEqual(expectedTop);
    const chapter = toc.locator(`ol.toc > li > a[href="${EN_CHAPTER}"]`);
    await expect(chapter).toHaveText([outline.title]);
    await expect(chapter).toHaveAttribute('href', EN_CHAPTER);
    const sections = toc.locator(`ol.toc > li:has(> a[href="${EN_CHAPTER}"]) > ol a`);
    await expect(sections).toHaveText(outline.sections.map((s) => s.text));
    const hrefs = await sections.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    // Section anchors carry the chapter's id (the file name), shared by both editions.
    expect(hrefs).toEqual(outline.sections.map((s) => `${EN_CHAPTER}#industry-overview-${s.id}`));
    // Each link lands on a heading of the English chapter.
    await page.goto(`${site}${EN_CHAPTER}`);
    for (const href of hrefs) await expect(page.locator(`article h2[id="${href?.split('#')[1]}"]`)).toHaveCount(1);
  });

  test('summarises the tie-out in English with the counts of the claims', async ({ page, site }) => {
    // Counted here, independently: kinds from the YAML, statuses from the claims table.
    const claims = documentClaims();
    const statedOnly = claims.filter((c) => c.kind === 'stated');
    const recomputed = claims.length - statedOnly.length;
    await page.goto(`${site}/verification/`);
    const statuses = await page
      .locator('table[data-claims] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kind'), tr.getAttribute('data-status')]));
    const agree = statuses.filter(([kind, status]) => kind !== 'stated' && status === 'pass').length;
    const mismatch = statuses.filter(([, status]) => status === 'fail').length;
    expect(statedOnly.length).toBeGreaterThan(1);

    await page.goto(`${site}/en/`);
    const tieout = page.locator('section[aria-labelledby="tieout-title"]');
    const summary = tieout.locator('[data-tieout-summary]');
    await expect(summary).toContainText(`recomputed ${recomputed} claims`);
    await expect(summary).toContainText(`${agree} agree, ${mismatch} mismatch`);
    await expect(summary).toContainText(`${statedOnly.length} further claims are stated only`);
    const reasons = tieout.locator('[data-stated-only] li');
    await expect(reasons).toHaveCount(statedOnly.length);
    const targets = await reasons.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(targets.map((href) => new URL(href).hash)).toEqual(statedOnly.map((c) => `#claim-${c.id}`));
    // The page body is English throughout (the switch to Chinese is outside <main>).
    expect(((await page.locator('main').textContent()) ?? '').match(CJK)).toBeNull();
  });

  test('the language switch leads from / to /en/ and back', async ({ page, site }) => {
    await page.goto(`${site}/`);
    await page.locator('[data-lang-switch]').click();
    await expect(page).toHaveURL(`${site}/en/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.locator('[data-lang-switch]').click();
    await expect(page).toHaveURL(`${site}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK');
  });
});

test.describe('the English header', () => {
  for (const path of ['/en/', '/en/search/', EN_CHAPTER, '/en/document/']) {
    test(`on ${path} speaks English and leads to the English pages`, async ({ page, site }) => {
      await page.goto(`${site}${path}`);
      const nav = page.locator('header nav');
      expect(((await nav.textContent()) ?? '').match(CJK)).toBeNull();
      const hrefs = await nav.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain('/en/document/');
      expect(hrefs).toContain('/en/search/');
      expect(hrefs).toContain('/prospectus-en.pdf');
      expect(hrefs).not.toContain('/prospectus.pdf');
      expect(hrefs).not.toContain('/search/');
      expect(hrefs).not.toContain('/document/');
      await expect(page.locator('header .site-title')).toHaveAttribute('href', '/en/');
    });
  }
});

test.describe('search per edition', () => {
  test('an English word on /en/search/ finds the English chapter, not the Chinese', async ({ page, site }) => {
    const found = await search(page, site, '/en/search/', 'penetration');
    expect(found[0]).toBe(EN_CHAPTER);
    expect(found).not.toContain(CHAPTER);
    await expect(page.locator('[data-search-status]')).toHaveText(/^“penetration”: [1-9]\d* results?$/u);
    await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
  });

  test('a Chinese word on /search/ finds the Chinese chapter, not the English', async ({ page, site }) => {
    const found = await search(page, site, '/search/', '邊緣雲');
    expect(found[0]).toBe(CHAPTER);
    expect(found).not.toContain(EN_CHAPTER);
  });

  test("each edition's index holds only its own chapters", async ({ page, site }) => {
    // The Chinese chapter says 邊緣雲 throughout; the English index does not have it.
    expect(await search(page, site, '/en/search/', '邊緣雲')).toEqual([]);
    await expect(page.locator('[data-search-status]')).toHaveText('“邊緣雲”: 0 results');
    // The English chapter says "penetration"; the Chinese index finds no English page for it (its
    // word splitting may match a Latin letter of a Chinese page, such as a list's "(p)").
    const zh = await search(page, site, '/search/', 'penetration');
    expect(zh.filter((path) => path.startsWith('/en/'))).toEqual([]);
    expect(await search(page, site, '/en/search/', 'penetration')).toContain(EN_CHAPTER);
  });

  test('the English search page suggests the English chapter titles', async ({ page, site }) => {
    await page.goto(`${site}/en/search/`);
    await expect(page.locator('h1')).toHaveText('Search');
    const placeholder = (await page.locator('#q').getAttribute('placeholder')) ?? '';
    expect(placeholder.startsWith('e.g. '), placeholder).toBe(true);
    // The examples are English chapter titles, joined by ", " (a title may hold a comma itself).
    const titles = chapterFronts('en').map((c) => c.title);
    const examples: string[] = [];
    let rest = placeholder.slice('e.g. '.length);
    while (rest) {
      const title = titles.find((t) => rest === t || rest.startsWith(`${t}, `));
      expect(title, `an English chapter title at "${rest}"`).toBeDefined();
      examples.push(title ?? '');
      rest = rest.slice((title ?? rest).length).replace(/^, /u, '');
    }
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const found = await search(page, site, '/en/search/', example);
      expect(found.length, example).toBeGreaterThan(0);
      expect(
        found.filter((path) => !path.startsWith('/en/')),
        example,
      ).toEqual([]);
    }
  });
});
