import type { Located } from '../data/registry.ts';
import { formatNumber } from '../i18n/decimal.ts';
import { englishSpelling } from '../i18n/english.ts';
import { datasetTitle, seriesLabel, sourceNamesIn } from '../i18n/labels.ts';
import type { Locale } from '../i18n/locale.ts';
import { periodHeader } from '../i18n/periods.ts';
import { unitSpec } from '../i18n/units.ts';
import type { Project } from '../project-model.ts';
import type { TimeseriesDataset } from '../schema/dataset.ts';
import type { TableModel } from './table-model.ts';

/**
 * A figure as a financial table prints it, the same in both editions: a negative in brackets,
 * `(1,234)`, and nil as `–`. The unit stands in the header, so the digits need no words.
 */
export function accountingNumber(value: number, decimals: number): string {
  const text = formatNumber(Math.abs(value), decimals);
  if (/^[0.,]+$/.test(text)) return '–';
  return value < 0 ? `(${text})` : text;
}

/**
 * A timeseries laid out as a financial statement: rows are line items (indented, subtotals
 * ruled), columns are periods grouped under their kind (截至12月31日止年度 / 於12月31日), with a
 * `%` column beside each period when the dataset derives one (`percentOf: revenue`).
 */
export function statementModel(
  project: Project,
  entry: Located<TimeseriesDataset>,
  title: string | undefined,
  locale: Locale,
): TableModel {
  const d = entry.value;
  const yearEnd = project.registry.document.value.yearEnd;
  const decimals = d.decimals ?? unitSpec(d.unit).decimals;
  const percent = d.percentOf;
  const per = percent ? 2 : 1;
  const heads = d.periods.map((id) => periodHeader(id, locale, yearEnd));
  const grouped = heads.some((h) => h.group !== undefined);
  const unitCaption = locale === 'zh' ? d.unit : englishSpelling(d.unit).caption;
  const depth = (grouped ? 2 : 1) + (percent ? 1 : 0);
  const groupRow: TableModel['header'][number] = [];
  const yearRow: TableModel['header'][number] = [];
  const unitRow: TableModel['header'][number] = [];
  const stub = {
    label: locale === 'zh' ? `（${unitCaption}）` : `(${unitCaption})`,
    colspan: 1,
    rowspan: depth,
    numeric: false,
  };
  (grouped ? groupRow : yearRow).push(stub);
  heads.forEach((h, i) => {
    if (grouped) {
      if (h.group === undefined) {
        groupRow.push({ label: h.label, colspan: per, rowspan: 2, numeric: true });
      } else if (heads[i - 1]?.group !== h.group) {
        const span = heads.slice(i).findIndex((x) => x.group !== h.group);
        groupRow.push({
          label: h.group,
          colspan: (span === -1 ? heads.length - i : span) * per,
          rowspan: 1,
          numeric: true,
        });
      }
      if (h.group !== undefined) yearRow.push({ label: h.label, colspan: per, rowspan: 1, numeric: true });
    } else {
      yearRow.push({ label: h.label, colspan: per, rowspan: 1, numeric: true });
    }
    if (percent) {
      unitRow.push({ label: unitCaption, colspan: 1, rowspan: 1, numeric: true });
      unitRow.push({ label: '%', colspan: 1, rowspan: 1, numeric: true });
    }
  });
  const header = [...(grouped ? [groupRow] : []), yearRow, ...(percent ? [unitRow] : [])];
  const rows = Object.entries(d.series).map(([rowId, row]) => {
    const cells: TableModel['rows'][number]['cells'] = [
      { kind: 'text', text: seriesLabel(entry, rowId, locale), numeric: false },
    ];
    for (const period of d.periods) {
      const figure = project.resolver.figure(`${d.id}.${rowId}@${period}`);
      cells.push(
        figure
          ? { kind: 'figure', text: accountingNumber(figure.value, decimals), figure, numeric: true }
          : { kind: 'empty', text: '', numeric: true },
      );
      if (percent) {
        const base = project.resolver.figure(`${d.id}.${percent}@${period}`);
        const share = figure && base && base.value !== 0 ? (figure.value / base.value) * 100 : undefined;
        cells.push(
          share === undefined
            ? { kind: 'empty', text: '', numeric: true }
            : { kind: 'text', text: accountingNumber(share, 1), numeric: true },
        );
      }
    }
    return {
      id: rowId,
      highlight: false,
      indent: row.indent ?? 0,
      style: row.sum ? (row.style ?? 'subtotal') : undefined,
      cells,
    };
  });
  return {
    id: `tbl-${d.id}`,
    title: title ?? datasetTitle(entry, locale),
    header,
    rows,
    sources: sourceNamesIn(project.registry, d.sources, locale),
  };
}
