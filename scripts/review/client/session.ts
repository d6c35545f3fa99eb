/**
 * What the client knows: who is signed in, the server's state of every item and query, where
 * items are on this page, and the requests that read and change them. Every module reads the
 * state through `session`, and a change is announced through `afterRefresh`.
 */
import type { ItemKind } from '../../../src/lib/review/schema.ts';
import type { SignoffState } from '../../../src/lib/review/status.ts';
import type { ItemState, ReviewState } from '../api.ts';
import type { Query, Role } from '../store/store-types.ts';
import { API, T } from './words.ts';

/** `GET /_review/api/me`: who is signed in, and the token every POST carries. */
export interface Me {
  name: string;
  role: Role;
  csrf: string;
}
export type ItemView = ItemState;
export type QueryView = Query;
/** `GET /_review/api/state` as far as the client reads it. */
export type State = Pick<ReviewState, 'items' | 'queries'>;

export const session: { me: Me | undefined; state: State } = { me: undefined, state: { items: {}, queries: [] } };
/** Where items are (chapter, section), from the page's own items or the copy's review-items.json. */
export const catalogue = new Map<string, { chapterId: string; sectionId?: string | undefined }>();
/** Every badge on the page by item key, so a new state repaints them in place (focus stays put). */
export const badges = new Map<string, HTMLButtonElement[]>();
/** Where each item is on this page, to show it beside the open panel. */
export const anchors = new Map<string, Element>();

export function kindOf(key: string): ItemKind {
  const kind = key.slice(0, key.indexOf(':'));
  return kind === 'figure' || kind === 'table' || kind === 'chart' || kind === 'claim' ? kind : 'section';
}

export function canSign(): boolean {
  return session.me?.role === 'reviewer' || session.me?.role === 'admin';
}
export function canAnswer(): boolean {
  return session.me?.role === 'author' || session.me?.role === 'admin';
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A POST with the session's CSRF token; resolves to an error message, or undefined when done. */
export async function post(path: string, body: unknown): Promise<string | undefined> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': session.me?.csrf ?? '' },
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

/** What must follow a new state (badges, the open panel, lists): each module adds its own. */
export const afterRefresh: (() => void)[] = [];

export async function refresh(): Promise<void> {
  session.state = await getJson<State>(`${API}/state`);
  for (const hook of afterRefresh) hook();
}

export function statusOf(key: string): SignoffState | undefined {
  return session.state.items[key]?.status;
}

export function openQueriesOf(key: string): number {
  return session.state.queries.filter((q) => q.key === key && q.status !== 'closed').length;
}

export function itemName(key: string): string {
  return `${T.kind[kindOf(key)]} ${session.state.items[key]?.label ?? key}`;
}
