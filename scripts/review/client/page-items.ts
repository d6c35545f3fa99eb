/**
 * Where the items are on a chapter page, found by the build's own rule (`keys.ts`: the server
 * sends `src/lib/review/item-keys.ts`'s function as that module), so the page and the build can
 * never disagree on a key; their badges; links to an item and `#review=<key>`.
 */
import type { PageItem } from '../../../src/lib/review/item-keys.ts';
import { badge, bar } from './badges.ts';
import { el } from './dom.ts';
import { chapterItems, ITEM_ELEMENTS } from './keys.ts';
import { openDialog } from './panel.ts';
import { afterRefresh, anchors, badges, catalogue, kindOf, session } from './session.ts';
import { en, T } from './words.ts';

/** Each item of a chapter's article with the element it is read from. */
export function keyedElements(root: Element, chapterId: string): { item: PageItem; element: Element }[] {
  const elements = root.querySelectorAll(ITEM_ELEMENTS);
  return chapterItems(root, chapterId).flatMap((item) => {
    const element = elements[item.index];
    return element ? [{ item, element }] : [];
  });
}

/** A page of one section of the document: its id is the id of its article on the whole-document page. */
export const CHAPTER_PATH = /^\/(?:en\/)?(?:chapters\/([^/]+)|(definitions|glossary))\/?$/;

export function chapterPage(chapterId: string): void {
  const article = document.querySelector('main article');
  if (!article) return;
  const found = keyedElements(article, chapterId);
  for (const { item, element } of found) {
    catalogue.set(item.key, item);
    anchors.set(item.key, element);
  }
  for (const { item, element } of found) {
    const { key, kind } = item;
    if (kind === 'figure') element.after(badge(key));
    else if (kind === 'section') {
      const count = el('span', { class: 'rv-section-queries' });
      const paint = () => {
        const open = session.state.queries.filter(
          (q) => q.status !== 'closed' && (q.key === key || catalogue.get(q.key)?.sectionId === element.id),
        ).length;
        count.textContent = open > 0 ? T.openCount(open) : '';
      };
      afterRefresh.push(paint);
      paint();
      element.after(bar(key, [count]));
    } else element.before(bar(key));
  }
}

/** Where an item is read: its chapter page in this edition, or the schedule for a claim. */
export function itemHref(key: string): string {
  const item = catalogue.get(key);
  const hash = `#review=${encodeURIComponent(key)}`;
  if (kindOf(key) === 'claim' || !item?.chapterId) return `/verification/${hash}`;
  const id = encodeURIComponent(item.chapterId);
  const page = item.chapterId === 'definitions' || item.chapterId === 'glossary' ? `/${id}/` : `/chapters/${id}/`;
  return `${en ? '/en' : ''}${page}${hash}`;
}

/** `#review=<key>` (a link from the home page's queries) opens that item's dialog. */
export function openFromHash(): void {
  const match = /^#review=(.+)$/.exec(location.hash);
  if (!match?.[1]) return;
  const key = decodeURIComponent(match[1]);
  const button = badges.get(key)?.[0];
  if (!button) return;
  button.scrollIntoView({ block: 'center' });
  openDialog(key, button);
}
