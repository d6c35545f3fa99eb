import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { contentHash, type FileScan, type FoundTerm, walk } from './leak-files.ts';
import { type Leak, scanFile } from './leak-scan.ts';
import type { FromWorker, ToWorker } from './leak-scan-worker.ts';

export interface EarlyLeakScan {
  /** A file that is finished (a PDF just written, with the page texts the build read from it): scanned now, in the worker. */
  add(file: string, pages?: string[]): void;
  /**
   * The leaks in the folder as it is now, the list scanForLeaks would give (with the page texts
   * given to add as its known texts). A file the worker read is taken from its scan if its bytes
   * are still the ones the worker read; any other file (written since, as the verification
   * schedule is) is scanned here, while the worker may still be busy with the last PDF.
   */
  finish(): Promise<Leak[]>;
  /** Ends the scan unfinished, for a build that failed before it was needed. */
  stop(): Promise<void>;
}

/**
 * Starts scanning the files under dir in a worker thread, so that most of the leak scan runs
 * while the PDFs print instead of after them.
 */
export function startLeakScan(dir: string, terms: readonly string[]): EarlyLeakScan {
  const worker = new Worker(new URL('./leak-scan-worker.ts', import.meta.url), {
    workerData: { dir, terms: [...terms] },
  });
  const site = Promise.withResolvers<Map<string, FileScan>>();
  const added = new Map<string, PromiseWithResolvers<FileScan>>();
  const failAll = (error: unknown) => {
    for (const pending of [site, ...added.values()]) pending.reject(error);
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'site') site.resolve(message.scans);
    else added.get(message.file)?.resolve(message.scan);
  });
  worker.once('error', failAll);
  worker.once('exit', (code) => failAll(new Error(`the leak scan's worker stopped (exit code ${code})`)));
  // A build that fails stops the worker and never asks for what it found.
  site.promise.catch(() => undefined);
  return {
    add(file, pages) {
      const pending = Promise.withResolvers<FileScan>();
      pending.promise.catch(() => undefined);
      added.set(file, pending);
      worker.postMessage({ file, pages } satisfies ToWorker);
    },
    async finish() {
      try {
        const addedScans = new Map([...added].map(([file, pending]) => [file, pending.promise]));
        return await finishScan(dir, terms, await site.promise, addedScans);
      } finally {
        await worker.terminate();
      }
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/**
 * The leaks in dir, reusing earlier scans of files whose bytes have not changed since: `site`
 * read before, `added` still being read (awaited only after every other file is done). A file
 * that changed is read again whole, a PDF's text with pdf.js: page texts given with it were read
 * from bytes that are gone.
 */
export async function finishScan(
  dir: string,
  terms: readonly string[],
  site: ReadonlyMap<string, FileScan>,
  added: ReadonlyMap<string, Promise<FileScan>>,
): Promise<Leak[]> {
  const files: { file: string; found: FoundTerm[] | (() => Promise<FoundTerm[]>) }[] = [];
  for (const path of walk(dir)) {
    const file = relative(dir, path);
    const bytes = readFileSync(path);
    const hash = contentHash(bytes);
    const rescan = () => scanFile(file, bytes, terms);
    const pending = added.get(file);
    if (pending) {
      files.push({ file, found: async () => ((await pending).hash === hash ? (await pending).found : rescan()) });
      continue;
    }
    const seen = site.get(file);
    files.push({ file, found: seen?.hash === hash ? seen.found : await rescan() });
  }
  const leaks: Leak[] = [];
  for (const { file, found } of files) {
    for (const { where, term } of typeof found === 'function' ? await found() : found)
      leaks.push({ file, where, term });
  }
  return leaks;
}
