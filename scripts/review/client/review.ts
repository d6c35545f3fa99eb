/**
 * The reviewers' workspace in the browser: sign-off badges and a dialog (wording covered, stale
 * wording side by side, history, sign-off and query forms) on chapter pages; a sign-off column,
 * filter and CSV links on the verification schedule; open queries on the home page; a signed-in
 * banner everywhere. Served by `npm run review` as JavaScript (types stripped at server start),
 * so it imports types only. Every text that comes from the server is set with textContent.
 */

import type { chapterItems, ITEM_ELEMENTS, PageItem } from '../../../src/lib/review/item-keys.ts';
import type { Covered, ItemKind, ReviewItem } from '../../../src/lib/review/schema.ts';
import type { SignoffState } from '../../../src/lib/review/status.ts';
import type { ItemState, ReviewState } from '../api.ts';
import type { Query, Role } from '../store/store-types.ts';

/** `GET /_review/api/me`: who is signed in, and the token every POST carries. */
interface Me {
  name: string;
  role: Role;
  csrf: string;
}
type ItemView = ItemState;
type QueryView = Query;
/** `GET /_review/api/state` as far as the client reads it. */
type State = Pick<ReviewState, 'items' | 'queries'>;

const API = '/_review/api';
const en = document.documentElement.lang.startsWith('en');

/** Every word the workspace shows, per edition: the labels live here and nowhere else. */
const WORDS = {
  zh: {
    status: { signed: '已簽核', stale: '已過時', none: '未簽核' } satisfies Record<SignoffState, string>,
    kind: { figure: '數字', table: '表格', chart: '圖表', claim: '陳述', section: '章節' } satisfies Record<
      ItemKind,
      string
    >,
    role: { reviewer: '審閱人', author: '作者', admin: '管理員' } satisfies Record<Role, string>,
    queryStatus: { open: '待回覆', answered: '已回覆', closed: '已結束' } satisfies Record<QueryView['status'], string>,
    controls: '簽核及查詢',
    workspace: '審閱工作區',
    signedInAs: '已登入：',
    signOut: '登出',
    close: '關閉',
    covered: '簽核涵蓋的文字',
    value: '數值',
    source: '資料來源',
    context: '上下文',
    english: '英文版',
    staleNote: '簽核後文字已改動：左為簽核時的文字，右為現時的文字，改動處已標示。',
    signedWording: '簽核時',
    fullText: '顯示全文',
    currentWording: '現時',
    history: '簽核紀錄',
    noHistory: '尚未簽核。',
    current: '現行',
    superseded: '已過時',
    evidenceLabel: '證明文件',
    signTitle: '簽核',
    note: '備註',
    evidenceField: '證明文件檔名（content/evidence/ 內，可不填）',
    signSubmit: '簽核此項',
    queries: '查詢',
    noQueries: '沒有查詢。',
    raiseTitle: '提出查詢',
    queryText: '查詢內容',
    raiseSubmit: '提出查詢',
    answerLabel: '回覆內容',
    answerSubmit: '回覆',
    closeQuery: '結束查詢',
    closedBy: (by: string, at: string) => `${by} 於 ${at} 結束`,
    signedDone: '已簽核。',
    raisedDone: '已提出查詢。',
    answeredDone: '已回覆。',
    closedDone: '已結束查詢。',
    failed: (why: string) => `未能完成：${why}`,
    openQueries: '未結查詢',
    inSection: '本節各項的未結查詢',
    noOpenQueries: '沒有未結查詢。',
    openCount: (n: number) => `未結查詢 ${n}`,
    column: '簽核',
    filter: '簽核',
    all: '全部',
    scheduleCsv: '下載簽核附表CSV',
    queriesCsv: '下載查詢CSV',
    unknownItem: '本版本沒有此項',
    sep: '：',
  },
  en: {
    status: { signed: 'Signed', stale: 'Stale', none: 'Not signed' } satisfies Record<SignoffState, string>,
    kind: { figure: 'Figure', table: 'Table', chart: 'Chart', claim: 'Claim', section: 'Section' } satisfies Record<
      ItemKind,
      string
    >,
    role: { reviewer: 'reviewer', author: 'author', admin: 'admin' } satisfies Record<Role, string>,
    queryStatus: { open: 'Awaiting answer', answered: 'Answered', closed: 'Closed' } satisfies Record<
      QueryView['status'],
      string
    >,
    controls: 'sign-off and queries',
    workspace: 'Review workspace',
    signedInAs: 'Signed in: ',
    signOut: 'Sign out',
    close: 'Close',
    covered: 'Wording the sign-off covers',
    value: 'Value',
    source: 'Source',
    context: 'Context',
    english: 'English edition',
    staleNote:
      'The wording changed after the sign-off: signed wording on the left, current on the right, changes marked.',
    signedWording: 'Signed',
    fullText: 'Show full text',
    currentWording: 'Current',
    history: 'Sign-off history',
    noHistory: 'Not signed yet.',
    current: 'current',
    superseded: 'stale',
    evidenceLabel: 'Evidence',
    signTitle: 'Sign off',
    note: 'Note',
    evidenceField: 'Evidence file name (in content/evidence/, optional)',
    signSubmit: 'Sign off this item',
    queries: 'Queries',
    noQueries: 'No queries.',
    raiseTitle: 'Raise a query',
    queryText: 'Query',
    raiseSubmit: 'Raise query',
    answerLabel: 'Answer',
    answerSubmit: 'Answer',
    closeQuery: 'Close query',
    closedBy: (by: string, at: string) => `closed by ${by} on ${at}`,
    signedDone: 'Signed off.',
    raisedDone: 'Query raised.',
    answeredDone: 'Answer sent.',
    closedDone: 'Query closed.',
    failed: (why: string) => `Not done: ${why}`,
    openQueries: 'Open queries',
    inSection: 'Open queries on items in this section',
    noOpenQueries: 'No open queries.',
    openCount: (n: number) => `${n} open ${n === 1 ? 'query' : 'queries'}`,
    column: 'Sign-off',
    filter: 'Sign-off',
    all: 'All',
    scheduleCsv: 'Download the schedule with sign-offs (CSV)',
    queriesCsv: 'Download the queries (CSV)',
    unknownItem: 'Not in this copy',
    sep: ': ',
  },
};
const T = en ? WORDS.en : WORDS.zh;
const STATES: readonly SignoffState[] = ['signed', 'stale', 'none'];

