import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCsv } from '../../src/lib/csv.ts';
import { checkProject } from '../../src/lib/project.ts';
import type { Project } from '../../src/lib/project-model.ts';
import { CLAIMS_CSV_HEADER, claimRows, claimsCsv } from '../../src/lib/tieout/tieout-claims.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { project } = checkProject(ROOT);
const p = project as Project;
// data/claims.yaml's claims in file order, then the offer's, which data/offer.yaml generates.
const yamlIds = (parse(readFileSync(resolve(ROOT, 'data/claims.yaml'), 'utf8')) as { id: string }[]).map((c) => c.id);
const isYaml = (id: string) => yamlIds.includes(id);

describe('claims table', () => {
  it('lists every claim of data/claims.yaml, in file order, with kind, stated and computed figures', () => {
    const rows = claimRows(p, { scheduleRows: true });
    expect(rows.map((r) => r.id).filter(isYaml)).toEqual(yamlIds);
    expect(
      rows
        .map((r) => r.id)
        .filter((id) => !isYaml(id))
        .every((id) => id.startsWith('offer-')),
    ).toBe(true);
    const cagr = rows.find((r) => r.id === 'global-cloud-cagr');
    expect(cagr).toMatchObject({ kindLabel: '複合年增長率', stated: '19.5%', computed: '19.5%', statusLabel: '相符' });
    expect(cagr?.inputs.map((i) => [i.ref, i.value])).toEqual([
      ['global-cloud.global@2022', '人民幣34,368億元'],
      ['global-cloud.global@2027E', '人民幣83,736億元'],
    ]);
    // 人民幣61億元 → 人民幣329億元 over five years: 40.1% from the rounded figures, a range that
    // takes in the stated 40.0%.
    const security = rows.find((r) => r.id === 'china-security-cagr');
    expect(security?.computed).toBe('40.1%');
    expect(security?.range).toMatch(/^39\.\d\d%至40\.\d\d%$/);
    const sum = rows.find((r) => r.id === 'independent-top5-share');
    expect(sum).toMatchObject({ kindLabel: '合計', stated: '約11.7%', statusLabel: '相符' });
    expect(sum?.inputs).toHaveLength(5);
    const stated = rows.find((r) => r.id === 'us-top5-independent-share');
    expect(stated).toMatchObject({
      stated: '約15%至20%',
      computed: '—',
      statusLabel: '無法核對',
      note: '本節未載列美國獨立邊緣雲供應商的市場份額',
      inputs: [],
    });
  });

  it('links an input to its schedule row only when the schedule is there and shows the figure', () => {
    const linked = claimRows(p, { scheduleRows: true });
    const inputs = (id: string) => linked.find((r) => r.id === id)?.inputs ?? [];
    expect(inputs('global-cloud-cagr')[0]?.href).toBe('#row-global-cloud.global@2022');
    // The chapter states the US figure, not the rest of the world's: no row to link to.
    expect(inputs('us-largest-cloud-market').map((i) => [i.ref, i.href])).toEqual([
      ['global-cloud.us@2022', '#row-global-cloud.us@2022'],
      ['global-cloud.non-us@2022', undefined],
    ]);

    const bare = claimRows(p, { scheduleRows: false });
    const bareInputs = (id: string) => bare.find((r) => r.id === id)?.inputs ?? [];
    expect(bareInputs('global-cloud-cagr').map((i) => i.href)).toEqual([undefined, undefined]);
    // A claim quoted by another still has a row of its own in the claims table.
    expect(bareInputs('china-cloud-faster-than-us').map((i) => i.href)).toEqual([
      '#claim-china-cloud-cagr',
      '#claim-us-cloud-cagr',
    ]);
  });

  it('claims.csv is UTF-8 with a BOM, one record per claim', () => {
    const csv = claimsCsv(claimRows(p, { scheduleRows: false }));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = parseCsv(csv.slice(1));
    expect(header).toEqual(CLAIMS_CSV_HEADER);
    expect(records.map((r) => r[0]).filter((id) => isYaml(id ?? ''))).toEqual(yamlIds);
    const rank = records.find((r) => r[0] === 'our-rank');
    expect(rank?.[header?.indexOf('所述數字') ?? -1]).toBe('第9位');
    expect(rank?.[header?.indexOf('核對') ?? -1]).toBe('相符');
    expect(rank?.[header?.indexOf('輸入數據編號') ?? -1]?.split('；')).toHaveLength(10);
  });
});
