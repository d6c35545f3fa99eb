import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OutlineEntry, openPdf, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { TEST_EPOCH } from '../build-once.ts';
import { leftRunning, marked, type Proc, processMark } from '../processes.ts';
import { editFile, fixtureProject, twoPagesOfText } from '../sample-copy.ts';
import { layoutPages, nonEmptyLines, squash } from './read.ts';

/**
 * Printing by units (PROSPECTUS_PRINT=units) on the structure fixture (two chapters after the
 * generated sections, two appendices): a chapter that gains a page moves every later folio, the
 * contents and the bookmarks with it; a build killed while printing leaves nothing a later build
 * trusts, and a cache entry cut short is printed again.
 */

// Two tabs whatever the machine's cores, as on the machine the cold-layout rule was measured on.
const ENV = { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, PROSPECTUS_PRINT: 'units', PROSPECTUS_PRINT_TABS: '2' };

function build(dir: string) {
  return spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--lang', 'zh'], {
    cwd: dir,
    encoding: 'utf8',
    env: ENV,
  });
}

interface Printed {
  pages: number;
  outline: OutlineEntry[];
  layout: string[];
}

async function read(dir: string): Promise<Printed> {
  const file = join(dir, 'dist', 'prospectus.pdf');
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
  return { pages: doc.numPages, outline: await readOutline(doc), layout: layoutPages(file) };
}

const CONTENTS = '目錄';
const NUMERALS: Record<string, string> = { 一: 'I', 二: 'II' };

function pageOf(printed: Printed, title: string): number {
  const entry = printed.outline.find((e) => squash(e.title) === squash(title));
  if (!entry) throw new Error(`no bookmark ${title}: ${printed.outline.map((e) => e.title).join(', ')}`);
  return entry.page;
}

/**
 * The folio a page must carry, from the bookmarks alone: – 1 – on the first section after the
 * contents, counting on; an appendix (附錄一 …) numbers its own pages I-1, I-2 ….
 */
function expectedFolio(printed: Printed, physical: number): string {
  const contents = printed.outline.findIndex((e) => e.title === CONTENTS);
  const first = printed.outline.slice(contents + 1).find((e) => e.depth === 1)?.page ?? 0;
  const appendices = printed.outline
    .flatMap((e) => {
      const m = /^附錄([一二])\s/u.exec(e.title);
      return m ? [{ numeral: NUMERALS[m[1] ?? ''] ?? '', start: e.page }] : [];
    })
    .sort((a, b) => b.start - a.start);
  const appendix = appendices.find((a) => a.start <= physical);
  return appendix ? `${appendix.numeral}-${physical - appendix.start + 1}` : String(physical - first + 1);
}

/** Every page after the contents whose foot is not its expected folio. */
function wrongFolios(printed: Printed): string[] {
  const contentsPage = pageOf(printed, CONTENTS);
  const wrong: string[] = [];
  for (let p = contentsPage + 1; p <= printed.pages; p++) {
    const foot = nonEmptyLines(printed.layout[p - 1] ?? '').at(-1) ?? '';
    const folio = /^–\s*(\S+)\s*–$/u.exec(foot)?.[1];
    if (folio !== expectedFolio(printed, p))
      wrong.push(`page ${p}: foot "${foot}", expected ${expectedFolio(printed, p)}`);
  }
  return wrong;
}

