import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/lib/data/load.ts';
import type { Located, Registry } from '../../src/lib/data/registry.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import {
  claimLabel,
  claimText,
  columnGroup,
  columnLabel,
  datasetTitle,
  figureLabel,
  MissingEnglishError,
  redactionIn,
  seriesLabel,
  sourceName,
  tableText,
} from '../../src/lib/i18n/labels.ts';
import type { TableDataset, TimeseriesDataset } from '../../src/lib/schema/dataset.ts';
import { editFile, sampleCopy } from '../sample-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function registryOf(dir: string): Registry {
  const { registry, diagnostics } = loadRegistry(dir);
  if (!registry) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return registry;
}

const lineOf = (file: string, needle: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('English labels beside the Chinese', () => {
  const registry = registryOf(ROOT);
  const timeseries = registry.datasets.get('global-cloud') as Located<TimeseriesDataset>;
  const table = registry.datasets.get('china-independent-edge-2022') as Located<TableDataset>;

  it('gives each label in the language asked for, the Chinese unchanged', () => {
    expect(datasetTitle(timeseries, 'zh')).toBe('全球雲服務行業的市場規模');
    expect(datasetTitle(timeseries, 'en')).toBe('Market size of the global cloud services industry');
    expect(seriesLabel(timeseries, 'outside-china', 'zh')).toBe('中國以外地區');
    expect(seriesLabel(timeseries, 'outside-china', 'en')).toBe('Outside China');
    expect(columnLabel(table, 'share', 'en')).toBe('Market share');
    expect(columnGroup(table, 'network', 'zh')).toBe('邊緣雲服務覆蓋範圍');
    expect(columnGroup(table, 'network', 'en')).toBe('Edge cloud services covered');
    expect(tableText(table, 'self', 'company', 'en')).toBe('Our Company');
    expect(tableText(table, 'j', 'company', 'zh')).toBe('公司J');
    expect(sourceName(registry, 'cic', 'en')).toBe('CIC Report');
    expect(sourceName(registry, 'cic', 'zh')).toBe('灼識諮詢報告');
  });

  it('writes the withheld wording as [REDACTED] in an English publication copy', () => {
    expect(redactionIn(registry, 'global-offering', 'publication', 'en')).toBe('[REDACTED]');
    expect(redactionIn(registry, 'global-offering', 'vetting', 'en')).toBe('Global Offering');
    expect(redactionIn(registry, 'global-offering', 'publication', 'zh')).toBe('[編纂]');
  });

  it('names a figure in English: dataset, series or row, period', () => {
    const resolver = new Resolver(registry);
    expect(figureLabel(resolver, resolver.require('global-cloud.global@2027E'), 'en')).toBe(
      'Market size of the global cloud services industry · Global · 2027E',
    );
    expect(figureLabel(resolver, resolver.require('china-independent-edge-2022.self@share'), 'en')).toBe(
      'Comparative analysis of independent edge cloud service providers in China by revenue, 2022 · Our Company · Market share',
    );
    expect(figureLabel(resolver, resolver.require('facts.iot-devices-2022'), 'en')).toBe(
      'Other figures · Number of connected IoT devices globally · 2022',
    );
    expect(figureLabel(resolver, resolver.require('claim.global-cloud-cagr'), 'en')).toBe(
      'CAGR of the global cloud services industry from 2022 to 2027E',
    );
  });

  it('every claim of the sample has its English, and every short label too', () => {
    for (const entry of registry.claims.values()) {
      expect(claimText(entry, 'en')).toMatch(/^[\x20-\x7e–]+$/);
      const label = claimLabel(entry, 'en');
      if (entry.value.label !== undefined) expect(label).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('a missing English label is an error at the line of the label it should translate', () => {
    const dir = sampleCopy();
    editFile(dir, 'data/datasets/global-cloud.yaml', '    en: { label: Outside China }\n', '');
    const broken = registryOf(dir).datasets.get('global-cloud') as Located<TimeseriesDataset>;
    // The Chinese edition is unaffected.
    expect(seriesLabel(broken, 'outside-china', 'zh')).toBe('中國以外地區');
    let error: unknown;
    try {
      seriesLabel(broken, 'outside-china', 'en');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingEnglishError);
    const e = error as MissingEnglishError;
    expect(e.file).toBe('data/datasets/global-cloud.yaml');
    expect(e.line).toBe(lineOf('data/datasets/global-cloud.yaml', 'label: 中國以外地區'));
    expect(e.message).toMatch(/series "outside-china" of dataset "global-cloud" \(「中國以外地區」\) has no English/);
  });

  it('a table cell without its English term names the cell', () => {
    const dir = sampleCopy();
    editFile(dir, 'data/datasets/china-edge-ranking-2022.yaml', '    公有雲運營商: Public cloud operator\n', '');
    const broken = registryOf(dir).datasets.get('china-edge-ranking-2022') as Located<TableDataset>;
    expect(() => tableText(broken, 'b', 'type', 'en')).toThrow(
      /the cell 「公有雲運營商」 \(row "b", column "type"\) of dataset "china-edge-ranking-2022" has no English/,
    );
    expect(tableText(broken, 'b', 'type', 'zh')).toBe('公有雲運營商');
  });
});
