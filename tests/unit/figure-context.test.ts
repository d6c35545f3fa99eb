import { resolve } from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import {
  agrees,
  FIGURE,
  findYears,
  formatSpan,
  type Lang,
  matcherLang,
  periodSpan,
  yearFor,
} from '../../src/lib/check/figure-context.ts';
import { coverageLine, periodCoverage, spanText } from '../../src/lib/check/period-check.ts';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { periodOf } from '../../src/lib/data/period.ts';
import { Resolver } from '../../src/lib/data/resolve.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { type MdastNode, placements } from '../../src/lib/markdown/passages.ts';
import { checkProject } from '../../src/lib/project.ts';
import { editFile, sampleCopy } from '../sample-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHAPTER = 'content/chapters/industry-overview.mdx';

/** The year each <Val> of an MDX passage is read as, in order: `ref → 2018`, or `ref → -`. */
function readings(mdx: string, lang: Lang = 'zh'): string[] {
  const tree = createProcessor({ format: 'mdx' }).parse(mdx) as unknown as MdastNode;
  const out: string[] = [];
  for (const [node, at] of placements(tree)) {
    if (node.name !== 'Val') continue;
    const of = (node as { attributes?: { name: string; value: string }[] }).attributes?.find(
      (a) => a.name === 'of',
    )?.value;
    const mention = yearFor(at.text, at.index, lang);
    out.push(`${of} → ${mention ? formatSpan(mention) : '-'}`);
  }
  return out;
}

/** One figure's reading in a plain passage where FIGURE marks it. */
function readOne(text: string, lang: Lang): string {
  const mention = yearFor(text, text.indexOf(FIGURE), lang);
  return mention ? formatSpan(mention) : '-';
}

describe('sentences from the sample chapter (Chinese edition)', () => {
  it('ties each figure to the year just before it, and a CAGR to its range', () => {
    expect(
      readings(
        '全球雲服務行業的市場規模，以收入計，從2018年的<Val of="global-cloud.global@2018" />增長到2022年的<Val of="global-cloud.global@2022" />，預計2027年將達到<Val of="global-cloud.global@2027E" />，2022年至2027年的複合年增長率為<Val of="claim.global-cloud-cagr" />。',
      ),
    ).toEqual([
      'global-cloud.global@2018 → 2018',
      'global-cloud.global@2022 → 2022',
      'global-cloud.global@2027E → 2027',
      'claim.global-cloud-cagr → 2022–2027',
    ]);
  });

  it('gives nothing to a figure whose clause names no year (同期 is not a year)', () => {
    expect(
      readings(
        '預計到2027年將迅速增長到<Val of="global-cloud.china@2027E" />，2022年至2027年的複合年增長率為<Val of="claim.china-cloud-cagr" />，超過同期美國市場<Val of="claim.us-cloud-cagr" />的複合年增長率。',
      ),
    ).toEqual(['global-cloud.china@2027E → 2027', 'claim.china-cloud-cagr → 2022–2027', 'claim.us-cloud-cagr → -']);
    expect(
      readings(
        '例如，到2022年，全球聯網的物聯網設備數量超過約<Val of="facts.iot-devices-2022" />。同時，AIGC應用可以在秒內生成大量文字。',
      ),
    ).toEqual(['facts.iot-devices-2022 → -']);
  });

  it('shares one year among figures listed with 、 and 及, even under 分別', () => {
    expect(
      readings(
        '全球網絡服務、全球邊緣安全及全球邊緣計算的市場規模預計將在2027年分別達到<Val of="global-edge.network@2027E" />、<Val of="global-edge.security@2027E" />及<Val of="global-edge.computing@2027E" />，2022年至2027年的複合年增長率分別為<Val of="claim.global-network-cagr" />、<Val of="claim.global-security-cagr" />及<Val of="claim.global-computing-cagr" />。',
      ),
    ).toEqual([
      'global-edge.network@2027E → 2027',
      'global-edge.security@2027E → 2027',
      'global-edge.computing@2027E → 2027',
      'claim.global-network-cagr → 2022–2027',
      'claim.global-security-cagr → 2022–2027',
      'claim.global-computing-cagr → 2022–2027',
    ]);
  });

  it('reads 於2018年達, 預計2027年, 從…增加至…, and a range in parentheses that is its own clause', () => {
    expect(
      readings(
        '中國邊緣雲服務行業發展迅速，按收入計算，其市場規模於2018年達<Val of="china-edge.total@2018" />，2022年達<Val of="china-edge.total@2022" />，預計2027年將進一步增加到<Val of="china-edge.total@2027E" />，2022年至2027年的複合年增長率為<Val of="claim.china-edge-cagr" />。',
      ),
    ).toEqual([
      'china-edge.total@2018 → 2018',
      'china-edge.total@2022 → 2022',
      'china-edge.total@2027E → 2027',
      'claim.china-edge-cagr → 2022–2027',
    ]);
    expect(
      readings(
        '按收入計算，中國邊緣網絡服務行業的市場規模預計將從2022年的<Val of="china-edge.network@2022" />增加至2027年的<Val of="china-edge.network@2027E" />，複合年增長率為<Val of="claim.china-network-cagr" />。',
      ),
    ).toEqual(['china-edge.network@2022 → 2022', 'china-edge.network@2027E → 2027', 'claim.china-network-cagr → -']);
    expect(
      readings(
        '東南亞和中東的邊緣雲服務市場在未來五年(2022年至2027年)亦將出現大幅增長，複合年增長率將超過<Val of="claim.sea-me-edge-cagr" />。',
      ),
    ).toEqual(['claim.sea-me-edge-cagr → -']);
  });
});

