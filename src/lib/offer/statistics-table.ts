import type { TableDataset } from '../schema/dataset.ts';
import type { Offer } from '../schema/offer.ts';
import { lowHighRows, lowHighTerms, ntaAndOfferSources } from './low-high-rows.ts';

/**
 * The summary's offer statistics (offer-statistics), tabulated as Hong Kong prospectuses do: one
 * row per end of the price range, its market capitalisation and pro forma NTA per share beside it.
 */
export function statisticsTable(offer: Offer): TableDataset {
  return {
    id: 'offer-statistics',
    kind: 'table',
    title: '按指示性價格範圍上下限計算的發售統計數據',
    en: {
      title: 'Offer statistics at each end of the indicative price range',
      columns: {
        basis: { label: 'Basis' },
        price: { label: 'Price per share' },
        cap: { label: 'Market capitalisation of our shares' },
        pershare: { label: 'Unaudited pro forma adjusted consolidated net tangible assets per share' },
      },
      terms: lowHighTerms(),
    },
    sources: ntaAndOfferSources(offer),
    columns: {
      basis: { label: '基準', type: 'text' },
      price: { label: '每股股份價格', type: 'number', unit: '港元', decimals: 2 },
      cap: { label: '股份市值', type: 'number', unit: '百萬港元', decimals: 1 },
      pershare: { label: '每股未經審核備考經調整綜合有形資產淨值', type: 'number', unit: '港元', decimals: 2 },
    },
    rows: lowHighRows((end) => ({
      price: { formula: `offer.price-${end}` },
      cap: { formula: `offer.market-cap-${end}` },
      pershare: { formula: `offer.nta-per-share-${end}` },
    })),
  };
}