let me: Me | undefined;
let state: State = { items: {}, queries: [] };
/** Where items are (chapter, section), from the page's own items or the copy's review-items.json. */
const catalogue = new Map<string, { chapterId: string; sectionId?: string | undefined }>();
/** Every badge on the page by item key, so a new state repaints them in place (focus stays put). */
const badges = new Map<string, HTMLButtonElement[]>();
const live = el('p', { class: 'rv-sr', role: 'status', 'aria-live': 'polite' });

// ---------- DOM helpers: text only, never markup from data ----------

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Marks what the workspace adds, so the key rule reads the page's own words only.
  node.setAttribute('data-review-ui', '');
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** `2026-12-04T23:10:00.000Z` → `2026-12-04 23:10 UTC`: one zone for every reviewer. */
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function kindOf(key: string): ItemKind {
  const kind = key.slice(0, key.indexOf(':'));
  return kind === 'figure' || kind === 'table' || kind === 'chart' || kind === 'claim' ? kind : 'section';
}

function canSign(): boolean {
  return me?.role === 'reviewer' || me?.role === 'admin';
}
function canAnswer(): boolean {
  return me?.role === 'author' || me?.role === 'admin';
}

// ---------- server ----------

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A POST with the session's CSRF token; resolves to an error message, or undefined when done. */
async function post(path: string, body: unknown): Promise<string | undefined> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': me?.csrf ?? '' },
    body: JSON.stringify(body),
  });
  if (response.ok) return undefined;
  let why = `HTTP ${response.status}`;
  try {
    const data = (await response.json()) as { error?: unknown };
    if (typeof data.error === 'string') why = data.error;
  } catch {
    // A body that is not JSON: the status says enough.
  }
  return why;
}

async function refresh(): Promise<void> {
  state = await getJson<State>(`${API}/state`);
  for (const [key, buttons] of badges) for (const b of buttons) paintBadge(b, key);
  for (const hook of afterRefresh) hook();
}
const afterRefresh: (() => void)[] = [];

// ---------- badges ----------

function statusOf(key: string): SignoffState | undefined {
  return state.items[key]?.status;
}

function openQueriesOf(key: string): number {
  return state.queries.filter((q) => q.key === key && q.status !== 'closed').length;
}

function itemName(key: string): string {
  return `${T.kind[kindOf(key)]} ${state.items[key]?.label ?? key}`;
}

function paintBadge(button: HTMLButtonElement, key: string): void {
  const status = statusOf(key);
  const open = openQueriesOf(key);
  button.dataset['rvState'] = status ?? 'unknown';
  button.replaceChildren(
    el('span', { class: 'rv-state' }, status ? T.status[status] : T.unknownItem),
    ...(open > 0 ? [el('span', { class: 'rv-count', 'aria-hidden': 'true' }, String(open))] : []),
    el(
      'span',
      { class: 'rv-sr' },
      `${T.sep}${itemName(key)}, ${T.controls}${open > 0 ? `, ${T.openCount(open)}` : ''}`,
    ),
  );
  button.disabled = status === undefined;
}

