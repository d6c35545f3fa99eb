import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { dropWoffFallbacks } from './woff2-only.ts';

/**
 * The site's web fonts: Fontsource's WOFF2 slices, taken from their packages as they are instead
 * of through Vite, which read, hashed and wrote 450 slices into every build (about 12 MB, the
 * same bytes each time) and inlined the 16 smallest. Their stylesheets now point at
 * `/_astro/fonts/<package>@<version>/<slice>.woff2`; the build links each slice its stylesheets
 * name into the site (copies it where a link cannot be made) and `astro dev` serves it from the
 * package. The release in the address stands for the content, as Vite's hash did: a new
 * release is a new address, so a browser may keep a slice for good (asset-cache.ts).
 */

export const FONT_PATH = '/_astro/fonts/';
const FONTSOURCE_CSS = /[\\/]@fontsource[\\/]([a-z0-9-]+)[\\/][^\\/?]+\.css$/;
/** `noto-sans-tc@5.3.0/noto-sans-tc-0-400-normal.woff2`: a package, its release and a slice. */
const FONT_FILE = /^([a-z0-9-]{1,60})@(\d{1,4}\.\d{1,4}\.\d{1,4})\/([a-z0-9-]{1,80}\.woff2)$/;

/** A Fontsource stylesheet with WOFF2 sources only, each pointing at the site's copy of the slice. */
export function siteFontCss(css: string, pkg: string, version: string): string {
  return dropWoffFallbacks(css).replace(
    /url\(\.\/files\/([a-z0-9-]+\.woff2)\)/g,
    (_, slice: string) => `url(${FONT_PATH}${pkg}@${version}/${slice})`,
  );
}

/** A package's installed release, or undefined when it is not installed. */
function releaseOf(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * The package file a font address names, or undefined for any other path (or another release).
 * `releases` keeps each package's release for the caller's run (one read per package, not one
 * per slice); by default it is read each time, as a long-running `astro dev` must.
 */
export function fontFile(
  path: string,
  fontsource: string,
  releases: Map<string, string | undefined> = new Map(),
): string | undefined {
  if (!path.startsWith(FONT_PATH)) return undefined;
  const m = FONT_FILE.exec(path.slice(FONT_PATH.length));
  if (!m?.[1] || !m[3]) return undefined;
  const dir = join(fontsource, m[1]);
  if (!releases.has(dir)) releases.set(dir, releaseOf(dir));
  if (releases.get(dir) !== m[2]) return undefined;
  return join(dir, 'files', m[3]);
}

/** The slices the built site's stylesheets name, linked (or copied) into it from their packages. */
export function placeSiteFonts(site: string, fontsource: string): number {
  const assets = join(site, '_astro');
  if (!existsSync(assets)) return 0;
  const wanted = new Set<string>();
  for (const name of readdirSync(assets).filter((f) => f.endsWith('.css')))
    for (const m of readFileSync(join(assets, name), 'utf8').matchAll(/url\((\/_astro\/fonts\/[^)]+)\)/g))
      wanted.add(m[1] ?? '');
  const releases = new Map<string, string | undefined>();
  for (const path of wanted) {
    const from = fontFile(path, fontsource, releases);
    if (!from)
      throw new Error(`the site's stylesheet names ${path}, which is not a slice of an installed Fontsource font`);
    const to = join(site, path);
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(from, to);
    } catch {
      // Another file system (an output folder on its own mount): the bytes, then.
      copyFileSync(from, to);
    }
  }
  return wanted.size;
}

function fontsourceOf(root: URL): string {
  return join(fileURLToPath(root), 'node_modules', '@fontsource');
}

function serveFont(path: string, fontsource: string, res: ServerResponse): boolean {
  const file = fontFile(path, fontsource);
  if (!file) return false;
  try {
    const bytes = readFileSync(file);
    res.writeHead(200, { 'content-type': 'font/woff2', 'content-length': bytes.length }).end(bytes);
  } catch {
    res.writeHead(404).end();
  }
  return true;
}

/** The Vite plugin: each Fontsource stylesheet as siteFontCss writes it, as it is loaded. */
export function viteSiteFontCss() {
  return {
    name: 'prospectus:site-fonts',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      const pkg = FONTSOURCE_CSS.exec(id)?.[1];
      if (!pkg) return undefined;
      const { version } = JSON.parse(readFileSync(join(dirname(id), 'package.json'), 'utf8')) as { version: string };
      return { code: siteFontCss(code, pkg, version), map: null };
    },
  };
}

/**
 * The integration: Fontsource's stylesheets rewritten as Vite loads them (before its CSS step
 * resolves their `url()`s, so no slice goes through Vite), the slices placed after a build, and
 * served by `astro dev`.
 */
export function siteFonts(): AstroIntegration {
  let fontsource = '';
  const plugin = viteSiteFontCss();
  return {
    name: 'prospectus:site-fonts',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        fontsource = fontsourceOf(config.root);
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          // A slice's address is plain ASCII: nothing to decode, and nothing else is answered here.
          const path = new URL(req.url ?? '/', 'http://localhost').pathname;
          if (!serveFont(path, fontsource, res)) next();
        });
      },
      'astro:build:done': ({ dir }) => {
        placeSiteFonts(fileURLToPath(dir), fontsource);
      },
    },
  };
}
