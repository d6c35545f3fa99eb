import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fontFile, placeSiteFonts, siteFontCss, viteSiteFontCss } from '../../src/lib/fonts/site-fonts.ts';

const require = createRequire(import.meta.url);
const FONTSOURCE = resolve(import.meta.dirname, '../../node_modules/@fontsource');
const SHEET = require.resolve('@fontsource/noto-serif-tc/700.css');
const VERSION = (JSON.parse(readFileSync(join(dirname(SHEET), 'package.json'), 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'site-fonts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the site's font stylesheets", () => {
  it('point every slice at its package and release under /_astro/fonts/, WOFF2 only', () => {
    const css = readFileSync(SHEET, 'utf8');
    const before = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)].map((m) => m[1]);
    expect(before.length).toBeGreaterThan(50);
    const after = siteFontCss(css, 'noto-serif-tc', VERSION);
    expect([...after.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1])).toEqual(
      before.map((slice) => `/_astro/fonts/noto-serif-tc@${VERSION}/${slice}`),
    );
  });

  it('are rewritten as Vite loads a Fontsource stylesheet, and no other', () => {
    const plugin = viteSiteFontCss();
    const css = "src: url(./files/a-0-400-normal.woff2) format('woff2'), url(./files/a.woff) format('woff');";
    expect(plugin.transform(css, SHEET)?.code).toBe(
      `src: url(/_astro/fonts/noto-serif-tc@${VERSION}/a-0-400-normal.woff2) format('woff2');`,
    );
    expect(plugin.transform(css, '/x/src/styles/base.css')).toBeUndefined();
  });
});

describe('a font address', () => {
  it('names a slice of an installed package at its release, and nothing else', () => {
    const slice = 'noto-serif-tc-0-700-normal.woff2';
    expect(fontFile(`/_astro/fonts/noto-serif-tc@${VERSION}/${slice}`, FONTSOURCE)).toBe(
      join(FONTSOURCE, 'noto-serif-tc', 'files', slice),
    );
    for (const path of [
      `/_astro/fonts/noto-serif-tc@9.9.9/${slice}`,
      `/_astro/fonts/noto-serif-tc@${VERSION}/../package.json`,
      `/_astro/fonts/noto-serif-tc@${VERSION}/%2e%2e%2fpackage.json`,
      `/_astro/fonts/..@${VERSION}/${slice}`,
      `/_astro/fonts/not-installed@1.0.0/${slice}`,
      `/_astro/noto-serif-tc@${VERSION}/${slice}`,
    ])
      expect(fontFile(path, FONTSOURCE), path).toBeUndefined();
  });
});

describe('placing the fonts in a built site', () => {
  it('puts every slice its stylesheets name into the site, the package bytes, and fails on one it cannot find', () => {
    const site = join(scratch, 'site');
    mkdirSync(join(site, '_astro'), { recursive: true });
    const names = ['noto-serif-tc-0-700-normal.woff2', 'noto-serif-tc-1-700-normal.woff2'];
    writeFileSync(
      join(site, '_astro', 'Base.css'),
      names.map((n) => `@font-face{src:url(/_astro/fonts/noto-serif-tc@${VERSION}/${n})format("woff2")}`).join(''),
    );
    expect(placeSiteFonts(site, FONTSOURCE)).toBe(2);
    for (const n of names) {
      const placed = join(site, '_astro', 'fonts', `noto-serif-tc@${VERSION}`, n);
      expect(readFileSync(placed).equals(readFileSync(join(FONTSOURCE, 'noto-serif-tc', 'files', n)))).toBe(true);
      expect(statSync(placed).size).toBeGreaterThan(0);
    }

    // A site with no stylesheet at all names no slice.
    mkdirSync(join(scratch, 'bare'));
    expect(placeSiteFonts(join(scratch, 'bare'), FONTSOURCE)).toBe(0);

    writeFileSync(join(site, '_astro', 'Other.css'), '@font-face{src:url(/_astro/fonts/noto-serif-tc@0.0.1/x.woff2)}');
    expect(() => placeSiteFonts(site, FONTSOURCE)).toThrow(
      "the site's stylesheet names /_astro/fonts/noto-serif-tc@0.0.1/x.woff2, which is not a slice of an installed Fontsource font",
    );
  });
});