/** A badge that names the item's state and opens its dialog. */
function badge(key: string): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'rv-badge', 'aria-haspopup': 'dialog', 'data-rv-key': key });
  button.addEventListener('click', () => openDialog(key, button));
  const list = badges.get(key);
  if (list) list.push(button);
  else badges.set(key, [button]);
  paintBadge(button, key);
  return button;
}

/** The control line above a table, a chart or below a section heading. */
function bar(key: string, extra: Node[] = []): HTMLDivElement {
  return el('div', { class: 'rv-bar' }, el('span', { class: 'rv-kind' }, T.kind[kindOf(key)]), badge(key), ...extra);
}

// ---------- wording diff ----------

/** Numbers and Latin words as whole tokens, every other character alone (Chinese reads by character). */
function tokens(text: string): string[] {
  return text.match(/[\p{Script=Latin}\p{Nd}][\p{Script=Latin}\p{Nd}.,%']*(?<![.,])|\s+|./gsu) ?? [];
}

/**
 * Which tokens of each side differ: the common head and tail are cut first, then the middle is
 * compared token by token (longest common subsequence) when small enough, else marked whole.
 */
function diff(a: string, b: string): { old: [string, boolean][]; now: [string, boolean][] } {
  const x = tokens(a);
  const y = tokens(b);
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xm = x.slice(head, x.length - tail);
  const ym = y.slice(head, y.length - tail);
  const keepX = new Array<boolean>(xm.length).fill(false);
  const keepY = new Array<boolean>(ym.length).fill(false);
  if (xm.length * ym.length <= 2_000_000) {
    const w = ym.length + 1;
    const table = new Uint16Array((xm.length + 1) * w);
    for (let i = xm.length - 1; i >= 0; i--)
      for (let j = ym.length - 1; j >= 0; j--)
        table[i * w + j] =
          xm[i] === ym[j]
            ? (table[(i + 1) * w + j + 1] ?? 0) + 1
            : Math.max(table[(i + 1) * w + j] ?? 0, table[i * w + j + 1] ?? 0);
    let i = 0;
    let j = 0;
    while (i < xm.length && j < ym.length) {
      if (xm[i] === ym[j]) {
        keepX[i++] = true;
        keepY[j++] = true;
      } else if ((table[(i + 1) * w + j] ?? 0) >= (table[i * w + j + 1] ?? 0)) i++;
      else j++;
    }
  }
  const side = (all: string[], middle: boolean[]): [string, boolean][] =>
    all.map((t, i) => [t, i >= head && i < all.length - tail && !middle[i - head] && t.trim() !== '']);
  return { old: side(x, keepX), now: side(y, keepY) };
}

/** Unchanged text longer than this is shortened around the changes until "show full text". */
const KEEP = 60;

/** An unchanged stretch: whole when short, else its ends with the middle hidden behind an ellipsis. */
function unchanged(text: string, first: boolean, last: boolean): Node[] {
  // Text with no change at all (a field that stayed the same) keeps its beginning.
  const head = first ? (last ? 2 * KEEP : 0) : KEEP;
  const tail = last ? 0 : KEEP;
  if (text.length <= head + tail + KEEP) return [document.createTextNode(text)];
  return [
    document.createTextNode(text.slice(0, head)),
    el('span', { class: 'rv-ellipsis' }, '…'),
    el('span', { class: 'rv-elided' }, text.slice(head, text.length - tail)),
    document.createTextNode(text.slice(text.length - tail)),
  ];
}

/** Runs of equal marking joined, changed runs wrapped in `del` (signed side) or `ins` (current side). */
function marked(parts: [string, boolean][], tag: 'del' | 'ins'): Node[] {
  const out: Node[] = [];
  let run = '';
  let changed = false;
  const flush = () => {
    if (run !== '') out.push(...(changed ? [el(tag, {}, run)] : unchanged(run, out.length === 0, false)));
    run = '';
  };
  for (const [text, isChanged] of parts) {
    if (isChanged !== changed && text.trim() !== '') {
      flush();
      changed = isChanged;
    }
    run += text;
  }
  if (run !== '') out.push(...(changed ? [el(tag, {}, run)] : unchanged(run, out.length === 0, true)));
  return out;
}

// ---------- dialog ----------

const dialog = el('dialog', { class: 'rv-dialog', 'aria-labelledby': 'rv-dialog-title' });
/** Head, result line and body stay in place; only their contents change, so the result is announced. */
const dialogHead = el('header', { class: 'rv-dialog-head' });
const dialogLive = el('p', { class: 'rv-live', role: 'status', 'aria-live': 'polite' });
const dialogBody = el('div', { class: 'rv-dialog-body' });
dialog.append(dialogHead, dialogLive, dialogBody);
let dialogKey: string | undefined;
let opener: HTMLElement | undefined;
// A click on the page beside the panel (the backdrop) closes it, as Escape does.
dialog.addEventListener('click', (event) => {
  if (event.target === dialog && event.clientX < dialog.getBoundingClientRect().left) dialog.close();
});
/** Where each item is on this page, to show it beside the open panel. */
const anchors = new Map<string, Element>();
dialog.addEventListener('close', () => {
  dialogKey = undefined;
  document.documentElement.classList.remove('rv-panel-open');
  for (const node of document.querySelectorAll('.rv-current')) node.classList.remove('rv-current');
  if (opener?.isConnected) opener.focus();
});

/** The document's own words are Chinese (the signed edition) or English: said so for screen readers. */
const ZH = { lang: 'zh-Hant-HK' };

function coveredList(covered: Covered, heading: string, lang: string): HTMLElement {
  const rows: Node[] = [];
  const row = (term: string, text: string | undefined) => {
    if (text !== undefined && text !== '') rows.push(el('dt', {}, term), el('dd', {}, text));
  };
  row(T.value, covered.value);
  row(T.source, covered.source);
  row(T.context, covered.context);
  return el('section', { class: 'rv-covered' }, el('h3', {}, heading), el('dl', { lang }, ...rows));
}

function staleCompare(signed: Covered, current: Covered): HTMLElement {
  const grid = el('div', { class: 'rv-compare' });
  grid.append(
    el('div', { class: 'rv-compare-head' }, T.signedWording),
    el('div', { class: 'rv-compare-head' }, T.currentWording),
  );
  const fields: [string, string | undefined, string | undefined][] = [
    [T.value, signed.value, current.value],
    [T.source, signed.source, current.source],
    [T.context, signed.context, current.context],
  ];
  for (const [term, old, now] of fields) {
    if ((old ?? '') === '' && (now ?? '') === '') continue;
    const d = diff(old ?? '', now ?? '');
    grid.append(
      el(
        'div',
        { class: 'rv-compare-cell rv-old' },
        el('span', { class: 'rv-term' }, term),
        el('span', ZH, ...marked(d.old, 'del')),
      ),
      el(
        'div',
        { class: 'rv-compare-cell rv-new' },
        el('span', { class: 'rv-term' }, term),
        el('span', ZH, ...marked(d.now, 'ins')),
      ),
    );
  }
  const full = el('button', { type: 'button', class: 'rv-link', 'aria-pressed': 'false' }, T.fullText);
  full.addEventListener('click', () => {
    const on = grid.classList.toggle('rv-full');
    full.setAttribute('aria-pressed', String(on));
  });
  return el(
    'section',
    { class: 'rv-stale' },
    el('h3', {}, T.status.stale),
    el('p', { class: 'rv-hint' }, T.staleNote, ' ', full),
    grid,
  );
}

/** The words a sign-off covered are the item's words now (what its hash stands for). */
function sameWords(a: Covered, b: Covered): boolean {
  return (a.value ?? '') === (b.value ?? '') && (a.source ?? '') === (b.source ?? '') && a.context === b.context;
}

/** Newest first, each marked current (it covers the words shown now) or stale. */
function history(view: ItemView): HTMLElement {
  const section = el('section', { class: 'rv-history' }, el('h3', {}, T.history));
  if (view.signoffs.length === 0) {
    section.append(el('p', { class: 'rv-empty' }, T.noHistory));
    return section;
  }
  const list = el('ol', { reversed: '' });
  for (const s of [...view.signoffs].reverse()) {
    const current = sameWords(s.covered, view.current);
    const meta = el(
      'p',
      { class: 'rv-meta' },
      el('strong', {}, s.by),
      ` · ${when(s.at)} · `,
      el(
        'span',
        { class: current ? 'rv-tag rv-tag-signed' : 'rv-tag rv-tag-stale' },
        current ? T.current : T.superseded,
      ),
    );
    const entry = el('li', {}, meta);
    if (s.note !== '') entry.append(el('p', { class: 'rv-note' }, s.note));
    if (s.evidence) {
      entry.append(
        el(
          'p',
          { class: 'rv-evidence' },
          `${T.evidenceLabel}${T.sep}`,
          el('a', { href: `/_review/evidence/${s.evidence.split('/').map(encodeURIComponent).join('/')}` }, s.evidence),
        ),
      );
    }
    list.append(entry);
  }
  section.append(list);
  return section;
}

function field(label: string, control: HTMLInputElement | HTMLTextAreaElement): HTMLLabelElement {
  return el('label', { class: 'rv-field' }, el('span', {}, label), control);
}

/** The evidence folder's files, offered as the evidence field's suggestions (read once). */
const evidenceFiles = el('datalist', { id: 'rv-evidence-files' });
let evidenceAsked = false;
function suggestEvidence(): void {
  if (evidenceAsked) return;
  evidenceAsked = true;
  getJson<{ files: string[] }>(`${API}/evidence`)
    .then(({ files }) => evidenceFiles.replaceChildren(...files.map((f) => el('option', { value: f }))))
    .catch(() => {
      // Without suggestions the field still takes a typed name.
    });
}

/** A form whose submit posts and, when the server agrees, reloads the state and says so. */
function actionForm(
  className: string,
  fields: Node[],
  submitText: string,
  send: (data: FormData) => Promise<string | undefined>,
  done: string,
): HTMLFormElement {
  const form = el('form', { class: `rv-form ${className}` }, ...fields, el('button', { type: 'submit' }, submitText));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(form, () => send(new FormData(form)), done);
  });
  return form;
}

