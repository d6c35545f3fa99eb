import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scanForLeaks } from '../../scripts/lib/leak/leak-scan.ts';
import { openPdf, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { chineseNumeral } from '../../src/lib/i18n/format.ts';
import { ROOT, TEST_DIST, TEST_EPOCH } from '../build-once.ts';
import { editFile, projectCopy } from '../sample-copy.ts';

const registryOf = (dir: string) =>
  (parse(readFileSync(join(dir, 'data/redactions.yaml'), 'utf8')) as { text: string }[]).map((r) => r.text);
const terms = registryOf(ROOT);
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();

describe('publication copy (the default build)', () => {
  it('shows [編纂] where the seed does, three times', async () => {
    const seed = readFileSync(join(ROOT, 'tests/fixtures/seed/industry-overview.txt'), 'utf8');
    const expected = seed.split('[編纂]').length - 1;
    expect(expected).toBe(3);
    // In the industry overview's pages: the sections withheld whole add their own.
    const pdf = join(TEST_DIST, 'prospectus.pdf');
    const outline = (await readOutline(await openPdf(new Uint8Array(readFileSync(pdf))))).filter((e) => e.depth === 1);
    const i = outline.findIndex((e) => e.title === '行業概覽');
    const first = String(outline[i]?.page ?? 1);
    const last = String((outline[i + 1]?.page ?? 0) - 1);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', first, '-l', last, pdf, '-']).toString();
    expect(text.split('[編纂]').length - 1).toBe(expected);
  });

  it('holds no redacted wording in any emitted file, PDF text, metadata or bookmarks', async () => {
    expect(terms.length).toBeGreaterThan(0);
    expect(await scanForLeaks(TEST_DIST, terms)).toEqual([]);
  });
});

/**
 * The vetting copy of the one-chapter sample (a scratch copy: fast, and the repository's own
 * dist-stages/ untouched), its chapter given a sentence that withholds every term of the
 * registry, so that its chapter page, document page, PDF and search index each carry all of them
 * (the whole prospectus spreads them over many chapters).
 */
describe('vetting copy', () => {
  let VETTING = '';
  let vettingTerms: string[] = [];
  beforeAll(() => {
    const dir = projectCopy();
    VETTING = join(dir, 'dist-stages', 'vetting');
    vettingTerms = registryOf(dir);
    const ids = (parse(readFileSync(join(dir, 'data/redactions.yaml'), 'utf8')) as { id: string }[]).map((r) => r.id);
    // A Chinese-only copy: the sentence needs no English counterpart for the parity check.
    rmSync(join(dir, 'content/en'), { recursive: true, force: true });
    editFile(
      dir,
      'content/chapters/industry-overview.mdx',
      '\n\n## 資料來源及研究方法',
      `\n\n本節提及${ids.map((id) => `<Redact term="${id}" />`).join('、')}。\n\n## 資料來源及研究方法`,
    );
    execFileSync(process.execPath, [join(dir, 'scripts/build.ts'), '--stage', 'vetting'], {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
    });
  }, 300_000);

  it('shows the real wording in place of [編纂]', () => {
    const text = pdfText(join(VETTING, 'prospectus.pdf')).replace(/\s+/g, '');
    expect(text).not.toContain('[編纂]');
    expect(vettingTerms.length).toBeGreaterThan(0);
    for (const term of vettingTerms) expect(text).toContain(term);
  });

  it('scanned as if it were a publication build, reports every term in the PDF text, the HTML and the search index', async () => {
    const leaks = await scanForLeaks(VETTING, vettingTerms);
    for (const term of vettingTerms) {
      expect(leaks).toContainEqual({ file: 'prospectus.pdf', where: 'PDF text', term });
      expect(leaks).toContainEqual({ file: 'document/index.html', where: 'bytes', term });
      expect(leaks).toContainEqual({ file: 'chapters/industry-overview/index.html', where: 'bytes', term });
      expect(leaks).toContainEqual(expect.objectContaining({ where: 'decompressed', term }));
    }
  });
});

/**
 * A scratch copy with withheld wording the sample cannot be relied on to contain: a term long
 * enough that it must wrap across lines, one longer than a page, and one typed by hand into the
 * prose with inline markup inside it.
 */
describe('terms broken up by the layout or by markup', () => {
  const numbered = (n: number, name: (i: number) => string) => Array.from({ length: n }, (_, i) => name(i)).join('、');
  const wrapsLines = numbered(20, (i) => `第${chineseNumeral(i + 1)}家包銷商`);
  // About 2,600 characters, more than a page holds; numbered so that no two pages start alike.
  const crossesPage = numbered(
    250,
    (i) => `第${chineseNumeral(Math.floor(i / 10) + 1)}組第${chineseNumeral((i % 10) + 1)}家包銷商`,
  );
  const splitByMarkup = '獨家全球協調人及獨家賬簿管理人';
  const scratchTerms = [wrapsLines, crossesPage, splitByMarkup];
  let dir = '';
  let dist = '';
  let pages: string[] = [];

  beforeAll(() => {
    dir = projectCopy();
    dist = join(dir, 'dist');
    // The terms are Chinese layout cases; a Chinese-only document needs no English counterpart
    // for them, where the parity check would otherwise (rightly) ask for one.
    rmSync(join(dir, 'content/en'), { recursive: true, force: true });
    const registry = join(dir, 'data/redactions.yaml');
    writeFileSync(
      registry,
      `${readFileSync(registry, 'utf8')}- id: wraps-lines\n  text: ${wrapsLines}\n- id: crosses-page\n  text: ${crossesPage}\n- id: split-by-markup\n  text: ${splitByMarkup}\n`,
    );
    editFile(
      dir,
      'content/chapters/industry-overview.mdx',
      '\n\n## 資料來源及研究方法',
      `\n\n本次<Redact term="wraps-lines" />的名單如上。我們的獨家全球協調人及<strong>獨家賬簿管理人</strong>亦然。\n\n本次<Redact term="crosses-page" />。\n\n## 資料來源及研究方法`,
    );
    execFileSync(process.execPath, [join(dir, 'scripts/build.ts')], {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, PROSPECTUS_STAGE: 'vetting' },
    });
    pages = pdfText(join(dist, 'prospectus.pdf')).split('\f');
  }, 300_000);

  const pageOf = (text: string) => pages.findIndex((p) => p.replace(/\s+/g, '').includes(text)) + 1;

  it('the fixture does what it says: one term wraps, one crosses a page, one is split by markup', () => {
    const text = pages.join('');
    expect(text).not.toContain(wrapsLines);
    expect(text.replace(/\s+/g, '')).toContain(wrapsLines);
    expect(text.replace(/\s+/g, '')).not.toContain(crossesPage);
    expect(pageOf(crossesPage.slice(0, 20))).toBeGreaterThan(0);
    expect(pageOf(crossesPage.slice(-20))).toBeGreaterThan(pageOf(crossesPage.slice(0, 20)));
    const html = readFileSync(join(dist, 'chapters/industry-overview/index.html'), 'utf8');
    expect(html).toContain('獨家全球協調人及<strong>獨家賬簿管理人</strong>');
    expect(html).not.toContain(splitByMarkup);
  });

  it('the leak scan reports each of them, from the PDF as pdf.js reads it', async () => {
    const leaks = await scanForLeaks(dist, scratchTerms);
    for (const term of scratchTerms) expect(leaks).toContainEqual({ file: 'prospectus.pdf', where: 'PDF text', term });
    expect(leaks).toContainEqual({
      file: 'chapters/industry-overview/index.html',
      where: 'bytes',
      term: splitByMarkup,
    });
  });

  it('and from page texts handed in, as poppler reads them', async () => {
    const leaks = await scanForLeaks(dist, scratchTerms, new Map([['prospectus.pdf', pages]]));
    for (const term of scratchTerms) expect(leaks).toContainEqual({ file: 'prospectus.pdf', where: 'PDF text', term });
  });

  it('a publication build of the same copy fails on the hand-typed term and keeps dist/', () => {
    const before = readFileSync(join(dist, 'prospectus.pdf'));
    const result = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--no-pdf'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, PROSPECTUS_STAGE: 'publication' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('redacted wording found in the publication build');
    expect(result.stderr).toContain(`chapters/industry-overview/index.html (bytes): "${splitByMarkup}"`);
    expect(result.stderr).not.toContain(wrapsLines);
    expect(readFileSync(join(dist, 'prospectus.pdf')).equals(before)).toBe(true);
  }, 120_000);

  it('a publication build that prints names the term in the site (scanned during the print), the PDF and the schedule written after it', () => {
    // A paragraph that opens with the term and binds a figure: the schedule's row quotes it.
    editFile(
      dir,
      'content/chapters/industry-overview.mdx',
      '\n\n## 資料來源及研究方法',
      `\n\n${splitByMarkup}確認<Val of="global-cloud.global@2018" />。\n\n## 資料來源及研究方法`,
    );
    const result = spawnSync(process.execPath, [join(dir, 'scripts/build.ts')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, PROSPECTUS_STAGE: 'publication' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('redacted wording found in the publication build');
    for (const where of [
      'chapters/industry-overview/index.html (bytes)',
      'prospectus.pdf (PDF text)',
      'verification/index.html (bytes)',
    ]) {
      expect(result.stderr).toContain(`${where}: "${splitByMarkup}"`);
    }
  }, 180_000);
});

describe('leak scan', () => {
  it('looks inside compressed files such as a search index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leak-'));
    cpSync(join(TEST_DIST, 'index.html'), join(dir, 'index.html'));
    // Enough varied text that deflate codes it with dynamic Huffman tables: the term is then
    // not visible in the raw bytes, as in a real Pagefind fragment.
    const chapter = readFileSync(join(TEST_DIST, 'chapters/industry-overview/index.html'), 'utf8');
    const compressed = gzipSync(Buffer.from(`${chapter}參與${terms[0]}的任何其他人士`));
    expect(compressed.includes(Buffer.from(terms[0] as string))).toBe(false);
    writeFileSync(join(dir, 'fragment.pf_fragment'), compressed);
    const leaks = await scanForLeaks(dir, terms);
    expect(leaks).toEqual([{ file: 'fragment.pf_fragment', where: 'decompressed', term: terms[0] }]);
  });
});
