import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { checkProject } from '../../src/lib/project.ts';
import { periodMismatch, tieOut } from '../../src/lib/tieout/tieout.ts';
import { editFile, sampleCopy, wholeSampleProject } from '../sample-copy.ts';

/**
 * The sample's one set of accounts (Appendix I) and the claims that read it from other chapters:
 * the market share in 行業概覽, the MD&A's growth rates and the key ratios.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const CLAIMS = 'data/claims.yaml';
const REGION = 'data/datasets/accounts-revenue-region.yaml';
const INCOME = 'data/datasets/accounts-income.yaml';
const SEGMENT = 'data/datasets/accounts-revenue-segment.yaml';

const lineOf = (file: string, needle: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

function errorsAfter(edits: [file: string, find: string, replace: string][]): string[] {
  const dir = sampleCopy();
  for (const [file, find, replace] of edits) editFile(dir, file, find, replace);
  return checkProject(dir).diagnostics.map(formatDiagnostic);
}

describe('the market share in 行業概覽 against the revenue in Appendix I', () => {
  it('ties out: FY2022 revenue from China over the 2022 China market is the ranking table’s 3.1%', () => {
    const { registry } = loadRegistry(ROOT);
    const share = tieOut(new Resolver(registry as NonNullable<typeof registry>)).find(
      (r) => r.id === 'our-china-share-2022',
    );
    expect(share?.status).toBe('pass');
    // 人民幣1,721,300千元 ÷ 人民幣555億元, with the 千元 → 億元 scale applied.
    expect(share?.computed).toBe('3.1%');
    expect(share?.stated).toBe('3.1%');
    expect(share?.inputs).toEqual([
      'accounts-revenue-region.china@FY2022',
      'china-edge.total@2022',
      'china-edge-ranking-2022.self@share',
    ]);
  });

  it('stops the build at the claim’s line when China revenue moves (the total kept)', () => {
    const errors = errorsAfter([
      [REGION, 'FY2022: 1721300', 'FY2022: 1780000'],
      [REGION, 'FY2022: 96110', 'FY2022: 37410'],
    ]);
    const share = errors.find((e) => e.includes('"our-china-share-2022"'));
    expect(share).toContain(
      `${CLAIMS}:${lineOf(CLAIMS, 'id: our-china-share-2022')}: error: claim "our-china-share-2022"`,
    );
    expect(share).toContain('stated 3.1% ≠ computed 3.2%');
    expect(share).toContain('人民幣1,780,000千元');
    expect(share).toContain('[tie-out]');
    // The other errors are the MD&A's growth rates of the two regions, which read the same cells.
    expect(errors.filter((e) => e !== share).every((e) => /"(china|overseas)-growth-/.test(e))).toBe(true);
  });

  it('fails `npm run build -- --check` in a project copy, naming the claim’s file and line', () => {
    const dir = wholeSampleProject();
    editFile(dir, REGION, 'FY2022: 1721300', 'FY2022: 1780000');
    editFile(dir, REGION, 'FY2022: 96110', 'FY2022: 37410');
    const run = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--check'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain(
      `${CLAIMS}:${lineOf(CLAIMS, 'id: our-china-share-2022')}: error: claim "our-china-share-2022"`,
    );
    expect(run.stderr + run.stdout).toMatch(/nothing was written/);
  });

  it('follows the ranking table: a share restated there no longer agrees with the revenue', () => {
    const errors = errorsAfter([
      // 3.3% keeps the table's own rank order (between 公司H's 5.0% and 公司I's 2.9%).
      ['data/datasets/china-edge-ranking-2022.yaml', 'share: 3.1 }', 'share: 3.3 }'],
    ]);
    expect(errors.some((e) => e.includes('our-china-share-2022') && e.includes('stated 3.3% ≠ computed 3.1%'))).toBe(
      true,
    );
  });

  it('refuses a financial year that is not the calendar year of the market', () => {
    const errors = errorsAfter([['content/document.yaml', 'yearEnd: "12-31"', 'yearEnd: "03-31"']]);
    const share = errors.find((e) => e.includes('our-china-share-2022'));
    expect(share).toContain('cannot be recomputed');
    expect(share).toContain('the financial year ends on 03-31');
  });

  it('compares a financial year with its calendar year only when the year ends on 31 December', () => {
    expect(periodMismatch('a.b@FY2022', 'c.d@2022', '12-31')).toBeUndefined();
    expect(periodMismatch('a.b@FY2022', 'c.d@2023', '12-31')).toMatch(/different periods/);
    expect(periodMismatch('a.b@6M-2024-06-30', 'c.d@FY2024', '12-31')).toMatch(/different periods/);
    expect(periodMismatch('a.b@FY2022', 'c.d@2022', '06-30')).toMatch(/different twelve months/);
  });
});

describe('MD&A growth rates and ratios', () => {
  it('a changed segment revenue breaks the growth rates that read it, at their lines', () => {
    // The total is kept, so every statement still adds up: only the growth rates can object.
    const errors = errorsAfter([
      [SEGMENT, 'FY2023: 1402360', 'FY2023: 1502360'],
      [SEGMENT, 'FY2023: 392870', 'FY2023: 292870'],
    ]);
    const growth = errors.find((e) => e.includes('"network-growth-2023"'));
    expect(growth).toContain(`${CLAIMS}:${lineOf(CLAIMS, 'id: network-growth-2023')}: error:`);
    expect(growth).toContain('stated 13.2% ≠ computed 21.3%');
    expect(errors.some((e) => e.includes('"security-growth-2023"'))).toBe(true);
  });

  it('a changed revenue stops the build at the income statement before any claim is read', () => {
    const errors = errorsAfter([[INCOME, 'FY2023: 2242220', 'FY2023: 2342220']]);
    expect(errors[0]).toMatch(/accounts-income\.yaml:\d+: error: row "gross-profit" .* column "FY2023"/);
  });

  it('a growth rate compares periods of one kind and length only', () => {
    const dir = sampleCopy();
    editFile(dir, CLAIMS, 'from: 6M-2023-06-30\n  to: 6M-2024-06-30', 'from: FY2023\n  to: 6M-2024-06-30');
    const errors = checkProject(dir).diagnostics.map(formatDiagnostic);
    expect(errors.join('\n')).toMatch(
      /growth compares two periods of one kind and length — got financial-year "FY2023"/,
    );
  });

  it('the current ratio divides current assets by current liabilities, in times', () => {
    const { registry } = loadRegistry(ROOT);
    const ratio = tieOut(new Resolver(registry as NonNullable<typeof registry>)).find(
      (r) => r.id === 'current-ratio-2024-06',
    );
    expect(ratio?.status).toBe('pass');
    expect(ratio?.computed).toBe('1.83倍');
  });
});

describe('statements that tie to each other', () => {
  it('a net row subtracts liabilities kept positive, and names the rows when it does not add up', () => {
    const errors = errorsAfter([
      ['data/datasets/accounts-position.yaml', '"2024-06-30": 524760', '"2024-06-30": 524770'],
    ]);
    expect(errors[0]).toMatch(
      /accounts-position\.yaml:\d+: error: row "net-current-assets" .* column "2024-06-30": stated 524,770, computed 524,760 — expected current-assets − current-liabilities \[financial-total\]/,
    );
  });

  it('the cash flow statement ends with the balance sheet’s cash', () => {
    const errors = errorsAfter([['data/datasets/accounts-cashflow.yaml', 'FY2023: 1350', 'FY2023: 1450']]);
    expect(errors.join('\n')).toMatch(/row "cash-end" .* column "FY2023": stated 498,630, computed 498,730/);
  });
});