async function act(form: HTMLElement, send: () => Promise<string | undefined>, done: string): Promise<void> {
  for (const b of form.querySelectorAll('button')) b.disabled = true;
  const error = await send().catch((e: unknown) => String(e));
  if (error !== undefined) {
    for (const b of form.querySelectorAll('button')) b.disabled = false;
    say(T.failed(error), true);
    return;
  }
  try {
    await refresh();
    say(done, false);
  } catch (e) {
    say(T.failed(String(e)), true);
  }
}

function say(message: string, failed: boolean): void {
  const where = dialog.open ? dialogLive : live;
  where.textContent = message;
  where.classList.toggle('rv-failed', failed);
}

function queryBlock(q: QueryView): HTMLElement {
  const item = el(
    'li',
    { class: `rv-query rv-query-${q.status}`, 'data-rv-query': String(q.id) },
    el(
      'p',
      { class: 'rv-meta' },
      el('strong', {}, q.by),
      ` · ${when(q.at)} · `,
      el('span', { class: `rv-tag rv-tag-q-${q.status}` }, T.queryStatus[q.status]),
    ),
    el('p', { class: 'rv-note' }, q.text),
  );
  if (q.answers.length > 0) {
    const answers = el('ul', { class: 'rv-answers' });
    for (const a of q.answers)
      answers.append(
        el(
          'li',
          {},
          el('p', { class: 'rv-meta' }, el('strong', {}, a.by), ` · ${when(a.at)}`),
          el('p', { class: 'rv-note' }, a.text),
        ),
      );
    item.append(answers);
  }
  if (q.status === 'closed') {
    item.append(el('p', { class: 'rv-meta' }, T.closedBy(q.closedBy ?? '', when(q.closedAt ?? ''))));
    return item;
  }
  const actions = el('div', { class: 'rv-query-actions' });
  if (canAnswer()) {
    const text = el('textarea', { name: 'text', rows: '2', required: '', maxlength: '4000' });
    actions.append(
      actionForm(
        'rv-answer',
        [field(T.answerLabel, text)],
        T.answerSubmit,
        (data) => post(`${API}/queries/${q.id}/answers`, { text: String(data.get('text') ?? '') }),
        T.answeredDone,
      ),
    );
  }
  if (canSign()) {
    const close = el('button', { type: 'button', class: 'rv-secondary' }, T.closeQuery);
    close.addEventListener(
      'click',
      () => void act(actions, () => post(`${API}/queries/${q.id}/close`, {}), T.closedDone),
    );
    actions.append(close);
  }
  if (actions.childElementCount > 0) item.append(actions);
  return item;
}

