import { describe, expect, it } from 'vitest';
import { type Baseline, buildGoesFirst, type Run, summarizeSize } from '../../scripts/lib/bench/model.ts';

/** A run with the given PDF steps (Chinese, English) and raw Chromium times, and one marker pass each. */
function run(zh: number, en: number, rawZh: number, rawEn: number, tag: number): Run {
  const baseline = (seconds: number, pages: number): Baseline => ({ seconds, pages, peakPssMb: 100 + tag });
  return {
    build: {
      timings: {
        pdf_s: zh,
        en_pdf_s: en,
        load_s: tag,
        en_load_s: tag,
        check_s: 1,
        astro_s: 2,
        search_s: tag,
        total_s: 10 + tag,
      },
      peakPssMb: 500 + tag,
      wallS: 10,
      stderr: '',
    },
    baselines: [baseline(rawZh, 13), baseline(rawEn, 16)],
  };
}

describe('a size summed up from its runs', () => {
  // The Chinese median (6 s) is run 3; the English median (9 s) is run 1.
  const runs = [run(5, 9, 2, 3, 1), run(7, 8, 2, 4, 2), run(6, 10, 3, 5, 3)];
  const size = summarizeSize(4, runs);
  const [zh, en] = size.editions;

  it("takes each edition's passes from that edition's own median run", () => {
    expect(zh?.median).toBe(runs[2]);
    expect(zh?.median.build.timings['load_s']).toBe(3);
    expect(en?.median).toBe(runs[0]);
    expect(en?.median.build.timings['en_load_s']).toBe(1);
    // And the baseline beside it is that run's, of that edition.
    expect(zh?.medianBaseline).toBe(runs[2]?.baselines[0]);
    expect(en?.medianBaseline).toBe(runs[0]?.baselines[1]);
  });

  it('gives each edition its median, least and most, and its ratio run by run', () => {
    expect(zh?.pdf).toEqual({ median: 6, min: 5, max: 7 });
    expect(en?.pdf).toEqual({ median: 9, min: 8, max: 10 });
    expect(zh?.base).toEqual({ median: 2, min: 2, max: 3 });
    // 5/2, 7/2, 6/3: each run against its own baseline.
    expect(zh?.byRun).toEqual({ median: 2.5, min: 2, max: 3.5 });
    // 9/3, 8/4, 10/5.
    expect(en?.byRun).toEqual({ median: 2, min: 2, max: 3 });
    expect(en?.basePeakPssMb).toBe(103);
  });

  it('sums the site step and keeps the peak memory of all runs', () => {
    expect(size.site).toEqual({ median: 5, min: 4, max: 6 });
    expect(size.total).toEqual({ median: 12, min: 11, max: 13 });
    expect(size.peakPssMb).toBe(503);
    expect(size.runs).toBe(runs);
  });
});

describe('which side goes first', () => {
  it('alternates: the build on odd runs, raw Chromium on even ones', () => {
    expect([1, 2, 3, 4, 5].map(buildGoesFirst)).toEqual([true, false, true, false, true]);
  });
});
