/**
 * What a bound figure is, how a reference names one, and the error a wrong name raises: what the
 * pages, checks and tie-out share with the Resolver (resolve.ts), which makes the figures.
 */
import type { Unit } from '../i18n/units.ts';
import type { Claim } from '../schema/claim.ts';
import type { RangeEnd, TableDataset } from '../schema/dataset.ts';
import type { Interval } from './expr.ts';

export type Basis = 'stated' | 'derived';

/** One bound figure with everything a reviewer needs to trace it. */
export interface Figure {
  ref: string;
  dataset: string;
  row: string;
  column: string | undefined;
  /** Human description: dataset title, series label, period. */
  label: string;
  value: number;
  interval: Interval;
  unit: Unit;
  decimals: number;
  basis: Basis;
  formula: string | undefined;
  inputs: string[];
  sources: string[];
  qualifier: 'about' | 'over' | undefined;
  upTo: number | undefined;
  file: string;
  line: number | undefined;
  /**
   * Withheld from publication copies: stated so (an offer input), or derived from a figure that
   * is. Set by the Resolver (resolve.ts), where every figure is made, so no list of withheld
   * figures is kept anywhere.
   */
  withheld: boolean;
  /** The end of the offer price range the figure is computed at, when it is one of the offer's. */
  end?: RangeEnd | undefined;
}

/** An unknown name is an author's error; an unknown value (a year the source omits) is not. */
export class RefError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, where?: { file: string; line: number | undefined }) {
    super(message);
    this.name = 'RefError';
    this.file = where?.file;
    this.line = where?.line;
  }
}

interface ParsedRef {
  dataset: string;
  row: string;
  column: string | undefined;
}

export function parseRef(ref: string): ParsedRef {
  const m = /^([a-z0-9][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*)(?:@([0-9A-Za-z-]+))?$/.exec(ref);
  if (!m)
    throw new RefError(`"${ref}" is not a reference — expected "dataset.row@column", e.g. "global-cloud.global@2022"`);
  return { dataset: m[1] as string, row: m[2] as string, column: m[3] };
}

/** Half a unit of the last stated digit: the rounding every stated figure carries. */
export function statedInterval(value: number, decimals: number, qualifier?: 'about' | 'over'): Interval {
  const step = 10 ** -decimals;
  if (qualifier === 'over') return { point: value, lo: value, hi: value + step };
  return { point: value, lo: value - step / 2, hi: value + step / 2 };
}

/** A table row is named by its first text column (the company), else by its id. */
export function rowLabel(d: TableDataset, rowId: string): string {
  const row = d.rows[rowId] ?? {};
  for (const [columnId, column] of Object.entries(d.columns)) {
    const cell = row[columnId];
    if (column.type === 'text' && typeof cell === 'string') return cell;
  }
  return rowId;
}

/** The figures a claim reads, without resolving them: what its taint is computed from. */
export function claimInputs(claim: Claim): string[] {
  switch (claim.kind) {
    case 'cagr':
    case 'growth':
      return [`${claim.of}@${claim.from}`, `${claim.of}@${claim.to}`];
    case 'share':
      return [claim.part, claim.whole];
    case 'ratio':
      return [claim.part, claim.whole];
    case 'sum':
      return [...claim.parts, ...(claim.total === undefined ? [] : [claim.total])];
    case 'rank':
      return [claim.item, ...claim.among];
    case 'compare':
      return [claim.left, claim.right];
    case 'order':
      return [];
    case 'stated':
      return [];
  }
}
