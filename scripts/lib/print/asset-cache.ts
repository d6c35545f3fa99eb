import { sep } from 'node:path';

/**
 * How long a browser may keep what the static server sends. Vite names every file it emits into
 * _astro/ (stylesheets, scripts) by a hash of its content, and the font slices sit in
 * _astro/fonts/ under their package's release (site-fonts.ts), so a changed file is a new
 * address: those are kept for good and never asked for again. A reader moving from chapter
 * to chapter then reuses the 30–100 font slices a page of Chinese text needs, instead of
 * downloading and decoding them again on every page. Pages and every other file carry no caching
 * header, so the browser asks for them each time and a rebuilt page is seen at once.
 */
const HASHED_ASSETS = `_astro${sep}`;
const FOR_GOOD = 'max-age=31536000, immutable';

/** The caching headers for a file of the built site, by its path inside the site's folder. */
export function cacheHeaders(fileInSite: string): Record<string, string> {
  return fileInSite.startsWith(HASHED_ASSETS) ? { 'cache-control': `public, ${FOR_GOOD}` } : {};
}

/**
 * The review server stores nothing of a confidential copy (no-store), but for its font slices:
 * the public Noto fonts byte for byte, named by their release, holding nothing of the copy. A
 * reviewer's browser keeps those (privately, never a shared cache) instead of downloading 1–3.6 MB
 * of them again on every page. Undefined for every other file: the server's no-store stands.
 */
export function copyCacheControl(fileInCopy: string): string | undefined {
  return fileInCopy.startsWith(HASHED_ASSETS) && fileInCopy.endsWith('.woff2') ? `private, ${FOR_GOOD}` : undefined;
}
