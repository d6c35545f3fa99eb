import { type FigureStatus, STATUS_LABEL, STATUS_LABEL_EN } from '../tieout/tieout-status.ts';
import type { Locale } from './locale.ts';

/**
 * The fixed words around figures, charts and tables, per edition. The Chinese strings are the
 * ones the pages always showed; the English follow Hong Kong prospectus usage.
 */
export interface UiText {
  /** The source line under a figure: 資料來源：A，B / Source: A / Sources: A, B. */
  sourceLine(names: readonly string[]): string;
  listJoin: string;
  chartData(unit: string): string;
  item: string;
  absent: string;
  derivedMark: string;
  derivedNote: string;
  cagr: string;
  /** A chart's note on years whose breakdown the section does not state. */
  missingBreakdown(periods: readonly string[]): string;
  /** The axis line under such a year, and the grey total's legend. */
  unsplit: string;
  unsplitTotal(label: string): string;
  /** The chart's description for screen readers. */
  describe(title: string, unit: string, years: readonly string[]): string;
  describeYear(period: string, total: string | undefined, parts: readonly string[]): string;
  checkYes: string;
  checkNo: string;
  placeholder: string;
  placeholderLabel(title: string): string;
  /** Provenance. */
  stated: string;
  derived(formula: string): string;
  status: Record<FigureStatus, string>;
  /** The `title` text: label, basis, sources, tie-out status and the claims behind it. */
  provenance(label: string, basis: string, sources: string, status: string, claims: readonly string[]): string;
}

export const UI: Record<Locale, UiText> = {
  zh: {
    sourceLine: (names) => `資料來源：${names.join('，')}`,
    listJoin: '，',
    chartData: (unit) => `圖表數據（${unit}）`,
    item: '項目',
    absent: '未載列',
    derivedMark: '推算',
    derivedNote: '† 按本節所載數字推算，公式見各數字的來源說明。',
    cagr: '複合年增長率',
    missingBreakdown: (periods) => `${periods.join('、')}的分項數字未於本節載列，故不予列示。`,
    unsplit: '(未載列分項)',
    unsplitTotal: (label) => `${label}（未載列分項）`,
    describe: (title, unit, years) => `${title}，單位：${unit}。${years.join('；')}。`,
    describeYear: (period, total, parts) =>
      `${period}${total ? `合計${total}` : ''}${parts.length ? `（${parts.join('，')}）` : '（未載列分項）'}`,
    checkYes: '有',
    checkNo: '無',
    placeholder: '待補',
    placeholderLabel: (title) => `${title}（待補）`,
    stated: '明載',
    derived: (formula) => `推算：${formula}`,
    status: STATUS_LABEL,
    provenance: (label, basis, sources, status, claims) =>
      `${label}（${basis}；資料來源：${sources}；核對：${status}${claims.length > 0 ? `（陳述：${claims.join('、')}）` : ''}）`,
  },
  en: {
    sourceLine: (names) => `${names.length > 1 ? 'Sources' : 'Source'}: ${names.join(', ')}`,
    listJoin: ', ',
    chartData: (unit) => `Chart data (${unit})`,
    item: 'Item',
    absent: 'Not stated',
    derivedMark: 'derived',
    derivedNote: '† Derived from figures stated in this section; see each figure’s source note for the formula.',
    cagr: 'CAGR',
    missingBreakdown: (periods) =>
      `The breakdown for ${periods.join(', ')} is not stated in this section and is therefore not shown.`,
    unsplit: '(breakdown not stated)',
    unsplitTotal: (label) => `${label} (breakdown not stated)`,
    describe: (title, unit, years) => `${title}. Unit: ${unit}. ${years.join('; ')}.`,
    describeYear: (period, total, parts) =>
      `${period}${total ? `: total ${total}` : ''}${parts.length ? ` (${parts.join(', ')})` : ' (breakdown not stated)'}`,
    checkYes: 'Yes',
    checkNo: 'No',
    placeholder: 'To be supplied',
    placeholderLabel: (title) => `${title} (to be supplied)`,
    stated: 'stated',
    derived: (formula) => `derived: ${formula}`,
    status: STATUS_LABEL_EN,
    provenance: (label, basis, sources, status, claims) =>
      `${label} (${basis}; source: ${sources}; tie-out: ${status}${claims.length > 0 ? ` (claims: ${claims.join(', ')})` : ''})`,
  },
};
