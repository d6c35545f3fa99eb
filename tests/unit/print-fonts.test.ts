import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { create, type Font } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import { readSubtable } from '../../scripts/lib/fonts/font-cmap.ts';
import { loadPrintFonts, PRINT_FONTS, printFontCoverage } from '../../scripts/lib/fonts/print-fonts.ts';
import { readSfnt } from '../../scripts/lib/fonts/sfnt.ts';
import { narrowSliceRanges } from '../../scripts/lib/fonts/slice-ranges.ts';

/**
 * The print's whole fonts against the web-font slices the site loads. Fonts are read with
 * fontkitten, a font parser that shares no code with the print-font module.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const MODULES = join(ROOT, 'node_modules');
const require = createRequire(import.meta.url);

interface Slice {
  file: string;
  ranges: [number, number][];
}

interface SiteFace {
  family: string;
  weight: number;
  /** In declaration order: the browser tries the last declared first. */
  slices: Slice[];
}

/**
 * The Chinese faces the site declares: the fontsource stylesheets its layout imports. Those come
 * in about a hundred unicode-range slices each, which is what the print replaces; the English
 * edition's Latin faces come in a few and are printed as the site serves them.
 */
function siteFaces(): SiteFace[] {
  const layout = readFileSync(join(ROOT, 'src/layouts/Base.astro'), 'utf8');
  return [...layout.matchAll(/import '(@fontsource\/[^/]+-tc)\/(\d+)\.css'/g)].map(([, pkg = '', weight]) => {
    const css = readFileSync(join(MODULES, pkg, `${weight}.css`), 'utf8');
    const rules = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1] ?? '');
    const family = /font-family:\s*'([^']+)'/.exec(rules[0] ?? '')?.[1] ?? '';
    const slices = rules.map((rule) => ({
      file: join(MODULES, pkg, /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(rule)?.[1] ?? ''),
      ranges: (/unicode-range:\s*([^;]+)/.exec(rule)?.[1] ?? '').split(',').map((range): [number, number] => {
        const [a = '', b = a] = range.trim().replace(/^U\+/i, '').split('-');
        return [Number.parseInt(a, 16), Number.parseInt(b, 16)];
      }),
    }));
    return { family, weight: Number(weight), slices };
  });
}

const fonts = new Map<string, Font>();
function open(file: string, bytes?: Uint8Array): Font {
  let font = fonts.get(file);
  if (!font) {
    const parsed = create(Buffer.from(bytes ?? readFileSync(file)));
    if (parsed.isCollection) throw new Error(`${file}: a font collection`);
    font = parsed;
    fonts.set(file, font);
  }
  return font;
}
const printFonts = loadPrintFonts();
const printed = (file: string) => open(file, printFonts.get(file));

