import { didYouMean } from '../diagnostics.ts';
import { formatPeriod } from '../i18n/format.ts';
import { type Unit, unitSpec } from '../i18n/units.ts';
import type { Claim } from '../schema/claim.ts';
import type { Dataset, NumberCell, RangeEnd, TableDataset, TimeseriesDataset } from '../schema/dataset.ts';
import { ArithmeticError, evaluate, parseExpr, refsOf } from './expr.ts';
import { claimInputs, type Figure, parseRef, RefError, rowLabel, statedInterval } from './figure.ts';
import type { Located, Registry } from './registry.ts';

export class Resolver {
  readonly registry: Registry;
  private readonly cache = new Map<string, Figure | null>();
  private readonly resolving = new Set<string>();

  constructor(registry: Registry) {
    this.registry = registry;
  }

  dataset(id: string): Located<Dataset> {
    const entry = this.registry.datasets.get(id);
    if (!entry) throw new RefError(`unknown dataset "${id}"${didYouMean(id, this.registry.datasets.keys())}`);
    return entry;
  }

  timeseries(id: string): Located<TimeseriesDataset> {
    const entry = this.dataset(id);
    if (entry.value.kind !== 'timeseries')
      throw new RefError(`dataset "${id}" is a ${entry.value.kind}, expected a timeseries`);
    return entry as Located<TimeseriesDataset>;
  }

  table(id: string): Located<TableDataset> {
    const entry = this.dataset(id);
    if (entry.value.kind !== 'table') throw new RefError(`dataset "${id}" is a ${entry.value.kind}, expected a table`);
    return entry as Located<TableDataset>;
  }

  claim(id: string): Located<Claim> {
    const entry = this.registry.claims.get(id);
    if (!entry) throw new RefError(`unknown claim "${id}"${didYouMean(id, this.registry.claims.keys())}`);
    return entry;
  }

  /** The figure a reference names, or undefined when the source does not give that value. */
  figure(ref: string): Figure | undefined {
    const cached = this.cache.get(ref);
    if (cached !== undefined) return cached ?? undefined;
    if (this.resolving.has(ref)) throw new RefError(`formula cycle through "${ref}"`);
    this.resolving.add(ref);
    try {
      const figure = ref.startsWith('claim.') ? this.claimFigure(ref.slice('claim.'.length)) : this.cellFigure(ref);
      this.cache.set(ref, figure ?? null);
      return figure;
    } finally {
      this.resolving.delete(ref);
    }
  }

  /** Like `figure` but an absent value is an error too: for prose, which cannot show a gap. */
  require(ref: string): Figure {
    const figure = this.figure(ref);
    if (!figure) throw new RefError(`"${ref}" has no value — the source states none for it`);
    return figure;
  }

  private claimFigure(id: string): Figure | undefined {
    const entry = this.claim(id);
    const claim = entry.value;
    if (!('stated' in claim) || claim.stated === undefined) {
      throw new RefError(`claim "${id}" states no number to show`, entry);
    }
    // A share stated by a cell elsewhere shows that cell: the claim adds the check, not a number.
    if (typeof claim.stated === 'string') {
      const cell = this.require(claim.stated);
      return {
        ...cell,
        ref: `claim.${id}`,
        dataset: 'claims',
        row: id,
        label: claim.text,
        file: entry.file,
        line: entry.line,
      };
    }
    const unit = (claim.unit ?? '%') as Unit;
    const decimals = (
      'decimals' in claim && claim.decimals !== undefined ? claim.decimals : unitSpec(unit).decimals
    ) as number;
    const qualifier = 'qualifier' in claim ? claim.qualifier : undefined;
    return {
      ref: `claim.${id}`,
      dataset: 'claims',
      row: id,
      column: undefined,
      label: claim.text,
      value: claim.stated,
      interval: statedInterval(claim.stated, decimals, qualifier),
      unit,
      decimals,
      basis: 'stated',
      formula: undefined,
      inputs: [],
      sources: [claim.source],
      qualifier,
      upTo: claim.kind === 'stated' ? claim.upTo : undefined,
      file: entry.file,
      line: entry.line,
      withheld: claimInputs(claim).some((ref) => this.isWithheld(ref)),
    };
  }

