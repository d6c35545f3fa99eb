import type { TableDataset } from '../schema/dataset.ts';

/**
 * The share capital table (offer-share-capital): authorised shares, shares in issue before the
 * offer, shares to be issued under it and the total after, each with its aggregate nominal value.
 */

/** Row id, the row's label in each edition, and the offer facts for its shares and nominal value. */
const ROWS = [
  ['authorised', '法定股份', 'Authorised shares', 'authorised-shares', 'authorised-nominal'],
  [
    'before',
    '緊接發售前已發行股份',
    'Shares in issue immediately before the offer',
    'shares-before',
    'shares-before-nominal',
  ],
  ['offer', '根據發售將予發行的股份', 'Shares to be issued under the offer', 'offer-shares', 'offer-shares-nominal'],
  [
    'after',
    '緊隨發售完成後已發行股份總數',
    'Total shares in issue immediately after the offer',
    'shares-after',
    'shares-after-nominal',
  ],
] as const;

export function shareCapitalTable(source: string): TableDataset {
  return {
    id: 'offer-share-capital',
    kind: 'table',
    title: '本公司的法定及已發行股本',
    en: {
      title: 'Authorised and issued share capital',
      columns: {
        item: { label: 'Shares' },
        shares: { label: 'Number of shares' },
        nominal: { label: 'Aggregate nominal value' },
      },
      terms: Object.fromEntries(ROWS.map(([, item, en]) => [item, en])),
    },
    sources: [source],
    columns: {
      item: { label: '股份', type: 'text' },
      shares: { label: '股份數目', type: 'number', unit: '股', decimals: 0 },
      nominal: { label: '面值總額', type: 'number', unit: '美元', decimals: 2 },
    },
    rows: Object.fromEntries(
      ROWS.map(([id, item, , shares, nominal]) => [
        id,
        { item, shares: { formula: `offer.${shares}` }, nominal: { formula: `offer.${nominal}` } },
      ]),
    ),
    highlight: 'after',
  };
}
