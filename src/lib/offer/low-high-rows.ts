import type { TableDataset } from '../schema/dataset.ts';
import type { Offer } from '../schema/offer.ts';

/**
 * What the tables with one row per end of the price range (pro forma NTA, offer statistics)
 * share: the low / high rows led by their basis label, the English for those labels, and their
 * sources (the pro forma NTA's source and the offer's, once each).
 */

type Row = TableDataset['rows'][string];

const BASIS = { low: '按價格範圍下限計算', high: '按價格範圍上限計算' } as const;

/** English for the basis labels, in the `en.terms` of a table built with lowHighRows. */
export function lowHighTerms(): Record<string, string> {
  return {
    [BASIS.low]: 'At the low end of the price range',
    [BASIS.high]: 'At the high end of the price range',
  };
}

/** Rows `low` and `high`: the `basis` cell first, then the cells `cells` gives for that end. */
export function lowHighRows(cells: (end: 'low' | 'high') => Row): TableDataset['rows'] {
  return Object.fromEntries((['low', 'high'] as const).map((end) => [end, { basis: BASIS[end], ...cells(end) }]));
}

/** The sources of a table built on the pro forma NTA and the offer: each once, NTA's first. */
export function ntaAndOfferSources(offer: Offer): string[] {
  return [offer.ntaBefore.source, offer.source].filter((s, i, all) => all.indexOf(s) === i);
}
