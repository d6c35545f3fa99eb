import { csvText } from '../csv.ts';
import type { Figure } from '../data/figure.ts';
import { sourceNames } from '../data/sources.ts';
import { claimRowId, scheduleRowId } from '../document/anchors.ts';
import { effectiveStage, stageWithholds } from '../document/stage.ts';
import { formatPeriod, formatValue, periodYear } from '../i18n/format.ts';
import { withheldMarker } from '../offer/withhold.ts';
import type { Project } from '../project-model.ts';
import { chartModel } from '../render/chart.ts';
import { tableModel } from '../render/table.ts';
import type { Claim } from '../schema/claim.ts';
import { type ChartProps, type DataTableProps, ValPropsSchema } from '../schema/props.ts';
import type { TieOutStatus } from './tieout.ts';
import { STATUS_LABEL } from './tieout-status.ts';
import { CLAIM_KIND_LABEL } from './tieout-summary.ts';

/** A figure a claim reads, with where its row is on /verification/ when it has one. */
export interface ClaimInput {
  ref: string;
  label: string;
  value: string;
  href: string | undefined;
}

/** One claim as the reviewer's claims table and claims.csv list it. */
export interface ClaimRow {
  id: string;
  anchor: string;
  kind: Claim['kind'];
  kindLabel: string;
  text: string;
  stated: string;
  computed: string;
  /** The range the inputs allow (`19.49%至19.50%`), for claims that compute a number. */
  range: string;
  inputs: ClaimInput[];
  status: TieOutStatus;
  statusLabel: string;
  /** How the claim is recomputed, or why it cannot be, or what went wrong. */
  note: string;
  sources: string;
  where: string;
}

/**
 * Every claim in data/claims.yaml, in file order, from the tie-out result. `scheduleRows` says
 * whether the schedule's figure rows exist on the page (they come with the PDF); without them an
 * input links only to another claim's row, or to nothing, never to an anchor that is not there.
 */
export function claimRows(project: Project, options: { scheduleRows: boolean }): ClaimRow[] {
  const shown = options.scheduleRows ? boundRefs(project) : new Set<string>();
  const withholds = stageWithholds(effectiveStage(project.registry.document.value));
  return project.tieOut.map((r) => {
    const entry = project.resolver.claim(r.id);
    const row: ClaimRow = {
      id: r.id,
      anchor: claimRowId(r.id),
      kind: r.kind,
      kindLabel: CLAIM_KIND_LABEL[r.kind],
      text: r.text,
      stated: r.stated,
      computed: r.computed,
      range: r.range && r.range.lo !== r.range.hi ? `${r.range.lo}至${r.range.hi}` : '',
      inputs: r.inputs.map((ref) => claimInput(project, ref, shown)),
      status: r.status,
      statusLabel: STATUS_LABEL[r.status],
      note: r.error ?? method(project, entry.value),
      sources: sourceNames(project.registry, [entry.value.source]).join('，'),
      where: `${r.file}${r.line === undefined ? '' : `:${r.line}`}`,
    };
    // A claim that reads a withheld figure keeps its text, kind and status; its numbers go.
    if (!withholds || !project.resolver.isWithheld(`claim.${r.id}`)) return row;
    const marker = withheldMarker('zh');
    return {
      ...row,
      stated: marker,
      computed: marker,
      range: '',
      // Inputs that are not withheld themselves (other listing expenses) keep their value and link.
      inputs: row.inputs.map((i) =>
        project.resolver.isWithheld(i.ref) ? { ...i, value: marker, href: undefined } : i,
      ),
      note: r.error === undefined ? row.note : marker,
    };
  });
}

function claimInput(project: Project, ref: string, shown: ReadonlySet<string>): ClaimInput {
  let figure: Figure | undefined;
  try {
    figure = project.resolver.figure(ref);
  } catch {
    // A claim that failed may name a figure that does not exist; its row says why.
  }
  const href = shown.has(ref)
    ? `#${scheduleRowId(ref)}`
    : ref.startsWith('claim.')
      ? `#${claimRowId(ref.slice('claim.'.length))}`
      : undefined;
  return {
    ref,
    label: figure?.label ?? ref,
    value: figure ? formatValue(figure.value, figure.unit, figure.decimals) : '—',
    href,
  };
}

/** How each kind is recomputed, in terms of its inputs as listed (first, second, …). */
function method(project: Project, claim: Claim): string {
  switch (claim.kind) {
    case 'cagr': {
      const years = periodYear(claim.to) - periodYear(claim.from);
      return `${formatPeriod(claim.from)}至${formatPeriod(claim.to)}，${years}年：(終值 ÷ 初值)^(1/${years}) − 1`;
    }
    case 'growth':
      return `${formatPeriod(claim.from)}至${formatPeriod(claim.to)}：(終值 ÷ 初值) − 1`;
    case 'share':
      return typeof claim.stated === 'number' ? '第一項 ÷ 第二項' : `第一項 ÷ 第二項，與${claim.stated}所載數字比較`;
    case 'ratio':
      return '第一項 ÷ 第二項（倍數）';
    case 'sum':
      return claim.total !== undefined ? '除最後一項外各項之和，與最後一項（合計）比較' : '各項之和，與所述數字比較';
    case 'rank':
      return '第一項在各項中由大至小的位次';
    case 'order': {
      const columns = project.resolver.table(claim.dataset).value.columns;
      const rank = columns[claim.rank]?.label ?? claim.rank;
      const by = columns[claim.by]?.label ?? claim.by;
      return `按${rank}排列各行，${by}應由高至低`;
    }
    case 'compare':
      return `第一項 ${claim.op} 第二項`;
    case 'stated':
      return claim.reason;
  }
}

const boundCache = new WeakMap<Project, Set<string>>();

/** Every reference the chapters bind (in prose, charts and tables): each has a schedule row. */
export function boundRefs(project: Project): Set<string> {
  const cached = boundCache.get(project);
  if (cached) return cached;
  const refs = new Set<string>();
  for (const o of project.occurrences) {
    // Resolved, not rendered: an English-only prop (scale, digits) has no Chinese rendering.
    if (o.component === 'Val') refs.add(project.resolver.require(ValPropsSchema.parse(o.props).of).ref);
    if (o.component === 'Chart') {
      const m = chartModel(project, o.props as ChartProps);
      for (const series of [...m.series, ...(m.total ? [m.total] : [])]) {
        for (const cell of series.cells) if (cell) refs.add(cell.figure.ref);
      }
      for (const row of m.cagr) refs.add(row.ref);
    }
    if (o.component === 'DataTable') {
      for (const row of tableModel(project, o.props as DataTableProps).rows) {
        for (const cell of row.cells) if (cell.kind === 'figure') refs.add(cell.figure.ref);
      }
    }
  }
  boundCache.set(project, refs);
  return refs;
}

export const CLAIMS_CSV_HEADER = [
  '陳述編號',
  '陳述',
  '類別',
  '所述數字',
  '計算結果',
  '計算範圍',
  '輸入數據編號',
  '輸入數值',
  '核對',
  '說明',
  '資料來源',
  '位置',
];

export function claimsCsv(rows: readonly ClaimRow[]): string {
  return csvText([
    CLAIMS_CSV_HEADER,
    ...rows.map((r) => [
      r.id,
      r.text,
      r.kindLabel,
      r.stated,
      r.computed,
      r.range,
      r.inputs.map((i) => i.ref).join('；'),
      r.inputs.map((i) => i.value).join('；'),
      r.statusLabel,
      r.note,
      r.sources,
      r.where,
    ]),
  ]);
}
