import type { Covered } from '../../../src/lib/review/schema.ts';

/**
 * What the reviewers' store holds and does, as the server and the CLI see it (store.ts opens one).
 *
 * Writes a user causes are audited by the method itself, in the same transaction as the write:
 * addUser/setPassword/removeUser ('user add' / 'user passwd' / 'user remove'), createSession
 * ('sign-in'), deleteSession ('sign-out'), recordLoginFailure ('failed sign-in'), addSignoff
 * ('sign-off'), addQuery ('query'), answerQuery ('answer'), closeQuery ('close'),
 * importSignoffs ('import'). Callers use audit() only for events that write nothing else.
 */

export type { Covered };

export type Role = 'reviewer' | 'author' | 'admin';
export const ROLES: readonly Role[] = ['reviewer', 'author', 'admin'];
export interface User {
  name: string;
  role: Role;
}
export interface Signoff {
  id: number;
  key: string;
  hash: string;
  by: string;
  at: string;
  note: string;
  evidence: string | null;
  covered: Covered;
}
export interface Query {
  id: number;
  key: string;
  by: string;
  at: string;
  text: string;
  status: 'open' | 'answered' | 'closed';
  answers: { by: string; at: string; text: string }[];
  closedBy: string | null;
  closedAt: string | null;
}
export interface AuditEntry {
  id: number;
  at: string;
  event: string;
  user: string | null;
  detail: string;
}

export interface Store {
  /** The database file, as given to openStore (for messages). */
  readonly file: string;
  addUser(name: string, role: Role, password: string): void;
  setPassword(name: string, password: string): void;
  removeUser(name: string): void;
  listUsers(): (User & { created: string })[];
  verifyPassword(name: string, password: string): User | undefined;
  createSession(name: string): { token: string; csrf: string; expires: string };
  session(token: string): { user: User; csrf: string; expires: string } | undefined;
  deleteSession(token: string): void;
  /** Failures since `sinceIso` for this name or from this address, whichever is more. */
  loginFailures(name: string, address: string, sinceIso: string): number;
  recordLoginFailure(name: string, address: string): void;
  addSignoff(s: Omit<Signoff, 'id' | 'at'>): Signoff;
  signoffs(): Signoff[];
  /**
   * Adds the records not already present (same key, hash, by and at), all in one transaction,
   * audited with `source`; returns how many were added and how many were there already.
   */
  importSignoffs(records: Omit<Signoff, 'id'>[], source: string): { added: number; present: number };
  addQuery(q: { key: string; by: string; text: string }): Query;
  answerQuery(id: number, by: string, text: string): Query;
  closeQuery(id: number, by: string): Query;
  queries(): Query[];
  audit(event: string, user: string | null, detail: string): void;
  auditLog(): AuditEntry[];
  /** A consistent copy of the whole database into a new file, safe while others write. */
  backup(to: string): void;
  close(): void;
}
