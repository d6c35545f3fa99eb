/**
 * The site serves its typefaces as WOFF2 only. Fontsource's stylesheets list a WOFF fallback
 * after each WOFF2 slice; every browser a reviewer can use reads WOFF2, so the fallback was never
 * fetched, yet every build copied all of them into the site (454 files in the sample's
 * `_astro/`, more than half the bytes of a small copy's `dist/`). One rule for the site and the
 * sign-in page (site-fonts.ts applies it to the site's stylesheets as Vite loads them).
 */

const WOFF_FALLBACK = /,\s*url\([^)]+\.woff\)\s*format\((['"])woff\1\)/g;

/** A Fontsource stylesheet with each `url(….woff) format('woff')` fallback taken out of `src`. */
export function dropWoffFallbacks(css: string): string {
  return css.replace(WOFF_FALLBACK, '');
}