/** A section's panel lists the open queries on the figures, tables and charts in it, each a way to its item. */
function sectionQueries(key: string): HTMLElement[] {
  const sectionId = key.slice('section:'.length);
  const open = state.queries.filter(
    (q) => q.key !== key && q.status !== 'closed' && catalogue.get(q.key)?.sectionId === sectionId,
  );
  if (open.length === 0) return [];
  const list = el('ul', { class: 'rv-open-list' });
  for (const q of open) {
    const go = el('button', { type: 'button', class: 'rv-link' }, itemName(q.key));
    go.addEventListener('click', () => {
      const target = badges.get(q.key)?.[0];
      if (target) openDialog(q.key, target);
    });
    list.append(
      el(
        'li',
        { 'data-rv-query': String(q.id) },
        go,
        ' ',
        el('span', { class: `rv-tag rv-tag-q-${q.status}` }, T.queryStatus[q.status]),
        el('p', { class: 'rv-note' }, q.text),
      ),
    );
  }
  return [el('section', { class: 'rv-section-open' }, el('h3', {}, T.inSection), list)];
}

function renderDialog(key: string): void {
  const view = state.items[key];
  const title = el(
    'h2',
    { id: 'rv-dialog-title', tabindex: '-1' },
    `${T.kind[kindOf(key)]} `,
    el('span', ZH, state.items[key]?.label ?? key),
  );
  const closeButton = el('button', { type: 'button', class: 'rv-close', 'aria-label': T.close }, '×');
  closeButton.addEventListener('click', () => dialog.close());
  const status = view?.status;
  dialogHead.replaceChildren(
    el(
      'span',
      { class: 'rv-badge rv-static', 'data-rv-state': status ?? 'unknown' },
      status ? T.status[status] : T.unknownItem,
    ),
    title,
    closeButton,
  );
  const body = dialogBody;
  body.replaceChildren();
  if (view) {
    // A stale item's current words are the right-hand column of the comparison.
    if (view.status === 'stale' && view.stale) body.append(staleCompare(view.stale, view.current));
    else body.append(coveredList(view.current, T.covered, ZH.lang));
    if (en && view.currentEn) body.append(coveredList(view.currentEn, T.english, 'en'));
    body.append(history(view));
  }
  const queries = state.queries.filter((q) => q.key === key);
  const qSection = el('section', { class: 'rv-queries' }, el('h3', {}, T.queries));
  if (queries.length === 0) qSection.append(el('p', { class: 'rv-empty' }, T.noQueries));
  else qSection.append(el('ol', { class: 'rv-query-list' }, ...queries.map(queryBlock)));
  body.append(qSection);
  if (kindOf(key) === 'section') body.append(...sectionQueries(key));
  if (view && canSign()) {
    suggestEvidence();
    const note = el('textarea', { name: 'note', rows: '2', maxlength: '4000' });
    const evidence = el('input', {
      name: 'evidence',
      type: 'text',
      maxlength: '200',
      autocomplete: 'off',
      list: 'rv-evidence-files',
    });
    const text = el('textarea', { name: 'text', rows: '2', required: '', maxlength: '4000' });
    body.append(
      el(
        'div',
        { class: 'rv-forms' },
        el(
          'section',
          {},
          el('h3', {}, T.signTitle),
          actionForm(
            'rv-signoff',
            [field(T.note, note), field(T.evidenceField, evidence), evidenceFiles],
            T.signSubmit,
            (data) => {
              const file = String(data.get('evidence') ?? '').trim();
              return post(`${API}/signoffs`, {
                key,
                note: String(data.get('note') ?? ''),
                ...(file ? { evidence: file } : {}),
              });
            },
            T.signedDone,
          ),
        ),
        el(
          'section',
          {},
          el('h3', {}, T.raiseTitle),
          actionForm(
            'rv-raise',
            [field(T.queryText, text)],
            T.raiseSubmit,
            (data) => post(`${API}/queries`, { key, text: String(data.get('text') ?? '') }),
            T.raisedDone,
          ),
        ),
      ),
    );
  }
}

