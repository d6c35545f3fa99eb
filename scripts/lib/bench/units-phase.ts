/**
 * The units phase at the largest size: printing by units cold, warm and after an edit, then the
 * same edit saved into a running `npm run build -- --watch`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchError, say, type UnitsBench, type WatchedEdit } from './model.ts';
import { build } from './steps.ts';

/**
 * Printing by units (PROSPECTUS_PRINT=units) at one size, after its one-piece runs: a cold
 * build (empty print cache) in one tab and in as many as the machine allows, a warm build
 * (nothing changed), and a one-sentence edit in the middle chapter, each timed from the start
 * of `npm run build` to the new dist/prospectus.pdf (process wall time). Then the same edit
 * saved into a running `npm run build -- --watch` (editWhileWatching).
 */
export async function unitsPhase(root: string, chapters: number): Promise<UnitsBench> {
  const dir = join(root, '.build', 'bench', `c${chapters}`);
  const cache = join(dir, '.build', 'print-cache');
  const units = { PROSPECTUS_PRINT: 'units' };
  rmSync(cache, { recursive: true, force: true });
  say(`${chapters} chapters, units: cold build in one tab`);
  const serial = await build(dir, { ...units, PROSPECTUS_PRINT_TABS: '1' });
  rmSync(cache, { recursive: true, force: true });
  say(`${chapters} chapters, units: cold build`);
  const cold = await build(dir, units);
  say(`${chapters} chapters, units: warm build`);
  const warm = await build(dir, units);
  const middle = join(dir, 'content', 'chapters', `chapter-${String(Math.ceil(chapters / 2)).padStart(3, '0')}.mdx`);
  const text = readFileSync(middle, 'utf8');
  const edited = withSentence(text, EDIT_SENTENCE);
  if (edited === text) throw new BenchError(`no paragraph to edit in ${middle}`);
  writeFileSync(middle, edited);
  say(`${chapters} chapters, units: one-sentence edit in ${middle.split('/').at(-1)}, npm run build`);
  const edit = await build(dir, units);
  writeFileSync(middle, text);
  say(
    `${chapters} chapters, units: one-sentence edit in ${middle.split('/').at(-1)}, saved in npm run build -- --watch`,
  );
  const watched = await editWhileWatching(dir, middle);
  const tabs = Number(/units: \d+, \d+ prints, \d+ taken from the cache, (\d+) tab/u.exec(cold.stderr)?.[1] ?? 0);
  return { serial, cold, warm, edit, watched, tabs };
}

export const EDIT_SENTENCE = '本句為基準測試所加的一句。';
export const WATCH_SENTENCE = '本句為基準測試在監看中所加的一句。';

/** One sentence more at the end of the chapter's first paragraph of body text. */
export function withSentence(text: string, sentence: string): string {
  return text.replace(/^(\p{Script=Han}[^\n]*)$/mu, `$1${sentence}`);
}

/**
 * The edit as an author makes it: saved while `npm run build -- --watch` runs, once the watch is
 * idle (its first build done, astro dev warmed). Timed from the write of the file to the moment
 * dist/prospectus.pdf is replaced, by polling it; the new PDF must hold the sentence, or the
 * number would time something else.
 */
async function editWhileWatching(dir: string, file: string): Promise<WatchedEdit> {
  const child: ChildProcess = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--watch'], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1764115200', PROSPECTUS_STAGE: 'publication' },
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const said = async (text: string, times: number) => {
    const started = performance.now();
    while (output.split(text).length - 1 < times) {
      if (child.exitCode !== null) throw new BenchError(`the watch ended:\n${output}`);
      if (performance.now() - started > 900_000) throw new BenchError(`no "${text}" from the watch:\n${output}`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    return performance.now();
  };
  const original = readFileSync(file, 'utf8');
  try {
    await said('waiting for changes', 1);
    const pdf = join(dir, 'dist', 'prospectus.pdf');
    const before = statSync(pdf);
    const saved = performance.now();
    writeFileSync(file, withSentence(original, WATCH_SENTENCE));
    let replaced = 0;
    for (;;) {
      const now = statSync(pdf, { throwIfNoEntry: false });
      if (now && (now.ino !== before.ino || now.mtimeMs !== before.mtimeMs)) {
        replaced = performance.now();
        break;
      }
      if (child.exitCode !== null) throw new BenchError(`the watch ended:\n${output}`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).replace(/\s+/g, '');
    if (!text.includes(WATCH_SENTENCE))
      throw new BenchError(`the PDF the watch wrote after the save lacks the sentence:\n${output}`);
    const full = await said('waiting for changes', 2);
    for (const line of output.split('\n').filter((l) => l.startsWith('watch: ') && !l.includes('waiting')))
      say(`  ${line}`);
    return {
      pdfS: (replaced - saved) / 1000,
      fullS: (full - saved) / 1000,
      path: output.includes('PDF first: prospectus.pdf updated') ? 'pdf-first' : 'full build',
    };
  } finally {
    const exited = new Promise((done) => child.once('close', done));
    child.kill('SIGINT');
    await exited;
    writeFileSync(file, original);
  }
}
