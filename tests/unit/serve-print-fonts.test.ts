import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { create } from 'fontkitten';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_FONTS, printFontConfig, printFontCss, printFontsKey } from '../../scripts/lib/fonts/print-fonts.ts';
import { launchChromium, launchPrintBrowser } from '../../scripts/lib/print/launch.ts';
import { checkPrintFonts } from '../../scripts/lib/print/page-ready.ts';
import { type StaticServer, serveStatic } from '../../scripts/lib/print/serve.ts';

/** The whole print fonts reach the page only through the PDF step, never the site. */
const PAGE = `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="/site.css"></head><body><p>人民幣</p></body></html>`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'print-fonts-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serving the site for printing', () => {
  it('declares the whole fonts after the site’s stylesheets, as local fonts by their PostScript names', async () => {
    const server = await serveStatic(dir, 0, { printFonts: true });
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      const style = html.indexOf('<style data-print-fonts>');
      expect(style, html).toBeGreaterThan(html.indexOf('href="/site.css"'));
      expect(style).toBeLessThan(html.indexOf('</head>'));
      for (const f of PRINT_FONTS) {
        expect(html).toContain(`font-family:"${f.family}";font-style:normal;font-weight:${f.weight}`);
        expect(html).toContain(`src:local("${f.postscriptName}")`);
      }
    } finally {
      await server.close();
    }
  });

  it('fetches a site slice only for a character the whole font lacks', async () => {
    const site = mkdtempSync(join(tmpdir(), 'print-slices-'));
    // 人民幣 are in the whole Noto Serif TC; 㐁 (U+3401, CJK Extension A) is only in the slices.
    const slice = (name: string, range: string) =>
      `@font-face{font-family:Noto Serif TC;font-style:normal;font-weight:400;src:url(/${name}.woff2)format("woff2");unicode-range:${range}}`;
    writeFileSync(
      join(site, 'site.css'),
      `${slice('common', 'U+4EBA,U+6C11,U+5E63')}\n${slice('rare', 'U+3401')}\nbody{font-family:"Noto Serif TC"}`,
    );
    writeFileSync(join(site, 'index.html'), PAGE.replace('<p>人民幣</p>', '<p>人民幣㐁</p>'));
    const woff2 = join(
      import.meta.dirname,
      '../../node_modules/@fontsource/noto-serif-tc/files/noto-serif-tc-0-400-normal.woff2',
    );
    for (const name of ['common', 'rare']) copyFileSync(woff2, join(site, `${name}.woff2`));
    const browser = await launchPrintBrowser();
    const servers: StaticServer[] = [];
    const fetched = async (printFonts: boolean) => {
      const server = await serveStatic(site, 0, { printFonts });
      servers.push(server);
      const page = await browser.newPage();
      const urls: string[] = [];
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}/`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return urls.filter((u) => u.endsWith('.woff2')).sort();
    };
    try {
      // As built, the site fetches both; served for the print, only the slice the print needs.
      expect(await fetched(false)).toEqual(['/common.woff2', '/rare.woff2']);
      expect(await fetched(true)).toEqual(['/rare.woff2']);
    } finally {
      // The browser first: a server closes once no connection is left open to it.
      await browser.close();
      await Promise.all(servers.map((s) => s.close()));
      rmSync(site, { recursive: true, force: true });
    }
  }, 30_000);

  it('leaves the site as built otherwise', async () => {
    const server = await serveStatic(dir);
    try {
      expect(await (await fetch(`${server.url}/`)).text()).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
    } finally {
      await server.close();
    }
  });
});

describe('the print fonts on the printing Chromium’s fontconfig path', () => {
  it('are a folder of the four fonts, written once, that rejects any other font of their names', () => {
    const config = printFontConfig();
    const text = readFileSync(config, 'utf8');
    const folder = /<dir>([^<]+)<\/dir>/u.exec(text)?.[1] ?? '';

    for (const f of PRINT_FONTS) {
      const font = create(readFileSync(join(folder, f.file)));
      expect(font.isCollection ? '' : font.postscriptName, f.file).toBe(f.postscriptName);
      expect(text).toContain(`<patelt name="file"><string>${join(folder, f.file)}</string></patelt>`);
      expect(text).toContain(`<patelt name="postscriptname"><string>${f.postscriptName}</string></patelt>`);
    }
    // The next build finds them as they are.
    const written = statSync(join(folder, PRINT_FONTS[0]?.file ?? '')).mtimeMs;
    expect(printFontConfig()).toBe(config);
    expect(statSync(join(folder, PRINT_FONTS[0]?.file ?? '')).mtimeMs).toBe(written);
    // Prints cached by units carry the key that names the folder: other fonts, other prints.
    expect(basename(folder)).toBe(printFontsKey());
  });

  it('go to the next folder where the first cannot be written', () => {
    // A file where the first folder would be: mkdir fails there even for root.
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const second = join(dir, 'fallback');
    const config = printFontConfig([join(blocked, 'print-fonts'), second]);
    expect(config.startsWith(`${second}/`), config).toBe(true);
    expect(() => printFontConfig([join(blocked, 'print-fonts')])).toThrow(
      /^cannot write the print fonts \(.*not-a-folder\/print-fonts: ENOTDIR/,
    );
  });

  it('are what the printing Chromium finds for every local() face the print declares', async () => {
    const browser = await launchPrintBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><html><head><style>${printFontCss()}</style></head><body></body></html>`);
      const faces = await page.evaluate(async () => {
        const all = [...document.fonts];
        await Promise.allSettled(all.map((face) => face.load()));
        return all.map((face) => `${face.family} ${face.weight} ${face.status}`);
      });
      expect(faces.sort()).toEqual(PRINT_FONTS.map((f) => `${f.family} ${f.weight} loaded`).sort());
    } finally {
      await browser.close();
    }
  }, 30_000);

  it('stop the print, named, when the printing Chromium cannot find them', async () => {
    const server = await serveStatic(dir, 0, { printFonts: true });
    // Chromium started without the print fonts' fontconfig file.
    const bare = await launchChromium({ headless: true });
    const printing = await launchPrintBrowser();
    try {
      const without = await bare.newPage();
      await without.goto(`${server.url}/`);
      await expect(checkPrintFonts(without)).rejects.toThrow(
        `Chromium did not find the print fonts ${PRINT_FONTS.map((f) => f.postscriptName).join(', ')}`,
      );
      const found = await printing.newPage();
      await found.goto(`${server.url}/`);
      await expect(checkPrintFonts(found)).resolves.toBeUndefined();
    } finally {
      await bare.close();
      await printing.close();
      await server.close();
    }
  }, 30_000);
});
