import type { Figure } from '../data/resolve.ts';
import { RefError } from '../data/resolve.ts';
import { didYouMean } from '../diagnostics.ts';
import { formatNumber, formatPeriod, formatValue, isForecast } from '../format.ts';
import type { Project } from '../project.ts';
import { type ChartProps, ChartPropsSchema } from '../schema/props.ts';
import { sourceNames } from '../sources.ts';
import { conversionFactor, type Unit, unitSpec } from '../units.ts';

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

export function chartModel(project: Project, props: ChartProps): ChartModel {
  const p = ChartPropsSchema.parse(props);
  const { resolver } = project;
  const dataset = resolver.timeseries(p.dataset).value;
  const unit = p.unit ?? dataset.unit;
  const factor = conversionFactor(dataset.unit, unit);
  const decimals = unitSpec(unit).decimals;
  const seriesOf = (id: string): ChartSeries => {
    const s = dataset.series[id];
    if (!s)
      throw new RefError(`unknown series "${id}" in "${dataset.id}"${didYouMean(id, Object.keys(dataset.series))}`);
    return {
      id,
      label: s.label,
      cells: dataset.periods.map((period) => {
        const figure = resolver.figure(`${dataset.id}.${id}@${period}`);
        if (!figure) return null;
        const value = Number((figure.value * factor).toFixed(decimals));
        return { value, text: formatNumber(value, decimals), figure };
      }),
    };
  };
  const series = p.series.map(seriesOf);
  const total = p.total ? seriesOf(p.total) : undefined;
  const periods = dataset.periods.map((id) => ({ id, label: formatPeriod(id) }));
  const missing = dataset.periods.filter((_, i) => series.every((s) => s.cells[i] === null));
  const cagr = (p.cagr ?? []).map((id) => cagrRow(project, id));
  const sources = sourceNames(project.registry, dataset.sources);
  const labels = dataset.periods.map((period) => {
    const lines = [`${period.replace(/E$/, '')}年`];
    if (isForecast(period)) lines.push('(預計)');
    if (missing.includes(period)) lines.push('(未載列分項)');
    return lines;
  });
  const description = `${p.title}，單位：${unit}。${periods
    .map((period, i) => {
      const parts = series
        .map((s) => (s.cells[i] ? `${s.label}${s.cells[i]?.text}` : null))
        .filter((x): x is string => x !== null);
      const t = total?.cells[i];
      const head = `${period.label}${t ? `合計${t.text}` : ''}`;
      return parts.length ? `${head}（${parts.join('，')}）` : `${head}（未載列分項）`;
    })
    .join('；')}。`;
  return {
    id: `fig-${dataset.id}-${p.series.join('-')}`,
    title: p.title,
    unit,
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
                  label: `${total.label}（未載列分項）`,
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

function cagrRow(project: Project, id: string): CagrRow {
  const entry = project.resolver.claim(id);
  const claim = entry.value;
  if (claim.kind !== 'cagr' && claim.kind !== 'stated') {
    throw new RefError(`claim "${id}" is a ${claim.kind} claim, expected a growth rate`, entry);
  }
  const from = claim.from;
  const to = claim.to;
  let label = claim.label;
  if (!label && claim.kind === 'cagr') {
    const [datasetId = '', seriesId = ''] = claim.of.split('.');
    label = project.resolver.timeseries(datasetId).value.series[seriesId]?.label;
  }
  const decimals = claim.decimals ?? unitSpec(claim.unit).decimals;
  const prefix = claim.qualifier === 'over' ? '>' : '';
  return {
    label: label ?? claim.text,
    period: from && to ? `${formatPeriod(from)}至${formatPeriod(to)}` : '',
    text: `${prefix}${formatValue(claim.stated, claim.unit, decimals)}`,
    ref: `claim.${id}`,
  };
}