describe('crafted sentences (Chinese edition)', () => {
  const global = loadRegistry(ROOT).registry;
  const resolver = new Resolver(global as NonNullable<typeof global>);
  const verdict = (mdx: string) => {
    const tree = createProcessor({ format: 'mdx' }).parse(mdx) as unknown as MdastNode;
    return [...placements(tree)].map(([node, at]) => {
      const of = (node as { attributes?: { name: string; value: string }[] }).attributes?.[0]?.value ?? '';
      const mention = yearFor(at.text, at.index, 'zh');
      const period = periodOf(resolver, of);
      if (!mention || !period) return 'says nothing';
      return agrees(mention, period) ? 'agrees' : 'contradicts';
    });
  };

  it('catches the two periods swapped in the sentence from the issue', () => {
    expect(
      verdict('從2018年的<Val of="global-cloud.global@2022" />增長到2022年的<Val of="global-cloud.global@2018" />。'),
    ).toEqual(['contradicts', 'contradicts']);
  });

  it('matches a CAGR only against its own range', () => {
    expect(verdict('2022年至2027年的複合年增長率為<Val of="claim.global-cloud-cagr" />。')).toEqual(['agrees']);
    expect(verdict('2018年至2022年的複合年增長率為<Val of="claim.global-cloud-cagr" />。')).toEqual(['contradicts']);
    expect(verdict('2022年至2027年(預計)的複合年增長率為<Val of="claim.global-cloud-cagr" />。')).toEqual(['agrees']);
  });

  it('a year marked as a forecast must be a forecast period; an unmarked one may be either', () => {
    expect(verdict('2027年(預計)的市場規模為<Val of="global-cloud.global@2027E" />。')).toEqual(['agrees']);
    expect(verdict('2027E的市場規模為<Val of="global-cloud.global@2027E" />。')).toEqual(['agrees']);
    expect(verdict('預計2027年將達到<Val of="global-cloud.global@2027E" />。')).toEqual(['agrees']);
    expect(verdict('2022年(預計)的市場規模為<Val of="global-cloud.global@2022" />。')).toEqual(['contradicts']);
  });

  it('a clause with no year says nothing, even when the sentence has one', () => {
    expect(verdict('於2018年，市場規模為<Val of="global-cloud.global@2022" />。')).toEqual(['says nothing']);
  });

  it('several years paired with figures by 分別 are not guessed at', () => {
    expect(
      verdict(
        '2018年及2022年的市場規模分別為<Val of="global-cloud.global@2018" />及<Val of="global-cloud.global@2022" />。',
      ),
    ).toEqual(['says nothing', 'says nothing']);
  });

  it('prefers the year before the figure over a nearer one after it', () => {
    expect(verdict('於2018年的市場規模<Val of="global-cloud.global@2018" />較2022年為低。')).toEqual(['agrees']);
  });
});

