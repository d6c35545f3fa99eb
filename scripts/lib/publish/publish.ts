import { constants } from 'node:fs';
import { access, cp, mkdir, readdir, rename, rm, stat, statfs } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Puts a finished build in place of the output folder (or file) in one step a reader never sees
 * half done. A rename cannot cross filesystems, and `--out` may point at another disk, a mounted
 * share or a RAM disk, so the finished work is first copied next to the target, on the target's
 * own filesystem, and only then swapped in by renames there. Whatever goes wrong, the previous
 * output stays as it was and the error is one line that names the folder.
 */

export class PublishError extends Error {}

/** Staging and retired copies beside the target: hidden, and named after the process that made them. */
const LEFTOVER = /^\.(.+)\.(?:staging|old)-(\d+)$/;

/** Replaces the folder `target` by the finished folder `work` (which is consumed). */
export async function publishDir(work: string, target: string): Promise<void> {
  await checkTarget(target, 'folder');
  const staged = await stageBeside(work, target);
  const old = sibling(target, 'old');
  try {
    if (await exists(target)) await rename(target, old);
  } catch (e) {
    await rm(staged, { recursive: true, force: true });
    throw explain(e, dirname(target));
  }
  try {
    await rename(staged, target);
  } catch (e) {
    // Put the previous output back before reporting: nothing may be lost.
    if (await exists(old)) await rename(old, target).catch(() => undefined);
    await rm(staged, { recursive: true, force: true });
    throw explain(e, dirname(target));
  }
  await rm(old, { recursive: true, force: true });
}

/** Replaces the file `target` by `source` (copied, so the source stays where it is). */
export async function publishFile(source: string, target: string): Promise<void> {
  await checkTarget(target, 'file');
  const staged = sibling(target, 'staging');
  await copyOnto(source, staged, dirname(target));
  try {
    await rename(staged, target);
  } catch (e) {
    await rm(staged, { force: true });
    throw explain(e, dirname(target));
  }
}

/**
 * Removes what a killed build left beside a target (its process is gone, so it cannot be
 * finishing it). Never touches anything that is not ours by name.
 */
export async function sweepLeftovers(target: string): Promise<void> {
  const parent = dirname(target);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (m?.[1] === basename(target) && !isAlive(Number(m[2]))) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}

/** A build that was killed outright (no chance to clean up) leaves its work folder; sweep those. */
export async function removeAbandoned(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = /^(?:site|old)-(\d+)$/.exec(name)?.[1];
    if (pid && (Number(pid) === process.pid || !isAlive(Number(pid)))) {
      await rm(join(dir, name), { recursive: true, force: true });
    }
  }
}

/** Fails, as publishing would, if `target` is a file or its folder cannot be written. */
export async function checkWritable(target: string): Promise<void> {
  await checkTarget(target, 'folder');
  try {
    await access(dirname(target), constants.W_OK);
  } catch (e) {
    throw explain(e, dirname(target));
  }
}

function sibling(target: string, kind: 'staging' | 'old'): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${process.pid}`);
}

async function checkTarget(target: string, want: 'folder' | 'file'): Promise<void> {
  const parent = dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (e) {
    throw explain(e, parent);
  }
  const found = await stat(target).catch(() => undefined);
  if (found && want === 'folder' && !found.isDirectory()) {
    throw new PublishError(`${target} is a file — expected a folder to write the build into`);
  }
  if (found && want === 'file' && found.isDirectory()) {
    throw new PublishError(`${target} is a folder — expected a file path to write to`);
  }
}

/** The finished work, on the target's filesystem: moved if it is already there, else copied. */
async function stageBeside(work: string, target: string): Promise<string> {
  const staged = sibling(target, 'staging');
  await rm(staged, { recursive: true, force: true });
  try {
    await rename(work, staged);
    return staged;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw explain(e, dirname(target));
  }
  await copyOnto(work, staged, dirname(target));
  await rm(work, { recursive: true, force: true });
  return staged;
}

async function copyOnto(source: string, staged: string, folder: string): Promise<void> {
  const needed = await sizeOf(source);
  const free = await freeBytes(folder);
  if (free !== undefined && free < needed) {
    throw new PublishError(noSpace(folder, needed, free));
  }
  try {
    await cp(source, staged, { recursive: true, errorOnExist: false });
  } catch (e) {
    await rm(staged, { recursive: true, force: true });
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new PublishError(noSpace(folder, needed, await freeBytes(folder)));
    }
    throw explain(e, folder);
  }
}

function noSpace(folder: string, needed: number, free: number | undefined): string {
  const left = free === undefined ? '' : `, ${megabytes(free)} free`;
  return `no space left on device in ${folder}: the build needs ${megabytes(needed)}${left}`;
}

/** One line for the errors a user can act on; anything else keeps its own message. */
export function explain(e: unknown, folder: string): PublishError {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOSPC':
      return new PublishError(`no space left on device in ${folder}`);
    case 'EROFS':
      return new PublishError(`cannot write to ${folder}: it is on a read-only filesystem`);
    case 'EACCES':
    case 'EPERM':
      return new PublishError(`cannot write to ${folder}: permission denied`);
    case 'ENOTDIR':
      return new PublishError(`cannot write to ${folder}: a part of the path is a file, not a folder`);
    default:
      return new PublishError(`cannot write to ${folder}: ${err.message}`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function sizeOf(path: string): Promise<number> {
  const s = await stat(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    total += await sizeOf(join(path, entry.name));
  }
  return total;
}

async function freeBytes(folder: string): Promise<number | undefined> {
  try {
    const s = await statfs(folder);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

/** Whether a process still runs: its leftovers may be work in progress, not abandoned. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
