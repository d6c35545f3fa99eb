import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { hasControl } from './http.ts';

/**
 * An evidence name as a sign-off records it: `report.pdf` or `folder/report.pdf`, nothing more.
 * Returns why a name is refused, or undefined for a well-formed one. The rules are on the name
 * itself, before any file is looked at, so no spelling of `..` reaches the file system.
 */
export function evidenceNameProblem(name: string): string | undefined {
  if (name === '') return 'the evidence name is empty';
  if (name.length > 200) return 'the evidence name is over 200 characters';
  if (name.includes('\\') || hasControl(name)) return 'the evidence name has a backslash or control character';
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'the evidence name is an absolute path';
  if (/%2e|%2f|%5c/i.test(name)) return 'the evidence name has an encoded dot or separator';
  const parts = name.split('/');
  if (parts.length > 2) return 'the evidence name goes more than one folder deep';
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.')))
    return 'the evidence name has an empty, dot or hidden part';
  return undefined;
}

/**
 * The real path of an evidence file inside `dir`, or undefined: a well-formed name whose real
 * path (symlinks resolved) is a file inside the real evidence folder.
 */
export function evidenceFile(dir: string, name: string): string | undefined {
  if (evidenceNameProblem(name) !== undefined) return undefined;
  try {
    const root = realpathSync(dir);
    const real = realpathSync(join(root, name));
    if (!real.startsWith(root + sep) || !statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

/** The evidence files a sign-off can cite (one folder level), for the client's picker. */
export function evidenceNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      for (const inner of readdirSync(join(dir, entry.name))) {
        const name = `${entry.name}/${inner}`;
        if (evidenceFile(dir, name)) names.push(name);
      }
    } else if (evidenceFile(dir, entry.name)) names.push(entry.name);
  }
  return names.sort();
}