describe('years and ranges', () => {
  it('reads Chinese ranges, forecast marks and a range whose first year drops 年', () => {
    const spans = (text: string) => findYears(text, 'zh').map(formatSpan);
    expect(spans('2022年至2027年')).toEqual(['2022–2027']);
    expect(spans('2018年至2027年(預計)')).toEqual(['2018–2027E']);
    expect(spans('(2021-2023年)')).toEqual(['2021–2023']);
    expect(spans('從2018年的…增長到2022年的…')).toEqual(['2018', '2022']);
    expect(spans('2027年（預計）')).toEqual(['2027E']);
    expect(spans('第2022號')).toEqual([]);
  });

  it('reads English years without taking amounts for years', () => {
    const spans = (text: string) => findYears(text, 'en').map(formatSpan);
    expect(spans('RMB1,376.9 billion in 2018')).toEqual(['2018']);
    expect(spans('RMB2019.5 million in 2022')).toEqual(['2022']);
    expect(spans('a CAGR of 19.5% from 2022 to 2027')).toEqual(['2022–2027']);
    expect(spans('between 2022 and 2027E')).toEqual(['2022–2027E']);
    expect(spans('in 2018 and 2022')).toEqual(['2018', '2022']);
    expect(spans('2022–2027E')).toEqual(['2022–2027E']);
  });

  it('compares ranges end for end and a year with a range by inclusion', () => {
    expect(agrees(periodSpan('2022', '2027'), periodSpan('2022', '2027E'))).toBe(true);
    expect(agrees(periodSpan('2018', '2022'), periodSpan('2022', '2027E'))).toBe(false);
    expect(agrees(periodSpan('2027'), periodSpan('2022', '2027E'))).toBe(true);
    expect(agrees(periodSpan('2030'), periodSpan('2022', '2027E'))).toBe(false);
    expect(agrees(periodSpan('2018', '2022'), periodSpan('2022'))).toBe(true);
    expect(agrees(periodSpan('2018', '2022'), periodSpan('2027E'))).toBe(false);
  });

  it('picks the matcher from the edition language', () => {
    expect(matcherLang('zh-Hant-HK')).toBe('zh');
    expect(matcherLang('en-HK')).toBe('en');
  });

  it('writes periods the way each edition reads them', () => {
    expect(spanText('2022–2027E')).toBe('2022年至2027年(預計)');
    expect(spanText('2018')).toBe('2018年');
  });
});

describe('crafted sentences (English edition, as the conventions write them)', () => {
  const F = FIGURE;
  it('reads the year after a figure first', () => {
    const text = `The market grew from ${F} in 2018 to ${F} in 2022, and is expected to reach ${F} by 2027.`;
    const at = [...text.matchAll(new RegExp(F, 'g'))].map((m) => m.index);
    expect(at.map((i) => yearFor(text, i, 'en')).map((m) => (m ? formatSpan(m) : '-'))).toEqual([
      '2018',
      '2022',
      '2027',
    ]);
  });

  it('ties a CAGR to "from 2022 to 2027" and a forecast to 2027E', () => {
    expect(readOne(`representing a CAGR of ${F} from 2022 to 2027`, 'en')).toBe('2022–2027');
    expect(readOne(`the market size of ${F} in 2027E`, 'en')).toBe('2027E');
    expect(readOne(`a CAGR of ${F} between 2022 and 2027E`, 'en')).toBe('2022–2027E');
  });

  it('falls back to a year before the figure, and says nothing across a comma', () => {
    expect(readOne(`the market size in 2022 was ${F}.`, 'en')).toBe('2022');
    expect(readOne(`In 2022, the market size was ${F}.`, 'en')).toBe('-');
  });

  it('does not guess at "respectively", even across the comma before it', () => {
    expect(readOne(`the market sizes were ${F} and RMB3.4 billion in 2018 and 2022, respectively.`, 'en')).toBe('-');
    expect(readOne(`the market size was ${F} in 2018. Sizes in 2022 and 2027 were given respectively.`, 'en')).toBe(
      '2018',
    );
  });

  it('checks a swap the same way as the Chinese edition', () => {
    const text = `from ${F} in 2018 to ${F} in 2022`;
    const first = yearFor(text, text.indexOf(F), 'en');
    expect(first && agrees(first, periodSpan('2022'))).toBe(false);
    expect(first && agrees(first, periodSpan('2018'))).toBe(true);
  });

  it('between a year before and one after at the same distance, each edition reads its own side', () => {
    expect(readOne(`2018年的${F}及2022年`, 'zh')).toBe('2018');
    expect(readOne(`in 2018 ${F} in 2022`, 'en')).toBe('2022');
  });
});

describe('the period of a bound figure', () => {
  const { registry } = loadRegistry(ROOT);
  const resolver = new Resolver(registry as NonNullable<typeof registry>);
  const period = (ref: string) => {
    const span = periodOf(resolver, ref);
    return span ? formatSpan(span) : undefined;
  };

  it('comes from the data: a cell, a fact, a claim or the inputs of a share', () => {
    expect(period('global-cloud.global@2018')).toBe('2018');
    expect(period('global-cloud.global@2027E')).toBe('2027E');
    expect(period('claim.global-cloud-cagr')).toBe('2022–2027E');
    expect(period('claim.us-cloud-cagr')).toBe('2022–2027E');
    expect(period('facts.iot-devices-2022')).toBe('2022');
    expect(period('claim.edge-penetration-2027')).toBe('2027E');
  });

  it('is none where the data gives none', () => {
    expect(period('facts.report-fee')).toBeUndefined();
    expect(period('china-edge-ranking-2022.self@share')).toBeUndefined();
    expect(period('claim.china-third-edge-market')).toBeUndefined();
    expect(period('claim.independent-top5-share')).toBeUndefined();
  });
});

