/** Where the offer is typed, for diagnostics, and the id of the facts dataset compiled from it. */
export const OFFER_FILE = 'data/offer.yaml';
export const OFFER_DATASET = 'offer';
