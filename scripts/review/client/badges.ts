/** The state badges beside items, each opening its item's panel. */
import { el } from './dom.ts';
import { openDialog } from './panel.ts';
import { afterRefresh, badges, itemName, kindOf, openQueriesOf, statusOf } from './session.ts';
import { T } from './words.ts';

export function paintBadge(button: HTMLButtonElement, key: string): void {
  const status = statusOf(key);
  const open = openQueriesOf(key);
  button.dataset['rvState'] = status ?? 'unknown';
  button.replaceChildren(
    el('span', { class: 'rv-state' }, status ? T.status[status] : T.unknownItem),
    ...(open > 0 ? [el('span', { class: 'rv-count', 'aria-hidden': 'true' }, String(open))] : []),
    el(
      'span',
      { class: 'rv-sr' },
      `${T.sep}${itemName(key)}, ${T.controls}${open > 0 ? `, ${T.openCount(open)}` : ''}`,
    ),
  );
  button.disabled = status === undefined;
}

/** A badge that names the item's state and opens its dialog. */
export function badge(key: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'rv-badge', 'aria-haspopup': 'dialog', 'data-rv-key': key });
  button.addEventListener('click', () => openDialog(key, button));
  const list = badges.get(key);
  if (list) list.push(button);
  else badges.set(key, [button]);
  paintBadge(button, key);
  return button;
}

/** The control line above a table, a chart or below a section heading. */
export function bar(key: string, extra: Node[] = []): HTMLDivElement {
  return el('div', { class: 'rv-bar' }, el('span', { class: 'rv-kind' }, T.kind[kindOf(key)]), badge(key), ...extra);
}

// A new state repaints every badge in place, so focus stays where it is.
afterRefresh.push(() => {
  for (const [key, buttons] of badges) for (const b of buttons) paintBadge(b, key);
});