function openDialog(key: string, from: HTMLElement): void {
  opener = from;
  dialogLive.textContent = '';
  dialogKey = key;
  renderDialog(key);
  for (const node of document.querySelectorAll('.rv-current')) node.classList.remove('rv-current');
  // The panel opens at the side; the page moves over so the item reads in context beside it.
  document.documentElement.classList.add('rv-panel-open');
  const anchor = anchors.get(key);
  anchor?.classList.add('rv-current');
  if (!dialog.open) dialog.showModal();
  anchor?.scrollIntoView({ block: 'center' });
  dialog.querySelector<HTMLElement>('#rv-dialog-title')?.focus();
}

afterRefresh.push(() => {
  if (dialogKey === undefined || !dialog.open) return;
  renderDialog(dialogKey);
  dialog.querySelector<HTMLElement>('#rv-dialog-title')?.focus();
});

// ---------- where the items are on a page ----------

/**
 * The build's own rule for a chapter's items and their keys (`src/lib/review/item-keys.ts`): the
 * server places `const reviewKeys = { chapterItems, ITEM_ELEMENTS };` (the function's source and
 * the selector) before this script, so the page and the build can never disagree on a key.
 */
declare const reviewKeys: { chapterItems: typeof chapterItems; ITEM_ELEMENTS: typeof ITEM_ELEMENTS };

/** Each item of a chapter's article with the element it is read from. */
function keyedElements(root: Element, chapterId: string): { item: PageItem; element: Element }[] {
  const elements = root.querySelectorAll(reviewKeys.ITEM_ELEMENTS);
  return reviewKeys.chapterItems(root, chapterId).flatMap((item) => {
    const element = elements[item.index];
    return element ? [{ item, element }] : [];
  });
}

/** A page of one section of the document: its id is the id of its article on the whole-document page. */
const CHAPTER_PATH = /^\/(?:en\/)?(?:chapters\/([^/]+)|(definitions|glossary))\/?$/;

