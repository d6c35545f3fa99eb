import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RenderError } from './render-error.ts';

/** A text extraction running beside other work; `texts` settles when pdftotext is done. */
export interface PendingTexts {
  texts: Promise<string[]>;
  /** Stops the extraction (its PDF was superseded); `texts` then rejects, unobserved. */
  cancel(): void;
}

/**
 * The text of every page, in the order the page draws it, by poppler's pdftotext in a child
 * process: C is several times faster than pdf.js at this, and a child process runs on another
 * core while Node finishes the PDF. `-raw` keeps content-stream order (document order for a
 * Chromium print), which the figure locator walks; pdftotext ends every page with a form feed.
 */
export function extractPageTexts(pdf: Uint8Array): PendingTexts {
  let cancelled = false;
  let stop = () => {};
  const texts = (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prospectus-text-'));
    try {
      const file = join(dir, 'print.pdf');
      await writeFile(file, pdf);
      if (cancelled) throw new RenderError('text extraction cancelled');
      const out = await new Promise<string>((done, fail) => {
        const child = spawn('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
        stop = () => child.kill();
        const chunks: Buffer[] = [];
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => chunks.push(d));
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        child.once('error', (e: NodeJS.ErrnoException) =>
          fail(
            new RenderError(
              e.code === 'ENOENT'
                ? 'pdftotext not found — run `npm run setup` (installs poppler-utils), or install poppler-utils'
                : `pdftotext failed to start: ${e.message}`,
            ),
          ),
        );
        child.once('close', (code, signal) => {
          if (code === 0) done(Buffer.concat(chunks).toString('utf8'));
          else fail(new RenderError(`pdftotext failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n')[0]}`));
        });
      });
      const pages = out.split('\f');
      // The form feed ends each page, so the last piece is what follows the last page: nothing.
      pages.pop();
      return pages;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  // A cancelled extraction's failure is expected; whoever awaits `texts` still sees it.
  texts.catch(() => {});
  return {
    texts,
    cancel() {
      cancelled = true;
      stop();
    },
  };
}
