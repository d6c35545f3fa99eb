import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { escapeHtml } from '../../../src/lib/html.ts';
import { oneCodePointPerGlyph, readCharMap, writeCmap } from './font-cmap.ts';
import { readSfnt, writeSfnt } from './sfnt.ts';
import { type CodePointRanges, type Coverage, rangesOf } from './slice-ranges.ts';

/**
 * One whole font file per face for the print. The site loads fontsource's Noto TC web fonts,
 * cut into about 105 unicode-range slices per face so that a page fetches only what it shows;
 * Chromium embeds one PDF font per font file, so a print from the slices carried one font object
 * per slice used (80 for four faces).
 *
 * The PDF step's server declares these faces after the site's own (`withPrintFonts`), under the
 * same family names: for each character the browser tries the last declared face first, so the
 * whole font draws every character it has. The slices it serves are narrowed to the characters
 * the whole fonts lack (slice-ranges.ts), so the print fetches and decodes only those that draw
 * something. The faces are `local()` fonts, which
 * the Chromium that prints finds through a fontconfig file of ours (`printFontConfig`): a font
 * file the system maps and reads as needed is cheaper for that Chromium than the same 34 MB sent
 * over HTTP and sanitized whole (one-chapter sample, Chinese edition: 1.3–1.6 CPU-s against
 * 2.0–2.1 to load and print), and the PDF is byte for byte the same. They are Google Fonts' static
 * instances of the same release as the slices, as packaged by @expo-google-fonts: the same
 * outlines and advances (tests/unit/print-fonts.test.ts), and named by their real weight, where
 * fontsource's slices call the 400 weight "ExtraLight" (see woff2-names.ts). The site never
 * references them.
 */
export interface PrintFont {
  family: string;
  weight: number;
  /** The name `local()` finds it by, and the PDF's font carries: `NotoSerifTC-Regular`. */
  postscriptName: string;
  /** Its file's name in the print fonts' folder. */
  file: string;
  /** The TrueType file, as a package path. */
  module: string;
}

