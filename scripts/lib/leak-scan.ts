import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openPdf, pageTexts, readOutline } from './pdf-read.ts';

export interface Leak {
  file: string;
  where: string;
  term: string;
}

/**
 * Looks for redacted wording in everything a publication build emitted: every file's bytes
 * (decompressed where compressed, as the search index is), and the PDF's text layer, metadata
 * and bookmarks, where a visual check would never see it.
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
    const variants: [string, string][] = [['bytes', bytes.toString('utf8')]];
    const inflated = tryGunzip(bytes);
    if (inflated) variants.push(['decompressed', inflated.toString('utf8')]);
    if (path.endsWith('.pdf')) variants.push(...(await pdfTexts(bytes, known.get(file))));
    for (const [where, text] of variants) {
      for (const term of terms) if (text.includes(term)) leaks.push({ file, where, term });
    }
  }
  return leaks;
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

async function pdfTexts(bytes: Buffer, pages?: string[]): Promise<[string, string][]> {
  // One parse serves the text, the information dictionary and the bookmarks: a second parser
  // (pdf-lib) over a 500-page tagged PDF costs a second of the PDF step.
  const doc = await openPdf(new Uint8Array(bytes));
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  const fields = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'];
  return [
    ['PDF text', (pages ?? (await pageTexts(doc))).join('\n')],
    [
      'PDF metadata',
      fields
        .map((f) => info[f])
        .filter((v) => typeof v === 'string' && v !== '')
        .join('\n'),
    ],
    ['PDF bookmarks', (await readOutline(doc)).map((o) => o.title).join('\n')],
  ];
}
