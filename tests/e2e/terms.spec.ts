import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { axeScan, WCAG_21_AA } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { CHAPTER, contentsHrefs } from './helpers.ts';

/** Defined terms on the site: marked in prose with their definition, and the generated pages. */

interface RegistryTerm {
  id: string;
  zh: string;
  en: string;
  list: 'definitions' | 'glossary';
  definition: { zh: string; en: string };
}
const TERMS = parse(
  readFileSync(join(resolve(import.meta.dirname, '../..'), 'data/terms.yaml'), 'utf8'),
) as RegistryTerm[];
const term = (id: string) => {
  const found = TERMS.find((t) => t.id === id);
  if (!found) throw new Error(`no term ${id} in data/terms.yaml`);
  return found;
};

async function axe(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await axeScan(page, { tags: WCAG_21_AA });
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('defined terms in prose', () => {
  test('the keyboard reaches a marked term and its definition shows, then Escape hides it', async ({ page, site }) => {
    await page.goto(`${site}${CHAPTER}`);
    const cic = term('cic');
    let focused = '';
    for (let i = 0; i < 40 && focused !== cic.id; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['term'] ?? '');
    }
    expect(focused, 'Tab reaches 灼識諮詢').toBe(cic.id);
    const tip = page.locator('#term-tip');
    await expect(tip).toBeVisible();
    await expect(tip).toHaveText(`「${cic.zh}」指${cic.definition.zh}`);
    await expect(page.locator(':focus')).toHaveAttribute('aria-describedby', 'term-tip');
    expect(await axe(page), 'with the popover open').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
  });

  test('hovering a term in the English edition shows its English definition', async ({ page, site }) => {
    await page.goto(`${site}/en${CHAPTER}`);
    const report = term('cic-report');
    await page.locator('.term[data-term="cic-report"]').first().hover();
    await expect(page.locator('#term-tip')).toHaveText(`“${report.en}” means ${report.definition.en}`);
  });

  test('marks the first use of a term in each section only, never inside a heading or a figure', async ({
    page,
    site,
  }) => {
    await page.goto(`${site}${CHAPTER}`);
    const marks = await page.evaluate(() => {
      const sections: { heading: string; terms: string[] }[] = [{ heading: '', terms: [] }];
      const article = document.querySelector('article.chapter');
      for (const el of article?.querySelectorAll('h2, .term') ?? []) {
        if (el.tagName === 'H2') sections.push({ heading: el.textContent ?? '', terms: [] });
        else sections.at(-1)?.terms.push((el as HTMLElement).dataset['term'] ?? '');
      }
      return {
        sections,
        inHeading: article?.querySelectorAll(':is(h1, h2, h3, h4) .term, .fig .term').length ?? -1,
      };
    });
    expect(marks.inHeading).toBe(0);
    for (const s of marks.sections) expect(s.terms, `section ${s.heading}`).toEqual([...new Set(s.terms)]);
    // 灼識諮詢 is used many times in 資料來源及研究方法, and marked once there.
    const sources = marks.sections.find((s) => s.heading === '資料來源及研究方法');
    expect(sources?.terms.filter((t) => t === 'cic')).toEqual(['cic']);
    const text = (await page.locator('article.chapter h2:text("資料來源及研究方法") + p').textContent()) ?? '';
    expect(text.split(term('cic').zh).length - 1).toBeGreaterThan(3);
    // Every section uses a defined term: each marks at least one.
    expect(marks.sections.filter((s) => s.terms.length === 0).map((s) => s.heading)).toEqual([]);
  });

  test('prints terms as plain text: no underline in print media', async ({ page, site }) => {
    await page.goto(`${site}/document/`);
    const first = page.locator('article.print-chapter .term').first();
    expect(await first.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    await page.emulateMedia({ media: 'print' });
    expect(await first.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
  });
});

test.describe('the generated pages', () => {
  for (const [path, list, locale, means] of [
    ['/definitions/', 'definitions', 'zh', '指'],
    ['/glossary/', 'glossary', 'zh', '指'],
    ['/en/definitions/', 'definitions', 'en', 'means'],
    ['/en/glossary/', 'glossary', 'en', 'means'],
  ] as const) {
    test(`${path} lists every ${list} entry as term | ${means} | definition, with no WCAG violation`, async ({
      page,
      site,
    }) => {
      await page.goto(`${site}${path}`);
      const rows = await page
        .locator('table.terms-table tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
      const expected = TERMS.filter((t) => t.list === list);
      expect(rows).toHaveLength(expected.length);
      for (const t of expected) {
        const row = rows.find((r) => r[2] === t.definition[locale]);
        expect(row, t.id).toBeDefined();
        expect(row?.[0]).toContain(locale === 'zh' ? `「${t.zh}」` : `“${t.en}”`);
        expect(row?.[1]).toBe(means);
      }
      expect(await axe(page)).toEqual([]);
    });
  }

  test('the home contents link 釋義 and 技術詞彙表 before the chapters', async ({ page, site }) => {
    await page.goto(`${site}/`);
    const links = await page
      .locator('ol.toc > li > a')
      .evaluateAll((as) => as.map((a) => [(a.textContent ?? '').trim(), a.getAttribute('href')]));
    // After the sections that print before them (the expected timetable, the summary), before
    // every chapter and appendix: the order the chapters' frontmatter gives.
    const hrefs = contentsHrefs('zh');
    expect(links.map(([, href]) => href)).toEqual(hrefs);
    const definitions = hrefs.indexOf('/definitions/');
    expect(links.slice(definitions, definitions + 2)).toEqual([
      ['釋義', '/definitions/'],
      ['技術詞彙表', '/glossary/'],
    ]);
    expect(hrefs.indexOf(CHAPTER)).toBeGreaterThan(definitions + 1);
  });
});
