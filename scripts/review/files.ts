import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { copyCacheControl } from '../lib/print/asset-cache.ts';
import { contentType } from '../lib/print/content-types.ts';
import { CLIENT_ENTRY, CLIENT_PATH } from './client-assets.ts';
import { BASE_HEADERS, HttpError, redirect, send } from './http.ts';

/**
 * The file of the copy a URL path names, or an HttpError: segments are decoded once, and `..`,
 * backslashes, NUL and hidden names are refused before the path is joined; the real path (symlinks
 * resolved) must still lie inside the copy's real folder.
 */
export function copyFile(root: string, pathname: string): { file: string; directory: boolean } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the path');
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.') || s.includes('\\') || s.includes('\0')))
    throw new HttpError(404, 'not found');
  const joined = join(root, ...segments);
  let real: string;
  try {
    real = realpathSync(joined);
  } catch {
    throw new HttpError(404, 'not found');
  }
  if (real !== root && !real.startsWith(root + sep)) throw new HttpError(404, 'not found');
  const directory = statSync(real).isDirectory();
  if (!directory) return { file: real, directory };
  const index = join(real, 'index.html');
  try {
    if (statSync(index).isFile()) return { file: index, directory };
  } catch {}
  throw new HttpError(404, 'not found');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The page's policy: scripts from this server only, plus the exact inline scripts the build
 * wrote into this page (by hash), so the copy works and no script injected into it later would
 * run. Pagefind compiles its WebAssembly index, hence 'wasm-unsafe-eval'. Styles may be inline:
 * the site's charts and tables set style attributes, and a style cannot run code.
 */
export function pagePolicy(html: string): string {
  const scripts = new Set<string>();
  for (const [, attrs, body] of html.matchAll(INLINE_SCRIPT)) {
    if (body === undefined || /\bsrc\s*=/i.test(attrs ?? '')) continue;
    scripts.add(sha256(body));
  }
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${[...scripts].map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
    "form-action 'self'",
  ].join('; ');
}

const FILE_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

/** The review client, loaded by every page of the copy the server sends (the build stays free of it). */
export const CLIENT_TAGS = `<link rel="stylesheet" href="/_review/review.css"><script type="module" src="${CLIENT_PATH}${CLIENT_ENTRY}"></script>`;

export function injectClient(html: string): string {
  const at = html.search(/<\/head>/i);
  return at < 0 ? CLIENT_TAGS + html : html.slice(0, at) + CLIENT_TAGS + html.slice(at);
}

/** Answers a GET/HEAD for a path of the copy (the caller has checked the session). */
export function serveCopy(res: ServerResponse, root: string, pathname: string): void {
  const { file, directory } = copyFile(root, pathname);
  // A folder's page links relative to the folder: its address ends with a slash.
  if (directory && !pathname.endsWith('/')) {
    redirect(res, 302, `${pathname}/`);
    return;
  }
  const type = contentType(file);
  if (file.endsWith('.html')) {
    const html = injectClient(readFileSync(file, 'utf8'));
    send(res, 200, html, type, { 'content-security-policy': pagePolicy(html) });
    return;
  }
  const size = statSync(file).size;
  const keep = copyCacheControl(relative(root, file));
  res.writeHead(200, {
    ...BASE_HEADERS,
    ...(keep ? { 'cache-control': keep } : {}),
    // A copy's script may run as a worker (Pagefind's search), under the policy of its own
    // response: it may load from this server and compile the index's WebAssembly, nothing more.
    'content-security-policy': FILE_POLICY,
    'content-type': type,
    'content-length': String(size),
  });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