  /** Whether a reference names a withheld figure (a claim: one that reads a withheld figure). */
  isWithheld(ref: string): boolean {
    try {
      if (ref.startsWith('claim.')) {
        const claim = this.claim(ref.slice('claim.'.length)).value;
        return claimInputs(claim).some((input) => this.isWithheld(input));
      }
      if (!ref.includes('@') && this.registry.datasets.get(ref.split('.')[0] ?? '')?.value.kind === 'timeseries') {
        return false;
      }
      return this.figure(ref)?.withheld === true;
    } catch (e) {
      if (e instanceof RefError) return false;
      throw e;
    }
  }

  private cellFigure(ref: string): Figure | undefined {
    const { dataset: datasetId, row, column } = parseRef(ref);
    const entry = this.dataset(datasetId);
    const d = entry.value;
    if (d.kind === 'facts') {
      const fact = d.facts[row];
      if (!fact) throw new RefError(`unknown fact "${row}" in "${datasetId}"${didYouMean(row, Object.keys(d.facts))}`);
      const decimals = fact.decimals ?? unitSpec(fact.unit).decimals;
      const base = {
        ref,
        dataset: datasetId,
        row,
        column: undefined,
        label: `${d.title} · ${fact.label}${fact.period ? ` · ${formatPeriod(fact.period)}` : ''}`,
        unit: fact.unit,
        decimals,
        file: entry.file,
        line: entry.lineOf(['facts', row]),
        end: fact.end,
      };
      if (fact.formula !== undefined) {
        const derived = this.derived(fact.formula, { dataset: datasetId, period: undefined }, base);
        // A derived fact may be marked withheld itself; it is withheld anyway if an input is.
        return derived && { ...derived, withheld: derived.withheld || fact.withheld === true };
      }
      const value = fact.value ?? Number.NaN;
      return {
        ...base,
        value,
        interval: statedInterval(value, decimals, fact.qualifier),
        basis: 'stated',
        formula: undefined,
        inputs: [],
        sources: [fact.source],
        qualifier: fact.qualifier,
        upTo: fact.upTo,
        withheld: fact.withheld === true,
      };
    }
    if (column === undefined)
      throw new RefError(`"${ref}" names no ${d.kind === 'timeseries' ? 'period' : 'column'} — add "@…"`);
    if (d.kind === 'timeseries') return this.seriesFigure(entry as Located<TimeseriesDataset>, row, column, ref);
    return this.tableFigure(entry as Located<TableDataset>, row, column, ref);
  }

  private seriesFigure(
    entry: Located<TimeseriesDataset>,
    seriesId: string,
    period: string,
    ref: string,
  ): Figure | undefined {
    const d = entry.value;
    const series = d.series[seriesId];
    if (!series)
      throw new RefError(`unknown series "${seriesId}" in "${d.id}"${didYouMean(seriesId, Object.keys(d.series))}`);
    if (!d.periods.includes(period)) {
      throw new RefError(`unknown period "${period}" in "${d.id}" — expected one of ${d.periods.join(', ')}`);
    }
    const decimals = d.decimals ?? unitSpec(d.unit).decimals;
    const label = `${d.title} · ${series.label} · ${formatPeriod(period)}`;
    const cell: NumberCell | undefined =
      series.values[period] ?? (series.formula ? { formula: series.formula } : undefined);
    if (cell === undefined) return undefined;
    const path =
      series.values[period] !== undefined ? ['series', seriesId, 'values', period] : ['series', seriesId, 'formula'];
    const base = {
      ref,
      dataset: d.id,
      row: seriesId,
      column: period,
      label,
      unit: d.unit,
      decimals,
      file: entry.file,
      line: entry.lineOf(path),
    };
    if (typeof cell === 'number' || 'value' in cell) {
      const stated = typeof cell === 'number' ? { value: cell } : cell;
      return {
        ...base,
        value: stated.value,
        interval: statedInterval(stated.value, decimals, stated.qualifier),
        basis: 'stated',
        formula: undefined,
        inputs: [],
        sources: stated.source ? [stated.source] : d.sources,
        qualifier: stated.qualifier,
        upTo: undefined,
        withheld: false,
      };
    }
    return this.derived(cell.formula, { dataset: d.id, period }, base);
  }

