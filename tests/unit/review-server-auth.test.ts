import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  addUsers,
  item,
  password,
  type Running,
  raw,
  signIn,
  startTestServer,
  syntheticCopy,
} from '../review-server.ts';

const ITEMS = [item('figure:test-chapter/secret.rank~1', { value: '9', source: '報告', context: '我們排名第九。' })];

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => `/${relative(dir, join(dir, f)).split('\\').join('/')}`);
}

describe('review server: nothing before sign-in', () => {
  test('every file of the copy, by path and by folder, answers 302 (pages) or 401 with none of its bytes', async () => {
    const copy = syntheticCopy(ITEMS);
    running = await startTestServer(copy);
    const paths = [
      ...files(copy),
      '/',
      '/chapters/test-chapter/',
      '/_review/api/state',
      '/_review/schedule.csv',
      '/_review/client/main.ts',
      '/_review/client/keys.ts',
      '/_review/client/state-labels.ts',
      '/_review/review.css',
    ];
    expect(paths).toContain('/review-items.json');
    for (const path of paths) {
      const page = await raw(running.url, path, { headers: { accept: 'text/html' } });
      expect(page.status, path).toBe(302);
      expect(page.headers.location).toBe(`/_review/login?next=${encodeURIComponent(path)}`);
      expect(page.body.byteLength, path).toBe(0);
      const data = await raw(running.url, path);
      expect(data.status, path).toBe(401);
      expect(data.json()).toEqual({ error: 'sign in first at /_review/login' });
      expect(data.text).not.toContain('SECRET');
    }
    // The login page is the server's own: nothing of the copy on it.
    const login = await raw(running.url, '/_review/login');
    expect(login.status).toBe(200);
    expect(login.text).toContain('<form method="post" action="/_review/login">');
    expect(login.text).not.toContain('SECRET');
    // Signed in, the same paths give the copy's bytes: the walk above asked for real files.
    addUsers(running.store, [['rita', 'reviewer']]);
    const rita = await signIn(running.url, 'rita', password('rita'));
    const pdf = await rita.get('/prospectus.pdf');
    expect(pdf.body.equals(readFileSync(join(copy, 'prospectus.pdf')))).toBe(true);
    expect((await rita.get('/chapters/test-chapter/')).text).toContain('SECRET-CHAPTER-BODY');
  });
});

describe('review server: the sign-in page has a typeface of its own', () => {
  test('its Chinese is set in Noto Sans TC slices served before sign-in, and nothing else is served by that path', async () => {
    running = await startTestServer(syntheticCopy(ITEMS));
    const login = await raw(running.url, '/_review/login');
    const slices = [...login.text.matchAll(/url\(\/_review\/fonts\/([^)]+)\)/g)].map((m) => m[1] as string);
    expect(login.text).toContain("font-family: 'Noto Sans TC'");
    expect(slices.length).toBeGreaterThan(50);
    // Every slice the page names, fetched without a session, is the package's own file.
    const pkg = join(import.meta.dirname, '../../node_modules/@fontsource/noto-sans-tc');
    expect(slices).toContain('noto-sans-tc-latin-400-normal.woff2');
    for (const name of slices) {
      const font = await raw(running.url, `/_review/fonts/${name}`);
      expect(font.status, name).toBe(200);
      expect(font.headers['content-type']).toBe('font/woff2');
      expect(font.body.equals(readFileSync(join(pkg, 'files', name))), name).toBe(true);
    }
    for (const path of [
      '/_review/fonts/../review-items.json',
      '/_review/fonts/%2e%2e%2freview-items.json',
      '/_review/fonts/noto-sans-tc-0-400-normal.woff',
      '/_review/fonts/400.css',
      '/_review/fonts/',
    ]) {
      const refused = await raw(running.url, path);
      expect(refused.status, path).not.toBe(200);
      expect(refused.text, path).not.toContain('SECRET');
    }
  });
});

