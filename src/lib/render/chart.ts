import { RefError } from '../data/figure.ts';
import { didYouMean } from '../diagnostics.ts';
import { fixedDigits, formatNumber } from '../i18n/decimal.ts';
import { isForecast } from '../i18n/format.ts';
import { claimLabel, claimText, seriesLabel, sourceNamesIn } from '../i18n/labels.ts';
import { type Locale, spellPeriod, spellRange } from '../i18n/locale.ts';
import { periodHeader } from '../i18n/periods.ts';
import { UI } from '../i18n/ui.ts';
import { convertValue, type Unit, unitSpec } from '../i18n/units.ts';
import type { Project } from '../project-model.ts';
import { type ChartProps, ChartPropsSchema } from '../schema/props.ts';
import { type ChartSeries, captionOf, checkShares, doughnutPeriod, LINE_COLOUR, lineSeries } from './chart-kinds.ts';
import { spellFigure } from './val.ts';

export interface CagrRow {
  label: string;
  period: string;
  text: string;
  ref: string;
}

export interface ChartModel {
  id: string;
  title: string;
  unit: Unit;
  /** The unit as the caption writes it: 人民幣十億元 / RMB billion. */
  unitCaption: string;
  periods: { id: string; label: string }[];
  series: ChartSeries[];
  total: ChartSeries | undefined;
  cagr: CagrRow[];
  sources: string[];
  /** Periods with no plotted value at all: marked on the axis, never filled in. */
  missing: string[];
  description: string;
  config: ChartJsConfig;
}

export interface ChartJsConfig {
  type: 'bar' | 'line' | 'doughnut';
  data: {
    labels: string[][];
    datasets: {
      label: string;
      data: (number | null)[];
      backgroundColor: string | string[];
      stack?: string;
      /** bar-line: the line series, on its own axis. */
      type?: 'line';
      yAxisID?: string;
      borderColor?: string;
    }[];
  };
  options: Record<string, unknown>;
}

/** Prospectus palette: dark to light, so stacked segments stay legible in greyscale print too. */
export const PALETTE = ['#1d3557', '#457b9d', '#a8c5da', '#6c757d', '#c9ada7'];
export const UNSPLIT_GREY = '#d5d9de';

