import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  addUsers,
  type Client,
  item,
  password,
  type Running,
  raw,
  signIn,
  startTestServer,
  syntheticCopy,
} from '../review-server.ts';

const KEY = 'figure:test-chapter/secret.rank~1';
let running: Running;
let rita: Client;
let outside: string;
let copy: string;

beforeAll(async () => {
  // The evidence folder sits beside files it must never hand out: `x` one level up, a folder
  // of secrets, and symlinks from inside the folder to both.
  outside = mkdtempSync(join(tmpdir(), 'review-outside-'));
  writeFileSync(join(outside, 'x'), 'OUTSIDE-SECRET');
  mkdirSync(join(outside, 'secrets'));
  writeFileSync(join(outside, 'secrets', 'plan.txt'), 'OUTSIDE-SECRET');
  const evidenceDir = join(outside, 'evidence');
  mkdirSync(join(evidenceDir, 'cic'), { recursive: true });
  writeFileSync(join(evidenceDir, 'cic-report.pdf'), '%PDF-1.7 EVIDENCE-REPORT');
  writeFileSync(join(evidenceDir, 'cic', 'table 2.1.txt'), 'EVIDENCE-TABLE');
  symlinkSync(join(outside, 'x'), join(evidenceDir, 'link.pdf'));
  symlinkSync(join(outside, 'secrets'), join(evidenceDir, 'out'));
  copy = syntheticCopy([item(KEY, { value: '9', context: '第九。' })]);
  symlinkSync(join(outside, 'x'), join(copy, 'linked.html'));
  symlinkSync(join(outside, 'secrets'), join(copy, 'linked'));
  running = await startTestServer(copy, { evidenceDir });
  addUsers(running.store, [['rita', 'reviewer']]);
  rita = await signIn(running.url, 'rita', password('rita'));
});
afterAll(() => running.close());

test.each([
  '../x',
  '%2e%2e/x',
  '%2E%2E/x',
  '..%2fx',
  '%2e%2e%2fx',
  '/etc/passwd',
  '%2fetc%2fpasswd',
  'a/../../x',
  '..%5cx',
  'link.pdf',
  'out/plan.txt',
  'cic/../../x',
])('evidence name %s is refused, signed in, with none of the file', async (name) => {
  const answer = await rita.get(`/_review/evidence/${name}`);
  expect([400, 404]).toContain(answer.status);
  expect(answer.text).not.toContain('OUTSIDE-SECRET');
  expect(answer.text).not.toContain('root:');
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
});

test('a real evidence file is served only to a signed-in user, in a sandbox', async () => {
  const anonymous = await raw(running.url, '/_review/evidence/cic-report.pdf');
  expect(anonymous.status).toBe(401);
  expect(anonymous.text).not.toContain('EVIDENCE');
  const report = await rita.get('/_review/evidence/cic-report.pdf');
  expect(report.status).toBe(200);
  expect(report.text).toBe('%PDF-1.7 EVIDENCE-REPORT');
  expect(report.headers['content-type']).toBe('application/pdf');
  expect(report.headers['content-security-policy']).toContain('sandbox');
  const nested = await rita.get(`/_review/evidence/cic/${encodeURIComponent('table 2.1.txt')}`);
  expect(nested.text).toBe('EVIDENCE-TABLE');
  expect((await rita.get('/_review/api/evidence')).json()).toEqual({ files: ['cic-report.pdf', 'cic/table 2.1.txt'] });
});

test('a sign-off cites only a file inside the evidence folder', async () => {
  for (const evidence of ['../x', '/etc/passwd', 'link.pdf', 'out/plan.txt', '%2e%2e/x']) {
    const answer = await rita.post('/_review/api/signoffs', { key: KEY, note: 'n', evidence });
    expect(answer.status, evidence).toBe(400);
  }
  const missing = await rita.post('/_review/api/signoffs', { key: KEY, note: 'n', evidence: 'nothere.pdf' });
  expect(missing.json()).toEqual({ error: 'no evidence file nothere.pdf in the evidence folder' });
  expect(running.store.signoffs()).toEqual([]);
  const ok = await rita.post('/_review/api/signoffs', { key: KEY, note: 'n', evidence: 'cic-report.pdf' });
  expect(ok.status).toBe(201);
  expect(running.store.signoffs().map((s) => s.evidence)).toEqual(['cic-report.pdf']);
});

// The copy and `outside` are both folders of the temporary directory: OUT is replaced by the
// name of `outside`, so each path below would reach its secret file if traversal worked.
test.each([
  '/../OUT/x',
  '/%2e%2e/OUT/x',
  '/..%2fOUT%2fx',
  '/chapters/..%2f..%2f..%2fOUT/x',
  '/%2e%2e%2fOUT%2fx',
  '/..\\OUT\\x',
  '/linked.html',
  '/linked/plan.txt',
  '/chapters/%00',
])('signed in, the copy path %s does not leave the copy', async (path) => {
  expect(relative(dirname(copy), outside)).toBe(basename(outside));
  const answer = await rita.get(path.replace('OUT', basename(outside)));
  expect([400, 404]).toContain(answer.status);
  expect(answer.text).not.toContain('OUTSIDE-SECRET');
});
