import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/project.ts';
import type { Project } from '../../src/lib/project-model.ts';
import { figureAttributes } from '../../src/lib/render/provenance.ts';
import { deriveStatus, figureTie } from '../../src/lib/tieout/tieout-status.ts';
import { editFile, sampleCopy } from '../sample-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function load(dir: string): Project {
  const { project } = checkProject(dir);
  if (!project) throw new Error('the sample copy did not load');
  return project;
}

const sample = load(ROOT);
const tie = (p: Project, ref: string) => {
  const t = figureTie(p, p.resolver.require(ref));
  return { status: t.status, claims: [...t.claims].sort() };
};

describe('the rule', () => {
  it('ties out when every claim agrees; a mismatch or an unchecked claim wins; unused says how it was got', () => {
    expect(deriveStatus('stated', ['pass', 'pass'])).toBe('pass');
    expect(deriveStatus('stated', ['pass', 'unchecked'])).toBe('unchecked');
    expect(deriveStatus('derived', ['unchecked', 'fail', 'pass'])).toBe('fail');
    expect(deriveStatus('stated', [])).toBe('stated-only');
    expect(deriveStatus('derived', [])).toBe('derived-only');
  });
});

describe('per-figure status in the sample', () => {
  it('人民幣34,368億元 (global 2022) ties out: the 19.5% CAGR and every other claim that reads it agree', () => {
    // Read directly by the global CAGR and the 2022 penetration (edge ÷ global); through
    // central = global − edge by the central-cloud CAGR; through non-us = global − us by the
    // claim that the US is the largest market.
    expect(tie(sample, 'global-cloud.global@2022')).toEqual({
      status: 'pass',
      claims: ['central-cloud-cagr', 'edge-penetration-2022', 'global-cloud-cagr', 'us-largest-cloud-market'],
    });
  });

  it('a stated figure no claim reads is stated-only; a derived one no claim reads is derived-only', () => {
    // Every CAGR in the chapter runs from 2022; nothing reads 2018.
    expect(tie(sample, 'global-cloud.global@2018')).toEqual({ status: 'stated-only', claims: [] });
    expect(tie(sample, 'global-cloud.outside-china@2018')).toEqual({ status: 'derived-only', claims: [] });
    expect(tie(sample, 'facts.report-fee')).toEqual({ status: 'stated-only', claims: [] });
  });

  it('a stated growth rate is unchecked, even where the comparison that quotes it holds', () => {
    expect(tie(sample, 'claim.us-cloud-cagr')).toEqual({
      status: 'unchecked',
      claims: ['china-cloud-faster-than-us', 'us-cloud-cagr'],
    });
    // It also feeds, through the 2022 network segment it is used to derive, the 2022 segment sum.
    expect(tie(sample, 'claim.global-network-cagr')).toEqual({
      status: 'unchecked',
      claims: [
        'computing-faster-than-network',
        'global-edge-segments-2022',
        'global-network-cagr',
        'security-faster-than-network',
      ],
    });
  });

  it('a recomputed claim is its own status; a 2027E segment feeds both segment sums', () => {
    expect(tie(sample, 'claim.global-cloud-cagr')).toEqual({ status: 'pass', claims: ['global-cloud-cagr'] });
    expect(tie(sample, 'global-edge.network@2027E')).toEqual({
      status: 'pass',
      claims: ['global-edge-segments-2022', 'global-edge-segments-2027'],
    });
  });

  it('table cells feed the rank, order and top-5 claims of their table', () => {
    expect(tie(sample, 'china-independent-edge-2022.self@share')).toEqual({
      status: 'pass',
      claims: ['independent-order', 'independent-top5-share', 'our-independent-rank'],
    });
  });

  it('a figure behind a mismatch is a mismatch, and the page attributes say so', () => {
    const dir = sampleCopy();
    editFile(dir, 'data/datasets/global-cloud.yaml', '"2027E": 83736', '"2027E": 90000');
    const broken = load(dir);
    expect(tie(broken, 'global-cloud.global@2027E').status).toBe('fail');
    // 2018 still feeds nothing.
    expect(tie(broken, 'global-cloud.global@2018').status).toBe('stated-only');
    const attributes = figureAttributes(broken, broken.resolver.require('global-cloud.global@2027E'));
    expect(attributes['data-status']).toBe('fail');
    expect(attributes['title']).toContain('核對：不符');
    expect(attributes['data-claims']?.split(' ')).toContain('global-cloud-cagr');
  });
});
