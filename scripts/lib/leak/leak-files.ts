import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findTerms, readingsOf } from './leak-match.ts';

/** A withheld term in one layer of a file: its bytes, decompressed, or a PDF's text, metadata or bookmarks. */
export interface FoundTerm {
  where: string;
  term: string;
}

/** What a scan found in one file, and which bytes it read (their hash). */
export interface FileScan {
  hash: string;
  found: FoundTerm[];
}

/** The terms in a file's bytes: as written and without markup, and decompressed where compressed. */
export function scanBytes(bytes: Buffer, terms: readonly string[]): FoundTerm[] {
  const found: FoundTerm[] = termsIn(bytes, terms).map((term) => ({ where: 'bytes', term }));
  const inflated = tryGunzip(bytes);
  if (inflated) for (const term of termsIn(inflated, terms)) found.push({ where: 'decompressed', term });
  return found;
}

/**
 * Every file under dir with its bytes scanned, by path relative to dir. The folder may still be
 * written to (a PDF goes in under a temporary name, then is renamed): a file that is gone by the
 * time it is read is left out, for the scan that finishes the job to read whatever is there then.
 */
export function scanFiles(dir: string, terms: readonly string[]): Map<string, FileScan> {
  const scans = new Map<string, FileScan>();
  for (const path of walk(dir)) {
    const bytes = readIfThere(path);
    if (bytes) scans.set(relative(dir, path), { hash: contentHash(bytes), found: scanBytes(bytes, terms) });
  }
  return scans;
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Identifies a file's content: a file rewritten after it was scanned does not match its scan. */
export function contentHash(bytes: Buffer): string {
  return hash('sha256', bytes, 'base64');
}

export function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function termsIn(bytes: Buffer, terms: readonly string[]): string[] {
  if (isUtf8(bytes)) return findTerms(readingsOf(bytes.toString('utf8')), terms);
  // Not text (fonts, the PDF's own bytes): wording can only sit in it as written.
  return terms.filter((term) => bytes.includes(term));
}

function tryGunzip(bytes: Buffer): Buffer | undefined {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return undefined;
  try {
    return gunzipSync(bytes);
  } catch {
    return undefined;
  }
}
