import type { Page } from 'puppeteer-core';
import type { PageBlock } from '../../../src/lib/diff/plan.ts';

/**
 * What is compared: the cover's lines (title block, the prospectus's offer block, the date, the
 * draft's 警告 box) and the chapters' blocks, in page order. The draft stamp names the build, not
 * the document (each draft's commit and date), so it is left out: the running heads name both.
 */
export const BLOCKS = [
  'section.cover :is(p, dt, dd):not([data-draft-stamp])',
  'article.print-chapter :is(h1, h2, h3, h4, p, li, figcaption, caption, th, td)',
].join(', ');

export interface FigureValue {
  ref: string;
  label: string;
  value: string;
}

/** A figure whose value differs between the drafts; absent from the draft that lacks it. */
export interface FigureChange {
  ref: string;
  old: FigureValue | undefined;
  now: FigureValue | undefined;
}

export async function readPage(page: Page): Promise<{ blocks: PageBlock[]; figures: FigureValue[] }> {
  return page.evaluate((selector) => {
    const leaf = [...document.querySelectorAll<HTMLElement>(selector)];
    const rows = new Map([...document.querySelectorAll('article.print-chapter tr')].map((tr, i) => [tr, `r${i}`]));
    // What the page shows: a check cell reads √, not √ and its screen-reader word 有.
    const visibleText = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
      // Soft hyphens (the English edition's, hyphenate.ts) are break points, not words.
      return (copy.textContent ?? '').replaceAll('\u00ad', '');
    };
    return {
      blocks: leaf.map((el) => {
        const row = rows.get(el.closest('tr') as Element);
        return {
          kind: el.tagName.toLowerCase(),
          text: visibleText(el).replace(/\s+/g, ' ').trim(),
          // The cover counts under its own name (封面 / Cover) in the summary.
          chapter:
            el.closest('section.cover')?.getAttribute('aria-label') ??
            el.closest('article.print-chapter')?.querySelector('h1')?.textContent?.trim() ??
            '',
          ...(row === undefined ? {} : { row }),
        };
      }),
      figures: [...document.querySelectorAll<HTMLElement>('article.print-chapter [data-ref]')].map((el) => ({
        ref: el.dataset['ref'] ?? '',
        label: el.dataset['label'] ?? '',
        value: el.dataset['value'] ?? '',
      })),
    };
  }, BLOCKS);
}

export function changedFigures(before: readonly FigureValue[], after: readonly FigureValue[]): FigureChange[] {
  const oldValues = new Map(before.map((f) => [f.ref, f]));
  const newValues = new Map(after.map((f) => [f.ref, f]));
  return [...new Set([...oldValues.keys(), ...newValues.keys()])]
    .map((ref) => ({ ref, old: oldValues.get(ref), now: newValues.get(ref) }))
    .filter((f) => f.old?.value !== f.now?.value);
}