function chapterPage(chapterId: string): void {
  const article = document.querySelector('main article');
  if (!article) return;
  const found = keyedElements(article, chapterId);
  for (const { item, element } of found) {
    catalogue.set(item.key, item);
    anchors.set(item.key, element);
  }
  for (const { item, element } of found) {
    const { key, kind } = item;
    if (kind === 'figure') element.after(badge(key));
    else if (kind === 'section') {
      const count = el('span', { class: 'rv-section-queries' });
      const paint = () => {
        const open = state.queries.filter(
          (q) => q.status !== 'closed' && (q.key === key || catalogue.get(q.key)?.sectionId === element.id),
        ).length;
        count.textContent = open > 0 ? T.openCount(open) : '';
      };
      afterRefresh.push(paint);
      paint();
      element.after(bar(key, [count]));
    } else element.before(bar(key));
  }
}

/** Where an item is read: its chapter page in this edition, or the schedule for a claim. */
function itemHref(key: string): string {
  const item = catalogue.get(key);
  const hash = `#review=${encodeURIComponent(key)}`;
  if (kindOf(key) === 'claim' || !item?.chapterId) return `/verification/${hash}`;
  const id = encodeURIComponent(item.chapterId);
  const page = item.chapterId === 'definitions' || item.chapterId === 'glossary' ? `/${id}/` : `/chapters/${id}/`;
  return `${en ? '/en' : ''}${page}${hash}`;
}

/** `#review=<key>` (a link from the home page's queries) opens that item's dialog. */
function openFromHash(): void {
  const match = /^#review=(.+)$/.exec(location.hash);
  if (!match?.[1]) return;
  const key = decodeURIComponent(match[1]);
  const button = badges.get(key)?.[0];
  if (!button) return;
  button.scrollIntoView({ block: 'center' });
  openDialog(key, button);
}

// ---------- verification page ----------

/**
 * Each schedule row's item: a prose figure is its own item, a table's or chart's cell belongs to
 * its table or chart. The rows list the printed document's figures in order, each row's id the
 * figure's data id and occurrence, so the whole-document page, read with the same key rule, says
 * which item each occurrence is.
 */
async function scheduleKeys(): Promise<Map<string, string>> {
  const html = await (await fetch('/document/', { credentials: 'same-origin' })).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const byElement = new Map<Element, string>();
  for (const article of doc.querySelectorAll('article.print-chapter[id]')) {
    for (const { item, element } of keyedElements(article, article.id)) {
      if (item.kind === 'figure') byElement.set(element, item.key);
      else if (item.kind === 'table' || item.kind === 'chart')
        for (const cell of element.querySelectorAll('[data-ref]')) byElement.set(cell, item.key);
    }
  }
  const seen = new Map<string, number>();
  const byOccurrence = new Map<string, string>();
  for (const figure of doc.querySelectorAll<HTMLElement>('article.print-chapter [data-ref]')) {
    const ref = figure.dataset['ref'] ?? '';
    const n = (seen.get(ref) ?? 0) + 1;
    seen.set(ref, n);
    const key = byElement.get(figure);
    if (key) byOccurrence.set(`${ref}~${n}`, key);
  }
  return byOccurrence;
}

async function verificationPage(rowKeys: Promise<Map<string, string>>): Promise<void> {
  const links = el(
    'p',
    { class: 'rv-links' },
    el('span', { class: 'rv-brand' }, T.workspace),
    el('a', { href: '/_review/schedule.csv', download: '' }, T.scheduleCsv),
    el('a', { href: '/_review/queries.csv', download: '' }, T.queriesCsv),
  );
  const downloads = document.querySelector('a[href$="verification.csv"]')?.closest('p');
  if (downloads) downloads.after(links);
  else document.querySelector('main h1')?.after(links);

  // The claims table is wide already: each claim's badge goes under its id, where it is seen.
  for (const row of document.querySelectorAll<HTMLTableRowElement>('table[data-claims] tbody tr[data-claim]')) {
    const key = `claim:${row.dataset['claim']}`;
    if (!state.items[key]) continue;
    row.cells[0]?.append(el('div', { class: 'rv-claim' }, badge(key)));
    anchors.set(key, row);
  }

  const schedule = document.querySelector<HTMLTableElement>('table[data-schedule]');
  if (!schedule) return;
  const keys = await rowKeys;
  const seen = new Map<string, number>();
  const rows = addColumn(schedule, (row) => {
    const ref = row.dataset['ref'] ?? '';
    const n = (seen.get(ref) ?? 0) + 1;
    seen.set(ref, n);
    return keys.get(`${ref}~${n}`);
  });
  const form = document.querySelector<HTMLFormElement>('form.schedule-filters');
  const select = el('select', { name: 'signoff', 'data-filter': 'signoff' }, el('option', { value: '' }, T.all));
  for (const s of STATES) select.append(el('option', { value: s }, T.status[s]));
  const label = el('label', { class: 'rv-filter' }, `${T.filter} `, select);
  const count = form?.querySelector('output');
  if (count) count.before(label);
  else form?.append(label);
  const mark = () => {
    // A row no item covers is not signed, as the schedule's CSV says.
    for (const [row, key] of rows) row.dataset['signoff'] = (key && statusOf(key)) || 'none';
    // The page's own filter script listens for changes on the form: it applies every select.
    form?.dispatchEvent(new Event('change'));
  };
  afterRefresh.push(mark);
  mark();
}

