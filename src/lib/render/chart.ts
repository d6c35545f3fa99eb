import type { Figure } from '../data/resolve.ts';
import { RefError } from '../data/resolve.ts';
import { didYouMean } from '../diagnostics.ts';
import { formatNumber, isForecast } from '../format.ts';
import { fixedDigits } from '../i18n/decimal.ts';
import { englishSpelling } from '../i18n/english.ts';
import { claimLabel, claimText, seriesLabel, sourceNamesIn } from '../i18n/labels.ts';
import { type Locale, spellPeriod, spellRange } from '../i18n/locale.ts';
import { UI } from '../i18n/ui.ts';
import type { Project } from '../project.ts';
import { type ChartProps, ChartPropsSchema } from '../schema/props.ts';
import { convertValue, type Unit, unitSpec } from '../units.ts';
import { spellFigure } from './val.ts';

export interface ChartCell {
  value: number;
  text: string;
  figure: Figure;
}

export interface ChartSeries {
  id: string;
  label: string;
  cells: (ChartCell | null)[];
}

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
  type: 'bar';
  data: {
    labels: string[][];
    datasets: { label: string; data: (number | null)[]; backgroundColor: string; stack?: string }[];
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
  const decimals = unitSpec(unit).decimals;
  const seriesOf = (id: string): ChartSeries => {
    const s = dataset.series[id];
    if (!s)
      throw new RefError(`unknown series "${id}" in "${dataset.id}"${didYouMean(id, Object.keys(dataset.series))}`);
    return {
      id,
      label: seriesLabel(entry, id, locale),
      cells: dataset.periods.map((period) => {
        const figure = resolver.figure(`${dataset.id}.${id}@${period}`);
        if (!figure) return null;
        const value = Number(fixedDigits(convertValue(figure.value, dataset.unit, unit), decimals));
        return { value, text: formatNumber(value, decimals), figure };
      }),
    };
  };
  const series = p.series.map(seriesOf);
  const total = p.total ? seriesOf(p.total) : undefined;
  const periods = dataset.periods.map((id) => ({ id, label: spellPeriod(locale, id) }));
  const missing = dataset.periods.filter((_, i) => series.every((s) => s.cells[i] === null));
  const cagr = (p.cagr ?? []).map((id) => cagrRow(project, id, locale));
  const sources = sourceNamesIn(project.registry, dataset.sources, locale);
  const labels = dataset.periods.map((period) => {
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
    series,
    total,
    cagr,
    sources,
    missing,
    description,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: [
          ...series.map((s, i) => ({
            label: s.label,
            data: s.cells.map((c) => c?.value ?? null),
            backgroundColor: PALETTE[i % PALETTE.length] as string,
            ...(p.stacked ? { stack: 'stack' } : {}),
          })),
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
          stacked: p.stacked,
          totals: total ? total.cells.map((c) => c?.value ?? null) : null,
        },
      },
    },
  };
}

/** The English caption of a chart's unit; a unit without one names the dataset. */
function captionOf(unit: Unit, datasetId: string): string {
  try {
    return englishSpelling(unit).caption;
  } catch (e) {
    throw new RefError(`${(e as Error).message}; used by dataset "${datasetId}"`);
  }
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
