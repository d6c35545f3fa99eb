import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DOCUMENT = ['content', 'data'];
const CODE = ['src', 'components', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** The sample's content and data in a scratch folder, for checks that need no build. */
export function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sample-'));
  for (const part of DOCUMENT) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

/** The whole project in a scratch folder, sharing node_modules, so a test can break and build it. */
export function projectCopy(): string {
  const dir = sampleCopy();
  for (const part of CODE) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/**
 * Replaces `find` by `replace` in a file of the copy. An edit that no longer applies throws, so a
 * fixture cannot silently stop testing anything when the sample changes.
 */
export function editFile(dir: string, file: string, find: string, replace: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`edit does not apply to ${file}: ${find}`);
  writeFileSync(path, text.replace(find, replace));
}

/**
 * The project in a scratch folder with a fixture document's `content/` and `data/`
 * (`tests/fixtures/documents/<name>/`) in place of the sample's: fictional documents that
 * exercise what the sample does not (appendices, several chapters, financial tables).
 */
export function fixtureProject(name: string): string {
  const dir = projectCopy();
  const fixture = join(ROOT, 'tests', 'fixtures', 'documents', name);
  for (const part of DOCUMENT) {
    rmSync(join(dir, part), { recursive: true, force: true });
    cpSync(join(fixture, part), join(dir, part), { recursive: true });
  }
  return dir;
}

/** A fixture document's `content/` and `data/` alone in a scratch folder: all a check needs. */
export function fixtureDocument(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  for (const part of DOCUMENT)
    cpSync(join(ROOT, 'tests', 'fixtures', 'documents', name, part), join(dir, part), { recursive: true });
  return dir;
}

/**
 * About two pages of fictional Chinese text with no heading of its own, as paragraphs: inserted
 * into a chapter, it makes the chapter gain pages. The last paragraph is 虛構段落第24段.
 */
export function twoPagesOfText(): string {
  return Array.from({ length: 24 }, (_, i) => `虛構段落第${i + 1}段，${'僅供測試分頁之用的虛構文字。'.repeat(8)}`).join(
    '\n\n',
  );
}
