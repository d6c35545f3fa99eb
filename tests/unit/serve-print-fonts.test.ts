import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'fontkitten';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_FONTS } from '../../scripts/lib/fonts/print-fonts.ts';
import { serveStatic } from '../../scripts/lib/print/serve.ts';

/** The whole print fonts reach the page only through the PDF step's server, never the site. */
const PAGE = `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="/site.css"></head><body><p>人民幣</p></body></html>`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'print-fonts-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serving the site for printing', () => {
  it('declares the whole fonts after the site’s stylesheets and serves them', async () => {
    const server = await serveStatic(dir, 0, { printFonts: true });
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      const style = html.indexOf('<style data-print-fonts>');
      expect(style, html).toBeGreaterThan(html.indexOf('href="/site.css"'));
      expect(style).toBeLessThan(html.indexOf('</head>'));
      for (const f of PRINT_FONTS) {
        expect(html).toContain(`font-family:"${f.family}";font-style:normal;font-weight:${f.weight}`);
        expect(html).toContain(`src:url(${f.url}) format("truetype")`);
        const res = await fetch(`${server.url}${f.url}`);
        expect(res.status, f.url).toBe(200);
        expect(res.headers.get('content-type')).toBe('font/ttf');
        const font = create(Buffer.from(await res.arrayBuffer()));
        expect(font.isCollection ? '' : font.familyName).toBe(f.family);
      }
    } finally {
      await server.close();
    }
  });

  it('leaves the site as built otherwise: pages untouched, no whole fonts', async () => {
    const server = await serveStatic(dir);
    try {
      expect(await (await fetch(`${server.url}/`)).text()).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
      for (const f of PRINT_FONTS) expect((await fetch(`${server.url}${f.url}`)).status, f.url).toBe(404);
    } finally {
      await server.close();
    }
  });
});
