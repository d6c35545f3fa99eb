import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { checkProject } from '../../src/lib/project.ts';
import { editFile, fixtureDocument, sampleCopy } from '../sample-copy.ts';

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
    ).filter((e) => e.includes(': error: '));
    // One error; the unparsed chapter may leave terms it alone used unused (warnings), and the
    // other chapters' <Ref>s to its sections cannot be judged, so they are no errors of their own.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${CHAPTER}:\\d+:\\d+: error: .* \\[mdx-syntax\\]$`));
  });
  it('a reference to a section of a chapter that does not parse is no record of its own', () => {
    // The one-chapter sample with a second chapter that refers to a section of 行業概覽: only
    // the syntax error is reported, not a missing {#sources-method}, which is there.
    const dir = fixtureDocument('industry');
    writeFileSync(
      join(dir, 'content/chapters/risks.mdx'),
      '---\ntitle: 風險\norder: 2\nsingleEdition: true\n---\n\n見<Ref to="industry-overview#sources-method" />。\n',
    );
    expect(checkProject(dir).diagnostics).toEqual([]);
    editFile(
      dir,
      CHAPTER,
      '<DataTable dataset="china-edge-ranking-2022" />',
      '<DataTable dataset="china-edge-ranking-2022">',
    );
    const errors = checkProject(dir)
      .diagnostics.map(formatDiagnostic)
      .filter((e) => e.includes(': error: '));
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^${CHAPTER}:\\d+:\\d+: error: .* \\[mdx-syntax\\]$`))]);
  });
  it('an unknown component', () => {
    const errors = checkEdited('<Val of="facts.report-fee" />', '<Value of="facts.report-fee" />');
    expect(errors[0]).toMatch(/error: unknown component <Value> \(did you mean "Val"\?\)/);
  });
});

describe('every typed figure is reported', () => {
  it('four figures typed on one line give four records, each at its line and column', () => {
    const typed =
      '2018年達人民幣132億元，2022年達人民幣555億元，預計2027年將進一步增加到人民幣2,240億元，2022年至2027年的複合年增長率為32.2%。';
    const dir = sampleCopy();
    editFile(
      dir,
      CHAPTER,
      '2018年達<Val of="china-edge.total@2018" />，2022年達<Val of="china-edge.total@2022" />，預計2027年將進一步增加到<Val of="china-edge.total@2027E" />，2022年至2027年的複合年增長率為<Val of="claim.china-edge-cagr" />。',
      typed,
    );
    const edited = readFileSync(join(dir, CHAPTER), 'utf8').split('\n');
    const line = edited.findIndex((l) => l.includes(typed)) + 1;
    const column = (figure: string) => (edited[line - 1] ?? '').indexOf(figure) + 1;
    const records = checkProject(dir)
      .diagnostics.map(formatDiagnostic)
      .filter((r) => r.endsWith('[unbound-figure]'));
    expect(records.map((r) => r.split(': error: ')[0])).toEqual(
      ['人民幣132億元', '人民幣555億元', '人民幣2,240億元', '32.2%'].map((f) => `${CHAPTER}:${line}:${column(f)}`),
    );
    expect(records[3]).toContain('the figure "32.2%" is typed into the text');
  });
});

describe('chapter order', () => {
  it('two chapters with one order are an error naming both files', () => {
    const dir = sampleCopy();
    // 行業概覽 is order 7 in the whole prospectus.
    writeFileSync(join(dir, 'content/chapters/directors.mdx'), '---\ntitle: 董事\norder: 7\n---\n\n董事名單。\n');
    const orderLine = original.split('\n').findIndex((l) => l.startsWith('order:')) + 1;
    expect(checkProject(dir).diagnostics.map(formatDiagnostic)).toEqual([
      `${CHAPTER}:${orderLine}: error: order 7 is already the order of content/chapters/directors.mdx:3 — expected each chapter its own order [chapter-order]`,
    ]);
  });
  it('chapters with their own orders pass', () => {
    // The one-chapter sample: 行業概覽 (order 7) alone, so order 2 is free.
    const dir = fixtureDocument('industry');
    writeFileSync(
      join(dir, 'content/chapters/directors.mdx'),
      '---\ntitle: 董事\norder: 2\nsingleEdition: true\n---\n\n董事名單。\n',
    );
    expect(checkProject(dir).diagnostics).toEqual([]);
  });
});
