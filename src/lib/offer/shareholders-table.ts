import type { TableDataset } from '../schema/dataset.ts';
import type { Offer } from '../schema/offer.ts';

/**
 * The substantial shareholders table (offer-shareholders): each holder's shares as stated, and
 * its percentage of the shares in issue before and after the offer as formulas.
 */
export function shareholdersTable(offer: Offer): { dataset: TableDataset; paths: Map<string, readonly PropertyKey[]> } {
  const source = offer.source;
  const holderTerms: Record<string, string> = {};
  const holderRows: TableDataset['rows'] = {};
  const holderPaths = new Map<string, readonly PropertyKey[]>();
  offer.shareholders.forEach((h, i) => {
    holderTerms[h.name] = h.en;
    holderTerms[h.capacity] = h.capacityEn;
    holderRows[h.id] = {
      name: h.name,
      capacity: h.capacity,
      shares: typeof h.shares === 'number' ? { value: h.shares } : { formula: h.shares.formula },
      before: { formula: `offer-shareholders.${h.id}@shares / offer.shares-before * 100` },
      after: { formula: `offer-shareholders.${h.id}@shares / offer.shares-after * 100` },
    };
    holderPaths.set(h.id, ['shareholders', i]);
  });
  const dataset: TableDataset = {
    id: 'offer-shareholders',
    kind: 'table',
    title: '主要股東的股份權益',
    en: {
      title: 'Interests of substantial shareholders in our shares',
      columns: {
        name: { label: 'Name' },
        capacity: { label: 'Capacity / nature of interest' },
        shares: { label: 'Number of shares' },
        before: { label: 'Immediately before the offer', group: 'Approximate percentage of shareholding' },
        after: { label: 'Immediately after the offer', group: 'Approximate percentage of shareholding' },
      },
      terms: holderTerms,
    },
    sources: [source],
    columns: {
      name: { label: '名稱', type: 'text' },
      capacity: { label: '身份／權益性質', type: 'text' },
      shares: { label: '股份數目', type: 'number', unit: '股', decimals: 0 },
      before: { label: '緊接發售前', type: 'number', unit: '%', decimals: 1, group: '概約持股百分比' },
      after: { label: '緊隨發售完成後', type: 'number', unit: '%', decimals: 1, group: '概約持股百分比' },
    },
    rows: holderRows,
  };
  return { dataset, paths: holderPaths };
}
