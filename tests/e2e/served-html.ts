import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** What a check reads from a page's HTML: plain data, so it crosses into Chromium and back. */
export interface ServedPage {
  /** Text of the first `main h1`. */
  mainHeading: string;
  /** Text of every `article h1`, white space collapsed. */
  articleHeadings: string[];
  /** Every element's id. */
  ids: string[];
  /** `data-ref` of every bound element in `main` whose text is empty. */
  emptyRefs: string[];
  /** Body rows of each table in `main figure.table-figure`. */
  tableRows: number[];
}

/**
 * Fetches a page of the site and reads it as Chromium's HTML parser builds it: DOMParser runs no
 * script and loads nothing, which is what a reader without JavaScript gets. For checks that walk
 * every page of both editions and only read what the HTML holds; a navigation would spend most of
 * its time (about 1 CPU-second a page here) in loading fonts, layout and paint they never look at.
 */
export async function readServed(page: Page, url: string): Promise<ServedPage> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return page.evaluate(
    (html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        mainHeading: text(doc.querySelector('main h1')),
        articleHeadings: [...doc.querySelectorAll('article h1')].map(text),
        ids: [...doc.querySelectorAll('[id]')].map((el) => el.id),
        emptyRefs: [...doc.querySelectorAll('main [data-ref]')]
          .filter((el) => !(el.textContent ?? '').trim())
          .map((el) => el.getAttribute('data-ref') ?? ''),
        tableRows: [...doc.querySelectorAll('main figure.table-figure table')].map(
          (t) => t.querySelectorAll('tbody tr').length,
        ),
      };
    },
    await response.text(),
  );
}
