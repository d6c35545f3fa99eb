import type { Figure } from '../data/resolve.ts';
import { figureLabel, sourceNamesIn } from '../i18n/labels.ts';
import { type Locale, spellPeriod } from '../i18n/locale.ts';
import { UI } from '../i18n/ui.ts';
import type { Project } from '../project.ts';
import { spellLow } from './val.ts';

export type TieStatus = 'pass' | 'fail' | 'unchecked' | 'none';

/** The tie-out result that covers a figure: its own claim, or the claims it feeds. */
export function tieStatus(project: Project, figure: Figure): TieStatus {
  if (figure.ref.startsWith('claim.')) {
    return project.tieOut.find((r) => `claim.${r.id}` === figure.ref)?.status ?? 'none';
  }
  return 'none';
}

export function statusText(status: TieStatus, locale: Locale = 'zh'): string {
  return UI[locale].status[status];
}

/** One line a reviewer can read: what the figure is, whether stated or derived, and from whom. */
export function provenanceText(project: Project, figure: Figure, locale: Locale = 'zh'): string {
  const ui = UI[locale];
  const basis = figure.basis === 'stated' ? ui.stated : ui.derived(figure.formula ?? '');
  const sources = sourceNamesIn(project.registry, figure.sources, locale).join(ui.listJoin);
  const status = tieStatus(project, figure);
  const label = figureLabel(project.resolver, figure, locale);
  return ui.provenance(label, basis, sources, status === 'none' ? undefined : statusText(status, locale));
}

/**
 * Data attributes every bound figure carries, wherever it appears (prose, chart table, table
 * cell). The provenance popover, the verification schedule and the tests all read these.
 */
export function figureAttributes(project: Project, figure: Figure, locale: Locale = 'zh'): Record<string, string> {
  return {
    'data-ref': figure.ref,
    'data-value': spellLow(figure, locale),
    'data-unit': figure.unit,
    'data-period': figure.column && /^\d{4}E?$/.test(figure.column) ? spellPeriod(locale, figure.column) : '',
    'data-label': figureLabel(project.resolver, figure, locale),
    'data-basis': figure.basis,
    'data-formula': figure.formula ?? '',
    'data-sources': sourceNamesIn(project.registry, figure.sources, locale).join(UI[locale].listJoin),
    'data-status': tieStatus(project, figure),
    title: provenanceText(project, figure, locale),
  };
}
