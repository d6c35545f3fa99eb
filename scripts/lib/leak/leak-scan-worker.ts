/**
 * Worker thread of leak-scan-early.ts: scans every file under a folder and posts the scans; then
 * scans each file it is sent (a PDF just written, with its page texts) and posts that scan.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { contentHash, type FileScan, scanFiles } from './leak-files.ts';
import { scanFile } from './leak-scan.ts';

export type FromWorker =
  | { kind: 'site'; scans: Map<string, FileScan> }
  | { kind: 'file'; file: string; scan: FileScan };
export interface ToWorker {
  file: string;
  pages?: string[] | undefined;
}

const { dir, terms } = workerData as { dir: string; terms: string[] };

/**
 * The scan rides on the time the prints leave idle: this thread alone (Linux's nice value is per
 * thread, and /proc/thread-self names it) yields to Chromium and the build's own thread. Elsewhere
 * the scan runs at the build's priority.
 */
function yieldToThePrints(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    // No /proc, or not allowed: the priority is only a courtesy.
  }
}

yieldToThePrints();
const port = parentPort;
if (port) {
  const post = (message: FromWorker) => port.postMessage(message);
  // Files sent while the site is scanned wait in the port; one at a time after it, in order.
  let queue = Promise.resolve();
  port.on('message', ({ file, pages }: ToWorker) => {
    queue = queue.then(async () => {
      const bytes = readFileSync(join(dir, file));
      post({
        kind: 'file',
        file,
        scan: { hash: contentHash(bytes), found: await scanFile(file, bytes, terms, pages) },
      });
    });
  });
  post({ kind: 'site', scans: scanFiles(dir, terms) });
}
