import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { parseCsv } from '../../src/lib/csv.ts';
import { editFile, projectCopy } from '../sample-copy.ts';
// The shared test type (one worker hash for every file): see review-server.spec.ts.
import { axeScan, WCAG_21_AA } from './axe.ts';
import { expect, test } from './fixtures.ts';

/**
 * The reviewers' workspace end to end: the one-chapter fixture built as a vetting copy, served by
 * `npm run review` behind its login, used in Chromium by a reviewer and an author. Two builds in
 * all: the copy, and the copy after a figure's data changed (which makes its sign-off stale).
 */
test.describe.configure({ mode: 'serial' });

const CHAPTER = '/chapters/industry-overview/';
const FIGURE_REF = 'facts.report-fee';
const FIGURE_KEY = `figure:industry-overview/${FIGURE_REF}~1`;
const COPY = join('dist-stages', 'vetting');

const users = {
  reviewer: { name: 'rita', role: 'reviewer', password: randomBytes(12).toString('hex') },
  author: { name: 'adam', role: 'author', password: randomBytes(12).toString('hex') },
} as const;
type Who = keyof typeof users;

let dir = '';
let server: { url: string; child: ChildProcess } | undefined;

function build(): void {
  execFileSync('npm', ['run', 'build', '--', '--stage', 'vetting'], { cwd: dir, stdio: 'pipe', timeout: 600_000 });
}

/** `npm run review` on a free port; resolves with the address it prints once it listens. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/review.ts', '--dir', COPY, '--port', '0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const read = (d: Buffer) => {
      output += d.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) ok(found[0]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => fail(new Error(`review server exited (${code}):\n${output}`)));
  });
  return { url, child };
}

async function stopServer(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running || running.child.exitCode !== null) return;
  await new Promise<void>((ok) => {
    running.child.on('exit', () => ok());
    running.child.kill('SIGTERM');
  });
}

function url(path: string): string {
  if (!server) throw new Error('the review server is not running');
  return `${server.url}${path}`;
}

/** A browser context signed in through the login page, as a person would. */
async function signedIn(browser: Browser, who: Who): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url('/'));
  await page.locator('input[name="name"]').fill(users[who].name);
  await page.locator('input[name="password"]').fill(users[who].password);
  await page.locator('form[action="/_review/login"] button[type="submit"]').click();
  await expect(page.locator('.rv-banner')).toContainText(users[who].name);
  return { context, page };
}

async function openChapter(page: Page): Promise<void> {
  await page.goto(url(CHAPTER));
  await page.waitForFunction(() => document.documentElement.dataset['reviewReady'] !== undefined);
}

