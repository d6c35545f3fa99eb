import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClientAssets } from '../scripts/review/client-assets.ts';
import { watchCopy } from '../scripts/review/copy.ts';
import { type ReviewServer, startReviewServer } from '../scripts/review/server.ts';
import { openStore, type Role, type Store } from '../scripts/review/store/store.ts';
import { itemHash } from '../src/lib/review/item-hash.ts';
import type { Covered, ReviewItem, ReviewItemsFile } from '../src/lib/review/schema.ts';

/** An item of a synthetic copy, hashed as the build hashes one. */
export function item(key: string, covered: Covered, label = `測試章 · ${key}`): ReviewItem {
  const kind = key.slice(0, key.indexOf(':')) as ReviewItem['kind'];
  return { key, kind, chapterId: 'test-chapter', label, covered, hash: itemHash(covered) };
}

export function itemsFile(items: ReviewItem[]): ReviewItemsFile {
  return { version: 1, stage: 'vetting', commit: 'abc1234', builtAt: '2026-12-04T12:00:00.000Z', items };
}

/** A tiny built copy: a page with an inline script, a nested page, a PDF, a CSV, the items file. */
export function syntheticCopy(items: ReviewItem[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'review-copy-'));
  mkdirSync(join(dir, 'chapters', 'test-chapter'), { recursive: true });
  mkdirSync(join(dir, '_astro'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>機密首頁 SECRET-HOME</title><script type="module">window.x=1;</script></head><body>SECRET-HOME-BODY</body></html>',
  );
  writeFileSync(
    join(dir, 'chapters', 'test-chapter', 'index.html'),
    '<!doctype html><html><head><title>SECRET-CHAPTER</title></head><body><p>SECRET-CHAPTER-BODY</p></body></html>',
  );
  writeFileSync(join(dir, '_astro', 'site.js'), 'console.log("SECRET-SCRIPT");');
  writeFileSync(join(dir, '_astro', 'noto-sans-tc-0-400-normal.BSZMCjeh.woff2'), 'wOF2');
  writeFileSync(join(dir, 'prospectus.pdf'), Buffer.from('%PDF-1.7 SECRET-PDF\n%%EOF\n'));
  writeFileSync(
    join(dir, 'verification.csv'),
    '\uFEFF章節,位置,顯示文字,數值,單位,期間,性質,公式,資料來源,核對,PDF頁碼,數據編號\r\n' +
      '測試章,段落：機密段落…,九,9,位,,明載,,報告,相符,1,secret.rank\r\n',
  );
  writeFileSync(join(dir, 'review-items.json'), JSON.stringify(itemsFile(items)));
  return dir;
}

export interface Running {
  server: ReviewServer;
  store: Store;
  url: string;
  /** Waits the server asked for after failed sign-ins, in order. */
  waits: number[];
  evidenceDir: string;
  dbFile: string;
  close(): Promise<void>;
}

/** Starts the review server in this process on a free port, with a database in a scratch folder. */
export async function startTestServer(
  copyDir: string,
  options: { evidenceDir?: string; secureCookies?: boolean; dbFile?: string } = {},
): Promise<Running> {
  const dbFile = options.dbFile ?? join(mkdtempSync(join(tmpdir(), 'review-db-')), 'review.db');
  const store = openStore(dbFile);
  const evidenceDir = options.evidenceDir ?? mkdtempSync(join(tmpdir(), 'review-evidence-'));
  const waits: number[] = [];
  const server = await startReviewServer({
    copy: watchCopy(copyDir),
    store,
    client: loadClientAssets(),
    evidenceDir,
    port: 0,
    secureCookies: options.secureCookies ?? false,
    sleep: async (ms) => {
      waits.push(ms);
    },
    log: () => {},
  });
  return {
    server,
    store,
    url: server.url,
    waits,
    evidenceDir,
    dbFile,
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  json(): unknown;
}

/**
 * One HTTP request with the path sent exactly as given (fetch would normalise `..` and
 * `%2e%2e` away before the server ever saw them).
 */
export function raw(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        ok({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

/** A signed-in browser: its session cookie and CSRF token, and JSON requests that carry them. */
export interface Client {
  cookie: string;
  csrf: string;
  setCookie: string;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export async function signIn(url: string, name: string, password: string): Promise<Client> {
  const answer = await raw(url, '/_review/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (answer.status !== 200) throw new Error(`sign-in of ${name} answered ${answer.status}: ${answer.text}`);
  const setCookie = String(answer.headers['set-cookie']?.[0] ?? '');
  const cookie = setCookie.split(';')[0] ?? '';
  const { csrf } = answer.json() as { csrf: string };
  return {
    cookie,
    csrf,
    setCookie,
    get: (path, headers = {}) => raw(url, path, { headers: { cookie, ...headers } }),
    post: (path, body = {}, headers = {}) =>
      raw(url, path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf, ...headers },
        body: JSON.stringify(body),
      }),
  };
}

export function addUsers(store: Store, users: [string, Role][]): void {
  for (const [name, role] of users) store.addUser(name, role, `${name}-correct-horse-battery`);
}

export const password = (name: string) => `${name}-correct-horse-battery`;
