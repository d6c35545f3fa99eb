/** The home page's open queries, and the signed-in banner every page carries. */
import type { ReviewItem } from '../../../src/lib/review/schema.ts';
import { el, when } from './dom.ts';
import { itemHref } from './page-items.ts';
import { afterRefresh, catalogue, getJson, itemName, type Me, post, session } from './session.ts';
import { T } from './words.ts';

export async function homePage(): Promise<void> {
  const file = await getJson<{ items: ReviewItem[] }>('/review-items.json');
  for (const item of file.items) catalogue.set(item.key, item);
  const list = el('ul', { class: 'rv-open-list' });
  const empty = el('p', { class: 'rv-empty' }, T.noOpenQueries);
  const section = el(
    'section',
    { class: 'rv-home', 'aria-labelledby': 'rv-open-title' },
    el('h2', { id: 'rv-open-title' }, T.openQueries),
    empty,
    list,
  );
  const paint = () => {
    const open = session.state.queries.filter((q) => q.status !== 'closed');
    empty.hidden = open.length > 0;
    list.replaceChildren(
      ...open.map((q) =>
        el(
          'li',
          { 'data-rv-query': String(q.id) },
          el('a', { href: itemHref(q.key) }, itemName(q.key)),
          el('span', { class: `rv-tag rv-tag-q-${q.status}` }, T.queryStatus[q.status]),
          el('p', { class: 'rv-note' }, q.text),
          el('p', { class: 'rv-meta' }, `${q.by} · ${when(q.at)}`),
        ),
      ),
    );
  };
  afterRefresh.push(paint);
  paint();
  const hero = document.querySelector('main .home-hero');
  if (hero) hero.after(section);
  else document.querySelector('main')?.prepend(section);
}

// ---------- every page ----------

export function banner(user: Me): HTMLElement {
  const out = el('button', { type: 'button' }, T.signOut);
  out.addEventListener('click', () => {
    void post('/_review/logout', {}).finally(() => location.assign('/_review/login'));
  });
  return el(
    'div',
    { class: 'rv-banner', role: 'region', 'aria-label': T.workspace },
    el('span', { class: 'rv-brand' }, T.workspace),
    el('span', {}, T.signedInAs, el('strong', {}, user.name), ` (${T.role[user.role]})`),
    out,
  );
}
