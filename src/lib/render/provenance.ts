import type { Figure } from '../data/resolve.ts';
import { formatPeriod, formatValue } from '../format.ts';
import type { Project } from '../project.ts';
import { sourceNames } from '../sources.ts';
import { figureTie, STATUS_LABEL } from '../tieout-status.ts';

/** One line a reviewer can read: what the figure is, whether stated or derived, and from whom. */
export function provenanceText(project: Project, figure: Figure): string {
  const basis = figure.basis === 'stated' ? '明載' : `推算：${figure.formula ?? ''}`;
  const sources = sourceNames(project.registry, figure.sources).join('，');
  const tie = figureTie(project, figure);
  const claims = tie.claims.length > 0 ? `（陳述：${tie.claims.join('、')}）` : '';
  return `${figure.label}（${basis}；資料來源：${sources}；核對：${STATUS_LABEL[tie.status]}${claims}）`;
}

/**
 * Data attributes every bound figure carries, wherever it appears (prose, chart table, table
 * cell). The provenance popover, the verification schedule and the tests all read these.
 */
export function figureAttributes(project: Project, figure: Figure): Record<string, string> {
  const tie = figureTie(project, figure);
  return {
    'data-ref': figure.ref,
    'data-value': formatValue(figure.value, figure.unit, figure.decimals),
    'data-unit': figure.unit,
    'data-period': figure.column && /^\d{4}E?$/.test(figure.column) ? formatPeriod(figure.column) : '',
    'data-label': figure.label,
    'data-basis': figure.basis,
    'data-formula': figure.formula ?? '',
    'data-sources': sourceNames(project.registry, figure.sources).join('，'),
    'data-status': tie.status,
    'data-claims': tie.claims.join(' '),
    title: provenanceText(project, figure),
  };
}
