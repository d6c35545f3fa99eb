import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { openPdf, pageTexts } from '../pdf/pdf-read.ts';
import { type FoundTerm, scanBytes, walk } from './leak-files.ts';
import { findTerms, pdfTextRuns } from './leak-match.ts';

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
    for (const { where, term } of await scanFile(file, readFileSync(path), terms, known.get(file))) {
      leaks.push({ file, where, term });
    }
  }
  return leaks;
}

/** Every layer of one file: its bytes and, for a PDF, its text (from `pages` where given), metadata and bookmarks. */
export async function scanFile(
  file: string,
  bytes: Buffer,
  terms: readonly string[],
  pages?: readonly string[],
): Promise<FoundTerm[]> {
  const found = scanBytes(bytes, terms);
  if (!file.endsWith('.pdf')) return found;
  for (const [where, readings] of await pdfLayers(bytes, pages)) {
    for (const term of findTerms(readings, terms)) found.push({ where, term });
  }
  return found;
}

async function pdfLayers(bytes: Buffer, pages?: readonly string[]): Promise<[string, string[]][]> {
  // One parse serves the text, the information dictionary and the bookmarks: a second parser
  // (pdf-lib) over a 500-page tagged PDF costs a second of the PDF step.
  const doc = await openPdf(new Uint8Array(bytes));
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  const fields = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'];
  return [
    ['PDF text', pdfTextRuns(pages ?? (await pageTexts(doc)))],
    // Each field and each bookmark title on its own: wording is not split between two of them.
    ['PDF metadata', fields.map((f) => info[f]).filter((v): v is string => typeof v === 'string' && v !== '')],
    ['PDF bookmarks', outlineTitles(await doc.getOutline())],
  ];
}

type Outline = Awaited<ReturnType<Awaited<ReturnType<typeof openPdf>>['getOutline']>>;

/** Every bookmark's title, depth first: the titles alone, without resolving the pages they point to. */
function outlineTitles(items: Outline | null | undefined): string[] {
  return (items ?? []).flatMap((item) => [item.title, ...outlineTitles(item.items)]);
}
