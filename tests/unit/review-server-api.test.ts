import { createHash } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, test } from 'vitest';
import { StoreError } from '../../scripts/review/store/store.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { SIGNOFF_STATE_LABEL } from '../../src/lib/review/schedule-state.ts';
import {
  addUsers,
  item,
  itemsFile,
  password,
  type Running,
  raw,
  signIn,
  startTestServer,
  syntheticCopy,
} from '../review-server.ts';

const KEY = 'figure:test-chapter/secret.rank~1';
const COVERED = { value: '9', source: '報告', context: '我們排名第九。' };
const ATTACK = `<script>alert("x")</script><img src=x onerror=alert(1)>'); DROP TABLE signoffs; --`;

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function team(items = [item(KEY, COVERED)], copy = syntheticCopy(items)) {
  running = await startTestServer(copy);
  addUsers(running.store, [
    ['rita', 'reviewer'],
    ['arthur', 'author'],
  ]);
  return {
    server: running,
    rita: await signIn(running.url, 'rita', password('rita')),
    arthur: await signIn(running.url, 'arthur', password('arthur')),
  };
}

interface State {
  items: Record<
    string,
    { status: string; signoffs: { note: string; by: string }[]; current: unknown; stale?: unknown }
  >;
  queries: { id: number; text: string; status: string; answers: { text: string }[] }[];
}

