import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DOCUMENT = ['content', 'data'];
/**
 * The one-chapter sample (行業概覽 in both editions, with its data), frozen as a fixture: the
 * tests that check, break and build copies of a document use it, so they stay as fast as they
 * were while the shipped sample grows into a whole prospectus (built once per run by buildOnce).
 */
const CHAPTER_SAMPLE = join(ROOT, 'tests', 'fixtures', 'documents', 'industry');
const CODE = ['src', 'components', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** The one-chapter sample's content and data in a scratch folder, for checks that need no build. */
export function sampleCopy(): string {
  return documentCopy(CHAPTER_SAMPLE);
}

function documentCopy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sample-'));
  for (const part of DOCUMENT) cpSync(join(from, part), join(dir, part), { recursive: true });
  return dir;
}

function withCode(dir: string): string {
  for (const part of CODE) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** The project's code with the one-chapter sample in a scratch folder, sharing node_modules, so a test can break and build it. */
export function projectCopy(): string {
  return withCode(sampleCopy());
}

/** The project with the shipped sample, the whole prospectus: for what only the whole document shows. */
export function wholeSampleProject(): string {
  return withCode(documentCopy(ROOT));
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
