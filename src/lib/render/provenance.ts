import type { Figure } from '../data/figure.ts';
import { figureLabel, sourceNamesIn } from '../i18n/labels.ts';
import { type Locale, spellPeriod } from '../i18n/locale.ts';
import { UI } from '../i18n/ui.ts';
import type { Project } from '../project-model.ts';
import { figureTie } from '../tieout/tieout-status.ts';
import { spellLow } from './val.ts';

/** One line a reviewer can read: what the figure is, whether stated or derived, and from whom. */
export function provenanceText(project: Project, figure: Figure, locale: Locale = 'zh'): string {
  const ui = UI[locale];
  const basis = figure.basis === 'stated' ? ui.stated : ui.derived(figure.formula ?? '');
  const sources = sourceNamesIn(project.registry, figure.sources, locale).join(ui.listJoin);
  const tie = figureTie(project, figure);
  const label = figureLabel(project.resolver, figure, locale);
  return ui.provenance(label, basis, sources, ui.status[tie.status], tie.claims);
}

/**
 * Data attributes every bound figure carries, wherever it appears (prose, chart table, table
 * cell). The provenance popover, the verification schedule and the tests all read these.
 */
export function figureAttributes(project: Project, figure: Figure, locale: Locale = 'zh'): Record<string, string> {
  const tie = figureTie(project, figure);
  return {
    'data-ref': figure.ref,
    'data-value': spellLow(figure, locale),
    'data-unit': figure.unit,
    'data-period': figure.column && /^\d{4}E?$/.test(figure.column) ? spellPeriod(locale, figure.column) : '',
    'data-label': figureLabel(project.resolver, figure, locale),
    'data-basis': figure.basis,
    'data-formula': figure.formula ?? '',
    'data-sources': sourceNamesIn(project.registry, figure.sources, locale).join(UI[locale].listJoin),
    'data-status': tie.status,
    'data-claims': tie.claims.join(' '),
    title: provenanceText(project, figure, locale),
  };
}
