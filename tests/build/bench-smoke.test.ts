import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../build-once.ts';

// The benchmark itself is not part of npm test (timings are noisy); this proves it runs and
// reports what the README promises, at the smallest size.
describe('npm run bench', () => {
  it('ends with one JSON line that compares the PDF step with raw Chromium', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--sizes', '1', '--runs', '1'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const lines = out.trim().split('\n');
    expect(lines.some((l) => l.startsWith('| chapters | pages |'))).toBe(true);
    const result = JSON.parse(lines.at(-1) ?? '{}') as Record<string, number>;
    for (const key of [
      'pages',
      'site_build_s',
      'pdf_s',
      'chromium_baseline_s',
      'pdf_ratio',
      'pdf_bytes',
      'peak_rss_mb',
    ]) {
      expect(result[key], key).toBeGreaterThan(0);
    }
    expect(result['pdf_ratio']).toBeCloseTo((result['pdf_s'] ?? 0) / (result['chromium_baseline_s'] ?? 1), 1);
    // With one run, the ratio by run is that run's ratio: the same number.
    expect(result['pdf_ratio_by_run']).toBeCloseTo(result['pdf_ratio'] ?? 0, 2);
    expect(result['pages']).toBeGreaterThanOrEqual(8);
  }, 180_000);
});
