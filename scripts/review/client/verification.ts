/** The verification schedule in the workspace: a sign-off column and filter, claims' badges, the CSV links. */
import { badge } from './badges.ts';
import { el } from './dom.ts';
import { keyedElements } from './page-items.ts';
import { afterRefresh, anchors, session, statusOf } from './session.ts';
import { STATES, T } from './words.ts';

/**
 * Each schedule row's item: a prose figure is its own item, a table's or chart's cell belongs to
 * its table or chart. The rows list the printed document's figures in order, each row's id the
 * figure's data id and occurrence, so the whole-document page, read with the same key rule, says
 * which item each occurrence is.
 */
export async function scheduleKeys(): Promise<Map<string, string>> {
  const html = await (await fetch('/document/', { credentials: 'same-origin' })).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const byElement = new Map<Element, string>();
  for (const article of doc.querySelectorAll('article.print-chapter[id]')) {
    for (const { item, element } of keyedElements(article, article.id)) {
      if (item.kind === 'figure') byElement.set(element, item.key);
      else if (item.kind === 'table' || item.kind === 'chart')
        for (const cell of element.querySelectorAll('[data-ref]')) byElement.set(cell, item.key);
    }
  }
  const seen = new Map<string, number>();
  const byOccurrence = new Map<string, string>();
  for (const figure of doc.querySelectorAll<HTMLElement>('article.print-chapter [data-ref]')) {
    const ref = figure.dataset['ref'] ?? '';
    const n = (seen.get(ref) ?? 0) + 1;
    seen.set(ref, n);
    const key = byElement.get(figure);
    if (key) byOccurrence.set(`${ref}~${n}`, key);
  }
  return byOccurrence;
}

export async function verificationPage(rowKeys: Promise<Map<string, string>>): Promise<void> {
  const links = el(
    'p',
    { class: 'rv-links' },
    el('span', { class: 'rv-brand' }, T.workspace),
    el('a', { href: '/_review/schedule.csv', download: '' }, T.scheduleCsv),
    el('a', { href: '/_review/queries.csv', download: '' }, T.queriesCsv),
  );
  const downloads = document.querySelector('a[href$="verification.csv"]')?.closest('p');
  if (downloads) downloads.after(links);
  else document.querySelector('main h1')?.after(links);

  // The claims table is wide already: each claim's badge goes under its id, where it is seen.
  for (const row of document.querySelectorAll<HTMLTableRowElement>('table[data-claims] tbody tr[data-claim]')) {
    const key = `claim:${row.dataset['claim']}`;
    if (!session.state.items[key]) continue;
    row.cells[0]?.append(el('div', { class: 'rv-claim' }, badge(key)));
    anchors.set(key, row);
  }

  const schedule = document.querySelector<HTMLTableElement>('table[data-schedule]');
  if (!schedule) return;
  const keys = await rowKeys;
  const seen = new Map<string, number>();
  const rows = addColumn(schedule, (row) => {
    const ref = row.dataset['ref'] ?? '';
    const n = (seen.get(ref) ?? 0) + 1;
    seen.set(ref, n);
    return keys.get(`${ref}~${n}`);
  });
  const form = document.querySelector<HTMLFormElement>('form.schedule-filters');
  const select = el('select', { name: 'signoff', 'data-filter': 'signoff' }, el('option', { value: '' }, T.all));
  for (const s of STATES) select.append(el('option', { value: s }, T.status[s]));
  const label = el('label', { class: 'rv-filter' }, `${T.filter} `, select);
  const count = form?.querySelector('output');
  if (count) count.before(label);
  else form?.append(label);
  const mark = () => {
    // A row no item covers is not signed, as the schedule's CSV says.
    for (const [row, key] of rows) row.dataset['signoff'] = (key && statusOf(key)) || 'none';
    // The page's own filter script listens for changes on the form: it applies every select.
    form?.dispatchEvent(new Event('change'));
  };
  afterRefresh.push(mark);
  mark();
}

/** A sign-off column at the end of a table: each row's badge, or a dash for a row with no item. */
export function addColumn(
  table: HTMLTableElement | null,
  keyOf: (row: HTMLTableRowElement) => string | undefined,
): Map<HTMLTableRowElement, string | undefined> {
  const rows = new Map<HTMLTableRowElement, string | undefined>();
  if (!table) return rows;
  table.tHead?.rows[0]?.append(el('th', { scope: 'col', class: 'rv-col' }, T.column));
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      const key = keyOf(row);
      rows.set(row, key);
      if (key && !anchors.has(key)) anchors.set(key, row);
      row.append(el('td', { class: 'rv-col' }, key && session.state.items[key] ? badge(key) : '—'));
    }
  }
  return rows;
}
