import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statedInterval } from '../../src/lib/data/figure.ts';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import { cagr, tieOut, tieOutDiagnostics } from '../../src/lib/tieout/tieout.ts';
import { editFile, sampleCopy } from '../sample-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('CAGR', () => {
  it('computes the compound rate between two values', () => {
    // 2022 34,368 → 2027E 83,736 over five years: the chapter states 19.5%.
    const r = cagr({ point: 34368, lo: 34368, hi: 34368 }, { point: 83736, lo: 83736, hi: 83736 }, 5);
    expect(r.point).toBeCloseTo(19.495, 2);
  });
  it('widens with the rounding of its inputs', () => {
    const r = cagr(statedInterval(61, 0), statedInterval(329, 0), 5);
    expect(r.lo).toBeLessThan(40.0);
    expect(r.hi).toBeGreaterThan(40.0);
  });
});

describe('tie-out of the sample chapter', () => {
  it('agrees with every claim the chapter makes', () => {
    const { registry, diagnostics } = loadRegistry(ROOT);
    expect(diagnostics).toEqual([]);
    const results = tieOut(new Resolver(registry as NonNullable<typeof registry>));
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThanOrEqual(20);
  });

  it('fails, naming the claim and both values, when a stated figure is raised', () => {
    const dir = sampleCopy();
    editFile(dir, 'data/datasets/global-cloud.yaml', '"2027E": 83736', '"2027E": 90000');
    const { registry } = loadRegistry(dir);
    const failures = tieOutDiagnostics(tieOut(new Resolver(registry as NonNullable<typeof registry>)));
    const cagrFailure = failures.find((d) => d.message.includes('global-cloud-cagr'));
    expect(cagrFailure?.file).toBe('data/claims.yaml');
    expect(cagrFailure?.line).toBeGreaterThan(0);
    expect(cagrFailure?.message).toContain('stated 19.5% ≠ computed 21.2%');
    expect(cagrFailure?.message).toContain('人民幣90,000億元');
  });

  it('checks sums of segments against their total', () => {
    const dir = sampleCopy();
    editFile(dir, 'data/datasets/china-edge.yaml', '"2022": 349', '"2022": 359');
    const { registry } = loadRegistry(dir);
    const failures = tieOutDiagnostics(tieOut(new Resolver(registry as NonNullable<typeof registry>)));
    expect(failures.map((d) => d.message).join('\n')).toMatch(
      /china-edge-segments-2022.*stated 人民幣555億元 ≠ computed 人民幣564億元/,
    );
  });
});
