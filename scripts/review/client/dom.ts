/** DOM helpers of the review client: text only, never markup from data. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Marks what the workspace adds, so the key rule reads the page's own words only.
  node.setAttribute('data-review-ui', '');
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** `2026-12-04T23:10:00.000Z` → `2026-12-04 23:10 UTC`: one zone for every reviewer. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The page's announcement line (the panel has its own). */
export const live = el('p', { class: 'rv-sr', role: 'status', 'aria-live': 'polite' });
