import { type Figure, RefError } from '../data/figure.ts';
import { didYouMean } from '../diagnostics.ts';
import { formatNumber } from '../i18n/decimal.ts';
import { englishSpelling } from '../i18n/english.ts';
import { seriesLabel } from '../i18n/labels.ts';
import type { Locale } from '../i18n/locale.ts';
import { type Unit, unitSpec } from '../i18n/units.ts';
import type { Project } from '../project-model.ts';
import type { TimeseriesDataset } from '../schema/dataset.ts';

/** A chart's cells and series: what chart.ts builds and each kind of chart lays out. */
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

/** What the chart types beyond plain bars need besides the bars: a doughnut's period and shares, a bar-line's line. */

export const LINE_COLOUR = '#c1121f';

export function doughnutPeriod(dataset: TimeseriesDataset, period: string | undefined): string {
  if (period === undefined)
    throw new RefError(`a doughnut shows one period — expected period="…", one of ${dataset.periods.join(', ')}`);
  if (!dataset.periods.includes(period))
    throw new RefError(`unknown period "${period}" in "${dataset.id}" — expected one of ${dataset.periods.join(', ')}`);
  return period;
}

/**
 * Shares of a whole must make the whole: stated percentages may miss 100 only by their rounding,
 * half a unit of the last digit for each share. Amounts are drawn as their own shares and always do.
 */
export function checkShares(
  datasetId: string,
  unit: Unit,
  decimals: number,
  period: string,
  series: ChartSeries[],
): void {
  if (unitSpec(unit).kind !== 'percent')
    throw new RefError(`a doughnut shows shares in % — "${datasetId}" is in ${unit}; expected a dataset in %`);
  const step = 10 ** decimals;
  const sum = series.reduce((total, s) => total + Math.round((s.cells[0]?.value ?? 0) * step), 0);
  const slack = series.length * 0.5;
  if (Math.abs(sum - 100 * step) <= slack) return;
  throw new RefError(
    `the shares of "${datasetId}" at ${period} sum to ${formatNumber(sum / step, decimals)}% — expected 100% within rounding (±${formatNumber(slack / step, decimals + 1)}%)`,
  );
}

/** bar-line: the line's series from its own dataset, over the bars' periods. */
export function lineSeries(
  project: Project,
  ref: string | undefined,
  periods: readonly string[],
  locale: Locale,
): { label: string; cells: (ChartCell | null)[]; decimals: number; series: ChartSeries } {
  if (ref === undefined)
    throw new RefError('a bar-line chart draws one series as a line — expected line="dataset.series"');
  const [datasetId = '', seriesId = ''] = ref.split('.');
  const entry = project.resolver.timeseries(datasetId);
  if (!entry.value.series[seriesId])
    throw new RefError(
      `unknown series "${seriesId}" in "${datasetId}"${didYouMean(seriesId, Object.keys(entry.value.series))}`,
    );
  const decimals = entry.value.decimals ?? unitSpec(entry.value.unit).decimals;
  const cells = periods.map((period) => {
    if (!entry.value.periods.includes(period)) return null;
    const figure = project.resolver.figure(`${datasetId}.${seriesId}@${period}`);
    return figure ? { value: figure.value, text: formatNumber(figure.value, decimals), figure } : null;
  });
  const label = `${seriesLabel(entry, seriesId, locale)} (${locale === 'zh' ? entry.value.unit : captionOf(entry.value.unit, datasetId)})`;
  return { label, cells, decimals, series: { id: seriesId, label, cells } };
}

/** The English caption of a chart's unit; a unit without one names the dataset. */
export function captionOf(unit: Unit, datasetId: string): string {
  try {
    return englishSpelling(unit).caption;
  } catch (e) {
    throw new RefError(`${(e as Error).message}; used by dataset "${datasetId}"`);
  }
}
