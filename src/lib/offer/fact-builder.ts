import type { FactsDataset, RangeEnd } from '../schema/dataset.ts';

/**
 * Builds the facts of the offer dataset: a stated input (value typed in data/offer.yaml) or a
 * derived figure (formula over other facts), each remembering the offer.yaml path it comes from
 * so errors point at `data/offer.yaml:line`. Facts are kept in the order they are added.
 */
export type Fact = FactsDataset['facts'][string];

export interface FactBuilder {
  facts: Record<string, Fact>;
  paths: Map<string, readonly PropertyKey[]>;
  stated: (
    id: string,
    path: readonly PropertyKey[],
    value: number,
    label: string,
    en: string,
    unit: string,
    decimals?: number,
  ) => void;
  derived: (
    id: string,
    path: readonly PropertyKey[],
    formula: string,
    label: string,
    en: string,
    unit: string,
    decimals: number,
    end?: RangeEnd,
  ) => void;
}

/** `source` is the offer's source; ids in `withheld` are marked withheld from publication. */
export function createFactBuilder(source: string, withheld: ReadonlySet<string>): FactBuilder {
  const facts: Record<string, Fact> = {};
  const paths = new Map<string, readonly PropertyKey[]>();
  const stated: FactBuilder['stated'] = (id, path, value, label, en, unit, decimals) => {
    facts[id] = {
      label,
      en: { label: en },
      unit,
      value,
      source,
      ...(decimals === undefined ? {} : { decimals }),
      ...(withheld.has(id) ? { withheld: true } : {}),
    };
    paths.set(id, path);
  };
  const derived: FactBuilder['derived'] = (id, path, formula, label, en, unit, decimals, end) => {
    facts[id] = { label, en: { label: en }, unit, formula, decimals, source, ...(end ? { end } : {}) };
    paths.set(id, path);
  };
  return { facts, paths, stated, derived };
}
