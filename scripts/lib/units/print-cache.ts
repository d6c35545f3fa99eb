import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The print units' cache under .build/print-cache/: one entry per content key, a PDF and a
 * record beside it. The record is written last and names the PDF's SHA-256, so an entry is
 * trusted only when both files are whole: a build killed while writing leaves either no record
 * (the entry is not there) or a PDF whose hash does not match (the entry is dropped and printed
 * again). Each file is written to a temporary name and renamed, as publish.ts does for dist/.
 */

/** What a unit's print tells besides its bytes: its length and where its headings start. */
export const UnitRecordSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().positive(),
  /** Heading id → page within the unit (1-based), from the unit's bookmarks. */
  headings: z.record(z.string(), z.number().int().positive()),
  /** Heading id → index of its bookmark among the unit's (document order): where links to it from other units go. */
  anchors: z.record(z.string(), z.number().int().nonnegative()),
  /** Ids given a placeholder in this print (targets in other units): their destinations are not the real ones. */
  stubs: z.array(z.string()),
});
export type UnitRecord = z.infer<typeof UnitRecordSchema>;

export interface CachedUnit {
  bytes: Uint8Array;
  record: UnitRecord;
}

export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    // A separator, so that ("ab", "c") and ("a", "bc") are different keys.
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

export class PrintCache {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The entry under `key`, or undefined when there is none or it is not whole. */
  async get(key: string): Promise<CachedUnit | undefined> {
    let record: UnitRecord;
    try {
      record = UnitRecordSchema.parse(JSON.parse(await readFile(this.path(key, 'json'), 'utf8')));
    } catch {
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.path(key, 'pdf')));
    } catch {
      return undefined;
    }
    if (sha256(bytes) !== record.sha256) {
      await this.drop(key);
      return undefined;
    }
    return { bytes, record };
  }

  async put(key: string, bytes: Uint8Array, record: Omit<UnitRecord, 'sha256'>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const full: UnitRecord = { ...record, sha256: sha256(bytes) };
    await atomicWrite(this.path(key, 'pdf'), bytes);
    await atomicWrite(this.path(key, 'json'), `${JSON.stringify(full)}\n`);
  }

  private async drop(key: string): Promise<void> {
    await rm(this.path(key, 'json'), { force: true });
    await rm(this.path(key, 'pdf'), { force: true });
  }

  private path(key: string, ext: 'pdf' | 'json'): string {
    return join(this.dir, `${key}.${ext}`);
  }
}

async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
