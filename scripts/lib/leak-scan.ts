import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findTerms, pdfTextRuns, readingsOf } from './leak-match.ts';
import { openPdf, pageTexts, readOutline } from './pdf-read.ts';

export interface Leak {
  file: string;
  where: string;
  term: string;
}

/**
 * Looks for redacted wording in everything a publication build emitted: every file's text as
 * written and without its markup (decompressed where compressed, as the search index is), and the
 * PDF's text layer, metadata and bookmarks, where a visual check would never see it. Text is
 * compared folded (leak-match.ts): a term broken across lines, pages or inline markup still counts.
 * Each term is reported once per file and layer.
 */
export async function scanForLeaks(
  dir: string,
  terms: readonly string[],
  /** Page texts already extracted, by file (relative to dir): the build reads the PDF once. */
  known: ReadonlyMap<string, string[]> = new Map(),
): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const path of walk(dir)) {
    const file = relative(dir, path);
    const bytes = readFileSync(path);
    for (const term of termsIn(bytes, terms)) leaks.push({ file, where: 'bytes', term });
    const inflated = tryGunzip(bytes);
    if (inflated) for (const term of termsIn(inflated, terms)) leaks.push({ file, where: 'decompressed', term });
    if (!path.endsWith('.pdf')) continue;
    for (const [where, readings] of await pdfLayers(bytes, known.get(file))) {
      for (const term of findTerms(readings, terms)) leaks.push({ file, where, term });
    }
  }
  return leaks;
}

function termsIn(bytes: Buffer, terms: readonly string[]): string[] {
  if (isUtf8(bytes)) return findTerms(readingsOf(bytes.toString('utf8')), terms);
  // Not text (fonts, the PDF's own bytes): wording can only sit in it as written.
  return terms.filter((term) => bytes.includes(term));
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

function tryGunzip(bytes: Buffer): Buffer | undefined {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return undefined;
  try {
    return gunzipSync(bytes);
  } catch {
    return undefined;
  }
}

async function pdfLayers(bytes: Buffer, pages?: string[]): Promise<[string, string[]][]> {
  // One parse serves the text, the information dictionary and the bookmarks: a second parser
  // (pdf-lib) over a 500-page tagged PDF costs a second of the PDF step.
  const doc = await openPdf(new Uint8Array(bytes));
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  const fields = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'];
  return [
    ['PDF text', pdfTextRuns(pages ?? (await pageTexts(doc)))],
    // Each field and each bookmark title on its own: wording is not split between two of them.
    ['PDF metadata', fields.map((f) => info[f]).filter((v): v is string => typeof v === 'string' && v !== '')],
    ['PDF bookmarks', (await readOutline(doc)).map((o) => o.title)],
  ];
}
