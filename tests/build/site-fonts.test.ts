import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_DIST } from '../build-once.ts';

const require = createRequire(import.meta.url);
const ASSETS = join(TEST_DIST, '_astro');

/** The Fontsource stylesheets the site's layout imports, as the layout names them. */
function importedFontsource(): string[] {
  const layout = readFileSync(join(ROOT, 'src/layouts/Base.astro'), 'utf8');
  return [...layout.matchAll(/^import '(@fontsource\/[^']+\.css)';$/gm)].map((m) => m[1] ?? '');
}

describe("the site's fonts", () => {
  it('are the WOFF2 slices of the Fontsource stylesheets the layout imports, each at its package and release, byte for byte', () => {
    /** `noto-sans-tc@5.3.0/noto-sans-tc-0-400-normal.woff2` → the package's file. */
    const expected = new Map<string, string>();
    for (const sheet of importedFontsource()) {
      const file = require.resolve(sheet);
      const { name, version } = JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      for (const m of readFileSync(file, 'utf8').matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g))
        expected.set(
          `${name.replace('@fontsource/', '')}@${version}/${m[1]}`,
          join(dirname(file), 'files', m[1] ?? ''),
        );
    }
    expect(expected.size).toBeGreaterThan(100);

    // Every @font-face asks for one WOFF2, no WOFF: one of those slices, at its address.
    const faces = readdirSync(ASSETS)
      .filter((f) => f.endsWith('.css'))
      .flatMap((f) =>
        [...readFileSync(join(ASSETS, f), 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1] ?? ''),
      );
    expect(faces).toHaveLength(expected.size);
    const named = new Set<string>();
    for (const face of faces) {
      const urls = [...face.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] ?? '');
      expect(urls, face.slice(0, 120)).toHaveLength(1);
      const address = /^\/_astro\/fonts\/(.+)$/.exec(urls[0] ?? '')?.[1] ?? '';
      expect(expected.has(address), urls[0]).toBe(true);
      named.add(address);
    }
    expect(named.size).toBe(expected.size);

    // The site holds exactly those slices, each the package's bytes.
    const placed = readdirSync(join(ASSETS, 'fonts')).flatMap((pkg) =>
      readdirSync(join(ASSETS, 'fonts', pkg)).map((f) => `${pkg}/${f}`),
    );
    expect(placed.sort()).toEqual([...expected.keys()].sort());
    for (const [address, source] of expected) {
      const site = join(ASSETS, 'fonts', address);
      expect(statSync(site).size, address).toBe(statSync(source).size);
      expect(readFileSync(site).equals(readFileSync(source)), address).toBe(true);
    }
  });
});