/** Contents lines "title  n" (or I-n) whose number is not the folio of the page its bookmark opens. */
function wrongContents(printed: Printed): string[] {
  const lines = nonEmptyLines(printed.layout[pageOf(printed, CONTENTS) - 1] ?? '');
  const entries = lines
    .map((line) => /^\s*(.*\S)\s+((?:[IVX]+-)?\d+)$/u.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  expect(entries.length).toBeGreaterThanOrEqual(6);
  return entries.flatMap((m) => {
    const expected = expectedFolio(printed, pageOf(printed, m[1] ?? ''));
    return m[2] === expected ? [] : [`${m[1]}: contents says ${m[2]}, its page carries ${expected}`];
  });
}

/** Bookmarks whose page does not show their heading. */
function wrongBookmarks(printed: Printed): string[] {
  return printed.outline
    .filter((e) => e.title !== '附錄')
    .filter((e) => !squash(printed.layout[e.page - 1] ?? '').includes(squash(e.title)))
    .map((e) => `${e.title} → page ${e.page}`);
}

/**
 * The PDF of a clean build of the unedited fixture: the first build of 'printing by units' when
 * it ran (the same fixture, options and date), else a build of its own; one build fewer a run.
 */
let cleanPdf: Buffer | undefined;
function cleanBuildPdf(): Buffer {
  if (cleanPdf) return cleanPdf;
  const clean = fixtureProject('structure');
  const cleanBuild = build(clean);
  expect(cleanBuild.status, cleanBuild.stderr).toBe(0);
  cleanPdf = readFileSync(join(clean, 'dist', 'prospectus.pdf'));
  return cleanPdf;
}

describe('printing by units', () => {
  let dir: string;
  let before: Printed;
  let after: Printed;
  let coldLog: string;
  let log: string;
  beforeAll(async () => {
    dir = fixtureProject('structure');
    const first = build(dir);
    expect(first.status, first.stderr).toBe(0);
    coldLog = first.stderr;
    cleanPdf = readFileSync(join(dir, 'dist', 'prospectus.pdf'));
    before = await read(dir);
    // About two pages of text in the middle of the first chapter, with no heading of its own.
    editFile(
      dir,
      'content/chapters/business.mdx',
      '## 生產 {#production}',
      `${twoPagesOfText()}\n\n## 生產 {#production}`,
    );
    const second = build(dir);
    expect(second.status, second.stderr).toBe(0);
    log = second.stderr;
    after = await read(dir);
  }, 240_000);

  it('prints the document with the right folios, contents numbers and bookmarks', () => {
    expect(wrongFolios(before)).toEqual([]);
    expect(wrongContents(before)).toEqual([]);
    expect(wrongBookmarks(before)).toEqual([]);
  });

  it('a cold build locates every unit in one whole print and prints each unit once', () => {
    const located = /layout: (\d+) of (\d+) units located in one (\d+)-page print/u.exec(coldLog);
    const units = Number(located?.[2]);
    expect(Number(located?.[1])).toBe(units);
    expect(Number(located?.[3])).toBe(before.pages);
    expect(coldLog).not.toMatch(/units to print$/mu);
    expect(coldLog).toMatch(new RegExp(`print: ${units} of ${units} units to print with their folios`, 'u'));
    expect(coldLog).toMatch(new RegExp(`units: ${units}, ${units} prints, 0 taken from the cache`, 'u'));
  });

  it('after one chapter gains a page, every later folio, the contents and the bookmarks follow', () => {
    const gained = pageOf(after, '風險因素') - pageOf(before, '風險因素');
    expect(gained).toBeGreaterThanOrEqual(1);
    expect(after.pages).toBe(before.pages + gained);
    expect(wrongFolios(after)).toEqual([]);
    expect(wrongContents(after)).toEqual([]);
    expect(wrongBookmarks(after)).toEqual([]);
    // The chapter after the edit starts that many folios later.
    expect(Number(expectedFolio(after, pageOf(after, '風險因素')))).toBe(
      Number(expectedFolio(before, pageOf(before, '風險因素'))) + gained,
    );
  });

  it('lays out again only the edited chapter; the units before it come from the cache', () => {
    const units = Number(/layout: \d+ of (\d+) units/u.exec(log)?.[1]);
    expect(log).toMatch(/layout: 1 of \d+ units to print/u);
    const printed = Number(/print: (\d+) of \d+ units/u.exec(log)?.[1] ?? 0);
    // The generated sections before the chapter keep their prints.
    expect(printed).toBeLessThan(units);
  });
});

describe('the print cache', () => {
  it('after a build killed mid-print and entries cut short, the next build prints them again and matches a clean build byte for byte', async () => {
    const expected = cleanBuildPdf();

    const dir = fixtureProject('structure');
    const killed = await killWhenPrinting(dir);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).toMatch(/print: \d+ of \d+ units to print/u);
    expect(killed.running.some((p) => p.cmd.includes('--remote-debugging'))).toBe(true);
    expect(await leftRunning(killed.mark, killed.running, 10_000)).toEqual([]);
    // What a writer without temporary files would leave: every entry's PDF cut in half.
    const cache = join(dir, '.build', 'print-cache');
    const pdfs = readdirSync(cache).filter((name) => name.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    for (const name of pdfs) truncateSync(join(cache, name), Math.floor(statSync(join(cache, name)).size / 2));

    const next = build(dir);
    expect(next.status, next.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'dist', 'prospectus.pdf')), expected)).toBe(0);
    // And a build from a whole cache is the same file again.
    const warm = build(dir);
    expect(warm.status, warm.stderr).toBe(0);
    expect(warm.stderr).not.toMatch(/units to print/u);
    expect(Buffer.compare(readFileSync(join(dir, 'dist', 'prospectus.pdf')), expected)).toBe(0);
  }, 240_000);
});

/**
 * Starts a build and kills it (SIGKILL to the build alone, as a user or CI would) as soon as it
 * reports the final printing pass, after the layout pass has written its entries. Returns what of
 * the build ran at that moment, to show that its Chromium ends with it.
 */
function killWhenPrinting(
  dir: string,
): Promise<{ signal: NodeJS.Signals | null; stderr: string; mark: string; running: Proc[] }> {
  const { env, mark } = processMark();
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [join(dir, 'scripts/build.ts'), '--lang', 'zh'], {
      cwd: dir,
      env: { ...ENV, ...env },
    });
    let stderr = '';
    let sent = false;
    let running: Proc[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /print: \d+ of \d+ units to print/u.test(stderr)) {
        sent = true;
        running = marked(mark);
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => resolve({ signal, stderr, mark, running }));
  });
}
