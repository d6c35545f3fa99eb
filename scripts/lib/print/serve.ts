import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { printFontCoverage, withPrintFonts } from '../fonts/print-fonts.ts';
import { narrowSliceRanges } from '../fonts/slice-ranges.ts';
import { nameWoff2ByWeight } from '../fonts/woff2-names.ts';
import { cacheHeaders } from './asset-cache.ts';
import { CONTENT_TYPES } from './content-types.ts';

const TYPES = CONTENT_TYPES;

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Serve the site for printing: pages declare one whole font per face (print-fonts.ts), which
   * the printing Chromium finds on its own fontconfig path (launch.ts), and the WOFF2 slices,
   * still used for the few characters the whole fonts leave out, are named by their real weight
   * (woff2-names.ts), and declared for those characters only (slice-ranges.ts), so that a slice
   * is fetched only for what it draws. What the PDF embeds; the site is unchanged.
   */
  printFonts?: boolean;
  /** Pages served from memory instead of the site's file at that path (`/document/` → HTML). */
  pages?: ReadonlyMap<string, string>;
}

/** Serves a built site on 127.0.0.1 and a free port: the PDF step and the tests read it there. */
export async function serveStatic(root: string, port = 0, options: ServeOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const fonts = new Map<string, Uint8Array>();
  const stylesheets = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(base, path));
    // With the separator: a sibling folder whose name begins with the site's (dist-old beside
    // dist, reached through an encoded "..%2F") is outside it.
    if (file !== base && !file.startsWith(`${base}${sep}`)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const replaced = options.pages?.get(path);
      if (replaced !== undefined) {
        const page = Buffer.from(options.printFonts ? withPrintFonts(replaced) : replaced);
        res.writeHead(200, { 'content-type': TYPES['.html'] ?? '', 'content-length': page.length }).end(page);
        return;
      }
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (options.printFonts && extname(file) === '.woff2') {
        let font = fonts.get(file);
        if (!font) {
          font = nameWoff2ByWeight(readFileSync(file));
          fonts.set(file, font);
        }
        res
          .writeHead(200, {
            ...cacheHeaders(relative(base, file)),
            'content-type': 'font/woff2',
            'content-length': font.byteLength,
          })
          .end(font);
        return;
      }
      if (options.printFonts && extname(file) === '.css') {
        let css = stylesheets.get(file);
        if (!css) {
          css = Buffer.from(narrowSliceRanges(readFileSync(file, 'utf8'), printFontCoverage()));
          stylesheets.set(file, css);
        }
        res
          .writeHead(200, {
            ...cacheHeaders(relative(base, file)),
            'content-type': TYPES['.css'] ?? '',
            'content-length': css.length,
          })
          .end(css);
        return;
      }
      if (options.printFonts && extname(file) === '.html') {
        const page = Buffer.from(withPrintFonts(readFileSync(file, 'utf8')));
        res.writeHead(200, { 'content-type': TYPES['.html'] ?? '', 'content-length': page.length }).end(page);
        return;
      }
      const size = statSync(file).size;
      res.writeHead(200, {
        ...cacheHeaders(relative(base, file)),
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new Error(
          `cannot serve ${root} on 127.0.0.1:${port}: ${e.code === 'EADDRINUSE' ? 'port is taken' : e.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    // Closed when its reader is done: a connection the client keeps alive would hold close() for
    // the keep-alive timeout.
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
