import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { editFile, sampleCopy } from '../sample-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function withEdit(path: string, find: string, replace: string) {
  const dir = sampleCopy();
  editFile(dir, path, find, replace);
  return loadRegistry(dir);
}

const lineOf = (path: string, needle: string) =>
  readFileSync(join(ROOT, path), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('data errors name the file and line', () => {
  it('a number replaced by text', () => {
    const { registry, diagnostics } = withEdit('data/datasets/china-edge.yaml', '"2022": 61', '"2022": sixty-one');
    expect(registry).toBeUndefined();
    const d = diagnostics[0];
    expect(d?.file).toBe('data/datasets/china-edge.yaml');
    expect(d?.line).toBe(lineOf('data/datasets/china-edge.yaml', '"2022": 61'));
    expect(formatDiagnostic(d as NonNullable<typeof d>)).toMatch(
      /^data\/datasets\/china-edge\.yaml:\d+(:\d+)?: error: series\.security\.values\.2022: .* \[schema\]$/,
    );
  });
  it('an unknown source', () => {
    const { diagnostics } = withEdit('data/datasets/china-edge.yaml', 'sources: [cic]', 'sources: [cicc]');
    expect(diagnostics.map(formatDiagnostic).join('\n')).toMatch(
      /china-edge\.yaml:\d+: error: unknown source "cicc" — expected one of cic, gartner/,
    );
  });
  it('a duplicate dataset id', () => {
    const { diagnostics } = withEdit('data/datasets/china-data-volume.yaml', 'id: china-data-volume', 'id: china-edge');
    expect(diagnostics.map(formatDiagnostic).join('\n')).toMatch(
      /duplicate dataset id "china-edge" — already defined at data\/datasets\/china-data-volume\.yaml/,
    );
  });
  it('broken YAML', () => {
    const { diagnostics } = withEdit('data/sources.yaml', '- id: cic', '- id: [cic');
    expect(diagnostics[0]?.rule).toBe('yaml-syntax');
    expect(diagnostics[0]?.file).toBe('data/sources.yaml');
    expect(diagnostics[0]?.line).toBeGreaterThan(0);
  });
});