/** WCAG 2.1 A and AA findings of axe-core on the page as it is now, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await axeScan(page, { tags: WCAG_21_AA });
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const badgeOf = (page: Page, key: string) => page.locator(`button.rv-badge[data-rv-key="${key}"]`).first();

test.beforeAll(async () => {
  test.setTimeout(900_000);
  dir = projectCopy();
  build();
  for (const user of Object.values(users)) {
    execFileSync(process.execPath, ['scripts/review.ts', 'user', 'add', user.name, '--role', user.role], {
      cwd: dir,
      input: `${user.password}\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }
  server = await startServer();
});

test.afterAll(async () => {
  await stopServer();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a page of the copy opened without signing in shows the login page and none of its text', async ({ page }) => {
  const chapterHtml = readFileSync(join(dir, COPY, 'chapters', 'industry-overview', 'index.html'), 'utf8');
  const title = /<h1>([^<]+)<\/h1>/.exec(chapterHtml)?.[1]?.trim() ?? '';
  const company = /<a class="site-title"[^>]*>([^<·]+)/.exec(chapterHtml)?.[1]?.trim() ?? '';
  expect(title).not.toBe('');
  expect(company).not.toBe('');

  const response = await page.goto(url(CHAPTER));
  expect(new URL(page.url()).pathname).toBe('/_review/login');
  expect(response?.status()).toBe(200);
  await expect(page.locator('input[type="password"]')).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(title);
  expect(html).not.toContain(company);
  expect(html).not.toContain(FIGURE_REF);
});

test('signing out from the banner ends the session: the copy asks for a login again', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'reviewer');
  await openChapter(page);
  await expect(page.locator('.rv-banner')).toContainText('審閱人');
  await page.locator('.rv-banner').getByRole('button', { name: '登出' }).click();
  await expect(page).toHaveURL(/\/_review\/login/);
  await page.goto(url(CHAPTER));
  expect(new URL(page.url()).pathname).toBe('/_review/login');
  await expect(page.locator('input[type="password"]')).toBeVisible();
  await context.close();
});

test('a note with markup in it is shown as text and runs nothing', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'reviewer');
  const alerts: string[] = [];
  page.on('dialog', (d) => {
    alerts.push(d.message());
    void d.dismiss();
  });
  const note = '<img src=x onerror=alert(1)>';
  await openChapter(page);
  const key = 'section:industry-overview-sources-method';
  await badgeOf(page, key).click();
  const dialog = page.locator('dialog.rv-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/備註/).fill(note);
  // Evidence outside the evidence folder is refused, and the panel says why; nothing is signed.
  const evidence = dialog.getByLabel(/證明文件/);
  await evidence.fill('../../etc/passwd');
  await dialog.locator('form.rv-signoff button[type="submit"]').click();
  await expect(dialog.locator('.rv-live')).toContainText('未能完成');
  await expect(dialog.locator('.rv-history .rv-empty')).toBeVisible();
  await evidence.fill('');
  await dialog.locator('form.rv-signoff button[type="submit"]').click();
  await expect(dialog.locator('.rv-live')).toHaveText('已簽核。');
  await expect(dialog.locator('.rv-history .rv-note').first()).toHaveText(note);

  // Stored and shown again after a reload, still as text.
  await openChapter(page);
  await badgeOf(page, key).click();
  await expect(dialog.locator('.rv-history .rv-note').first()).toHaveText(note);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(alerts).toEqual([]);
  await context.close();
});

test('a reviewer raises a query, an author answers it and the reviewer closes it', async ({ browser }) => {
  const reviewer = await signedIn(browser, 'reviewer');
  const author = await signedIn(browser, 'author');
  const key = 'section:industry-overview-cloud-market';
  const question = `請提供市場規模數字的來源頁碼（${randomBytes(3).toString('hex')}）`;
  const answer = '見灼識諮詢報告第2.1節表格。';

  await openChapter(reviewer.page);
  await badgeOf(reviewer.page, key).click();
  const rDialog = reviewer.page.locator('dialog.rv-dialog');
  await rDialog.locator('form.rv-raise textarea').fill(question);
  await rDialog.locator('form.rv-raise button[type="submit"]').click();
  await expect(rDialog.locator('.rv-live')).toHaveText('已提出查詢。');
  await expect(rDialog.locator('.rv-query').filter({ hasText: question })).toContainText('待回覆');
  // The section lists its open queries beside its heading.
  await reviewer.page.keyboard.press('Escape');
  const sectionQueries = reviewer.page.locator(`#${key.slice('section:'.length)} + .rv-bar .rv-section-queries`);
  await expect(sectionQueries).toHaveText('未結查詢 1');

  // The home page lists it, with a link that opens the item's dialog.
  await author.page.goto(url('/'));
  const listed = author.page.locator('.rv-home li').filter({ hasText: question });
  await expect(listed).toHaveCount(1);
  await listed.locator('a').click();
  const aDialog = author.page.locator('dialog.rv-dialog');
  await expect(aDialog).toBeVisible();
  const aQuery = aDialog.locator('.rv-query').filter({ hasText: question });
  // An author answers; closing is the reviewer's.
  await expect(aQuery.getByRole('button', { name: '結束查詢' })).toHaveCount(0);
  await aQuery.locator('textarea').fill(answer);
  await aQuery.getByRole('button', { name: '回覆', exact: true }).click();
  await expect(aDialog.locator('.rv-live')).toHaveText('已回覆。');
  await expect(aDialog.locator('.rv-query').filter({ hasText: question })).toContainText(answer);

  await openChapter(reviewer.page);
  await badgeOf(reviewer.page, key).click();
  const rQuery = rDialog.locator('.rv-query').filter({ hasText: question });
  await expect(rQuery).toContainText(answer);
  await expect(rQuery).toContainText('已回覆');
  await rQuery.getByRole('button', { name: '結束查詢' }).click();
  await expect(rDialog.locator('.rv-live')).toHaveText('已結束查詢。');
  await expect(rDialog.locator('.rv-query').filter({ hasText: question })).toContainText('已結束');
  await reviewer.page.keyboard.press('Escape');
  await expect(sectionQueries).toHaveText('');

  await reviewer.page.goto(url('/'));
  await reviewer.page.waitForFunction(() => document.documentElement.dataset['reviewReady'] !== undefined);
  await expect(reviewer.page.locator('.rv-home')).toBeVisible();
  await expect(reviewer.page.locator('.rv-home li').filter({ hasText: question })).toHaveCount(0);

  const csv = await reviewer.page.request.get(url('/_review/queries.csv'));
  expect(csv.status()).toBe(200);
  const text = (await csv.text()).replace(/^\uFEFF/, '');
  const record = parseCsv(text).find((r) => r.includes(question));
  expect(record).toBeDefined();
  expect(record?.join('\n')).toContain(answer);
  expect(record).toContain(key);
  expect(record).toContain(users.reviewer.name);
  await reviewer.context.close();
  await author.context.close();
});

test('a section lists the open queries on the figures in it, each leading to its figure', async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'reviewer');
  const sectionId = 'industry-overview-cloud-market';
  const question = `此數字是否已按最新匯率換算？（${randomBytes(3).toString('hex')}）`;
  await openChapter(page);
  const figureBadge = page.locator(`#${sectionId} ~ p button.rv-badge[data-rv-key^="figure:"]`).first();
  const figureKey = (await figureBadge.getAttribute('data-rv-key')) ?? '';
  await figureBadge.click();
  const dialog = page.locator('dialog.rv-dialog');
  await dialog.locator('form.rv-raise textarea').fill(question);
  await dialog.locator('form.rv-raise button[type="submit"]').click();
  await expect(dialog.locator('.rv-live')).toHaveText('已提出查詢。');
  await page.keyboard.press('Escape');
  await expect(page.locator(`#${sectionId} + .rv-bar .rv-section-queries`)).toHaveText('未結查詢 1');

  await badgeOf(page, `section:${sectionId}`).click();
  const listed = dialog.locator('.rv-section-open li').filter({ hasText: question });
  await expect(listed).toHaveCount(1);
  await listed.getByRole('button').click();
  await expect(dialog.locator('.rv-query').filter({ hasText: question })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(badgeOf(page, figureKey)).toBeFocused();
  await context.close();
});

test('a claim is signed off from the claims table of the verification page, which stays accessible', async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, 'reviewer');
  await page.goto(url('/verification/'));
  await page.waitForFunction(() => document.documentElement.dataset['reviewReady'] !== undefined);
  const row = page.locator('table[data-claims] tbody tr[data-claim]').first();
  const id = (await row.getAttribute('data-claim')) ?? '';
  const claimBadge = badgeOf(page, `claim:${id}`);
  await expect(claimBadge).toContainText('未簽核');
  await claimBadge.click();
  const dialog = page.locator('dialog.rv-dialog');
  // The panel shows what the claims table says of it: its stated figure.
  const stated = (await row.locator('td').nth(3).textContent()) ?? '';
  await expect(dialog.locator('.rv-covered')).toContainText(stated.trim());
  await dialog.getByLabel(/備註/).fill('按輸入數字重新計算');
  await dialog.locator('form.rv-signoff button[type="submit"]').click();
  await expect(dialog.locator('.rv-live')).toHaveText('已簽核。');
  await page.keyboard.press('Escape');
  await expect(claimBadge).toContainText('已簽核');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset['reviewReady'] !== undefined);
  await expect(badgeOf(page, `claim:${id}`)).toContainText('已簽核');
  const found = await axeViolations(page);
  expect(found, found.join('\n')).toEqual([]);
  await context.close();
});

test('a chapter page with its review controls and an open dialog has no WCAG 2.1 A/AA violations', async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, 'reviewer');
  await openChapter(page);
  await page.waitForFunction(() => document.documentElement.dataset['chartsReady'] !== undefined);
  const scan = () => axeViolations(page);
  expect(await page.locator('button.rv-badge').count()).toBeGreaterThan(10);
  const onPage = await scan();
  expect(onPage, onPage.join('\n')).toEqual([]);
  const opener = badgeOf(page, FIGURE_KEY);
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog.rv-dialog')).toBeVisible();
  const inDialog = await scan();
  expect(inDialog, inDialog.join('\n')).toEqual([]);
  // Escape closes it and gives focus back to the badge that opened it.
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog.rv-dialog')).toBeHidden();
  await expect(opener).toBeFocused();
  await context.close();
});

test('a signed-off figure turns stale when its data changes, on the page and in the schedule', async ({ browser }) => {
  test.setTimeout(900_000);
  const first = await signedIn(browser, 'reviewer');
  const page = first.page;
  await openChapter(page);
  const figure = page.locator(`article .fig[data-ref="${FIGURE_REF}"]`).first();
  const before = (await figure.textContent()) ?? '';
  const badge = badgeOf(page, FIGURE_KEY);
  await expect(badge).toContainText('未簽核');
  await badge.click();
  const dialog = page.locator('dialog.rv-dialog');
  await expect(dialog.locator('.rv-covered')).toContainText(before);
  await dialog.getByLabel(/備註/).fill('與本公司的委聘書核對');
  await dialog.locator('form.rv-signoff button[type="submit"]').click();
  await expect(dialog.locator('.rv-live')).toHaveText('已簽核。');
  await page.keyboard.press('Escape');
  await expect(badge).toContainText('已簽核');

  await page.goto(url('/verification/'));
  await page.waitForFunction(() => document.documentElement.dataset['reviewReady'] !== undefined);
  const row = page.locator(`table[data-schedule] tbody tr[data-ref="${FIGURE_REF}"]`);
  await expect(row.locator('td.rv-col')).toHaveText(/已簽核/);
  await first.context.close();

  // The figure's value changes in the data; the copy is rebuilt and served again.
  const yaml = readFileSync(join(dir, 'data', 'datasets', 'facts.yaml'), 'utf8');
  const fee = /report-fee:[\s\S]*?value: (\d+)/.exec(yaml)?.[1] ?? '';
  expect(fee).not.toBe('');
  editFile(
    dir,
    'data/datasets/facts.yaml',
    `value: ${fee}\n    source: company`,
    `value: ${Number(fee) + 10_000}\n    source: company`,
  );
  await stopServer();
  build();
  server = await startServer();

  const again = await signedIn(browser, 'reviewer');
  const p2 = again.page;
  await openChapter(p2);
  const after = (await p2.locator(`article .fig[data-ref="${FIGURE_REF}"]`).first().textContent()) ?? '';
  expect(after).not.toBe(before);
  const stale = badgeOf(p2, FIGURE_KEY);
  await expect(stale).toContainText('已過時');
  await stale.click();
  const d2 = p2.locator('dialog.rv-dialog');
  const compare = d2.locator('.rv-compare');
  await expect(compare.locator('.rv-old').first()).toContainText(before);
  await expect(compare.locator('.rv-new').first()).toContainText(after);
  // The changed characters are marked on each side.
  expect((await compare.locator('.rv-old del').allTextContents()).join('')).not.toBe('');
  expect((await compare.locator('.rv-new ins').allTextContents()).join('')).not.toBe('');
  await p2.keyboard.press('Escape');

  // The English edition's page shows the same item's state in English.
  await p2.goto(url(`/en${CHAPTER}`));
  await p2.waitForFunction(() => document.documentElement.dataset['reviewReady'] !== undefined);
  await expect(badgeOf(p2, FIGURE_KEY)).toContainText('Stale');

  await p2.goto(url('/verification/'));
  await p2.waitForFunction(() => document.documentElement.dataset['reviewReady'] !== undefined);
  const rows = p2.locator('table[data-schedule] tbody tr');
  const total = await rows.count();
  await p2.selectOption('select[data-filter="signoff"]', 'stale');
  const visible = p2.locator('table[data-schedule] tbody tr:not([hidden])');
  await expect(visible).toHaveCount(1);
  await expect(visible.first()).toHaveAttribute('data-ref', FIGURE_REF);
  await expect(visible.first().locator('td.rv-col')).toHaveText(/已過時/);
  await expect(p2.locator('[data-filter-count]')).toHaveText(`顯示 1 / ${total} 項`);
  // The sign-off filter combines with the page's own filters: stale and of another tie-out status is nothing.
  const status = (await visible.first().getAttribute('data-status')) ?? '';
  await p2.selectOption('select[data-filter="status"]', status);
  await expect(visible).toHaveCount(1);
  const other = await p2
    .locator('select[data-filter="status"] option')
    .evaluateAll(
      (options, own) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== '' && v !== own),
      status,
    );
  await p2.selectOption('select[data-filter="status"]', other ?? '');
  await expect(visible).toHaveCount(0);
  await expect(p2.locator('[data-filter-count]')).toHaveText(`顯示 0 / ${total} 項`);

  // Row by row, the page's column says what the server's schedule.csv says.
  await p2.selectOption('select[data-filter="signoff"]', '');
  await p2.selectOption('select[data-filter="status"]', '');
  const onPage = (await rows.locator('td.rv-col').allTextContents()).map(
    (t) => /已簽核|已過時|未簽核/.exec(t)?.[0] ?? t,
  );
  const csv = await p2.request.get(url('/_review/schedule.csv'));
  const [header = [], ...records] = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
  const stateColumn = header.indexOf('簽核狀態');
  const refColumn = header.indexOf('數據編號');
  expect(stateColumn).toBeGreaterThan(-1);
  expect(records.map((r) => r[stateColumn])).toEqual(onPage);
  expect(records.filter((r) => r[stateColumn] === '已過時').map((r) => r[refColumn])).toEqual([FIGURE_REF]);
  await again.context.close();
});
