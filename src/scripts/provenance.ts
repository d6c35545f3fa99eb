/**
 * Provenance popover: hover or keyboard focus on any bound figure (prose, chart table, table
 * cell) shows its dataset, period, basis, source and tie-out result. The static HTML already
 * carries the same text in `title`, so nothing is lost without JavaScript; with it, the native
 * tooltip gives way to one that a keyboard and a screen reader can reach.
 */
import {
  FIGURE_STATUSES,
  type FigureStatus,
  STATUS_DESCRIPTION,
  STATUS_DESCRIPTION_EN,
  STATUS_LABEL,
  STATUS_LABEL_EN,
} from '../lib/tieout-status.ts';

/** The popover speaks the page's language (`<html lang>`): the English edition gets English. */
const WORDS = {
  zh: {
    status: (s: FigureStatus) => `${STATUS_LABEL[s]}：${STATUS_DESCRIPTION[s]}`,
    value: '數值',
    period: '期間',
    basis: '性質',
    derived: '推算：',
    stated: '明載於資料來源',
    sources: '資料來源',
    check: '核對',
    claims: '相關陳述',
    claimsJoin: '、',
    ref: '數據編號',
  },
  en: {
    status: (s: FigureStatus) => `${STATUS_LABEL_EN[s]}: ${STATUS_DESCRIPTION_EN[s]}`,
    value: 'Value',
    period: 'Period',
    basis: 'Basis',
    derived: 'derived: ',
    stated: 'stated in the source',
    sources: 'Source',
    check: 'Tie-out',
    claims: 'Claims',
    claimsJoin: ', ',
    ref: 'Data reference',
  },
};
const W = /^en\b/i.test(document.documentElement.lang) ? WORDS.en : WORDS.zh;

function statusText(status: string | undefined): string {
  const known = FIGURE_STATUSES.find((s): s is FigureStatus => s === status);
  return known ? W.status(known) : '';
}

function setup(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('[data-ref]')];
  if (figures.length === 0) return;
  const tip = document.createElement('div');
  tip.id = 'provenance-tip';
  tip.className = 'prov-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);

  for (const el of figures) {
    el.dataset['title'] = el.title;
    el.removeAttribute('title');
  }

  const row = (term: string, detail: string) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = detail;
    return [dt, dd];
  };

  const show = (el: HTMLElement) => {
    const d = el.dataset;
    const title = document.createElement('strong');
    title.textContent = d['label'] ?? '';
    const list = document.createElement('dl');
    list.append(
      ...row(W.value, d['value'] ?? ''),
      ...(d['period'] ? row(W.period, d['period']) : []),
      ...row(W.basis, d['basis'] === 'derived' ? `${W.derived}${d['formula'] ?? ''}` : W.stated),
      ...row(W.sources, d['sources'] ?? ''),
      ...row(W.check, statusText(d['status'])),
      ...(d['claims'] ? row(W.claims, d['claims'].split(' ').join(W.claimsJoin)) : []),
      ...row(W.ref, d['ref'] ?? ''),
    );
    tip.replaceChildren(title, list);
    tip.hidden = false;
    const box = el.getBoundingClientRect();
    const width = Math.min(320, window.innerWidth - 16);
    tip.style.width = `${width}px`;
    tip.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
    el.setAttribute('aria-describedby', tip.id);
  };
  const hide = () => {
    tip.hidden = true;
  };

  document.addEventListener('focusin', (e) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-ref]');
    if (el) show(el);
    else hide();
  });
  document.addEventListener('mouseover', (e) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-ref]');
    if (el) show(el);
  });
  document.addEventListener('mouseout', (e) => {
    if (!(e.target as Element).closest('[data-ref]')) return;
    // Leaving a hovered figure returns the popover to the focused one, if any: a keyboard user
    // must not lose it because the page scrolled under a resting pointer.
    const focused = (document.activeElement as Element | null)?.closest<HTMLElement>('[data-ref]');
    if (focused) show(focused);
    else hide();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
}

setup();
