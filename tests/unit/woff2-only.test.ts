import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dropWoffFallbacks } from '../../src/lib/fonts/woff2-only.ts';

const require = createRequire(import.meta.url);
const fontsourceCss = (file: string) => readFileSync(require.resolve(file), 'utf8');
const sources = (css: string) => [...css.matchAll(/src:\s*([^;]+);/g)].map((m) => m[1] ?? '');

describe('WOFF2 only', () => {
  it("keeps every slice's WOFF2 and drops every WOFF fallback of a Fontsource stylesheet", () => {
    const css = fontsourceCss('@fontsource/noto-serif-tc/700.css');
    const before = sources(css);
    // The package still lists both formats: else this test would prove nothing.
    expect(before.length).toBeGreaterThan(50);
    expect(before.every((s) => s.includes("format('woff')"))).toBe(true);
    const after = sources(dropWoffFallbacks(css));
    expect(after).toHaveLength(before.length);
    for (const [i, src] of after.entries()) {
      const woff2 = before[i]?.match(/url\([^)]+\.woff2\) format\('woff2'\)/)?.[0];
      expect(src).toBe(woff2);
    }
  });
});