describe('review API', () => {
  test('script and SQL in notes, queries and answers come back verbatim as JSON', async () => {
    const { rita, arthur } = await team();
    expect((await rita.post('/_review/api/signoffs', { key: KEY, note: ATTACK })).status).toBe(201);
    const query = await rita.post('/_review/api/queries', { key: KEY, text: ATTACK });
    expect(query.status).toBe(201);
    const { id } = query.json() as { id: number };
    expect((await arthur.post(`/_review/api/queries/${id}/answers`, { text: ATTACK })).status).toBe(201);
    const state = await rita.get('/_review/api/state');
    expect(state.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = state.json() as State;
    expect(body.items[KEY]?.signoffs.map((s) => s.note)).toEqual([ATTACK]);
    expect(body.queries.map((q) => [q.text, q.status, q.answers.map((a) => a.text)])).toEqual([
      [ATTACK, 'answered', [ATTACK]],
    ]);
  });

  test('a sign-off or query on a key the served copy does not have is 404, and nothing is stored', async () => {
    const { rita } = await team();
    const signoff = await rita.post('/_review/api/signoffs', { key: 'figure:test-chapter/other~1', note: 'n' });
    expect(signoff.status).toBe(404);
    expect(signoff.json()).toEqual({ error: 'no item figure:test-chapter/other~1 in the served copy' });
    expect((await rita.post('/_review/api/queries', { key: 'section:nowhere', text: 't' })).status).toBe(404);
    expect(running?.store.signoffs()).toEqual([]);
    expect(running?.store.queries()).toEqual([]);
  });

  test('the hash and covered words are the copy’s: a browser sending them is refused', async () => {
    const { rita } = await team();
    const forged = await rita.post('/_review/api/signoffs', { key: KEY, note: 'n', hash: '0'.repeat(64) });
    expect(forged.status).toBe(400);
    expect((forged.json() as { error: string }).error).toContain('unexpected field hash');
    const covered = await rita.post('/_review/api/signoffs', { key: KEY, note: 'n', covered: { context: 'x' } });
    expect(covered.status).toBe(400);
    const made = await rita.post('/_review/api/signoffs', { key: KEY, note: 'n' });
    const expected = createHash('sha256')
      .update(JSON.stringify({ context: COVERED.context, source: COVERED.source, value: COVERED.value }))
      .digest('hex');
    expect(made.json()).toMatchObject({ key: KEY, hash: expected, covered: COVERED, by: 'rita' });
  });

  test('roles: an author cannot sign off or close, a reviewer cannot answer', async () => {
    const { rita, arthur } = await team();
    const bySigning = await arthur.post('/_review/api/signoffs', { key: KEY, note: 'n' });
    expect(bySigning.status).toBe(403);
    expect(bySigning.json()).toEqual({ error: 'authors cannot sign off (needs reviewer or admin)' });
    expect((await arthur.post('/_review/api/queries', { key: KEY, text: 'q' })).status).toBe(403);
    const { id } = (await rita.post('/_review/api/queries', { key: KEY, text: 'where from?' })).json() as {
      id: number;
    };
    expect((await rita.post(`/_review/api/queries/${id}/answers`, { text: 'a' })).status).toBe(403);
    expect((await arthur.post(`/_review/api/queries/${id}/close`)).status).toBe(403);
    expect((await arthur.post(`/_review/api/queries/${id}/answers`, { text: 'CIC table 2.1' })).status).toBe(201);
    expect((await rita.post(`/_review/api/queries/${id}/close`)).status).toBe(200);
    const late = await arthur.post(`/_review/api/queries/${id}/answers`, { text: 'more' });
    expect(late.status).toBe(409);
    expect((await arthur.post('/_review/api/queries/999/answers', { text: 'a' })).status).toBe(404);
    expect(running?.store.signoffs()).toEqual([]);
    expect(running?.store.queries().map((q) => [q.status, q.closedBy, q.answers.length])).toEqual([
      ['closed', 'rita', 1],
    ]);
  });

  test('bodies are validated: too long, wrong type, not JSON, too large', async () => {
    const { rita } = await team();
    const long = await rita.post('/_review/api/queries', { key: KEY, text: 'x'.repeat(4001) });
    expect(long.json()).toEqual({ error: 'text: text is over 4000 characters' });
    expect((await rita.post('/_review/api/signoffs', { key: KEY, note: 5 })).status).toBe(400);
    const notJson = await raw(running?.url ?? '', '/_review/api/signoffs', {
      method: 'POST',
      headers: { cookie: rita.cookie, 'x-csrf-token': rita.csrf, 'content-type': 'application/json' },
      body: '{"key":',
    });
    expect(notJson.status).toBe(400);
    expect((await rita.post('/_review/api/signoffs', { key: KEY, note: 'x'.repeat(70_000) })).status).toBe(413);
    expect(running?.store.signoffs()).toEqual([]);
  });

  test('a rebuilt copy is read again: a sign-off turns stale when its words change, with old and new words', async () => {
    const copy = syntheticCopy([item(KEY, COVERED)]);
    const { rita } = await team(undefined, copy);
    expect((await rita.post('/_review/api/signoffs', { key: KEY, note: 'ok' })).status).toBe(201);
    expect(((await rita.get('/_review/api/state')).json() as State).items[KEY]?.status).toBe('signed');
    // A rebuild swaps the folder in whole; between the two renames there is no items file.
    const itemsPath = join(copy, 'review-items.json');
    const moved = `${itemsPath}.away`;
    renameSync(itemsPath, moved);
    const between = await rita.get('/');
    expect(between.status).toBe(503);
    expect(between.text).not.toContain('SECRET');
    expect((await rita.post('/_review/api/signoffs', { key: KEY, note: 'mid-build' })).status).toBe(503);
    rmSync(moved);
    const changed = { ...COVERED, value: '8', context: '我們排名第八。' };
    writeFileSync(itemsPath, JSON.stringify(itemsFile([item(KEY, changed)])));
    const stale = ((await rita.get('/_review/api/state')).json() as State).items[KEY];
    expect(stale?.status).toBe('stale');
    expect(stale?.current).toEqual(changed);
    expect(stale?.stale).toEqual(COVERED);
    expect(running?.store.signoffs().map((s) => s.note)).toEqual(['ok']);
  });

  test('pages get the client and a policy naming their inline scripts; the client is served', async () => {
    const { rita } = await team();
    const page = await rita.get('/');
    expect(page.text).toContain(
      '<link rel="stylesheet" href="/_review/review.css"><script type="module" src="/_review/client/main.ts"></script></head>',
    );
    const inline = createHash('sha256').update('window.x=1;').digest('base64');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${inline}'`);
    expect(policy.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await rita.get('/_review/client/main.ts');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.status).toBe(200);
    // Served as JavaScript: its types stripped, its imports of the other modules left for the browser.
    expect(script.text).toContain("from './session.ts'");
    expect(script.text).not.toMatch(/import type|: Promise<void>/);
    // The key rule is the build's own function, not the re-export the source folder holds.
    const keys = await rita.get('/_review/client/keys.ts');
    expect(keys.text).toContain('export const chapterItems = function chapterItems(');
    // The state labels are the build's data, the words schedule.csv writes.
    const labels = await rita.get('/_review/client/state-labels.ts');
    expect(labels.text).toBe(`export const SIGNOFF_STATE_LABEL = ${JSON.stringify(SIGNOFF_STATE_LABEL)};\n`);
    expect((await rita.get('/_review/client/nope.ts')).status).toBe(404);
    expect((await rita.get('/_review/review.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  test('a reviewer’s browser keeps the font slices, privately, and stores nothing else of the copy', async () => {
    const { rita } = await team();
    const font = await rita.get('/_astro/noto-sans-tc-0-400-normal.BSZMCjeh.woff2');
    expect(font.status).toBe(200);
    expect(font.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    for (const path of ['/_astro/site.js', '/chapters/test-chapter/', '/verification.csv', '/prospectus.pdf']) {
      const answer = await rita.get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-store');
    }
  });

  test('schedule.csv adds each row’s sign-off state; queries.csv lists queries with formulas made inert', async () => {
    const { rita } = await team();
    const before = parseCsv((await rita.get('/_review/schedule.csv')).text);
    expect(before[0]?.slice(-6)).toEqual(['簽核項目', '簽核狀態', '簽核人', '簽核時間', '簽核說明', '佐證文件']);
    expect(before[1]?.slice(-6, -4)).toEqual([KEY, '未簽核']);
    await rita.post('/_review/api/signoffs', { key: KEY, note: '=HYPERLINK("http://evil")' });
    const after = parseCsv((await rita.get('/_review/schedule.csv')).text);
    expect(after[1]?.slice(-6, -1)).toEqual([
      KEY,
      '已簽核',
      'rita',
      expect.stringMatching(/^\d{4}-/),
      `'=HYPERLINK("http://evil")`,
    ]);
    await rita.post('/_review/api/queries', { key: KEY, text: '+1 why?' });
    const queries = parseCsv((await rita.get('/_review/queries.csv')).text);
    expect(queries[1]?.slice(0, 4)).toEqual(['1', KEY, `測試章 · ${KEY}`, '待回覆']);
    expect(queries[1]?.[6]).toBe("'+1 why?");
  });

  test('a database that cannot take the write (disk full) answers 503 with the store’s one-line reason', async () => {
    const { rita } = await team();
    const store = running?.store;
    if (!store) throw new Error('no store');
    const full = 'review.db: the disk is full; free space and try again, nothing was recorded';
    store.addSignoff = () => {
      throw new StoreError(full);
    };
    const answer = await rita.post('/_review/api/signoffs', { key: KEY, note: 'n' });
    expect(answer.status).toBe(503);
    expect(answer.json()).toEqual({ error: full });
    const state = (await rita.get('/_review/api/state')).json() as State;
    expect(state.items[KEY]?.status).toBe('none');
  });

  test('two reviewers signing off 200 figures at once from parallel clients end with 400 sign-offs', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => `figure:test-chapter/fig.n${i}~1`);
    const { rita } = await team(keys.map((k, i) => item(k, { value: String(i), context: `第${i}項。` })));
    running?.store.addUser('vera', 'reviewer', password('vera'));
    const vera = await signIn(running?.url ?? '', 'vera', password('vera'));
    const answers = await Promise.all(
      keys.flatMap((key) => [rita, vera].map((who) => who.post('/_review/api/signoffs', { key, note: 'checked' }))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(400).fill(201));
    const stored = running?.store.signoffs() ?? [];
    expect(stored).toHaveLength(400);
    expect(new Set(stored.map((s) => `${s.key} ${s.by}`)).size).toBe(400);
    expect(running?.store.auditLog().filter((e) => e.event === 'sign-off')).toHaveLength(400);
    const db = new DatabaseSync(running?.dbFile ?? '', { readOnly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();
    const state = (await rita.get('/_review/api/state')).json() as State;
    expect(Object.values(state.items).filter((i) => i.status === 'signed')).toHaveLength(200);
  });
});
