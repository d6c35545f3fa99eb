import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Covered, ReviewItem } from '../../src/lib/review/schema.ts';
import { type SignoffState, signoffStatus } from '../../src/lib/review/status.ts';
import type { SignedIn } from './auth.ts';
import type { ServedCopy } from './copy.ts';
import { evidenceFile, evidenceNameProblem, evidenceNames } from './evidence.ts';
import { HttpError, sendJson } from './http.ts';
import type { Query, Role, Signoff, Store } from './store.ts';

export const API_BODY_LIMIT = 64 * 1024;
const TEXT_LIMIT = 4000;

export interface ApiContext {
  store: Store;
  copy: ServedCopy;
  evidenceDir: string;
}

const Key = z.string().min(1, 'key is required').max(500, 'key is over 500 characters');
const Text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .min(1, `${what} is required`)
    .max(TEXT_LIMIT, `${what} is over ${TEXT_LIMIT} characters`);

// Strict: a browser that sends the hash or the covered words is told they are not its to give.
const SignoffBody = z.strictObject({
  key: Key,
  note: z.string({ error: 'note must be text' }).max(TEXT_LIMIT, `note is over ${TEXT_LIMIT} characters`),
  evidence: z.string().max(200, 'evidence name is over 200 characters').nullish(),
});
const QueryBody = z.strictObject({ key: Key, text: Text('text') });
const AnswerBody = z.strictObject({ text: Text('text') });
const EmptyBody = z.strictObject({});

function parse<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
  const { csrf: _csrf, ...rest } = fields;
  const parsed = schema.safeParse(rest);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unexpected field ${issue.keys.join(', ')} (the hash and covered words are read from the served copy)`
      : `${where}${issue?.message ?? 'invalid request body'}`;
  throw new HttpError(400, message);
}

function requireRole(session: SignedIn, roles: readonly Role[], what: string): void {
  if (!roles.includes(session.user.role))
    throw new HttpError(403, `${session.user.role}s cannot ${what} (needs ${roles.join(' or ')})`);
}

function requireItem(ctx: ApiContext, key: string) {
  const item = ctx.copy.items.get(key);
  if (!item) throw new HttpError(404, `no item ${key} in the served copy`);
  return item;
}

/** One item as GET /_review/api/state gives it to the client. */
export interface ItemState {
  kind: ReviewItem['kind'];
  label: string;
  status: SignoffState;
  /** Every sign-off of the item, oldest first. */
  signoffs: Signoff[];
  /** The words the served copy shows now (and in English, when printed). */
  current: Covered;
  currentEn?: Covered;
  /** For a stale item: the words its newest sign-off covered. */
  stale?: Covered;
}

export interface ReviewState {
  copy: { stage: string; commit: string; builtAt: string };
  items: Record<string, ItemState>;
  queries: Query[];
}

/** Sign-off state of every item of the served copy, and the queries. */
export function state(ctx: ApiContext): ReviewState {
  const signoffs = ctx.store.signoffs();
  const statuses = signoffStatus([...ctx.copy.items.values()], signoffs);
  const items: Record<string, ItemState> = {};
  for (const item of ctx.copy.items.values()) {
    const status = statuses.get(item.key);
    items[item.key] = {
      kind: item.kind,
      label: item.label,
      status: status?.status ?? 'none',
      signoffs: status?.signoffs ?? [],
      current: item.covered,
      ...(item.coveredEn ? { currentEn: item.coveredEn } : {}),
      ...(status?.signedCovered ? { stale: status.signedCovered } : {}),
    };
  }
  const { stage, commit, builtAt } = ctx.copy.file;
  return { copy: { stage, commit, builtAt }, items, queries: ctx.store.queries() };
}

function findQuery(ctx: ApiContext, id: number) {
  const query = ctx.store.queries().find((q) => q.id === id);
  if (!query) throw new HttpError(404, `no query ${id}`);
  if (query.status === 'closed') throw new HttpError(409, `query ${id} is closed`);
  return query;
}

/** GET routes under /_review/api/. */
export function apiGet(ctx: ApiContext, route: string, session: SignedIn, res: ServerResponse): void {
  if (route === 'me') sendJson(res, 200, { name: session.user.name, role: session.user.role, csrf: session.csrf });
  else if (route === 'state') sendJson(res, 200, state(ctx));
  else if (route === 'evidence') sendJson(res, 200, { files: evidenceNames(ctx.evidenceDir) });
  else throw new HttpError(404, `no API route GET /_review/api/${route}`);
}

/** POST routes under /_review/api/ (session and CSRF already checked). */
export function apiPost(
  ctx: ApiContext,
  route: string,
  session: SignedIn,
  fields: Record<string, unknown>,
  res: ServerResponse,
): void {
  const by = session.user.name;
  if (route === 'signoffs') {
    requireRole(session, ['reviewer', 'admin'], 'sign off');
    const body = parse(SignoffBody, fields);
    const item = requireItem(ctx, body.key);
    const evidence = body.evidence || null;
    if (evidence !== null) {
      const problem = evidenceNameProblem(evidence);
      if (problem) throw new HttpError(400, problem);
      if (!evidenceFile(ctx.evidenceDir, evidence))
        throw new HttpError(400, `no evidence file ${evidence} in the evidence folder`);
    }
    const signoff = ctx.store.addSignoff({
      key: item.key,
      hash: item.hash,
      by,
      note: body.note,
      evidence,
      covered: item.covered,
    });
    sendJson(res, 201, signoff);
    return;
  }
  if (route === 'queries') {
    requireRole(session, ['reviewer', 'admin'], 'raise a query');
    const body = parse(QueryBody, fields);
    requireItem(ctx, body.key);
    sendJson(res, 201, ctx.store.addQuery({ key: body.key, by, text: body.text }));
    return;
  }
  const match = /^queries\/(\d{1,9})\/(answers|close)$/.exec(route);
  if (match) {
    const id = Number(match[1]);
    if (match[2] === 'answers') {
      requireRole(session, ['author', 'admin'], 'answer a query');
      const body = parse(AnswerBody, fields);
      findQuery(ctx, id);
      sendJson(res, 201, ctx.store.answerQuery(id, by, body.text));
    } else {
      requireRole(session, ['reviewer', 'admin'], 'close a query');
      parse(EmptyBody, fields);
      findQuery(ctx, id);
      sendJson(res, 200, ctx.store.closeQuery(id, by));
    }
    return;
  }
  throw new HttpError(404, `no API route POST /_review/api/${route}`);
}
