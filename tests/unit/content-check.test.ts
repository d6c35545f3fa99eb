import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { checkProject } from '../../src/lib/project.ts';
import { editFile, sampleCopy } from '../sample-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHAPTER = 'content/chapters/industry-overview.mdx';

function checkEdited(find: string, replace: string) {
  const dir = sampleCopy();
  editFile(dir, CHAPTER, find, replace);
  return checkProject(dir).diagnostics.map(formatDiagnostic);
}

const original = readFileSync(join(ROOT, CHAPTER), 'utf8');
const lineOf = (needle: string) => original.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('chapter checks', () => {
  it('the sample chapter is clean and binds every figure', () => {
    const result = checkProject(ROOT);
    expect(result.diagnostics).toEqual([]);
    expect(result.occurrences.filter((o) => o.component === 'Val').length).toBeGreaterThanOrEqual(50);
    expect(result.occurrences.filter((o) => o.component === 'Chart').length).toBe(5);
  });
  it('an unknown dataset id names the line and suggests the nearest id', () => {
    const errors = checkEdited('dataset="global-edge" series="network', 'dataset="global-edg" series="network');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^${CHAPTER}:${lineOf('dataset="global-edge" series="network')}:1: error: <Chart>: unknown dataset "global-edg" \\(did you mean "global-edge"\\?\\)`,
      ),
    );
  });
  it('an unknown period in a figure reference', () => {
    const errors = checkEdited('global-cloud.global@2018', 'global-cloud.global@2019');
    expect(errors[0]).toMatch(
      /error: <Val>: unknown period "2019" in "global-cloud" — expected one of 2018, 2022, 2027E \[unknown-ref\]/,
    );
  });
  it('an unclosed component tag is a syntax error with its line', () => {
    const errors = checkEdited(
      '<DataTable dataset="china-edge-ranking-2022" />',
      '<DataTable dataset="china-edge-ranking-2022">',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${CHAPTER}:\\d+:\\d+: error: .* \\[mdx-syntax\\]$`));
  });
  it('an unknown component', () => {
    const errors = checkEdited('<Val of="facts.report-fee" />', '<Value of="facts.report-fee" />');
    expect(errors[0]).toMatch(/error: unknown component <Value> \(did you mean "Val"\?\)/);
  });
});