  private derived(
    formula: string,
    context: { dataset: string; period: string | undefined },
    base: Omit<
      Figure,
      'value' | 'interval' | 'basis' | 'formula' | 'inputs' | 'sources' | 'qualifier' | 'upTo' | 'withheld'
    >,
  ): Figure | undefined {
    let expr: ReturnType<typeof parseExpr>;
    try {
      expr = parseExpr(formula);
    } catch (e) {
      throw new RefError(`formula "${formula}": ${(e as Error).message}`, base);
    }
    const inputs = refsOf(expr).map((name) => this.qualify(name, context));
    const figures = new Map<string, Figure | undefined>();
    for (const input of inputs) figures.set(input, this.figure(input));
    let result: ReturnType<typeof evaluate>;
    try {
      result = evaluate(expr, (name) => figures.get(this.qualify(name, context))?.interval);
    } catch (e) {
      if (e instanceof ArithmeticError) throw new RefError(`formula "${formula}": ${e.message}`, base);
      throw e;
    }
    if (!result) return undefined;
    const sources = [...new Set(inputs.flatMap((i) => figures.get(i)?.sources ?? []))];
    return {
      ...base,
      value: result.point,
      interval: result,
      basis: 'derived',
      formula,
      inputs,
      sources,
      qualifier: undefined,
      upTo: undefined,
      // The taint: a figure computed from a withheld one is withheld, however many steps away.
      withheld: inputs.some((i) => figures.get(i)?.withheld === true),
      // Computed at one end of the price range when its inputs are (and it says no other).
      end: base.end ?? oneEnd(inputs.map((i) => figures.get(i)?.end)),
    };
  }

  /** `edge` → `global-cloud.edge@2022` within the dataset and period being derived. */
  qualify(name: string, context: { dataset: string; period: string | undefined }): string {
    if (name.startsWith('claim.')) return name;
    const [head = '', at] = name.split('@');
    const full = head.includes('.') ? head : `${context.dataset}.${head}`;
    const period = at ?? context.period;
    const d = this.registry.datasets.get(full.split('.')[0] ?? '');
    return d?.value.kind === 'facts' || period === undefined ? full : `${full}@${period}`;
  }

  private tableFigure(entry: Located<TableDataset>, rowId: string, columnId: string, ref: string): Figure | undefined {
    const d = entry.value;
    const row = d.rows[rowId];
    if (!row) throw new RefError(`unknown row "${rowId}" in "${d.id}"${didYouMean(rowId, Object.keys(d.rows))}`);
    const column = d.columns[columnId];
    if (!column)
      throw new RefError(`unknown column "${columnId}" in "${d.id}"${didYouMean(columnId, Object.keys(d.columns))}`);
    const cell = row[columnId];
    if (cell === undefined) return undefined;
    if (typeof cell === 'string' || typeof cell === 'boolean') {
      throw new RefError(`"${ref}" is a ${typeof cell === 'string' ? 'text' : 'check'} cell, not a figure`);
    }
    const unit: Unit = column.unit ?? '位';
    const decimals = column.decimals ?? unitSpec(unit).decimals;
    const name = rowLabel(d, rowId);
    const base = {
      ref,
      dataset: d.id,
      row: rowId,
      column: columnId,
      label: `${d.title} · ${name} · ${column.label}`,
      unit,
      decimals,
      file: entry.file,
      line: entry.lineOf(['rows', rowId, columnId]),
    };
    if (typeof cell === 'number' || 'value' in cell) {
      const stated = typeof cell === 'number' ? { value: cell } : cell;
      return {
        ...base,
        value: stated.value,
        interval: statedInterval(stated.value, decimals, stated.qualifier),
        basis: 'stated',
        formula: undefined,
        inputs: [],
        sources: stated.source ? [stated.source] : d.sources,
        qualifier: stated.qualifier,
        upTo: undefined,
        withheld: false,
      };
    }
    return this.derived(cell.formula, { dataset: d.id, period: columnId }, base);
  }
}

/** The one end of the price range the inputs share, if they name exactly one. */
function oneEnd(ends: readonly (RangeEnd | undefined)[]): RangeEnd | undefined {
  const named = new Set(ends.filter((e): e is RangeEnd => e !== undefined));
  return named.size === 1 ? [...named][0] : undefined;
}
