import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { oneCodePointPerGlyph, readCharMap, writeCmap } from './font-cmap.ts';
import { readSfnt, writeSfnt } from './sfnt.ts';

/**
 * One whole font file per face for the print. The site loads fontsource's Noto TC web fonts,
 * cut into about 105 unicode-range slices per face so that a page fetches only what it shows;
 * Chromium embeds one PDF font per font file, so a print from the slices carried one font object
 * per slice used (80 for four faces).
 *
 * The PDF step's server declares these faces after the site's own (`withPrintFonts`), under the
 * same family names: for each character the browser tries the last declared face first, so the
 * whole font draws every character it has (`document.fonts.load` still fetches the slices whose
 * ranges match its text, as it must, but they draw nothing). They are Google Fonts' static
 * instances of the same release as the slices, as packaged by @expo-google-fonts: the same
 * outlines and advances (tests/unit/print-fonts.test.ts), and named by their real weight, where
 * fontsource's slices call the 400 weight "ExtraLight" (see woff2-names.ts). The site never
 * references them.
 */
export interface PrintFont {
  family: string;
  weight: number;
  /** Where the PDF step's server serves it. */
  url: string;
  /** The TrueType file, as a package path. */
  module: string;
}

const face = (family: string, weight: number, pkg: string, file: string): PrintFont => ({
  family,
  weight,
  url: `/_print-fonts/${file.split('/').at(-1)}`,
  module: `@expo-google-fonts/${pkg}/${file}`,
});

export const PRINT_FONTS: readonly PrintFont[] = [
  face('Noto Serif TC', 400, 'noto-serif-tc', '400Regular/NotoSerifTC_400Regular.ttf'),
  face('Noto Serif TC', 700, 'noto-serif-tc', '700Bold/NotoSerifTC_700Bold.ttf'),
  face('Noto Sans TC', 400, 'noto-sans-tc', '400Regular/NotoSansTC_400Regular.ttf'),
  face('Noto Sans TC', 700, 'noto-sans-tc', '700Bold/NotoSansTC_700Bold.ttf'),
];

const require = createRequire(import.meta.url);

/**
 * The print fonts by URL: each packaged file with one code point per glyph in its cmap (see
 * font-cmap.ts), every other table byte for byte.
 */
export function loadPrintFonts(): Map<string, Uint8Array> {
  // Once per process: the packages do not change under a running build or watch, and rewriting
  // the cmaps of four large fonts is a noticeable part of a save's PDF in --watch.
  loaded ??= new Map(PRINT_FONTS.map((font) => [font.url, loadPrintFont(font)]));
  return loaded;
}

let loaded: Map<string, Uint8Array> | undefined;

function loadPrintFont(font: PrintFont): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(require.resolve(font.module));
  } catch (e) {
    throw new Error(`print font ${font.module} is missing (${(e as Error).message.split('\n')[0]}); run npm ci`);
  }
  const sfnt = readSfnt(bytes);
  const cmap = sfnt?.tables.get('cmap');
  const map = cmap && readCharMap(cmap);
  if (!sfnt || !cmap || !map) throw new Error(`print font ${font.module}: not a TrueType font with a Unicode cmap`);
  sfnt.tables.set('cmap', writeCmap(oneCodePointPerGlyph(map), cmap));
  return writeSfnt(sfnt);
}

/** The @font-face rules of the print fonts. */
export function printFontCss(): string {
  return PRINT_FONTS.map(
    (f) =>
      `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${f.weight};font-display:block;` +
      `src:url(${f.url}) format("truetype")}`,
  ).join('\n');
}

/** The page with the print fonts declared last in its head, after the site's stylesheets. */
export function withPrintFonts(html: string): string {
  const end = html.search(/<\/head>/i);
  if (end < 0) return html;
  return `${html.slice(0, end)}<style data-print-fonts>\n${printFontCss()}\n</style>${html.slice(end)}`;
}
