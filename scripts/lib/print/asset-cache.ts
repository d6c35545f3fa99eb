import { sep } from 'node:path';

/**
 * How long a browser may keep what the static server sends. Vite names every file it emits into
 * _astro/ (stylesheets, scripts, the font slices) by a hash of its content, so a changed file is
 * a new address: those are kept for good and never asked for again. A reader moving from chapter
 * to chapter then reuses the 30–100 font slices a page of Chinese text needs, instead of
 * downloading and decoding them again on every page. Pages and every other file carry no caching
 * header, so the browser asks for them each time and a rebuilt page is seen at once.
 */
const HASHED_ASSETS = `_astro${sep}`;

/** The caching headers for a file of the built site, by its path inside the site's folder. */
export function cacheHeaders(fileInSite: string): Record<string, string> {
  return fileInSite.startsWith(HASHED_ASSETS) ? { 'cache-control': 'public, max-age=31536000, immutable' } : {};
}
