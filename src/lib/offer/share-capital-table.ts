import type { TableDataset } from '../schema/dataset.ts';

/**
 * The share capital table (offer-share-capital): authorised shares, shares in issue before the
 * offer, shares to be issued under it and the total after, each with its aggregate nominal value.
 */
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
      terms: {
        法定股份: 'Authorised shares',
        緊接發售前已發行股份: 'Shares in issue immediately before the offer',
        根據發售將予發行的股份: 'Shares to be issued under the offer',
        緊隨發售完成後已發行股份總數: 'Total shares in issue immediately after the offer',
      },
    },
    sources: [source],
    columns: {
      item: { label: '股份', type: 'text' },
      shares: { label: '股份數目', type: 'number', unit: '股', decimals: 0 },
      nominal: { label: '面值總額', type: 'number', unit: '美元', decimals: 2 },
    },
    rows: {
      authorised: {
        item: '法定股份',
        shares: { formula: 'offer.authorised-shares' },
        nominal: { formula: 'offer.authorised-nominal' },
      },
      before: {
        item: '緊接發售前已發行股份',
        shares: { formula: 'offer.shares-before' },
        nominal: { formula: 'offer.shares-before-nominal' },
      },
      offer: {
        item: '根據發售將予發行的股份',
        shares: { formula: 'offer.offer-shares' },
        nominal: { formula: 'offer.offer-shares-nominal' },
      },
      after: {
        item: '緊隨發售完成後已發行股份總數',
        shares: { formula: 'offer.shares-after' },
        nominal: { formula: 'offer.shares-after-nominal' },
      },
    },
    highlight: 'after',
  };
}