const face = (family: string, weight: number, pkg: string, file: string): PrintFont => ({
  family,
  weight,
  postscriptName: `${family.replace(/ /g, '')}-${weight === 700 ? 'Bold' : 'Regular'}`,
  file: file.split('/').at(-1) ?? file,
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
 * The print fonts by file name: each packaged file with one code point per glyph in its cmap (see
 * font-cmap.ts), every other table byte for byte.
 */
export function loadPrintFonts(): Map<string, Uint8Array> {
  // Once per process: the packages do not change under a running build or watch.
  loaded ??= new Map(PRINT_FONTS.map((font) => [font.file, loadPrintFont(font)]));
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

/** The @font-face rules of the print fonts: the fonts of `printFontConfig`, by their PostScript names. */
export function printFontCss(): string {
  return PRINT_FONTS.map(
    (f) =>
      `@font-face{font-family:"${f.family}";font-style:normal;font-weight:${f.weight};font-display:block;` +
      `src:local("${f.postscriptName}")}`,
  ).join('\n');
}

let key: string | undefined;

/**
 * What the print fonts as Chromium reads them depend on: the packages' releases and the code that
 * rewrites them. It names their folder, and prints cached by units carry it (a new font release
 * or cmap rewrite must not reuse old prints). Once per process.
 */
export function printFontsKey(): string {
  key ??= computeKey();
  return key;
}

function computeKey(): string {
  const hash = createHash('sha256');
  for (const font of PRINT_FONTS) {
    const file = require.resolve(font.module);
    const name = font.module.split('/').slice(0, 2).join('/');
    const pkg = join(file.slice(0, file.lastIndexOf(name) + name.length), 'package.json');
    hash.update(`${font.module} ${statSync(file).size} ${readFileSync(pkg, 'utf8')}\n`);
  }
  for (const code of ['print-fonts.ts', 'font-cmap.ts', 'sfnt.ts', 'slice-ranges.ts'])
    hash.update(readFileSync(join(import.meta.dirname, code)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The fontconfig file that adds the print fonts to the system's fonts, for the Chromium that
 * prints (its FONTCONFIG_FILE). The rewritten fonts are written once, into node_modules/.cache
 * beside the packages they come from (every copy of the project that links node_modules shares
 * them), under a key of the packages' releases and of this code: the next build reuses them
 * without rewriting a cmap. A font of the same PostScript name elsewhere on the system is
 * rejected, so that `local()` can only find ours.
 */
export function printFontConfig(roots: readonly string[] = fontFolderRoots()): string {
  const key = printFontsKey();
  const failures: string[] = [];
  for (const root of roots) {
    try {
      return writtenFolder(join(root, key));
    } catch (e) {
      failures.push(`${root}: ${(e as Error).message}`);
    }
  }
  throw new Error(`cannot write the print fonts (${failures.join('; ')})`);
}

/**
 * node_modules/.cache first; the system's temporary folder where node_modules cannot be written
 * (installed by another user, say, as in a container image).
 */
function fontFolderRoots(): string[] {
  let first: string;
  try {
    first = require.resolve(PRINT_FONTS[0]?.module ?? '');
  } catch (e) {
    throw new Error(`print fonts are missing (${(e as Error).message.split('\n')[0]}); run npm ci`);
  }
  const nodeModules = join(first.slice(0, first.lastIndexOf('/node_modules/')), 'node_modules');
  return [join(nodeModules, '.cache', 'print-fonts'), join(tmpdir(), 'prospectus-print-fonts')];
}

function writtenFolder(dir: string): string {
  const config = join(dir, 'fonts.conf');
  if (existsSync(config)) return config;
  // Written aside and renamed into place: a build running beside this one sees all of it or none.
  const work = `${dir}.${process.pid}.tmp`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const [file, bytes] of loadPrintFonts()) writeFileSync(join(work, file), bytes);
  writeFileSync(join(work, COVERAGE), JSON.stringify(coverageOf(loadPrintFonts())));
  writeFileSync(join(work, 'fonts.conf'), fontconfigFile(dir));
  try {
    renameSync(work, dir);
  } catch (e) {
    // Another build wrote the same folder first: the same bytes.
    rmSync(work, { recursive: true, force: true });
    if (!existsSync(config)) throw e;
  }
  return config;
}

function fontconfigFile(dir: string): string {
  // fontconfig weighs accepted against rejected patterns (file globs are a separate test): ours
  // are accepted by their files, every other font of their PostScript names rejected. Paths are
  // XML text: a folder named with & or < must not break the file.
  const xml = escapeHtml;
  const pattern = (name: string, value: string) =>
    `      <pattern><patelt name="${name}"><string>${xml(value)}</string></patelt></pattern>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${xml(dir)}</dir>`,
    `  <cachedir>${xml(join(dirname(dir), 'fontconfig'))}</cachedir>`,
    '  <selectfont>',
    '    <acceptfont>',
    ...PRINT_FONTS.map((f) => pattern('file', join(dir, f.file))),
    '    </acceptfont>',
    '    <rejectfont>',
    ...PRINT_FONTS.map((f) => pattern('postscriptname', f.postscriptName)),
    '    </rejectfont>',
    '  </selectfont>',
    '</fontconfig>',
    '',
  ].join('\n');
}

const COVERAGE = 'coverage.json';

/** Each print font's characters as Chromium reads them (its rewritten cmap), by file name. */
function coverageOf(fonts: Map<string, Uint8Array>): Record<string, CodePointRanges> {
  const coverage: Record<string, CodePointRanges> = {};
  for (const [file, bytes] of fonts) {
    const cmap = readSfnt(bytes)?.tables.get('cmap');
    coverage[file] = rangesOf((cmap && readCharMap(cmap)?.keys()) ?? []);
  }
  return coverage;
}

let covered: Record<string, CodePointRanges> | undefined;

/**
 * What each whole print font draws, for narrowing the site's slices (slice-ranges.ts): read from
 * the print fonts' folder, where it is written with them. Once per process.
 */
export function printFontCoverage(): Coverage {
  covered ??= JSON.parse(readFileSync(join(dirname(printFontConfig()), COVERAGE), 'utf8')) as Record<
    string,
    CodePointRanges
  >;
  const byFace = new Map(PRINT_FONTS.map((f) => [`${f.family} ${f.weight} normal`, covered?.[f.file]]));
  return (family, weight, style) => byFace.get(`${family} ${weight} ${style}`);
}

/** The page with the print fonts declared last in its head, after the site's stylesheets. */
export function withPrintFonts(html: string): string {
  const end = html.search(/<\/head>/i);
  if (end < 0) return html;
  return `${html.slice(0, end)}<style data-print-fonts>\n${printFontCss()}\n</style>${html.slice(end)}`;
}