describe('the check on the sample and on edited copies', () => {
  const SWAP_FROM =
    '從2018年的<Val of="global-cloud.global@2018" />增長到2022年的<Val of="global-cloud.global@2022" />';
  const SWAPPED = '從2018年的<Val of="global-cloud.global@2022" />增長到2022年的<Val of="global-cloud.global@2018" />';

  it('the sample has no contradiction, and most period-bound figures are tied to a year', () => {
    const [coverage, ...others] = periodCoverage(checkProject(ROOT).occurrences);
    expect(others).toEqual([]);
    expect(coverage?.edition).toBe('zh-Hant-HK');
    expect(coverage?.contradictions).toBe(0);
    expect(coverage?.exceptions).toEqual([]);
    expect(coverage?.bound).toBeGreaterThanOrEqual(40);
    expect(coverage?.tied).toBeGreaterThan((coverage?.bound ?? 0) / 2);
  });

  it('the swap stops the check at the chapter line, quoting the clause', () => {
    const dir = sampleCopy();
    editFile(dir, CHAPTER, SWAP_FROM, SWAPPED);
    const records = checkProject(dir).diagnostics.map(formatDiagnostic);
    expect(records).toEqual([
      expect.stringMatching(
        /^content\/chapters\/industry-overview\.mdx:20:\d+: error: <Val of="global-cloud\.global@2022"> reads as 2018 here \(「從2018年的…」\) but its period is 2022 — .*\[figure-context\]$/,
      ),
      expect.stringMatching(
        /^content\/chapters\/industry-overview\.mdx:20:\d+: error: <Val of="global-cloud\.global@2018"> reads as 2022 here \(「增長到2022年的…」\) but its period is 2018 — .*\[figure-context\]$/,
      ),
    ]);
  });

  it('an exception with its reason silences that figure alone and is listed with the reason', () => {
    const dir = sampleCopy();
    editFile(
      dir,
      CHAPTER,
      SWAP_FROM,
      '從2018年的<Val of="global-cloud.global@2022" period-context="測試：刻意引用2022年數字" />增長到2022年的<Val of="global-cloud.global@2018" />',
    );
    const result = checkProject(dir);
    const records = result.diagnostics.map(formatDiagnostic);
    expect(records).toHaveLength(1);
    expect(records[0]).toContain('<Val of="global-cloud.global@2018"> reads as 2022');
    const [coverage] = periodCoverage(result.occurrences);
    expect(coverage?.exceptions).toEqual([
      {
        file: CHAPTER,
        line: 20,
        of: 'global-cloud.global@2022',
        period: '2022',
        read: '2018',
        reason: '測試：刻意引用2022年數字',
      },
    ]);
    expect(coverage && coverageLine(coverage)).toMatch(/; 1 contradiction; 1 exception \(period-context\)$/);
  });

  it('an exception needs a reason', () => {
    const dir = sampleCopy();
    editFile(
      dir,
      CHAPTER,
      '<Val of="global-cloud.global@2018" />',
      '<Val of="global-cloud.global@2018" period-context="" />',
    );
    const records = checkProject(dir).diagnostics.map(formatDiagnostic);
    expect(records).toEqual([
      expect.stringMatching(
        /^content\/chapters\/industry-overview\.mdx:20:\d+: error: <Val> period-context: expected the reason .*\[props\]$/,
      ),
    ]);
  });

  it('coverage is counted, not typed: a year taken out of a clause unties one figure', () => {
    // Before and after the edit in the same copy: the shipped sample grows, the copy does not.
    const dir = sampleCopy();
    const before = periodCoverage(checkProject(dir).occurrences)[0];
    editFile(
      dir,
      CHAPTER,
      '2022年的市場規模為<Val of="global-cloud.us@2022" />',
      '當年的市場規模為<Val of="global-cloud.us@2022" />',
    );
    const after = periodCoverage(checkProject(dir).occurrences)[0];
    expect(after?.bound).toBe(before?.bound);
    expect(after?.tied).toBe((before?.tied ?? 0) - 1);
    expect(coverageLine(after as NonNullable<typeof after>)).toBe(
      `figure-context (zh-Hant-HK): ${after?.tied} of ${after?.bound} period-bound figures tied to a year in their clause; 0 contradictions; 0 exceptions (period-context)`,
    );
  });
});
