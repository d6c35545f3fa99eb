import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeFontSubsets } from '../../scripts/lib/fonts/font-merge.ts';
import { launchChromium, printFontsEnv } from '../../scripts/lib/print/launch.ts';
import { serveStatic } from '../../scripts/lib/print/serve.ts';
import { run } from './read.ts';

/**
 * Two small pages printed apart by Chromium, as chapters printed one by one are, and put into
 * one PDF with pdf-lib: each print embeds its own subset of every face. The merge leaves one
 * font per face, and every page reads and looks exactly as before.
 */

const page = (body: string) =>
  `<!doctype html><html lang="zh-Hant-HK"><head><meta charset="utf-8"><title>t</title>` +
  `<style>@page{size:A4;margin:20mm}body{font:16pt "Noto Serif TC"}.sans{font-family:"Noto Sans TC"}</style>` +
  `</head><body>${body}</body></html>`;

/** Shared characters (雲, 市場) and characters of one page only, in three faces on each page. */
const PAGES = {
  'a.html': page('<p>全球雲服務行業的市場規模 2018</p><p><b>市場概覽</b></p><p class="sans">邊緣雲服務</p>'),
  'b.html': page('<p>中國雲計算市場持續增長 2027</p><p><b>行業發展</b></p><p class="sans">雲服務供應商</p>'),
};

let dir: string;
/** The two prints in one PDF, before any merge. */
let assembled: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'font-merge-'));
  for (const [name, html] of Object.entries(PAGES)) writeFileSync(join(dir, name), html);
  const server = await serveStatic(dir, 0, { printFonts: true });
  const browser = await launchChromium({ headless: true, env: printFontsEnv() });
  try {
    const out = await PDFDocument.create({ updateMetadata: false });
    for (const name of Object.keys(PAGES)) {
      const tab = await browser.newPage();
      await tab.goto(`${server.url}/${name}`, { waitUntil: 'load' });
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
      const printed = await PDFDocument.load(await tab.pdf({ preferCSSPageSize: true }), { updateMetadata: false });
      for (const copy of await out.copyPages(printed, printed.getPageIndices())) out.addPage(copy);
      await tab.close();
    }
    assembled = await out.save();
  } finally {
    await browser.close();
    await server.close();
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function merged(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const counts = await mergeFontSubsets(doc);
  return { counts, bytes: await doc.save() };
}

/** Font objects per face (the name without its subset tag), as pdffonts lists them. */
function facesOf(file: string): Map<string, number> {
  const rows = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  const faces = new Map<string, number>();
  for (const row of rows) {
    const face = (row.split(/\s+/u)[0] ?? '').replace(/^[A-Z]{6}\+/u, '');
    faces.set(face, (faces.get(face) ?? 0) + 1);
  }
  return faces;
}

/** Each page's text, as pdftotext reads it. */
function textOf(file: string): string[] {
  return run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
}

/** Each page rendered by poppler at 50 dpi, as grey-level PGM bytes. */
function pixelsOf(file: string, name: string): Buffer[] {
  const out = join(dir, `${name}-px`);
  execFileSync('pdftoppm', ['-r', '50', '-gray', file, out]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-px`))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

/** The darkest grey level of a binary PGM (`P5 width height maxval`, then one byte a pixel). */
function darkest(pgm: Buffer): number {
  const header = /^P5\s+\d+\s+\d+\s+\d+\s/u.exec(pgm.toString('latin1', 0, 40));
  if (!header) throw new Error('not a binary PGM');
  return pgm.subarray(header[0].length).reduce((min, v) => Math.min(min, v), 255);
}

describe('merging the font subsets of separately printed pages', () => {
  it('starts from two subsets of every face, one per print', () => {
    const faces = facesOf(write('assembled.pdf', assembled));
    expect([...faces.keys()].sort()).toEqual(['NotoSansTC-Regular', 'NotoSerifTC-Bold', 'NotoSerifTC-Regular']);
    expect([...faces.values()]).toEqual([2, 2, 2]);
  });

  it('leaves one font per face, and says how many it found and left', async () => {
    const { counts, bytes } = await merged(assembled);
    const faces = facesOf(write('merged.pdf', bytes));
    expect([...faces.keys()].sort()).toEqual(['NotoSansTC-Regular', 'NotoSerifTC-Bold', 'NotoSerifTC-Regular']);
    expect([...faces.values()]).toEqual([1, 1, 1]);
    expect(counts).toEqual({ before: 6, after: 3 });
  });

  it('keeps every page’s text and every pixel', async () => {
    const before = write('before.pdf', assembled);
    const after = write('after.pdf', (await merged(assembled)).bytes);
    const text = textOf(before);
    expect(text.join('')).toContain('全球雲服務行業的市場規模');
    expect(text.join('')).toContain('雲服務供應商');
    expect(textOf(after)).toEqual(text);
    const shown = pixelsOf(before, 'before');
    expect(shown).toHaveLength(2);
    // Text was drawn: no page of the print is blank.
    for (const pgm of shown) expect(darkest(pgm)).toBeLessThan(64);
    const redrawn = pixelsOf(after, 'after');
    expect(redrawn.map((p, i) => p.equals(shown[i] ?? Buffer.alloc(0)))).toEqual([true, true]);
  });

  it('writes the same bytes from the same input', async () => {
    const [one, two] = await Promise.all([merged(assembled), merged(assembled)]);
    expect(Buffer.from(one.bytes).equals(Buffer.from(two.bytes))).toBe(true);
  });

  it('keeps apart two fonts of one name whose text for a shared glyph differs', async () => {
    // The second print's serif font made to say 雲 (U+96F2) is 雰 (U+96F0): no longer provably one font.
    const doc = await PDFDocument.load(assembled, { updateMetadata: false });
    const serif = doc.context
      .enumerateIndirectObjects()
      .flatMap(([, o]) => (o instanceof PDFDict ? [o] : []))
      .filter((o) => o.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText().endsWith('+NotoSerifTC-Regular'))
      .filter((o) => o.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
    expect(serif).toHaveLength(2);
    const ref = serif[1]?.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef)) throw new Error('no ToUnicode stream');
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error('ToUnicode is not a raw stream');
    const cmap = inflateSync(stream.contents).toString('latin1');
    expect(cmap).toContain('<96F2>');
    doc.context.assign(ref, doc.context.flateStream(cmap.replace('<96F2>', '<96F0>')));
    const { counts, bytes } = await merged(await doc.save());
    const faces = facesOf(write('conflict.pdf', bytes));
    expect(Object.fromEntries(faces)).toEqual({
      'NotoSerifTC-Regular': 2,
      'NotoSerifTC-Bold': 1,
      'NotoSansTC-Regular': 1,
    });
    expect(counts).toEqual({ before: 6, after: 4 });
  });
});
