import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { pagePolicy } from './files.ts';
import { clientAddress, cookies, HttpError, readFields, redirect, send, sendJson } from './http.ts';
import { loginPage, safeNext } from './login-page.ts';
import type { Store, User } from './store/store.ts';

export const SESSION_COOKIE = 'review_session';
/** Failed sign-ins counted over this window, per name and per client address. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failures in the window after which sign-in answers 429 until the window has passed. */
export const MAX_FAILURES = 5;
const LOGIN_BODY_LIMIT = 8 * 1024;

/** Each failure in the window doubles the wait before the next attempt is checked (0.25 s, 0.5 s, 1 s, 2 s). */
export function failureDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 4000);
}

export interface AuthContext {
  store: Store;
  secureCookies: boolean;
  sleep: (ms: number) => Promise<void>;
}

export interface SignedIn {
  token: string;
  user: User;
  csrf: string;
}

const LoginSchema = z.object({
  name: z.string().min(1, 'a name is required').max(100, 'the name is over 100 characters'),
  password: z.string().min(1, 'a password is required').max(1024, 'the password is over 1024 characters'),
  next: z.string().max(1000).optional(),
});

function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function cookie(ctx: AuthContext, value: string, expires: Date): string {
  const secure = ctx.secureCookies ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Expires=${expires.toUTCString()}${secure}`;
}

export function sendLoginPage(res: ServerResponse, status: number, next: string, message?: string): void {
  const html = loginPage(next, message);
  send(res, status, html, 'text/html; charset=utf-8', { 'content-security-policy': pagePolicy(html) });
}

/** The session a request's cookie names, if it is current (the store checks expiry). */
export function signedIn(ctx: AuthContext, req: IncomingMessage): SignedIn | undefined {
  const token = cookies(req).get(SESSION_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{16,128}$/.test(token)) return undefined;
  const session = ctx.store.session(token);
  return session ? { token, user: session.user, csrf: session.csrf } : undefined;
}

/** Every state change carries the session's CSRF token, in `x-csrf-token` or a form's `csrf` field. */
export function checkCsrf(req: IncomingMessage, session: SignedIn, fields: Record<string, unknown>): void {
  const header = req.headers['x-csrf-token'];
  const given = typeof header === 'string' ? header : typeof fields['csrf'] === 'string' ? fields['csrf'] : '';
  const a = Buffer.from(given);
  const b = Buffer.from(session.csrf);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new HttpError(403, given === '' ? 'missing CSRF token (x-csrf-token header)' : 'wrong CSRF token');
}

/** A POST from a page of another site is refused whatever it carries (the browser says where it came from). */
export function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'unreadable Origin header');
  }
  if (host !== req.headers.host) throw new HttpError(403, `request from another site (${origin}) refused`);
}

/**
 * POST /_review/login. Too many recent failures for the name or the address → 429 before the
 * password is looked at; otherwise the attempt waits longer for each recent failure.
 */
export async function login(ctx: AuthContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  checkOrigin(req);
  const form = isForm(req);
  const parsed = LoginSchema.safeParse(await readFields(req, LOGIN_BODY_LIMIT));
  const next = safeNext(parsed.success ? parsed.data.next : undefined);
  const refuse = (status: number, message: string, headers: Record<string, string> = {}) => {
    if (form) sendLoginPage(res, status, next, message);
    else sendJson(res, status, { error: message }, headers);
  };
  if (!parsed.success) {
    refuse(400, parsed.error.issues[0]?.message ?? 'name and password are required');
    return;
  }
  const { name, password } = parsed.data;
  const address = clientAddress(req);
  const since = new Date(Date.now() - FAILURE_WINDOW_MS).toISOString();
  const failures = ctx.store.loginFailures(name, address, since);
  if (failures >= MAX_FAILURES) {
    ctx.store.audit('login-refused', null, `name=${name} address=${address}: ${failures} failures in 15 minutes`);
    refuse(429, 'too many failed sign-ins: try again in 15 minutes', {
      'retry-after': String(FAILURE_WINDOW_MS / 1000),
    });
    return;
  }
  await ctx.sleep(failureDelayMs(failures));
  const user = ctx.store.verifyPassword(name, password);
  if (!user) {
    ctx.store.recordLoginFailure(name, address);
    refuse(401, 'wrong name or password');
    return;
  }
  const session = ctx.store.createSession(user.name);
  const setCookie = cookie(ctx, session.token, new Date(session.expires));
  if (form) redirect(res, 303, next, { 'set-cookie': setCookie });
  else sendJson(res, 200, { name: user.name, role: user.role, csrf: session.csrf }, { 'set-cookie': setCookie });
}

/** POST /_review/logout: the session row goes, so the cookie is worthless even if replayed. */
export async function logout(
  ctx: AuthContext,
  req: IncomingMessage,
  res: ServerResponse,
  session: SignedIn,
  fields: Record<string, unknown>,
): Promise<void> {
  checkCsrf(req, session, fields);
  ctx.store.deleteSession(session.token);
  const clear = cookie(ctx, '', new Date(0));
  if (isForm(req)) redirect(res, 303, '/_review/login', { 'set-cookie': clear });
  else sendJson(res, 200, { signedOut: session.user.name }, { 'set-cookie': clear });
}
