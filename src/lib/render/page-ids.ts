/**
 * Element ids unique within one rendered page. A table or chart is named after its dataset
 * (`tbl-accounts-income`), and one dataset may be shown by several chapters — the Summary, the
 * Financial Information section and Appendix I tabulate the same accounts — which the
 * whole-document page puts side by side: the second occurrence on a page gets `~2`, the third
 * `~3` (the verification schedule's convention for a figure's later occurrences), so the page
 * stays valid HTML and `aria-labelledby` points at its own caption.
 *
 * Keyed by the page render's `Astro.locals`, an object Astro makes anew for every page, so
 * counts never leak from one page into the next.
 */
const seen = new WeakMap<object, Map<string, number>>();

export function pageUniqueId(page: object, base: string): string {
  let counts = seen.get(page);
  if (!counts) {
    counts = new Map();
    seen.set(page, counts);
  }
  const n = (counts.get(base) ?? 0) + 1;
  counts.set(base, n);
  return n === 1 ? base : `${base}~${n}`;
}
