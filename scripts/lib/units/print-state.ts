import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { PdfMetadata } from '../pdf/pdf-finish.ts';
import { sha256 } from './print-cache.ts';

/**
 * What a PDF printed by units was made of (print-units.ts), kept under .build/print-state/ once
 * the build that printed it has published it: its units in order with their cache keys, lengths
 * and heading pages, the contents numbers, the bookmark titles and the metadata. A save in
 * `--watch` reprints only the units that changed and puts the PDF together again from this
 * (quick-pdf.ts); anything this does not describe sends the save to a full build.
 */
export const PrintStateSchema = z.object({
  /** The PDF this describes (its folder and name), and its SHA-256: a PDF replaced by other means is not ours to patch. */
  out: z.string(),
  pdf: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The site page it was printed from (`/document/`, `/en/document/`). */
  path: z.string(),
  contextKey: z.string(),
  units: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['front', 'chapter', 'appendix']),
      key: z.string(),
      start: z.number().int().nonnegative(),
      pages: z.number().int().positive(),
      headings: z.record(z.string(), z.number().int().positive()),
      /** Its headings' text, for the bookmarks. */
      titles: z.array(z.string()),
    }),
  ),
  contents: z.record(z.string(), z.string()),
  appendicesTitle: z.string().optional(),
  metadata: z.object({
    title: z.string(),
    author: z.string(),
    subject: z.string(),
    language: z.string(),
    keywords: z.array(z.string()),
  }),
  /** Withheld wording to look for in a publication copy; empty in other stages. */
  withheld: z.array(z.string()),
  /** The draft stamp's commit the pages were rendered with. */
  commit: z.string(),
});
export type PrintState = z.infer<typeof PrintStateSchema>;
/** The part of the state the print itself knows; the build adds where it published it and why. */
export type PrintedUnitsState = Pick<PrintState, 'contextKey' | 'units' | 'contents' | 'appendicesTitle'>;

function printStatePath(root: string, out: string, pdf: string): string {
  return join(
    root,
    '.build',
    'print-state',
    `${createHash('sha256').update(out).digest('hex').slice(0, 12)}-${pdf}.json`,
  );
}

/** The state of `out`/`pdf`, or undefined when there is none or it does not parse (then there is no fast path). */
export async function readPrintState(root: string, out: string, pdf: string): Promise<PrintState | undefined> {
  try {
    const state = PrintStateSchema.parse(JSON.parse(await readFile(printStatePath(root, out, pdf), 'utf8')));
    return state.out === out && state.pdf === pdf ? state : undefined;
  } catch {
    return undefined;
  }
}

export async function writePrintState(root: string, state: PrintState): Promise<void> {
  const path = printStatePath(root, state.out, state.pdf);
  await mkdir(join(root, '.build', 'print-state'), { recursive: true });
  const tmp = `${path}.partial-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(state)}\n`);
  await rename(tmp, path);
}

/** A build that publishes a PDF some other way leaves no state behind that could describe it. */
async function dropPrintState(root: string, out: string, pdf: string): Promise<void> {
  await rm(printStatePath(root, out, pdf), { force: true });
}

/** One PDF a build wrote, with what it was made of when printed by units. */
export interface WrittenPdf {
  pdf: string;
  path: string;
  printed: (PrintedUnitsState & { metadata: PdfMetadata }) | undefined;
}

/** Each PDF's hash, read in the build's work folder before it is published. */
export async function readPrintedStates(
  work: string,
  pdfs: WrittenPdf[],
): Promise<(WrittenPdf & { sha256: string })[]> {
  return Promise.all(pdfs.map(async (p) => ({ ...p, sha256: sha256(await readFile(join(work, p.pdf))) })));
}

/**
 * Once published: a PDF printed by units gets its state, and one printed in one piece loses any
 * state an earlier build left, which would describe another PDF.
 */
export async function recordPrintStates(
  root: string,
  out: string,
  pdfs: (WrittenPdf & { sha256: string })[],
  context: Pick<PrintState, 'withheld' | 'commit'>,
): Promise<void> {
  for (const { pdf, path, printed, sha256: hash } of pdfs) {
    if (!printed) {
      await dropPrintState(root, out, pdf);
      continue;
    }
    const { date: _date, ...metadata } = printed.metadata;
    await writePrintState(root, { ...printed, ...context, metadata, out, pdf, path, sha256: hash });
  }
}
