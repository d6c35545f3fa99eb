import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf, pageTexts } from '../../scripts/lib/pdf/pdf-read.ts';
import { TEST_EPOCH } from '../build-once.ts';
import { followOutput, withoutVitest } from '../child-output.ts';
import { editFile, fixtureProject, twoPagesOfText } from '../sample-copy.ts';
import { squash } from './read.ts';

/**
 * `npm run build -- --watch` with the default output, on the structure fixture: after a save the
 * PDF comes first (only the changed chapter printed again, put together from the cache), and it is
 * the very PDF the full build that follows publishes; a save that moves pages or is rejected is
 * left to the full build.
 */
const dir = fixtureProject('structure');
const PDF = join(dir, 'dist', 'prospectus.pdf');
let child: ChildProcess | undefined;
let watch: ReturnType<typeof followOutput>;
const waitFor = (said: string, times: number) => watch.waitFor(said, times);

async function textOf(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await openPdf(new Uint8Array(bytes));
  return { pages: doc.numPages, text: squash((await pageTexts(doc)).join('\n')) };
}

const READY = 'waiting for changes';

/** Withheld from this publication copy (the fixture withholds nothing): fictional wording of our own. */
const WITHHELD = '虛構保密字眼';

beforeAll(async () => {
  writeFileSync(
    join(dir, 'data', 'redactions.yaml'),
    `- id: test-withheld\n  text: ${WITHHELD}\n  en: { text: Fictional withheld wording }\n`,
  );
  child = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--watch'], {
    cwd: dir,
    env: { ...withoutVitest(process.env), SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
  watch = followOutput(child);
  await waitFor(READY, 1);
}, 240_000);

afterAll(() => {
  child?.kill('SIGKILL');
});

describe('npm run build -- --watch: the PDF first', () => {
  it('starts the live site and the PDF-first path once the first build is published', () => {
    expect(watch.text).toMatch(/watch: live site at http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('prints only the saved chapter again, and its PDF is byte for byte the full build’s', async () => {
    const before = readFileSync(PDF);
    // Same length, so no line or page moves: the save the fast path is for.
    editFile(dir, 'content/chapters/business.mdx', '虛構示例公司製造虛構小部件', '虛構示例公司生產虛構小部件');
    await waitFor('PDF first: prospectus.pdf updated', 1);
    expect(watch.text).toMatch(/business changed, of \d+ units/);
    const first = readFileSync(PDF);
    expect(first.equals(before)).toBe(false);
    const read = await textOf(first);
    expect(read.text).toContain(squash('虛構示例公司生產虛構小部件'));
    expect(read.text).not.toContain(squash('虛構示例公司製造虛構小部件'));
    // The English edition was not saved: it is not printed first.
    expect(watch.text).not.toContain('PDF first: prospectus-en.pdf');

    await waitFor(READY, 2);
    const full = readFileSync(PDF);
    expect(full.equals(first)).toBe(true);
  }, 240_000);

  it('leaves a save that moves the pages after it to the full build, which renumbers them', async () => {
    const before = await textOf(readFileSync(PDF));
    editFile(
      dir,
      'content/chapters/business.mdx',
      '## 生產 {#production}',
      `${twoPagesOfText()}\n\n## 生產 {#production}`,
    );
    await waitFor('PDF first: not for this save (business now runs to', 1);
    await waitFor(READY, 3);
    const after = await textOf(readFileSync(PDF));
    expect(after.pages).toBeGreaterThan(before.pages);
    expect(after.text).toContain(squash('虛構段落第24段'));
  }, 240_000);

  it('does not print a rejected save, and the full build names the problem', async () => {
    const before = readFileSync(PDF);
    editFile(
      dir,
      'content/chapters/business.mdx',
      '<Val of="facts.widget-count" />',
      '<Val of="facts.no-such-figure" />',
    );
    await waitFor('PDF first: prospectus.pdf unchanged: astro dev answered HTTP 500', 1);
    await waitFor('build failed; the last good output is unchanged', 1);
    expect(watch.text).toMatch(/content\/chapters\/business\.mdx:\d+/);
    expect(readFileSync(PDF).equals(before)).toBe(true);
  }, 240_000);

  it('does not print a save that types withheld wording into a publication copy', async () => {
    // The bad save of the test before is put right first: the full build must pass again.
    editFile(
      dir,
      'content/chapters/business.mdx',
      '<Val of="facts.no-such-figure" />',
      '<Val of="facts.widget-count" />',
    );
    await waitFor(READY, 5);
    const before = readFileSync(PDF);
    editFile(dir, 'content/chapters/business.mdx', '虛構示例公司生產虛構小部件', `虛構示例公司生產${WITHHELD}`);
    await waitFor(`PDF first: prospectus.pdf unchanged: withheld wording in the new pages: ${WITHHELD}`, 1);
    await waitFor('redacted wording found in the publication build', 1);
    expect(readFileSync(PDF).equals(before)).toBe(true);
  }, 240_000);

  it('stops on SIGINT', async () => {
    const exited = new Promise<number | null>((ok) => child?.once('exit', (code) => ok(code)));
    child?.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(watch.text).toContain('watch: stopped');
  }, 60_000);
});
