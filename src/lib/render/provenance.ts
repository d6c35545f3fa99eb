import type { Figure } from '../data/resolve.ts';
import type { Project } from '../project.ts';
import { sourceNames } from '../project.ts';

/** One line a reviewer can read: what the figure is, whether stated or derived, and from whom. */
export function provenanceText(project: Project, figure: Figure): string {
  const basis = figure.basis === 'stated' ? '明載' : `推算：${figure.formula ?? ''}`;
  const sources = sourceNames(project.registry, figure.sources).join('，');
  const tie = project.tieOut.find((r) => `claim.${r.id}` === figure.ref);
  const check = tie
    ? `；核對：${tie.status === 'pass' ? '相符' : tie.status === 'unchecked' ? '無法核對' : '不符'}`
    : '';
  return `${figure.label}（${basis}；資料來源：${sources}${check}）`;
}
