/**
 * One print unit in the loaded document page (design: print-units.ts): what it is (its HTML,
 * headings and links to other units), its cache keys, and its print alone with its first folio.
 */
import type { Page } from 'puppeteer-core';
import { loadPrint, outlineEntries } from '../pdf/pdf-finish.ts';
import { fillContents, headingBookmarks } from '../print/contents-pass.ts';
import { type CachedUnit, sha256 } from './print-cache.ts';

/** Bumped when what a unit's print looks like changes for a reason the key does not see. */
const PRINT_CODE_VERSION = '3';

/** Every print, of a unit or of the whole document: bookmarks give the headings' pages. */
export const PRINT_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  outline: true,
  tagged: true,
  timeout: 600_000,
} as const;

export interface UnitPlan {
  index: number;
  /** The article id, or `front`. */
  id: string;
  kind: 'front' | 'chapter' | 'appendix';
  numeral: string | undefined;
  /** Its headings in order: id (a chapter's h1 by its article id) and text without spaces. */
  headings: { id: string; text: string }[];
  /** Its headings' text as the bookmarks give it. */
  titles: string[];
  /** Link targets in other units. */
  foreign: string[];
  /** Its elements' HTML as rendered now (charts drawn, numbers as filled). */
  html: string;
  /** Whether it has contents or cross-reference page slots (its HTML changes once numbered). */
  slots: boolean;
}

/** The key parts that are the same for every unit: stylesheets, fonts, Chromium, this code. */
export async function contextKey(page: Page, browserVersion: string, fontsKey: string): Promise<string> {
  const css = await page.evaluate(() =>
    [...document.styleSheets]
      .map((sheet) => {
        try {
          return [...sheet.cssRules].map((r) => r.cssText).join('\n');
        } catch {
          return sheet.href ?? '';
        }
      })
      .join('\n'),
  );
  return sha256(PRINT_CODE_VERSION, browserVersion, css, fontsKey);
}

/** A unit's cache keys: its layout (HTML without numbers) and its print (with numbers, at its folio). */
export function unitKeys(contextKey: string) {
  return {
    layoutKey: (p: UnitPlan) => sha256(contextKey, 'layout', p.html),
    finalKey: (p: UnitPlan, start: number) => sha256(contextKey, 'print', p.html, String(start)),
  };
}

/** The document page's units as it is now. */
export async function planUnits(page: Page): Promise<UnitPlan[]> {
  const raw = await page.evaluate(() => {
    // The front matter is one unit: the cover, any section printed before the contents, the contents.
    const front = [...document.querySelectorAll('section.cover, article.print-front, nav.contents')];
    const chapters = [...document.querySelectorAll<HTMLElement>('article.print-chapter:not(.print-front)')];
    const groups: { id: string; numeral: string | undefined; elements: Element[] }[] = [
      ...(front.length ? [{ id: 'front', numeral: undefined, elements: front }] : []),
      ...chapters.map((a) => ({ id: a.id, numeral: a.dataset['appendix'], elements: [a] })),
    ];
    // The chart library names clip paths with random ids, new on every load: for the key, each
    // is named by its place (the print does not show them).
    const stableSvgIds = (html: string, ids: string[]) => {
      const quote = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return [...new Set(ids)].reduce(
        (out, id, i) => out.replace(new RegExp(`(id="|url\\(#|href="#)${quote(id)}(?=[")])`, 'g'), `$1svg-id-${i}`),
        html,
      );
    };
    return groups.map((g) => {
      const inside = (el: Element) => g.elements.some((e) => e.contains(el));
      const own = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(inside);
      const headings = own.map((h) => ({
        id: h.closest('article.print-chapter') && h.tagName === 'H1' ? (h.closest('article') as HTMLElement).id : h.id,
        text: (h.textContent ?? '').replace(/\s+/g, ''),
      }));
      const foreign = new Set<string>();
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
        if (!inside(a)) continue;
        const id = decodeURIComponent(a.getAttribute('href')?.slice(1) ?? '');
        const target = id ? document.getElementById(id) : null;
        if (target && !inside(target)) foreign.add(id);
      }
      return {
        id: g.id,
        numeral: g.numeral,
        headings,
        titles: own.map((h) => (h.textContent ?? '').trim()),
        foreign: [...foreign],
        html: stableSvgIds(
          g.elements.map((e) => e.outerHTML).join('\n'),
          g.elements.flatMap((e) => [...e.querySelectorAll('svg [id]')].map((n) => n.id)),
        ),
        slots: g.elements.some((e) => e.querySelector('.contents-page[data-target], .ref-page[data-target]') !== null),
      };
    });
  });
  return raw.map((r, index) => ({
    ...r,
    index,
    kind: r.id === 'front' ? 'front' : r.numeral ? 'appendix' : 'chapter',
  }));
}

/**
 * Prints one unit in `tab`: the other units out of the DOM, placeholders for its links' targets
 * elsewhere, its first folio, its numbers when given; the tab is put back as it was.
 */
export async function printUnit(
  tab: Page,
  plan: UnitPlan,
  start: number,
  contents: Record<string, string> | undefined,
): Promise<CachedUnit> {
  if (contents) await fillContents(tab, contents);
  await tab.evaluate(
    (index: number, foreign: string[], css: string) => {
      const units = [
        [...document.querySelectorAll('section.cover, article.print-front, nav.contents')],
        ...[...document.querySelectorAll('article.print-chapter:not(.print-front)')].map((a) => [a]),
      ].filter((g) => g.length > 0);
      const parked: [Comment, Element][] = [];
      units.forEach((group, i) => {
        if (i === index) return;
        for (const el of group) {
          const mark = document.createComment('print-unit');
          el.replaceWith(mark);
          parked.push([mark, el]);
        }
      });
      const own = units[index]?.[0];
      const added: Element[] = [];
      for (const id of foreign) {
        // A zero-size element at the unit's top: only there for Chromium to write the link.
        const stub = document.createElement('span');
        stub.id = id;
        stub.setAttribute('aria-hidden', 'true');
        stub.style.cssText = 'display:block;width:0;height:0;overflow:hidden;margin:0;padding:0';
        own?.prepend(stub);
        added.push(stub);
      }
      if (css) {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.append(style);
        added.push(style);
      }
      (window as unknown as { printUnitUndo: unknown }).printUnitUndo = { parked, added };
    },
    plan.index,
    plan.foreign,
    plan.kind === 'chapter' ? `@page :first { counter-increment: page ${start}; }` : '',
  );
  try {
    const bytes = new Uint8Array(await tab.pdf(PRINT_OPTIONS));
    const { doc } = await loadPrint(bytes);
    const outline = outlineEntries(doc);
    const anchors = headingBookmarks(plan.headings, outline);
    const headings = Object.fromEntries(Object.entries(anchors).map(([id, index]) => [id, outline[index]?.page ?? 0]));
    const record = { sha256: sha256(bytes), pages: doc.getPageCount(), headings, anchors, stubs: plan.foreign };
    return { bytes, record };
  } finally {
    await tab.evaluate(() => {
      const undo = (window as unknown as { printUnitUndo: { parked: [Comment, Element][]; added: Element[] } })
        .printUnitUndo;
      for (const el of undo.added) el.remove();
      for (const [mark, el] of undo.parked) mark.replaceWith(el);
    });
  }
}
