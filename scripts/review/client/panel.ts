/**
 * The side panel of one item: the words covered (stale ones beside the words now), the sign-off
 * history, the sign-off and query forms, the item's queries with their answers.
 */
import type { Covered } from '../../../src/lib/review/schema.ts';
import { el, live, when } from './dom.ts';
import {
  afterRefresh,
  anchors,
  badges,
  canAnswer,
  canSign,
  catalogue,
  getJson,
  type ItemView,
  itemName,
  kindOf,
  post,
  type QueryView,
  refresh,
  session,
} from './session.ts';
import { diff, marked } from './wording-diff.ts';
import { API, en, T } from './words.ts';

export const dialog = el('dialog', { class: 'rv-dialog', 'aria-labelledby': 'rv-dialog-title' });
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

export function say(message: string, failed: boolean): void {
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
  const open = session.state.queries.filter(
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
  const view = session.state.items[key];
  const title = el(
    'h2',
    { id: 'rv-dialog-title', tabindex: '-1' },
    `${T.kind[kindOf(key)]} `,
    el('span', ZH, session.state.items[key]?.label ?? key),
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
  const queries = session.state.queries.filter((q) => q.key === key);
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

export function openDialog(key: string, from: HTMLElement): void {
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
