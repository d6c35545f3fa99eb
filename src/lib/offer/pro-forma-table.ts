import type { TableDataset } from '../schema/dataset.ts';
import type { Offer } from '../schema/offer.ts';
import { lowHighRows, lowHighTerms, ntaAndOfferSources } from './low-high-rows.ts';

/**
 * The pro forma NTA table (offer-pro-forma): at each end of the price range, NTA before the
 * offer, the estimated net proceeds, the pro forma adjusted NTA and the same per share.
 */
export function proFormaTable(offer: Offer): TableDataset {
  return {
    id: 'offer-pro-forma',
    kind: 'table',
    // Not the section's heading: the PDF's figure pages are found by a table's title.
    title: '按價格範圍上下限計算的備考經調整綜合有形資產淨值',
    en: {
      title: 'Pro forma adjusted consolidated net tangible assets at each end of the price range',
      columns: {
        basis: { label: 'Basis' },
        before: { label: 'NTA before the offer' },
        net: { label: 'Estimated net proceeds' },
        after: { label: 'Pro forma adjusted NTA' },
        pershare: { label: 'Per share' },
      },
      terms: lowHighTerms(),
    },
    sources: ntaAndOfferSources(offer),
    columns: {
      basis: { label: '基準', type: 'text' },
      before: {
        label: '於2024年6月30日本公司擁有人應佔綜合有形資產淨值',
        type: 'number',
        unit: '百萬港元',
        decimals: 1,
      },
      net: { label: '估計所得款項淨額', type: 'number', unit: '百萬港元', decimals: 1 },
      after: { label: '未經審核備考經調整綜合有形資產淨值', type: 'number', unit: '百萬港元', decimals: 1 },
      pershare: { label: '每股未經審核備考經調整綜合有形資產淨值', type: 'number', unit: '港元', decimals: 2 },
    },
    rows: lowHighRows((end) => ({
      before: { formula: 'offer.nta-before-hkd' },
      net: { formula: `offer.net-${end}` },
      after: { formula: `offer.pro-forma-nta-${end}` },
      pershare: { formula: `offer.nta-per-share-${end}` },
    })),
  };
}
