import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../../scripts/lib/print/serve.ts';

/** A built site beside a folder whose name begins with the site's: what must stay out of reach. */
let parent: string;
let server: StaticServer;

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'serve-static-'));
  const site = join(parent, 'dist');
  mkdirSync(join(site, '_astro'), { recursive: true });
  mkdirSync(join(site, 'chapters', 'one'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(site, 'chapters', 'one', 'index.html'), '<!doctype html><title>one</title>');
  writeFileSync(join(site, '_astro', 'Base.Cy5mOIrH.css'), 'p{}');
  writeFileSync(join(site, '_astro', 'noto-sans-tc-0-400-normal.BSZMCjeh.woff2'), 'wOF2');
  writeFileSync(join(site, 'verification.csv'), 'a,b\r\n');
  mkdirSync(join(parent, 'dist-old'));
  writeFileSync(join(parent, 'dist-old', 'secret.txt'), 'SECRET');
  server = await serveStatic(site);
});
afterAll(async () => {
  await server.close();
  rmSync(parent, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.url}${path}`);

describe('the static server', () => {
  it("lets a browser keep Vite's content-named files for good", async () => {
    for (const path of ['/_astro/Base.Cy5mOIrH.css', '/_astro/noto-sans-tc-0-400-normal.BSZMCjeh.woff2']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
    // Served for printing too, where the stylesheet is rewritten (its font slices narrowed): the
    // second edition's print reuses it.
    const printing = await serveStatic(join(parent, 'dist'), 0, { printFonts: true });
    try {
      const css = await fetch(`${printing.url}/_astro/Base.Cy5mOIrH.css`);
      expect(css.status).toBe(200);
      expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    } finally {
      await printing.close();
    }
  });

  it('has a browser ask for pages and every other file each time, so a rebuilt page shows at once', async () => {
    for (const path of ['/', '/chapters/one/', '/verification.csv']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('cache-control'), path).toBeNull();
    }
    // A page reached through the assets' folder is still a page.
    const around = await get('/_astro/..%2Findex.html');
    expect(await around.text()).toContain('<title>home</title>');
    expect(around.headers.get('cache-control')).toBeNull();
  });

  it('serves nothing from a folder beside the site whose name begins with the site’s', async () => {
    for (const path of ['/..%2Fdist-old/secret.txt', '/%2e%2e%2Fdist-old/secret.txt', '/..%2F..%2Fetc/passwd']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(403);
      expect(await answer.text(), path).not.toContain('SECRET');
    }
  });
});
