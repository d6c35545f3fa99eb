/**
 * The site serves its typefaces as WOFF2 only. Fontsource's stylesheets list a WOFF fallback
 * after each WOFF2 slice; every browser a reviewer can use reads WOFF2, so the fallback was never
 * fetched, yet Vite copied and hashed all of them into every build (454 files in the sample's
 * `_astro/`, more than half the bytes of a small copy's `dist/`). One rule for the site and the
 * sign-in page.
 */

const WOFF_FALLBACK = /,\s*url\([^)]+\.woff\)\s*format\((['"])woff\1\)/g;

/** A Fontsource stylesheet with each `url(….woff) format('woff')` fallback taken out of `src`. */
export function dropWoffFallbacks(css: string): string {
  return css.replace(WOFF_FALLBACK, '');
}

const FONTSOURCE_CSS = /[\\/]@fontsource[\\/][^?]+\.css$/;

/**
 * A Vite plugin: Fontsource's stylesheets lose their WOFF fallbacks as they are loaded, before
 * Vite's CSS step resolves their `url()`s (so the WOFF files are never emitted).
 */
export function viteWoff2Only() {
  return {
    name: 'prospectus:woff2-only',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!FONTSOURCE_CSS.test(id)) return undefined;
      return { code: dropWoffFallbacks(code), map: null };
    },
  };
}
