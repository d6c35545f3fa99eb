import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTreeSampler } from '../../scripts/lib/bench/memory.ts';
import { ROOT } from '../build-once.ts';

// The benchmark itself is not part of npm test (timings are noisy); this proves it runs and
// reports what the README promises, at the smallest size and in one run: how runs alternate and
// how each edition's median run is chosen are unit tests (tests/unit/bench-summary.test.ts).
describe('npm run bench', () => {
  it("ends with one JSON line that counts each edition's PDF step against raw Chromium printing it", () => {
    // The long size (about 1,000 pages by default) is the one size here: measured once, reported twice.
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/bench.ts'), '--sizes', '1', '--long', '1', '--runs', '1'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    // One table per edition, each followed by its passes.
    expect(lines.filter((l) => l.startsWith('| chapters | pages |'))).toHaveLength(2);
    expect(lines).toContain('Chinese edition (/document/)');
    expect(lines).toContain('English edition (/en/document/)');
    expect(run.stderr).toMatch(/run 1\/1 \(build first\)/);
    const parsed = JSON.parse(lines.at(-1) ?? '{}') as Record<string, number | string>;
    // Every key is a number but which path brought the watched edit's PDF.
    const { edit_path: editPath, ...numbers } = parsed;
    const result = numbers as Record<string, number>;
    const passes = ['load_s', 'print_s', 'contents_s', 'pdf_lib_s', 'schedule_s', 'leak_scan_s'];
    for (const key of [
      'pages',
      'baseline_pages',
      'site_build_s',
      'pdf_s',
      ...passes,
      'chromium_baseline_s',
      'pdf_ratio',
      'pdf_ratio_by_run',
      'pdf_bytes',
      'figures',
      'peak_pss_mb',
      'baseline_peak_pss_mb',
    ]) {
      expect(result[key], key).toBeGreaterThan(0);
    }
    expect(result['text_s']).toBeGreaterThanOrEqual(0);
    // Memory is named for what it is: no RSS key survives.
    expect(Object.keys(result).filter((k) => /rss/.test(k))).toEqual([]);
    expect(result['runs']).toBe(1);
    // Both printed the same layout, else their times would not compare.
    expect(result['baseline_pages']).toBe(result['pages']);
    expect(result['pages']).toBeGreaterThanOrEqual(8);
    expect(result['figures_placed']).toBe(result['figures']);
    // The PDF step counts the passes after the print; each is one interval of one run, so they
    // add up to no more than the step (values are rounded to the millisecond).
    const sum = (keys: string[]) => keys.reduce((total, k) => total + (result[k] ?? 0), 0);
    expect(result['pdf_s']).toBeGreaterThanOrEqual(sum(['schedule_s', 'leak_scan_s']));
    expect(result['pdf_s']).toBeGreaterThanOrEqual(sum([...passes, 'text_s']) - 0.004);
    expect(result['pdf_ratio']).toBeCloseTo((result['pdf_s'] ?? 0) / (result['chromium_baseline_s'] ?? 1), 2);

    // The English edition: the same numbers under en_ keys, against raw Chromium printing it.
    const enPasses = ['en_load_s', 'en_print_s', 'en_contents_s', 'en_pdf_lib_s'];
    for (const key of [
      'en_pages',
      'en_baseline_pages',
      'en_pdf_s',
      ...enPasses,
      'en_chromium_baseline_s',
      'en_pdf_ratio',
      'en_pdf_ratio_by_run',
      'en_pdf_bytes',
      'en_baseline_peak_pss_mb',
    ]) {
      expect(result[key], key).toBeGreaterThan(0);
    }
    expect(result['en_baseline_pages']).toBe(result['en_pages']);
    // A different document from the Chinese: its own pages, its own file.
    expect(result['en_pdf_bytes']).not.toBe(result['pdf_bytes']);
    expect(result['en_pages']).toBeGreaterThanOrEqual(8);
    // Its step is its own passes plus the leak scan both editions share, all from the run whose
    // English step is the median (which need not be the Chinese median's run).
    expect(result['en_leak_scan_s']).toBeGreaterThan(0);
    expect(result['en_pdf_s']).toBeGreaterThanOrEqual(sum([...enPasses, 'en_text_s', 'en_leak_scan_s']) - 0.004);
    expect(result['en_pdf_ratio']).toBeCloseTo((result['en_pdf_s'] ?? 0) / (result['en_chromium_baseline_s'] ?? 1), 2);
    // Each run says what it measured for both editions.
    expect(run.stderr).toMatch(
      /run 1\/1 \(build first\): Chinese \d+ pages; PDF step [\d.]+ s .*; English \d+ pages; PDF step/,
    );

    // The long size: its own keys, its ratio and memory beside those of the largest size.
    expect(result['long_chapters']).toBe(1);
    expect(result['long_runs']).toBe(1);
    for (const key of [
      'pages',
      'pdf_ratio',
      'pdf_ratio_by_run',
      'en_pages',
      'en_pdf_ratio',
      'build_total_s',
      'peak_pss_mb',
    ])
      expect(result[`long_${key}`], `long_${key}`).toBe(result[key]);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Long size, 1 chapters: Chinese \d+ pages, ratio [\d.]+ \(by run [\d.]+\) against [\d.]+ \(by run [\d.]+\) at \d+ pages; English .*peak PSS \d+ MB \(limit 6144 MB\)$/,
      ),
    );
    // Measured once, not twice: each run of the one size is logged once.
    expect(run.stderr.match(/1 chapters, run 1\/1/g)).toHaveLength(1);

    // Printing by units: cold (one tab and several), warm, and a one-sentence edit.
    for (const key of [
      'units_cold_s',
      'units_cold_one_tab_s',
      'units_warm_s',
      'units_tabs',
      'units_cold_peak_pss_mb',
      'edit_s',
      'edit_build_s',
      'edit_full_s',
      'parallel_speedup',
    ]) {
      expect(result[key], key).toBeGreaterThan(0);
    }
    expect(result['units_pages']).toBe(result['pages']);
    expect(result['edit_ratio']).toBeCloseTo((result['edit_s'] ?? 0) / (result['build_total_s'] ?? 1), 2);
    expect(result['parallel_speedup']).toBeCloseTo(
      (result['units_cold_one_tab_s'] ?? 0) / (result['units_cold_s'] ?? 1),
      2,
    );
    expect(run.stderr).toMatch(/units: one-sentence edit in chapter-001\.mdx, npm run build$/m);
    // The edit saved in a running watch: the PDF came first, before the full build finished.
    expect(run.stderr).toMatch(/units: one-sentence edit in chapter-001\.mdx, saved in npm run build -- --watch/);
    expect(editPath).toBe('pdf-first');
    expect(result['edit_full_s']).toBeGreaterThan(result['edit_s'] ?? 0);
  }, 600_000);
});

