import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_DIST } from '../build-once.ts';

const require = createRequire(import.meta.url);
const ASSETS = join(TEST_DIST, '_astro');

/** The Fontsource stylesheets the site's layout imports, as the layout names them. */
function importedFontsource(): string[] {
  const layout = readFileSync(join(ROOT, 'src/layouts/Base.astro'), 'utf8');
  return [...layout.matchAll(/^import '(@fontsource\/[^']+\.css)';$/gm)].map((m) => m[1] ?? '');
}
/** A font file's name without the hash Vite gives it: `noto-sans-tc-0-400-normal.woff2`. */
const unhashed = (name: string) => name.replace(/\.[A-Za-z0-9_-]{8}\.(woff2?)$/, '.$1');

describe("the site's fonts", () => {
  it('are WOFF2 slices only, one for each slice of the Fontsource stylesheets the layout imports', () => {
    const expected = new Set<string>();
    for (const file of importedFontsource()) {
      const css = readFileSync(require.resolve(file), 'utf8');
      for (const m of css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)) expected.add(m[1] ?? '');
    }
    expect(expected.size).toBeGreaterThan(100);

    const emitted = readdirSync(ASSETS).filter((f) => /\.woff2?$/.test(f));
    expect(emitted.filter((f) => f.endsWith('.woff'))).toEqual([]);
    for (const f of emitted) expect(expected, f).toContain(unhashed(f));

    // Every @font-face asks for one WOFF2: a file of the site, or a small slice Vite inlined.
    const stylesheets = readdirSync(ASSETS).filter((f) => f.endsWith('.css'));
    const faces = stylesheets.flatMap((f) =>
      [...readFileSync(join(ASSETS, f), 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1] ?? ''),
    );
    expect(faces).toHaveLength(expected.size);
    let inlined = 0;
    for (const face of faces) {
      const urls = [...face.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] ?? '');
      const shown = face.slice(0, 120);
      expect(urls, shown).toHaveLength(1);
      const url = urls[0] ?? '';
      if (url.startsWith('data:')) {
        expect(url, shown).toMatch(/^data:font\/woff2;base64,/);
        inlined++;
      } else {
        expect(url, shown).toMatch(/^\/_astro\/[^/]+\.woff2$/);
        expect(existsSync(join(TEST_DIST, url)), shown).toBe(true);
      }
    }
    expect(emitted.length + inlined).toBe(expected.size);
  });
});
