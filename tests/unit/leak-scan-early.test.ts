import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { contentHash, type FileScan, scanFiles } from '../../scripts/lib/leak/leak-files.ts';
import { scanFile, scanForLeaks } from '../../scripts/lib/leak/leak-scan.ts';
import { finishScan, startLeakScan } from '../../scripts/lib/leak/leak-scan-early.ts';

const OFFERING = '全球發售';
const GLOBAL = 'Global Offering';
const TERMS = [OFFERING, GLOBAL];

/** A one-page PDF whose page shows `text` and whose title is `title`. */
async function pdf(text: string, title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 12, font });
  doc.setTitle(title);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A small emitted site: a leak split by markup, a clean page, a leaking script and a clean stylesheet. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leak-early-'));
  mkdirSync(join(dir, 'chapters'));
  writeFileSync(join(dir, 'chapters/index.html'), `<p>參與<strong>全球</strong>發售的人士</p>`);
  writeFileSync(join(dir, 'clean.html'), '<p>[編纂]</p>');
  writeFileSync(join(dir, 'old.js'), 'const a = "\\u5168\\u7403\\u767c\\u552e";');
  writeFileSync(join(dir, 'style.css'), 'p { color: black }');
  return dir;
}

describe('a scan finished after files changed', () => {
  it('reads again what was rewritten or added since the site was scanned, and finds what scanForLeaks finds', async () => {
    const dir = site();
    const earlier = scanFiles(dir, TERMS);
    expect(earlier.get('old.js')?.found).toEqual([{ where: 'bytes', term: OFFERING }]);
    writeFileSync(join(dir, 'clean.html'), `<p>the ${GLOBAL}</p>`);
    writeFileSync(join(dir, 'old.js'), 'const a = "[REDACTED]";');
    writeFileSync(join(dir, 'late.csv'), `id,text\n1,${OFFERING}\n`);

    const leaks = await finishScan(dir, TERMS, earlier, new Map());
    expect(leaks).toEqual(await scanForLeaks(dir, TERMS));
    expect(leaks).toContainEqual({ file: 'clean.html', where: 'bytes', term: GLOBAL });
    expect(leaks).toContainEqual({ file: 'late.csv', where: 'bytes', term: OFFERING });
    expect(leaks).toContainEqual({ file: 'chapters/index.html', where: 'bytes', term: OFFERING });
    expect(leaks.filter((l) => l.file === 'old.js')).toEqual([]);
  });

  it('leaves out of the early pass a file listed but gone when read, as a PDF renamed into place is', () => {
    const dir = site();
    // Listed by the folder, gone when opened: a temporary file renamed meanwhile.
    symlinkSync(join(dir, 'renamed-meanwhile.pdf'), join(dir, 'doc.pdf.partial'));
    const earlier = scanFiles(dir, TERMS);
    expect([...earlier.keys()].sort()).toEqual(['chapters/index.html', 'clean.html', 'old.js', 'style.css']);
  });

  it("takes an unchanged file's scan from the earlier pass instead of reading it again", async () => {
    const dir = site();
    const earlier = scanFiles(dir, TERMS);
    const style = earlier.get('style.css') as FileScan;
    // What the earlier pass says it found in style.css: reported, so the file was not read again.
    earlier.set('style.css', { ...style, found: [{ where: 'bytes', term: GLOBAL }] });
    const leaks = await finishScan(dir, TERMS, earlier, new Map());
    expect(leaks).toContainEqual({ file: 'style.css', where: 'bytes', term: GLOBAL });
  });

  it('reads a PDF rewritten after it was handed in from its new bytes, not the page texts given with the old', async () => {
    const dir = site();
    writeFileSync(join(dir, 'doc.pdf'), await pdf('the prospectus', 'Prospectus'));
    const scan = async (): Promise<FileScan> => {
      const bytes = readFileSync(join(dir, 'doc.pdf'));
      const found = await scanFile('doc.pdf', bytes, TERMS, [`the ${GLOBAL}`]);
      return { hash: contentHash(bytes), found };
    };
    const added = scan();
    await added;
    const unchanged = await finishScan(dir, TERMS, scanFiles(dir, TERMS), new Map([['doc.pdf', added]]));
    expect(unchanged).toContainEqual({ file: 'doc.pdf', where: 'PDF text', term: GLOBAL });

    writeFileSync(join(dir, 'doc.pdf'), await pdf('the prospectus, again', `${GLOBAL} prospectus`));
    const rewritten = await finishScan(dir, TERMS, scanFiles(dir, TERMS), new Map([['doc.pdf', added]]));
    expect(rewritten).toEqual(await scanForLeaks(dir, TERMS));
    expect(rewritten).toContainEqual({ file: 'doc.pdf', where: 'PDF metadata', term: GLOBAL });
    expect(rewritten).not.toContainEqual({ file: 'doc.pdf', where: 'PDF text', term: GLOBAL });
  });
});

describe('the scan started in a worker thread', () => {
  it('finds, once finished, what scanForLeaks finds over the folder as it then is', async () => {
    const dir = site();
    const scan = startLeakScan(dir, TERMS);
    // Written while the worker may be reading the folder: found either way.
    writeFileSync(join(dir, 'late.html'), `<p>${GLOBAL}</p>`);
    writeFileSync(join(dir, 'doc.pdf'), await pdf('Global', 'Prospectus'));
    // The page texts run the term on from one page to the next.
    const pages = ['the Global\n– 1 –', 'Offering\n– 2 –'];
    scan.add('doc.pdf', pages);
    const leaks = await scan.finish();
    expect(leaks).toEqual(await scanForLeaks(dir, TERMS, new Map([['doc.pdf', pages]])));
    expect(leaks).toContainEqual({ file: 'doc.pdf', where: 'PDF text', term: GLOBAL });
    expect(leaks).toContainEqual({ file: 'late.html', where: 'bytes', term: GLOBAL });
    expect(leaks).toContainEqual({ file: 'old.js', where: 'bytes', term: OFFERING });
  });
});