describe('the memory sampler', () => {
  it("counts a process tree's own memory, not the machine's", async () => {
    const holdMb = 300;
    // A parent whose child holds the memory: the tree, not the one process, is what counts.
    const big = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn(process.execPath, ['-e', 'const b = Buffer.alloc(${holdMb} * 2 ** 20, 1); setInterval(() => b[0]++, 100)'], { stdio: 'inherit' }); setInterval(() => {}, 1000)`,
      ],
      { detached: true },
    );
    const small = spawn('sleep', ['30']);
    try {
      await new Promise((wait) => setTimeout(wait, 1500));
      const bigTree = startTreeSampler(big.pid ?? 0, 100);
      const smallTree = startTreeSampler(small.pid ?? 0, 100);
      await new Promise((wait) => setTimeout(wait, 500));
      const bigPeak = bigTree.stop();
      const smallPeak = smallTree.stop();
      expect(bigPeak.samples).toBeGreaterThanOrEqual(4);
      expect(bigPeak.peakPssMb).toBeGreaterThan(holdMb);
      // Sampled beside a 300 MB tree, `sleep` alone is a few MB.
      expect(smallPeak.peakPssMb).toBeLessThan(20);
    } finally {
      // The parent and its child form their own process group: end both.
      if (big.pid) process.kill(-big.pid);
      small.kill();
    }
  }, 30_000);
});
