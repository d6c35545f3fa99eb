import type { Locale } from '../i18n/locale.ts';
import type { Project } from '../project-model.ts';
import { chartModel } from '../render/chart.ts';
import { type DateOptions, dateText, timetableModel } from '../render/date.ts';
import { figureAttributes } from '../render/provenance.ts';
import { redactedText } from '../render/redact.ts';
import { tableModel } from '../render/table.ts';
import { renderVal } from '../render/val.ts';
import type { ComponentName } from '../schema/props.ts';

/** Everything the page will render, in the edition's language: a missing label fails here. */
export function renderForCheck(
  project: Project,
  component: ComponentName,
  props: Record<string, unknown>,
  locale: Locale,
): string | undefined {
  if (component === 'Val') {
    const { figure, text } = renderVal(project.resolver, props as never, locale);
    if (locale !== 'zh') figureAttributes(project, figure, locale);
    // What the reader sees: 人民幣 and US$ are used by the figures, not typed in the prose.
    return text;
  }
  if (component === 'Chart') {
    const model = chartModel(project, props as never, locale);
    if (locale !== 'zh') {
      for (const s of [...model.series, ...(model.total ? [model.total] : [])]) {
        for (const c of s.cells) if (c) figureAttributes(project, c.figure, locale);
      }
    }
  }
  if (component === 'DataTable') {
    const model = tableModel(project, props as never, locale);
    if (locale !== 'zh') {
      for (const row of model.rows) {
        for (const c of row.cells) if (c.kind === 'figure') figureAttributes(project, c.figure, locale);
      }
    }
  }
  if (component === 'Redact') redactedText(project.registry, String(props['term']), 'vetting', locale);
  // Checked as the final prospectus shows them: every date spelt, every label resolved.
  if (component === 'Date')
    return dateText(project.registry, String(props['of']), locale, 'final', props as DateOptions);
  if (component === 'Timetable') timetableModel(project.registry, locale, 'final');
  return undefined;
}