/** Every character of the sample's text and of the code that writes the pages' own words. */
function sampleCharacters(): number[] {
  const chars = new Set<number>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(mdx|ya?ml|astro|ts|css)$/.test(name))
        for (const ch of readFileSync(path, 'utf8')) if (ch >= ' ') chars.add(ch.codePointAt(0) ?? 0);
    }
  };
  for (const dir of ['content', 'data', 'components', 'src']) walk(join(ROOT, dir));
  return [...chars].sort((a, b) => a - b);
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('print fonts', () => {
  const faces = siteFaces();

  it('are one whole font for each Chinese face the site loads, and no other', () => {
    expect(faces.length, 'fontsource faces imported by the layout').toBeGreaterThan(0);
    const key = (f: { family: string; weight: number }) => `${f.family} ${f.weight}`;
    expect(PRINT_FONTS.map(key).sort()).toEqual(faces.map(key).sort());
  });

  // Parses every face twice (about 5 s on a quiet 2-core machine): more than vitest's default.
  it('draw every character of the sample as the site slice that serves it does: same outline, same advances', () => {
    const chars = sampleCharacters();
    expect(chars.length, 'distinct characters in the sample').toBeGreaterThan(500);
    const problems: string[] = [];
    let compared = 0;
    for (const face of faces) {
      const file = PRINT_FONTS.find((f) => f.family === face.family && f.weight === face.weight)?.file ?? '';
      const whole = printed(file);
      for (const cp of chars) {
        const slice = [...face.slices]
          .reverse()
          .find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b) && open(s.file).hasGlyphForCodePoint(cp));
        const where = `${face.family} ${face.weight} ${hex(cp)} ${String.fromCodePoint(cp)}`;
        if (!slice) {
          // The site would draw it with a system font; so should the print.
          if (whole.hasGlyphForCodePoint(cp)) problems.push(`${where}: in the print font, in no site slice`);
          continue;
        }
        if (!whole.hasGlyphForCodePoint(cp)) {
          problems.push(`${where}: not in the print font (would be drawn from the slice, one more font object)`);
          continue;
        }
        const site = open(slice.file).glyphForCodePoint(cp);
        const print = whole.glyphForCodePoint(cp);
        compared++;
        if (JSON.stringify(print.path.commands) !== JSON.stringify(site.path.commands))
          problems.push(`${where}: outline differs from ${slice.file}`);
        if (print.advanceWidth !== site.advanceWidth || print.advanceHeight !== site.advanceHeight)
          problems.push(
            `${where}: advances ${print.advanceWidth}×${print.advanceHeight}, site ${site.advanceWidth}×${site.advanceHeight}`,
          );
      }
    }
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
    expect(compared).toBeGreaterThan(faces.length * 500);
  }, 60_000);

  it('leave each site slice, as the print serves it, exactly the characters its whole font lacks', () => {
    const coverage = printFontCoverage();
    for (const face of faces) {
      const file = PRINT_FONTS.find((f) => f.family === face.family && f.weight === face.weight)?.file ?? '';
      const drawn = new Set(printed(file).characterSet);
      const pkg = face.family.toLowerCase().replace(/ /g, '-');
      const css = readFileSync(join(MODULES, '@fontsource', pkg, `${face.weight}.css`), 'utf8');
      const narrowed = new Map(
        [...narrowSliceRanges(css, coverage).matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => [
          /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(m[1] ?? '')?.[1] ?? '',
          (/unicode-range:\s*([^;]+)/.exec(m[1] ?? '')?.[1] ?? '').split(','),
        ]),
      );
      let kept = 0;
      for (const slice of face.slices) {
        const lacking = slice.ranges.flatMap(([a, b]) =>
          Array.from({ length: b - a + 1 }, (_, i) => a + i).filter((cp) => !drawn.has(cp)),
        );
        const ranges = narrowed.get(join('files', slice.file.split('/files/')[1] ?? ''));
        if (lacking.length === 0) {
          expect(ranges, `${slice.file}: dropped, its whole font draws all of it`).toBeUndefined();
          continue;
        }
        kept++;
        const left = (ranges ?? []).flatMap((range) => {
          const [a = '', b = a] = range.trim().replace(/^U\+/i, '').split('-');
          const [from, to] = [Number.parseInt(a, 16), Number.parseInt(b, 16)];
          return Array.from({ length: to - from + 1 }, (_, i) => from + i);
        });
        expect(left, slice.file).toEqual(lacking);
      }
      // Some slices stay, for characters in the site's slices that the whole font does not map.
      expect(kept, `${face.family} ${face.weight}`).toBeGreaterThan(0);
    }
  });

  it('are named by their real weight', () => {
    for (const f of PRINT_FONTS) {
      const font = printed(f.file);
      const style = f.weight === 700 ? 'Bold' : 'Regular';
      expect(font.postscriptName, f.file).toBe(`${f.family.replace(/ /g, '')}-${style}`);
      // The name the print's local() faces ask fontconfig for.
      expect(f.postscriptName, f.file).toBe(font.postscriptName);
      expect(font.familyName, f.file).toBe(f.family);
      expect(font.subfamilyName, f.file).toBe(style);
      expect(font['OS/2'].usWeightClass, f.file).toBe(f.weight);
    }
  });

  it('map each glyph from one character, the one text uses, and lose no glyph', () => {
    const keep = ['民', '大', '人', '–', '\u3000', '-', '·', '一'];
    const drop = ['⺠', '⼤', '⼈', '‒', '\u2003', '\u00ad', '⼀'];
    for (const f of PRINT_FONTS) {
      const original = open(require.resolve(f.module));
      const font = printed(f.file);
      const byGlyph = new Map<number, number[]>();
      for (const cp of font.characterSet) {
        const id = font.glyphForCodePoint(cp).id;
        byGlyph.set(id, [...(byGlyph.get(id) ?? []), cp]);
      }
      const shared = [...byGlyph.values()].filter((cps) => cps.length > 1).map((cps) => cps.map(hex).join(' '));
      expect(shared, `${f.file}: glyphs reached from several characters`).toEqual([]);
      // A character left out still has its glyph in the font, reached from the one kept.
      const lost = original.characterSet.filter((cp) => !byGlyph.has(original.glyphForCodePoint(cp).id)).map(hex);
      expect(lost, `${f.file}: glyphs no longer reached`).toEqual([]);
      for (const ch of keep)
        expect(font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0), `${f.file} keeps ${ch}`).toBe(true);
      for (const ch of drop) {
        const cp = ch.codePointAt(0) ?? 0;
        if (original.hasGlyphForCodePoint(cp))
          expect(font.hasGlyphForCodePoint(cp), `${f.file} drops ${hex(cp)}`).toBe(false);
      }
    }
  });

  it('change only the cmap: every other table byte for byte, checksums right', () => {
    for (const f of PRINT_FONTS) {
      const bytes = printFonts.get(f.file) ?? new Uint8Array();
      const before = readSfnt(readFileSync(require.resolve(f.module)));
      const after = readSfnt(bytes);
      expect([...(after?.tables.keys() ?? [])].sort(), f.file).toEqual([...(before?.tables.keys() ?? [])].sort());
      for (const [tag, data] of before?.tables ?? []) {
        const now = after?.tables.get(tag) ?? Buffer.alloc(0);
        if (tag === 'cmap') continue;
        // head differs only in checkSumAdjustment (bytes 8–11), which covers the whole file.
        const masked = (b: Buffer) => (tag === 'head' ? Buffer.concat([b.subarray(0, 8), b.subarray(12)]) : b);
        expect(masked(now).equals(masked(data)), `${f.file} ${tag}`).toBe(true);
      }
      const file = Buffer.from(bytes);
      const sum = (data: Buffer) => {
        const b = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
        let s = 0;
        for (let i = 0; i < b.length; i += 4) s = (s + b.readUInt32BE(i)) >>> 0;
        return s;
      };
      expect(sum(file), `${f.file}: whole-file checksum`).toBe(0xb1b0afba);
      for (let i = 0; i < file.readUInt16BE(4); i++) {
        const entry = 12 + i * 16;
        const tag = file.toString('latin1', entry, entry + 4);
        const table = Buffer.from(
          file.subarray(file.readUInt32BE(entry + 8), file.readUInt32BE(entry + 8) + file.readUInt32BE(entry + 12)),
        );
        if (tag === 'head') table.writeUInt32BE(0, 8);
        expect(sum(table), `${f.file} ${tag} checksum`).toBe(file.readUInt32BE(entry + 4));
      }
      // The 16-bit subtable for older readers says what the 32-bit one says for the BMP.
      const cmap = after?.tables.get('cmap') ?? Buffer.alloc(0);
      const full = [...(readSubtable(cmap, 3, 10) ?? [])].filter(([cp]) => cp < 0x10000);
      expect([...(readSubtable(cmap, 3, 1) ?? [])], f.file).toEqual(full);
    }
  });
});
