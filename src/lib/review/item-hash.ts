import { createHash } from 'node:crypto';
import type { Covered } from './schema.ts';

/**
 * JSON with object keys sorted and no whitespace, so the same words hash the same however the
 * object was built (the build, the server and an imported YAML file all build it differently).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash a sign-off records: sha256 (lower-case hex) of the canonical JSON of what it covers. */
export function itemHash(covered: Covered): string {
  return createHash('sha256').update(canonicalJson(covered), 'utf8').digest('hex');
}
