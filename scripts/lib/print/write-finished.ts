import { rename, rm, writeFile } from 'node:fs/promises';
import { RenderError } from '../pdf/render-error.ts';

/** The finished PDF, written atomically, once its page text (when read) covers every page. */
export async function writeFinished(
  outFile: string,
  finished: { bytes: Uint8Array; pages: number },
  pageTexts: string[] | undefined,
  log: (message: string) => void,
): Promise<void> {
  if (pageTexts && pageTexts.length !== finished.pages) {
    throw new RenderError(`pdftotext read ${pageTexts.length} pages of a ${finished.pages}-page PDF`);
  }
  await writeAtomically(outFile, finished.bytes);
  log(`wrote ${outFile}: ${finished.pages} pages, ${(finished.bytes.length / 1024).toFixed(0)} KiB`);
}

/** Written only when everything, the page text included, succeeded. */
async function writeAtomically(outFile: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${outFile}.partial-${process.pid}`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, outFile);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new RenderError(`cannot write ${outFile}: ${(e as Error).message}`);
  }
}
