import { effectiveStage } from '../document/stage.ts';
import { columnGroup, columnLabel, datasetTitle, sourceNamesIn, tableText } from '../i18n/labels.ts';
import type { Locale } from '../i18n/locale.ts';
import { UI } from '../i18n/ui.ts';
import { hides, withheldMarker } from '../offer/withhold.ts';
import type { Project } from '../project-model.ts';
import { type DataTableProps, DataTablePropsSchema } from '../schema/props.ts';
import { statementModel } from './statement.ts';
import type { TableModel } from './table-model.ts';
import { spellFigure } from './val.ts';

export function tableModel(project: Project, props: DataTableProps, locale: Locale = 'zh'): TableModel {
  const p = DataTablePropsSchema.parse(props);
  const any = project.resolver.dataset(p.dataset);
  if (any.value.kind === 'timeseries')
    return statementModel(project, project.resolver.timeseries(p.dataset), p.title, locale);
  const entry = project.resolver.table(p.dataset);
  const d = entry.value;
  const columns = Object.entries(d.columns);
  const grouped = columns.some(([, c]) => c.group);
  const top: TableModel['header'][number] = [];
  const second: TableModel['header'][number] = [];
  for (let i = 0; i < columns.length; i++) {
    const [columnId, column] = columns[i] as (typeof columns)[number];
    const numeric = column.type !== 'text';
    const label = columnLabel(entry, columnId, locale);
    if (!grouped || !column.group) {
      top.push({ label, colspan: 1, rowspan: grouped ? 2 : 1, numeric });
      continue;
    }
    const previous = columns[i - 1]?.[1];
    if (previous?.group !== column.group) {
      const span = columns.slice(i).findIndex(([, c]) => c.group !== column.group);
      top.push({
        label: columnGroup(entry, columnId, locale) ?? column.group,
        colspan: span === -1 ? columns.length - i : span,
        rowspan: 1,
        numeric: true,
      });
    }
    second.push({ label, colspan: 1, rowspan: 1, numeric });
  }
  const stage = effectiveStage(project.registry.document.value);
  const rows = Object.entries(d.rows).map(([rowId, row]) => ({
    id: rowId,
    highlight: rowId === d.highlight,
    cells: columns.map(([columnId, column]) => {
      const numeric = column.type !== 'text';
      const raw = row[columnId];
      if (raw === undefined) return { kind: 'empty' as const, text: '—', numeric };
      if (column.type === 'check') {
        return raw === true
          ? { kind: 'check' as const, text: '√', label: UI[locale].checkYes, yes: true, numeric }
          : { kind: 'check' as const, text: 'x', label: UI[locale].checkNo, yes: false, numeric };
      }
      if (typeof raw === 'string')
        return { kind: 'text' as const, text: tableText(entry, rowId, columnId, locale), numeric };
      if (typeof raw === 'boolean') return { kind: 'text' as const, text: String(raw), numeric };
      const figure = project.resolver.require(`${d.id}.${rowId}@${columnId}`);
      // A withheld cell prints the marker and carries no figure: no value, title or data attribute.
      if (hides(figure, stage)) return { kind: 'text' as const, text: withheldMarker(locale), numeric };
      const text = column.type === 'rank' ? String(figure.value) : spellFigure(figure, locale);
      return { kind: 'figure' as const, text, figure, numeric };
    }),
  }));
  return {
    id: `tbl-${d.id}`,
    title: p.title ?? datasetTitle(entry, locale),
    header: grouped ? [top, second] : [top],
    rows,
    sources: sourceNamesIn(project.registry, d.sources, locale),
  };
}
