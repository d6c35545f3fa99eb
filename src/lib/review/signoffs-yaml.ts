import { stringify } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics.ts';
import { parseYaml } from '../yaml-source.ts';
import { type SignoffRecord, type SignoffsFile, SignoffsFileSchema } from './schema.ts';

/** Where the sign-offs that travel with the document live, relative to the project. */
export const SIGNOFFS_FILE = 'content/signoffs.yaml';

/**
 * Reads a sign-off file's text; every problem is a diagnostic at its line (`file:line`), saying
 * what was found and what was expected. An empty file is no sign-offs.
 */
export function parseSignoffs(file: string, text: string): { signoffs?: SignoffsFile; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseYaml(file, text);
  if (!source) return { diagnostics };
  if (source.data === null || source.data === undefined) return { signoffs: { version: 1, signoffs: [] }, diagnostics };
  const result = SignoffsFileSchema.safeParse(source.data);
  if (result.success) return { signoffs: result.data, diagnostics };
  return {
    diagnostics: result.error.issues.map((issue) => ({
      file,
      // An unknown field is reported at its own line, not its parent's.
      line: source.lineOf(issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path),
      severity: 'error' as const,
      message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${describeIssue(issue, valueAt(source.data, issue.path))}`,
      rule: 'signoffs',
    })),
  };
}

/**
 * The file's text: sign-offs sorted by key, then time, each with its fields in one order, no line
 * folding; the same sign-offs always give the same bytes, so a commit's diff is only what changed.
 */
export function stringifySignoffs(file: SignoffsFile): string {
  const time = (s: SignoffRecord) => Date.parse(s.at);
  const signoffs = [...file.signoffs]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : time(a) - time(b)))
    .map((s) => ({
      key: s.key,
      hash: s.hash,
      by: s.by,
      at: s.at,
      note: s.note,
      ...(s.evidence === undefined ? {} : { evidence: s.evidence }),
      covered: {
        ...(s.covered.value === undefined ? {} : { value: s.covered.value }),
        ...(s.covered.source === undefined ? {} : { source: s.covered.source }),
        context: s.covered.context,
      },
    }));
  const override = file.override && {
    by: file.override.by,
    reason: file.override.reason,
    ...(file.override.at === undefined ? {} : { at: file.override.at }),
  };
  return stringify({ version: 1, signoffs, ...(override ? { override } : {}) }, { lineWidth: 0 });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let here = data;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key as string];
  }
  return here;
}

const FIELDS = {
  file: 'version, signoffs and override',
  signoff: 'key, hash, by, at, note, evidence and covered',
  covered: 'value, source and context',
  override: 'by, reason and at',
};

/** Which record an unknown field was found in, from its path. */
function fieldsOf(path: readonly PropertyKey[]): keyof typeof FIELDS {
  if (path.length === 0) return 'file';
  if (path[0] === 'override') return 'override';
  return path.at(-1) === 'covered' ? 'covered' : 'signoff';
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const got = value === undefined ? 'nothing' : JSON.stringify(value);
  if (issue.code === 'invalid_type')
    return value === undefined ? `missing — expected ${issue.expected}` : `got ${got} — expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} — expected only ${FIELDS[fieldsOf(issue.path)]}`;
  if (issue.code === 'invalid_value')
    return `got ${got} — expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  return `got ${got} — expected ${issue.message}`;
}
