import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scanForLeaks } from '../../scripts/lib/leak-scan.ts';
import { ROOT, TEST_DIST, TEST_EPOCH } from '../build-once.ts';

const terms = (parse(readFileSync(join(ROOT, 'data/redactions.yaml'), 'utf8')) as { text: string }[]).map(
  (r) => r.text,
);
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
const VETTING = join(ROOT, 'dist-stages', 'vetting');

describe('publication copy (the default build)', () => {
  it('shows [編纂] where the seed does, three times', () => {
    const seed = readFileSync(join(ROOT, 'tests/fixtures/seed/industry-overview.txt'), 'utf8');
    const expected = seed.split('[編纂]').length - 1;
    expect(expected).toBe(3);
    expect(pdfText(join(TEST_DIST, 'prospectus.pdf')).split('[編纂]').length - 1).toBe(expected);
  });

  it('holds no redacted wording in any emitted file, PDF text, metadata or bookmarks', async () => {
    expect(terms.length).toBeGreaterThan(0);
    expect(await scanForLeaks(TEST_DIST, terms)).toEqual([]);
  });
});

describe('vetting copy', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--stage', 'vetting'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
    });
  }, 300_000);

  it('shows the real wording in place of [編纂]', () => {
    const text = pdfText(join(VETTING, 'prospectus.pdf')).replace(/\s+/g, '');
    expect(text).not.toContain('[編纂]');
    for (const term of terms) expect(text).toContain(term);
  });

  it('is what the leak scan catches, in the PDF text layer and in the HTML', async () => {
    const leaks = await scanForLeaks(VETTING, terms);
    expect(leaks.some((l) => l.file === 'prospectus.pdf' && l.where === 'PDF text')).toBe(true);
    expect(leaks.some((l) => l.file.endsWith('.html'))).toBe(true);
  });
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
