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
} from '../lib/tieout/tieout-status.ts';
import { attachPopover } from './popover.ts';

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

  attachPopover({
    selector: '[data-ref]',
    id: 'provenance-tip',
    className: 'prov-tip',
    fill: (el, tip) => {
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
    },
  });
}

setup();
