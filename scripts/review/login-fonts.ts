import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dropWoffFallbacks } from '../../src/lib/fonts/woff2-only.ts';

/*
 * The sign-in page's own typeface. The page is shown before sign-in, so it may use nothing of the
 * copy (whose fonts are behind the login); without a face of its own its Chinese falls back to
 * whatever the reviewer's system has, which on a machine without CJK fonts is empty boxes. This
 * serves the Noto Sans TC regular the site itself uses, from its npm package: a public typeface,
 * split by Unicode range, so a browser fetches only the few slices the page's words need.
 */

const PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-tc/400.css'));
/** The only names served: the package's regular WOFF2 slices. */
const SLICE = /^noto-sans-tc-[a-z0-9-]{1,40}-400-normal\.woff2$/;
export const LOGIN_FONT_PATH = '/_review/fonts/';

/** The package's @font-face rules for the regular weight, pointed at this server, WOFF2 only. */
export function loginFontCss(): string {
  return dropWoffFallbacks(readFileSync(join(PACKAGE_DIR, '400.css'), 'utf8')).replace(
    /url\(\.\/files\/([^)]+)\)/g,
    (_, name: string) => `url(${LOGIN_FONT_PATH}${name})`,
  );
}

/** A slice's bytes, or undefined for any name that is not one of the package's slices. */
export function loginFontSlice(name: string): Uint8Array | undefined {
  if (!SLICE.test(name)) return undefined;
  try {
    return readFileSync(join(PACKAGE_DIR, 'files', name));
  } catch {
    return undefined;
  }
}