export function chartModel(project: Project, props: ChartProps, locale: Locale = 'zh'): ChartModel {
  const p = ChartPropsSchema.parse(props);
  const { resolver } = project;
  const ui = UI[locale];
  const entry = resolver.timeseries(p.dataset);
  const dataset = entry.value;
  const unit = p.unit ?? dataset.unit;
  const unitCaption = locale === 'zh' ? unit : captionOf(unit, dataset.id);
  // The dataset's own precision, unless the chart shows it in another unit.
  const decimals = p.unit === undefined && dataset.decimals !== undefined ? dataset.decimals : unitSpec(unit).decimals;
  // A doughnut shows one period; every other type runs along the dataset's periods.
  const shown = p.type === 'doughnut' ? [doughnutPeriod(dataset, p.period)] : dataset.periods;
  const seriesOf = (id: string): ChartSeries => {
    const s = dataset.series[id];
    if (!s)
      throw new RefError(`unknown series "${id}" in "${dataset.id}"${didYouMean(id, Object.keys(dataset.series))}`);
    return {
      id,
      label: seriesLabel(entry, id, locale),
      cells: shown.map((period) => {
        const figure = resolver.figure(`${dataset.id}.${id}@${period}`);
        if (!figure) return null;
        const value = Number(fixedDigits(convertValue(figure.value, dataset.unit, unit), decimals));
        return { value, text: formatNumber(value, decimals), figure };
      }),
    };
  };
  const series = p.series.map(seriesOf);
  const total = p.total ? seriesOf(p.total) : undefined;
  const yearEnd = project.registry.document.value.yearEnd;
  const periods = shown.map((id) => ({ id, label: spellPeriod(locale, id, yearEnd) }));
  const missing = shown.filter((_, i) => series.every((s) => s.cells[i] === null));
  if (p.type === 'doughnut') checkShares(dataset.id, unit, decimals, shown[0] as string, series);
  const line = p.type === 'bar-line' ? lineSeries(project, p.line, dataset.periods, locale) : undefined;
  const cagr = (p.cagr ?? []).map((id) => cagrRow(project, id, locale));
  const sources = sourceNamesIn(project.registry, dataset.sources, locale);
  const labels = shown.map((period) => {
    if (p.type === 'doughnut') return [];
    // A financial year or interim period is named in full in the data table; the axis gives its year.
    if (!/^\d{4}E?$/.test(period)) return [periodHeader(period, locale, yearEnd).label];
    const lines = locale === 'zh' ? [`${period.replace(/E$/, '')}年`] : [spellPeriod(locale, period)];
    if (locale === 'zh' && isForecast(period)) lines.push('(預計)');
    if (missing.includes(period)) lines.push(ui.unsplit);
    return lines;
  });
  const description = ui.describe(
    p.title,
    unitCaption,
    periods.map((period, i) => {
      const parts = series
        .map((s) => (s.cells[i] ? `${s.label}${locale === 'zh' ? '' : ' '}${s.cells[i]?.text}` : null))
        .filter((x): x is string => x !== null);
      return ui.describeYear(period.label, total?.cells[i]?.text, parts);
    }),
  );
  return {
    id: `fig-${dataset.id}-${p.series.join('-')}`,
    title: p.title,
    unit,
    unitCaption,
    periods,
    series: line ? [...series, line.series] : series,
    total,
    cagr,
    sources,
    missing,
    description,
    config: {
      type: p.type === 'line' ? 'line' : p.type === 'doughnut' ? 'doughnut' : 'bar',
      data: {
        labels: p.type === 'doughnut' ? series.map((s) => [s.label]) : labels,
        datasets: [
          ...(p.type === 'doughnut'
            ? [
                {
                  label: periods[0]?.label ?? '',
                  data: series.map((s) => s.cells[0]?.value ?? null),
                  backgroundColor: series.map((_, i) => PALETTE[i % PALETTE.length] as string),
                },
              ]
            : series.map((s, i) => ({
                label: s.label,
                data: s.cells.map((c) => c?.value ?? null),
                backgroundColor: PALETTE[i % PALETTE.length] as string,
                ...(p.type === 'line' ? { borderColor: PALETTE[i % PALETTE.length] as string } : {}),
                ...(p.stacked ? { stack: 'stack' } : {}),
              }))),
          ...(line
            ? [
                {
                  label: line.label,
                  data: line.cells.map((c) => c?.value ?? null),
                  backgroundColor: LINE_COLOUR,
                  borderColor: LINE_COLOUR,
                  type: 'line' as const,
                  yAxisID: 'y2',
                },
              ]
            : []),
          // A year whose breakdown the source does not give still shows its stated total, in grey.
          ...(total && missing.length > 0
            ? [
                {
                  label: ui.unsplitTotal(total.label),
                  data: total.cells.map((c, i) =>
                    missing.includes(dataset.periods[i] ?? '') ? (c?.value ?? null) : null,
                  ),
                  backgroundColor: UNSPLIT_GREY,
                  ...(p.stacked ? { stack: 'stack' } : {}),
                },
              ]
            : []),
        ],
      },
      options: {
        prospectus: {
          decimals,
          // Plain bars carry no kind, so the sample's figures stay as they were.
          ...(p.type === 'bar' ? {} : { kind: p.type, lineDecimals: line?.decimals ?? 0 }),
          stacked: p.stacked,
          totals: total ? total.cells.map((c) => c?.value ?? null) : null,
        },
      },
    },
  };
}

function cagrRow(project: Project, id: string, locale: Locale): CagrRow {
  const entry = project.resolver.claim(id);
  const claim = entry.value;
  if (claim.kind !== 'cagr' && claim.kind !== 'stated') {
    throw new RefError(`claim "${id}" is a ${claim.kind} claim, expected a growth rate`, entry);
  }
  const from = claim.from;
  const to = claim.to;
  let label = claimLabel(entry, locale);
  if (!label && claim.kind === 'cagr') {
    const [datasetId = '', seriesId = ''] = claim.of.split('.');
    label = seriesLabel(project.resolver.timeseries(datasetId), seriesId, locale);
  }
  const prefix = claim.qualifier === 'over' ? '>' : '';
  const figure = project.resolver.require(`claim.${id}`);
  return {
    label: label ?? claimText(entry, locale),
    period: from && to ? spellRange(locale, from, to) : '',
    text: `${prefix}${spellFigure(figure, locale)}`,
    ref: `claim.${id}`,
  };
}
