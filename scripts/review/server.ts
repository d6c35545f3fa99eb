import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { contentType } from '../lib/print/content-types.ts';
import { API_BODY_LIMIT, type ApiContext, apiGet, apiPost } from './api.ts';
import {
  type AuthContext,
  checkCsrf,
  checkOrigin,
  login,
  logout,
  type SignedIn,
  sendLoginPage,
  signedIn,
} from './auth.ts';
import { CLIENT_PATH, type ClientAssets } from './client-assets.ts';
import { CopyError, type ServedCopy } from './copy.ts';
import { evidenceFile, evidenceNameProblem } from './evidence.ts';
import { queriesCsv, scheduleCsv } from './exports.ts';
import { serveCopy } from './files.ts';
import {
  BASE_HEADERS,
  HttpError,
  NO_CONTENT_POLICY,
  readFields,
  redirect,
  send,
  sendError,
  wantsPage,
} from './http.ts';
import { LOGIN_FONT_PATH, loginFontSlice } from './login-fonts.ts';
import { safeNext } from './login-page.ts';
import { type Store, StoreError } from './store/store.ts';

export interface ReviewServerOptions {
  /** The copy served, as it is on disk at the time of each request (copy.ts watchCopy). */
  copy: () => ServedCopy;
  store: Store;
  client: ClientAssets;
  /** content/evidence/ of the project: files a sign-off may cite. */
  evidenceDir: string;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Cookies only over HTTPS: for a server behind a TLS proxy. */
  secureCookies?: boolean;
  /** How the server waits after failed sign-ins (tests record the waits instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
  /** Where server errors are reported (never request bodies or cookies). */
  log?: (line: string) => void;
}

/** Addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * What to say when the server listens where others can reach it without --secure-cookies: the
 * password and the session cookie would then cross the network in the clear unless an HTTPS
 * proxy terminates it (which is what --secure-cookies declares).
 */
export function exposureWarning(host: string, secureCookies: boolean): string | undefined {
  if (isLoopback(host) || secureCookies) return undefined;
  return (
    `listening on ${host} without --secure-cookies: passwords and the session cookie cross the network ` +
    'in the clear unless an HTTPS proxy is in front (see README: Behind a TLS proxy)'
  );
}

/** The address cannot be listened on (taken, not this machine's, not allowed). */
export class ListenError extends Error {}

export interface ReviewServer {
  url: string;
  close(): Promise<void>;
}

const EVIDENCE = '/_review/evidence/';
const API = '/_review/api/';
/** Evidence a browser shows in place; anything else is downloaded, never rendered as a page of this site. */
const INLINE_EVIDENCE = /\.(pdf|png|jpe?g|txt|csv)$/i;

function serveEvidence(res: ServerResponse, dir: string, rawPath: string): void {
  const raw = rawPath.slice(EVIDENCE.length);
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the evidence name');
  }
  const problem = evidenceNameProblem(raw) ?? evidenceNameProblem(name);
  if (problem) throw new HttpError(400, problem);
  const file = evidenceFile(dir, name);
  if (!file) throw new HttpError(404, `no evidence file ${name}`);
  const disposition = INLINE_EVIDENCE.test(file) ? 'inline' : 'attachment';
  res.writeHead(200, {
    ...BASE_HEADERS,
    'content-security-policy': "sandbox; default-src 'none'",
    'content-type': contentType(file),
    'content-length': String(statSync(file).size),
    'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(name.split('/').pop() ?? name)}`,
  });
  if (res.req.method === 'HEAD') res.end();
  else
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
}

function refuseUnsigned(req: IncomingMessage, res: ServerResponse, target: string): void {
  if (wantsPage(req)) redirect(res, 302, `/_review/login?next=${encodeURIComponent(target)}`);
  else sendError(res, new HttpError(401, 'sign in first at /_review/login'));
}

async function handlePost(
  c: ApiContext,
  auth: AuthContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  session: SignedIn,
): Promise<void> {
  checkOrigin(req);
  const fields = await readFields(req, API_BODY_LIMIT);
  if (path === '/_review/logout') return logout(auth, req, res, session, fields);
  checkCsrf(req, session, fields);
  if (path.startsWith(API)) return apiPost(c, path.slice(API.length), session, fields, res);
  throw new HttpError(404, `nothing to POST to at ${path}`);
}