/** A sign-off column at the end of a table: each row's badge, or a dash for a row with no item. */
function addColumn(
  table: HTMLTableElement | null,
  keyOf: (row: HTMLTableRowElement) => string | undefined,
): Map<HTMLTableRowElement, string | undefined> {
  const rows = new Map<HTMLTableRowElement, string | undefined>();
  if (!table) return rows;
  table.tHead?.rows[0]?.append(el('th', { scope: 'col', class: 'rv-col' }, T.column));
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      const key = keyOf(row);
      rows.set(row, key);
      if (key && !anchors.has(key)) anchors.set(key, row);
      row.append(el('td', { class: 'rv-col' }, key && state.items[key] ? badge(key) : '—'));
    }
  }
  return rows;
}

// ---------- home page ----------

async function homePage(): Promise<void> {
  const file = await getJson<{ items: ReviewItem[] }>('/review-items.json');
  for (const item of file.items) catalogue.set(item.key, item);
  const list = el('ul', { class: 'rv-open-list' });
  const empty = el('p', { class: 'rv-empty' }, T.noOpenQueries);
  const section = el(
    'section',
    { class: 'rv-home', 'aria-labelledby': 'rv-open-title' },
    el('h2', { id: 'rv-open-title' }, T.openQueries),
    empty,
    list,
  );
  const paint = () => {
    const open = state.queries.filter((q) => q.status !== 'closed');
    empty.hidden = open.length > 0;
    list.replaceChildren(
      ...open.map((q) =>
        el(
          'li',
          { 'data-rv-query': String(q.id) },
          el('a', { href: itemHref(q.key) }, itemName(q.key)),
          el('span', { class: `rv-tag rv-tag-q-${q.status}` }, T.queryStatus[q.status]),
          el('p', { class: 'rv-note' }, q.text),
          el('p', { class: 'rv-meta' }, `${q.by} · ${when(q.at)}`),
        ),
      ),
    );
  };
  afterRefresh.push(paint);
  paint();
  const hero = document.querySelector('main .home-hero');
  if (hero) hero.after(section);
  else document.querySelector('main')?.prepend(section);
}

// ---------- every page ----------

function banner(user: Me): HTMLElement {
  const out = el('button', { type: 'button' }, T.signOut);
  out.addEventListener('click', () => {
    void post('/_review/logout', {}).finally(() => location.assign('/_review/login'));
  });
  return el(
    'div',
    { class: 'rv-banner', role: 'region', 'aria-label': T.workspace },
    el('span', { class: 'rv-brand' }, T.workspace),
    el('span', {}, T.signedInAs, el('strong', {}, user.name), ` (${T.role[user.role]})`),
    out,
  );
}

const VERIFICATION_PATH = /^\/(?:en\/)?verification\/$/;

async function start(): Promise<void> {
  // The schedule's keys come from the whole-document page: read it while the state loads.
  const rowKeys = VERIFICATION_PATH.test(location.pathname) ? scheduleKeys() : undefined;
  // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
  rowKeys?.catch(() => undefined);
  const [who, now] = await Promise.all([getJson<Me>(`${API}/me`), getJson<State>(`${API}/state`)]);
  me = who;
  state = now;
  document.body.prepend(banner(who));
  document.body.append(dialog, live);
  const path = location.pathname;
  const chapter = CHAPTER_PATH.exec(path);
  const chapterId = chapter?.[1] ?? chapter?.[2];
  if (chapterId) chapterPage(decodeURIComponent(chapterId));
  else if (rowKeys) await verificationPage(rowKeys);
  else if (path === '/' || path === '/en/') await homePage();
  openFromHash();
  document.documentElement.dataset['reviewReady'] = '';
}

// Back on this tab, the badges catch up with what others signed meanwhile; an open panel is left
// alone, since redrawing it would lose what is being typed.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && me && !dialog.open) refresh().catch(() => undefined);
});

start().catch((error: unknown) => {
  live.textContent = T.failed(String(error));
  document.body.append(live);
});
