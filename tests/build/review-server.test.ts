import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { injectClient } from '../../scripts/review/files.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { type ReviewItemsFile, ReviewItemsFileSchema } from '../../src/lib/review/schema.ts';
import { TEST_DIST } from '../build-once.ts';
import { addUsers, type Client, password, type Running, raw, signIn, startTestServer } from '../review-server.ts';

/**
 * The review server in front of the real built sample (tests/build/global-setup.ts builds it):
 * every path the build wrote, asked for without a session, gives none of its bytes.
 */
let running: Running;
let rita: Client;
let items: ReviewItemsFile;

/** Every file of the copy as a URL path (hidden files such as the test-run marker are the tests', not the site's). */
function copyPaths(dir: string): { path: string; file: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((file) => ({ file, path: `/${relative(dir, file).split('\\').join('/')}` }))
    .filter(({ path }) => !path.split('/').some((part) => part.startsWith('.')));
}

beforeAll(async () => {
  items = ReviewItemsFileSchema.parse(JSON.parse(readFileSync(join(TEST_DIST, 'review-items.json'), 'utf8')));
  running = await startTestServer(TEST_DIST);
  addUsers(running.store, [['rita', 'reviewer']]);
  rita = await signIn(running.url, 'rita', password('rita'));
});
afterAll(() => running.close());

describe('review server over the built sample', () => {
  test('no path of the built copy gives a byte of it without a session; signed in, each gives its file', async () => {
    const paths = copyPaths(TEST_DIST);
    // The kinds of path the issue names: pages, PDFs, CSVs, the search index, assets, the items.
    for (const kind of [/\.html$/, /\.pdf$/, /\.csv$/, /^\/pagefind\//, /^\/_astro\//, /^\/review-items\.json$/])
      expect(
        paths.some(({ path }) => kind.test(path)),
        String(kind),
      ).toBe(true);
    const folders = [
      ...new Set(paths.filter(({ path }) => path.endsWith('/index.html')).map(({ path }) => path.slice(0, -10))),
    ];
    for (const path of [...paths.map((p) => p.path), ...folders]) {
      const page = await raw(running.url, path, { headers: { accept: 'text/html' } });
      expect(page.status, path).toBe(302);
      expect(page.body.byteLength, path).toBe(0);
      const data = await raw(running.url, path);
      expect(data.status, path).toBe(401);
      expect(data.text, path).toBe('{"error":"sign in first at /_review/login"}');
    }
    for (const { path, file } of paths) {
      const answer = await rita.get(path);
      expect(answer.status, path).toBe(200);
      const bytes = readFileSync(file);
      const expected = path.endsWith('.html') ? Buffer.from(injectClient(bytes.toString('utf8'))) : bytes;
      expect(answer.body.equals(expected), path).toBe(true);
    }
  });

  test('schedule.csv names the item covering every row (prose, table and chart figures), and shows a sign-off on its row', async () => {
    const figure = items.items.find((i) => i.kind === 'figure');
    expect(figure).toBeDefined();
    const before = parseCsv((await rita.get('/_review/schedule.csv')).text);
    const header = before[0] ?? [];
    const [location, key, state] = ['位置', '簽核項目', '簽核狀態'].map((c) => header.indexOf(c));
    const rows = before.slice(1);
    for (const where of ['段落：', '表：', '圖：'])
      expect(
        rows.some((r) => r[location ?? -1]?.startsWith(where)),
        where,
      ).toBe(true);
    const known = new Set(items.items.map((i) => i.key));
    for (const row of rows) expect(known.has(row[key ?? -1] ?? ''), row.join(',')).toBe(true);
    expect((await rita.post('/_review/api/signoffs', { key: figure?.key, note: '核對灼識諮詢報告' })).status).toBe(201);
    const after = parseCsv((await rita.get('/_review/schedule.csv')).text);
    const signedRows = after.slice(1).filter((r) => r[key ?? -1] === figure?.key);
    expect(signedRows.length).toBeGreaterThan(0);
    for (const row of signedRows) expect(row[state ?? -1]).toBe('已簽核');
    expect(after.slice(1).filter((r) => r[state ?? -1] === '已簽核')).toHaveLength(signedRows.length);
  });
});
