import type { Diagnostic } from '../diagnostics.ts';
import type { Claim } from '../schema/claim.ts';
import type { Dataset, FactsDataset } from '../schema/dataset.ts';
import type { Offer } from '../schema/offer.ts';
import { offerClaims } from './claims.ts';
import { addDerivedFacts } from './derived-facts.ts';
import { createFactBuilder } from './fact-builder.ts';
import { addInputFacts } from './input-facts.ts';
import { OFFER_DATASET } from './offer-file.ts';
import { proFormaTable } from './pro-forma-table.ts';
import { shareCapitalTable } from './share-capital-table.ts';
import { shareholdersTable } from './shareholders-table.ts';
import { statisticsTable } from './statistics-table.ts';
import { useOfProceedsTable } from './use-of-proceeds-table.ts';

export { OFFER_DATASET, OFFER_FILE } from './offer-file.ts';

/**
 * The offer (data/offer.yaml) as datasets and claims, so every figure that follows from it goes
 * through the same resolver, tie-out, provenance and schedule as any other figure. Only the
 * inputs are stated; everything else is a formula, evaluated at build time and recorded as the
 * figure's provenance. Each generated entry remembers the offer.yaml path it comes from, for
 * errors at `data/offer.yaml:line`.
 *
 * Data ids (bind them with <Val of="offer.…" />):
 * - inputs: price-low, price-high, offer-shares, shares-before, authorised-shares, par-value,
 *   hk-split, over-allotment, board-lot, brokerage, sfc-levy, afrc-levy, trading-fee,
 *   commission-rate, other-expenses, nta-before-rmb, rmb-hkd, pool-threshold (when stated)
 * - derived: price-mid, intl-split, shares-after, hk-offer-shares, intl-offer-shares,
 *   over-allotment-shares, pool-shares, fee-total, market-cap-{low,high}, gross-{low,mid,high},
 *   commission-{low,mid,high}, net-{low,mid,high}, listing-expenses-mid, net-extra-high,
 *   net-shortfall-low, lot-amount-{low,high}, nta-before-hkd, pro-forma-nta-{low,high},
 *   nta-per-share-{low,high}, existing-value-{low,high}, lot-consideration-{low,high},
 *   lot-charges-{low,high}, shares-before-percent, offer-shares-percent, authorised-nominal,
 *   shares-before-nominal, offer-shares-nominal, shares-after-nominal
 * - tables: offer-use-of-proceeds (row per use, columns percent / amount), offer-share-capital,
 *   offer-pro-forma (rows low / high), offer-shareholders (columns shares / before / after),
 *   offer-statistics (rows low / high: price, market capitalisation, pro forma NTA per share)
 */
export interface CompiledOffer {
  datasets: Dataset[];
  claims: Claim[];
  /** Where in data/offer.yaml each generated entry comes from: by dataset id, then by fact, row or claim id. */
  paths: Map<string, Map<string, readonly PropertyKey[]>>;
  diagnostics: Diagnostic[];
}

/**
 * Puts the stages together: the facts (inputs, then the figures derived from them), the tables,
 * the claims, and where in data/offer.yaml each comes from. The order of the datasets, and of
 * the facts within the offer dataset, is the order the output lists them in.
 */
export function compileOffer(
  offer: Offer,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): CompiledOffer {
  const facts = createFactBuilder(offer.source, new Set<string>(offer.withheld));
  addInputFacts(facts, offer);
  addDerivedFacts(facts);
  const offerDataset: FactsDataset = {
    id: OFFER_DATASET,
    kind: 'facts',
    title: '發售數據',
    en: { title: 'The offer' },
    facts: facts.facts,
  };
  const uses = useOfProceedsTable(offer, lineOf);
  const holders = shareholdersTable(offer);
  const claims = offerClaims(offer);

  return {
    datasets: [
      offerDataset,
      uses.dataset,
      shareCapitalTable(offer.source),
      proFormaTable(offer),
      statisticsTable(offer),
      holders.dataset,
    ],
    claims: claims.claims,
    paths: new Map([
      [OFFER_DATASET, facts.paths],
      ['offer-use-of-proceeds', uses.paths],
      ['offer-share-capital', new Map([['*', ['shares']]])],
      ['offer-pro-forma', new Map([['*', ['ntaBefore']]])],
      ['offer-statistics', new Map([['*', ['price']]])],
      ['offer-shareholders', holders.paths],
      ['claims', claims.paths],
    ]),
    diagnostics: uses.diagnostics,
  };
}
