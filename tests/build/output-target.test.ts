import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishDir, publishFile } from '../../scripts/lib/publish/publish.ts';
import { ROOT, TEST_EPOCH } from '../build-once.ts';
import { projectCopy } from '../sample-copy.ts';

/**
 * `--out` anywhere: another filesystem, a full one, a read-only one, a path that is a file.
 * Mounting a small or read-only tmpfs needs root (as on CI and the developers' machines).
 */
const isRoot = process.getuid?.() === 0;
/** The project with the one-chapter sample: where the output goes does not depend on the document's length. */
const project = projectCopy();
/** The build stages its output in the project's .build/: /dev/shm is another filesystem from it. */
const shmIsOtherDevice = statSync('/dev/shm', { throwIfNoEntry: false })?.dev !== statSync(project).dev;
const mounts: string[] = [];

function build(out: string, ...more: string[]) {
  return spawnSync(process.execPath, [join(project, 'scripts/build.ts'), '--out', out, ...more], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
}

/** A tmpfs of its own, so the test controls how full or writable the target's filesystem is. */
function mountTmpfs(options: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'out-target-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mount -o ${options} failed: ${r.stderr}`);
  mounts.push(dir);
  return dir;
}

/** The previous output: every file's bytes, to compare after a failed build. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path, readFileSync(path).toString('base64'));
    }
  }
  return files;
}

function previousOutput(parent: string): string {
  const out = join(parent, 'out');
  mkdirSync(join(out, 'chapters'), { recursive: true });
  writeFileSync(join(out, 'prospectus.pdf'), 'the PDF already sent for review');
  writeFileSync(join(out, 'chapters', 'note.txt'), 'a page of the last good build');
  return out;
}

afterAll(() => {
  for (const dir of mounts.reverse()) {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(project, { recursive: true, force: true });
});

describe('--out on another filesystem', () => {
  it.skipIf(!shmIsOtherDevice)(
    'writes a complete site and PDF to /dev/shm (tmpfs) and leaves nothing beside it',
    () => {
      const parent = mkdtempSync('/dev/shm/prospectus-');
      try {
        const out = previousOutput(parent);
        const result = build(out);
        expect(result.status, result.stderr).toBe(0);
        expect(readFileSync(join(out, 'prospectus.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
        expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html');
        expect(readdirSync(join(out, 'chapters')).length).toBeGreaterThan(0);
        expect(readdirSync(join(out, 'chapters'))).not.toContain('note.txt');
        // The staging copy and the retired output are gone.
        expect(readdirSync(parent)).toEqual(['out']);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

describe('the blackline and stage outputs publish the same way', () => {
  it.skipIf(!shmIsOtherDevice)('a file and a folder replace their targets across filesystems', async () => {
    const work = mkdtempSync(join(ROOT, '.build', 'publish-'));
    const parent = mkdtempSync('/dev/shm/publish-');
    try {
      writeFileSync(join(work, 'blackline.pdf'), 'new PDF');
      mkdirSync(join(work, 'blackline'));
      writeFileSync(join(work, 'blackline', 'index.html'), 'new page');
      writeFileSync(join(parent, 'blackline.pdf'), 'old PDF');
      mkdirSync(join(parent, 'blackline'));
      writeFileSync(join(parent, 'blackline', 'stale.html'), 'old page');
      await publishFile(join(work, 'blackline.pdf'), join(parent, 'blackline.pdf'));
      await publishDir(join(work, 'blackline'), join(parent, 'blackline'));
      expect(readFileSync(join(parent, 'blackline.pdf'), 'utf8')).toBe('new PDF');
      expect(readdirSync(join(parent, 'blackline'))).toEqual(['index.html']);
      expect(readdirSync(parent).sort()).toEqual(['blackline', 'blackline.pdf']);
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('a target that cannot take the build keeps the previous output', () => {
  it.skipIf(!isRoot)(
    'a full disk: one line naming the folder and the space needed',
    () => {
      const disk = mountTmpfs('size=256k');
      const out = previousOutput(disk);
      const before = snapshot(out);
      const result = build(out, '--no-pdf');
      expect(result.status).toBe(1);
      const errors = result.stderr.split('\n').filter((l) => l.startsWith('error:'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        new RegExp(`^error: no space left on device in ${disk}: the build needs \\d+\\.\\d MB, 0\\.\\d MB free$`),
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).toContain(`The previous ${out}/ is unchanged.`);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(disk)).toEqual(['out']);
    },
    180_000,
  );

  it.skipIf(!isRoot)(
    'a read-only filesystem: one line, before any work is done',
    () => {
      const writable = mountTmpfs('size=1m');
      const out = previousOutput(writable);
      const before = snapshot(out);
      const r = spawnSync('mount', ['-o', 'remount,ro', writable], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const result = build(out);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`error: cannot write to ${writable}: it is on a read-only filesystem\n`);
      expect(result.stderr).not.toContain('building the site');
      expect(snapshot(out)).toEqual(before);
    },
    60_000,
  );

  it('a target that is a file', () => {
    const parent = mkdtempSync(join(ROOT, '.build', 'out-file-'));
    try {
      const out = join(parent, 'prospectus');
      writeFileSync(out, 'not a folder');
      const result = build(out);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`error: ${out} is a file — expected a folder to write the build into\n`);
      expect(readFileSync(out, 'utf8')).toBe('not a folder');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);
});
