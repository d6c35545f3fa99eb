import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RenderError } from '../pdf/render-error.ts';

/** A text extraction running beside other work; `texts` settles when pdftotext is done. */
export interface PendingTexts {
  texts: Promise<string[]>;
  /** Stops the extraction (its PDF was superseded); `texts` then rejects, unobserved. */
  cancel(): void;
}

/**
 * The text of every page, in the order the page draws it, by poppler's pdftotext in child
 * processes: C is several times faster than pdf.js at this, and child processes run on the other
 * cores while Node finishes the PDF. The pages are split between `parts` processes, so the part
 * still running when Node has nothing else to do is short. `-raw` keeps content-stream order
 * (document order for a Chromium print), which the figure locator walks.
 */
export function extractPageTexts(pdf: Uint8Array, parts = 1): PendingTexts {
  let cancelled = false;
  const children: ChildProcess[] = [];
  const run = (command: string, args: string[]) => {
    if (cancelled) throw new RenderError('text extraction cancelled');
    return poppler(command, args, (child) => children.push(child));
  };
  const texts = (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prospectus-text-'));
    try {
      const file = join(dir, 'print.pdf');
      await writeFile(file, pdf);
      const pages = parts > 1 ? Number(/^Pages:\s+(\d+)$/m.exec(await run('pdfinfo', [file]))?.[1] ?? 0) : 0;
      const ranges: [number, number][] = [];
      const size = Math.ceil(pages / parts);
      for (let first = 1; parts > 1 && first <= pages; first += size) {
        ranges.push([first, Math.min(first + size - 1, pages)]);
      }
      const outs = await Promise.all(
        ranges.length
          ? ranges.map(([first, last]) =>
              run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), file, '-']),
            )
          : [run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])],
      );
      // A form feed ends each page, so the last piece of each output is what follows its last
      // page: nothing.
      return outs.flatMap((out) => out.split('\f').slice(0, -1)).map(joinSoftHyphens);
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
      for (const child of children) child.kill();
    },
  };
}

/**
 * Page text with the English edition's soft hyphens taken out (src/lib/markdown/hyphenate.ts),
 * so that the text reads as the chapter was written. Only Chromium's own print still has them
 * (the one-piece build reads its first print); the finished PDF has none (page-marks.ts), and
 * its text passes through unchanged. Chromium keeps each soft hyphen in the print's text as U+00AD, and pdftotext -raw ends a line after each; where Chromium broke the
 * line there, it also drew a hyphen (U+2010, or `-` when the font has none), which pdftotext
 * reads after it. A soft hyphen only ever stands inside a word, so the U+00AD and that one drawn
 * hyphen after it are the break's, and the line end too when the word goes on after it (in
 * lower case: the rest of a word). A hyphen typed in the text (`cloud-edge`) has no U+00AD
 * before it and stays; a word broken at the foot of a page stays broken, its rest being on the
 * next page.
 */
export function joinSoftHyphens(text: string): string {
  return text
    .replace(/\u00ad(?:\s*?[-\u2010])?[ \t]*\n?[ \t]*(?=\p{Ll})/gu, '')
    .replace(/\u00ad(?:\s*?[-\u2010])?/gu, '');
}

function poppler(command: string, args: string[], started: (child: ChildProcess) => void): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    started(child);
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
            ? `${command} not found — run \`npm run setup\` (installs poppler-utils), or install poppler-utils`
            : `${command} failed to start: ${e.message}`,
        ),
      ),
    );
    child.once('close', (code, signal) => {
      if (code === 0) done(Buffer.concat(chunks).toString('utf8'));
      else fail(new RenderError(`${command} failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n')[0]}`));
    });
  });
}
