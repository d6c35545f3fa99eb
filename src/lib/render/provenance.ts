import type { Figure } from '../data/resolve.ts';
import { formatPeriod, formatValue } from '../format.ts';
import type { Project } from '../project.ts';
import { sourceNames } from '../sources.ts';

export type TieStatus = 'pass' | 'fail' | 'unchecked' | 'none';

/** The tie-out result that covers a figure: its own claim, or the claims it feeds. */
export function tieStatus(project: Project, figure: Figure): TieStatus {
  if (figure.ref.startsWith('claim.')) {
    return project.tieOut.find((r) => `claim.${r.id}` === figure.ref)?.status ?? 'none';
  }
  return 'none';
}

const STATUS_TEXT: Record<TieStatus, string> = {
  pass: '相符',
  fail: '不符',
  unchecked: '無法核對',
  none: '不適用',
};

export function statusText(status: TieStatus): string {
  return STATUS_TEXT[status];
}

/** One line a reviewer can read: what the figure is, whether stated or derived, and from whom. */
export function provenanceText(project: Project, figure: Figure): string {
  const basis = figure.basis === 'stated' ? '明載' : `推算：${figure.formula ?? ''}`;
  const sources = sourceNames(project.registry, figure.sources).join('，');
  const status = tieStatus(project, figure);
  const check = status === 'none' ? '' : `；核對：${statusText(status)}`;
  return `${figure.label}（${basis}；資料來源：${sources}${check}）`;
}

/**
 * Data attributes every bound figure carries, wherever it appears (prose, chart table, table
 * cell). The provenance popover, the verification schedule and the tests all read these.
 */
export function figureAttributes(project: Project, figure: Figure): Record<string, string> {
  return {
    'data-ref': figure.ref,
    'data-value': formatValue(figure.value, figure.unit, figure.decimals),
    'data-unit': figure.unit,
    'data-period': figure.column && /^\d{4}E?$/.test(figure.column) ? formatPeriod(figure.column) : '',
    'data-label': figure.label,
    'data-basis': figure.basis,
    'data-formula': figure.formula ?? '',
    'data-sources': sourceNames(project.registry, figure.sources).join('，'),
    'data-status': tieStatus(project, figure),
    title: provenanceText(project, figure),
  };
}