function handleGet(
  o: ReviewServerOptions,
  c: ApiContext,
  res: ServerResponse,
  path: string,
  rawPath: string,
  session: SignedIn,
): void {
  const csv = 'text/csv; charset=utf-8';
  if (rawPath.startsWith(EVIDENCE)) serveEvidence(res, o.evidenceDir, rawPath);
  else if (path.startsWith(CLIENT_PATH)) {
    // The client's modules, JavaScript whatever their `.ts` name: the browser goes by the type.
    const code = o.client.modules.get(path.slice(CLIENT_PATH.length));
    if (code === undefined) throw new HttpError(404, `no client module ${path}`);
    send(res, 200, code, 'text/javascript; charset=utf-8');
  } else if (path === '/_review/review.css') send(res, 200, o.client.css, 'text/css; charset=utf-8');
  else if (path.startsWith(API)) apiGet(c, path.slice(API.length), session, res);
  else if (path === '/_review/schedule.csv')
    send(res, 200, scheduleCsv(c.store, c.copy), csv, { 'content-disposition': 'attachment; filename="schedule.csv"' });
  else if (path === '/_review/queries.csv')
    send(res, 200, queriesCsv(c.store, c.copy), csv, { 'content-disposition': 'attachment; filename="queries.csv"' });
  else if (path.startsWith('/_review/')) throw new HttpError(404, `no page ${path}`);
  else serveCopy(res, c.copy.dir, path);
}

/**
 * Routes one request. Only the sign-in page answers without a session; everything else (the
 * copy, evidence, client, API, exports) is checked for a session first, so no path of the copy
 * can be reached before sign-in whatever its spelling.
 */
async function handle(o: ReviewServerOptions, auth: AuthContext, req: IncomingMessage, res: ServerResponse) {
  const rawUrl = req.url ?? '/';
  if (!rawUrl.startsWith('/')) throw new HttpError(400, 'request target must be a path');
  const url = new URL(rawUrl, 'http://review.invalid');
  const rawPath = rawUrl.split('?')[0] ?? '/';
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const reading = method === 'GET' || method === 'HEAD';
  if (path === '/_review/login') {
    if (method === 'POST') return login(auth, req, res);
    if (!reading) throw new HttpError(405, 'sign in with GET or POST', { allow: 'GET, HEAD, POST' });
    const next = safeNext(url.searchParams.get('next'));
    if (signedIn(auth, req)) redirect(res, 302, next);
    else sendLoginPage(res, 200, next);
    return;
  }
  // The sign-in page's typeface: a public font package's slices, nothing of the copy.
  if (path.startsWith(LOGIN_FONT_PATH) && reading) {
    const slice = loginFontSlice(path.slice(LOGIN_FONT_PATH.length));
    if (!slice) throw new HttpError(404, `no font ${path}`);
    send(res, 200, slice, 'font/woff2', { 'content-security-policy': NO_CONTENT_POLICY });
    return;
  }
  const session = signedIn(auth, req);
  if (!session) return refuseUnsigned(req, res, `${path}${url.search}`);
  let copy: ServedCopy;
  try {
    copy = o.copy();
  } catch (error) {
    if (error instanceof CopyError) throw new HttpError(503, error.message, { 'retry-after': '10' });
    throw error;
  }
  const c: ApiContext = { store: o.store, copy, evidenceDir: o.evidenceDir };
  if (method === 'POST') return handlePost(c, auth, req, res, path, session);
  if (!reading) throw new HttpError(405, `${method} is not served`, { allow: 'GET, HEAD, POST' });
  handleGet(o, c, res, path, rawPath, session);
}

export async function startReviewServer(o: ReviewServerOptions): Promise<ReviewServer> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const auth: AuthContext = {
    store: o.store,
    secureCookies: o.secureCookies ?? false,
    sleep: o.sleep ?? ((ms) => new Promise((ok) => setTimeout(ok, ms))),
  };
  const server = createServer((req, res) => {
    handle(o, auth, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      // A store failure (disk full, file gone read-only) is said in the store's one line: the
      // write did not happen, and the reviewer can try again once it is fixed.
      const message = error instanceof Error ? error.message : String(error);
      log(`review: ${req.method} ${req.url?.split('?')[0]} failed: ${message}`);
      if (error instanceof StoreError) sendError(res, new HttpError(503, message));
      else sendError(res, new HttpError(500, `the server could not do this: ${message}`));
    });
  });
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        new ListenError(
          `cannot listen on ${host}:${o.port ?? 0}: ${e.code === 'EADDRINUSE' ? 'the port is taken (choose another with --port)' : e.message}`,
        ),
      ),
    );
    server.listen(o.port ?? 0, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (o.port ?? 0);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