describe('review server: sign-in', () => {
  test('a wrong password is slowed more each time, then refused with 429 even when right; each failure audited', async () => {
    running = await startTestServer(syntheticCopy(ITEMS));
    addUsers(running.store, [['rita', 'reviewer']]);
    const attempt = (pw: string) =>
      raw(running?.url ?? '', '/_review/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'rita', password: pw }).toString(),
      });
    for (let i = 0; i < 5; i++) {
      const answer = await attempt('wrong');
      expect(answer.status).toBe(401);
      expect(answer.text).toContain('wrong name or password');
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    // No wait before the first attempt, then each one longer than the last.
    expect(running.waits[0]).toBe(0);
    for (let i = 1; i < running.waits.length; i++) expect(running.waits[i]).toBeGreaterThan(running.waits[i - 1] ?? 0);
    const refused = await attempt(password('rita'));
    expect(refused.status).toBe(429);
    expect(refused.headers['set-cookie']).toBeUndefined();
    const events = running.store.auditLog().map((e) => e.event);
    expect(events.filter((e) => e === 'failed sign-in')).toHaveLength(5);
    expect(events).toContain('login-refused');
    expect(events).not.toContain('sign-in');
  });

  test('the session cookie is HttpOnly, SameSite=Strict, Path=/, and Secure only when asked for', async () => {
    running = await startTestServer(syntheticCopy(ITEMS));
    addUsers(running.store, [['rita', 'reviewer']]);
    const plain = await signIn(running.url, 'rita', password('rita'));
    expect(plain.setCookie).toMatch(/^review_session=[A-Za-z0-9_-]+; /);
    expect(plain.setCookie).toContain('; HttpOnly');
    expect(plain.setCookie).toContain('; SameSite=Strict');
    expect(plain.setCookie).toContain('; Path=/');
    expect(plain.setCookie).not.toContain('Secure');
    await running.close();
    running = await startTestServer(syntheticCopy(ITEMS), { secureCookies: true });
    addUsers(running.store, [['rita', 'reviewer']]);
    expect((await signIn(running.url, 'rita', password('rita'))).setCookie).toContain('; Secure');
  });

  test('a form sign-in goes on to the page asked for, never to another site', async () => {
    running = await startTestServer(syntheticCopy(ITEMS));
    addUsers(running.store, [['rita', 'reviewer']]);
    for (const [next, to] of [
      ['/chapters/test-chapter/', '/chapters/test-chapter/'],
      ['//evil.example/', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
    ]) {
      const answer = await raw(running.url, '/_review/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'rita', password: password('rita'), next: next ?? '' }).toString(),
      });
      expect(answer.status).toBe(303);
      expect(answer.headers.location).toBe(to);
    }
  });

  test('POSTs without or with a wrong CSRF token, or from another site, are refused with 403 and store nothing', async () => {
    running = await startTestServer(syntheticCopy(ITEMS));
    addUsers(running.store, [['rita', 'reviewer']]);
    const rita = await signIn(running.url, 'rita', password('rita'));
    const body = { key: ITEMS[0]?.key, note: 'checked' };
    const none = await rita.post('/_review/api/signoffs', body, { 'x-csrf-token': '' });
    expect(none.status).toBe(403);
    expect(none.json()).toEqual({ error: 'missing CSRF token (x-csrf-token header)' });
    const wrong = await rita.post('/_review/api/signoffs', body, { 'x-csrf-token': `${rita.csrf.slice(1)}x` });
    expect(wrong.status).toBe(403);
    expect(wrong.json()).toEqual({ error: 'wrong CSRF token' });
    const query = await rita.post(
      '/_review/api/queries',
      { key: ITEMS[0]?.key, text: 'why?' },
      { 'x-csrf-token': 'nope' },
    );
    expect(query.status).toBe(403);
    const foreign = await rita.post('/_review/api/signoffs', body, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const logout = await rita.post('/_review/logout', {}, { 'x-csrf-token': '' });
    expect(logout.status).toBe(403);
    expect(running.store.signoffs()).toEqual([]);
    expect(running.store.queries()).toEqual([]);
    // The same request with the token goes through: the refusals were the token's doing.
    expect((await rita.post('/_review/api/signoffs', body)).status).toBe(201);
    expect(running.store.signoffs()).toHaveLength(1);
  });

  test('a session cookie replayed after logout is refused', async () => {
    running = await startTestServer(syntheticCopy(ITEMS));
    addUsers(running.store, [['rita', 'reviewer']]);
    const rita = await signIn(running.url, 'rita', password('rita'));
    expect((await rita.get('/_review/api/me')).json()).toEqual({ name: 'rita', role: 'reviewer', csrf: rita.csrf });
    const out = await rita.post('/_review/logout');
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('review_session=;');
    const replayed = await rita.get('/_review/api/me');
    expect(replayed.status).toBe(401);
    const page = await rita.get('/', { accept: 'text/html' });
    expect(page.status).toBe(302);
    expect(page.text).not.toContain('SECRET');
    expect((await rita.post('/_review/api/signoffs', { key: ITEMS[0]?.key, note: 'x' })).status).toBe(401);
    expect(running.store.signoffs()).toEqual([]);
    expect(running.store.auditLog().map((e) => e.event)).toEqual(['user add', 'sign-in', 'sign-out']);
  });
});
