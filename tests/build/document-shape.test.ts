import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OutlineEntry, openPdf, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { TEST_EPOCH } from '../build-once.ts';
import { editFile, fixtureProject } from '../sample-copy.ts';
import { layoutPages, nonEmptyLines, run, squash } from './read.ts';

/**
 * The document's shape and stages, built from the fictional shape fixture: the timetable prints
 * before the contents and the summary after it; a section withheld whole prints its title and
 * one [編纂] page and none of its text anywhere; a title naming withheld wording is withheld
 * wherever it shows; the cover carries the boxed warning in drafts only; the print by units
 * gives the same folios and contents as the whole print.
 */

function build(dir: string, env: Record<string, string> = {}, args: string[] = []) {
  const result = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, ...env },
  });
  expect(result.status, result.stderr).toBe(0);
}

interface Printed {
  outline: OutlineEntry[];
  layout: string[];
}

async function read(file: string): Promise<Printed> {
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
  return { outline: await readOutline(doc), layout: layoutPages(file) };
}

/** Every emitted file's text, gzipped ones (the search index) unpacked. */
function emitted(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        let bytes = readFileSync(path);
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
        out.push({ file: path, text: bytes.toString('utf8') });
      }
    }
  };
  walk(dir);
  return out;
}

const page = (p: Printed, n: number) => nonEmptyLines(p.layout[n - 1] ?? '');
const foot = (p: Printed, n: number) => page(p, n).at(-1)?.trim() ?? '';
const depthOne = (p: Printed) => p.outline.filter((e) => e.depth === 1).map((e) => e.title);

describe('document shape, publication copy', () => {
  let dir: string;
  let zh: Printed;
  let en: Printed;
  beforeAll(async () => {
    dir = fixtureProject('shape');
    build(dir, { PROSPECTUS_STAGE: 'publication' });
    zh = await read(join(dir, 'dist/prospectus.pdf'));
    en = await read(join(dir, 'dist/prospectus-en.pdf'));
  }, 240_000);

  it('prints the timetable before the contents and the summary after it, in the bookmarks of both editions', () => {
    expect(depthOne(zh)).toEqual([
      '預期時間表',
      '目錄',
      '概要',
      '業務',
      '風險因素',
      '有關本文件及[編纂]的資料',
      '[編纂]的架構',
      '附錄',
    ]);
    expect(depthOne(en)).toEqual([
      'EXPECTED TIMETABLE',
      'CONTENTS',
      'SUMMARY',
      'BUSINESS',
      'RISK FACTORS',
      'INFORMATION ABOUT THIS DOCUMENT AND THE [REDACTED]',
      'STRUCTURE OF THE [REDACTED]',
      'APPENDICES',
    ]);
  });

  it('lists every section in the contents in document order, the front matter with Roman folios', () => {
    const contents = zh.outline.find((e) => e.title === '目錄')?.page ?? 0;
    const entries = page(zh, contents)
      .map((l) => /^(\S.*?)\s{2,}((?:[IVX]+-)?\d+|[ivx]+)$/u.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]} ${m[2]}`);
    // The chapters with their sections; the withheld section lists its title alone.
    expect(entries).toEqual([
      '預期時間表 i',
      '概要 1',
      '業務 2',
      '概覽 2',
      '生產 2',
      '風險因素 3',
      '與本公司業務有關的風險 3',
      '與競爭有關的風險 3',
      '有關本文件及[編纂]的資料 4',
      '資料 4',
      '[編纂]的架構 5',
      '附錄一 會計師報告 I-1',
      '歷史財務資料 I-1',
      '其他事項 I-1',
      '附錄二 法定及一般資料 II-1',
      '有關本公司的其他資料 II-1',
    ]);
    // The timetable's page carries – i –, the contents – ii –, the summary – 1 –; the cover none.
    const timetable = zh.outline.find((e) => e.title === '預期時間表')?.page ?? 0;
    const summary = zh.outline.find((e) => e.title === '概要')?.page ?? 0;
    expect([foot(zh, timetable), foot(zh, contents), foot(zh, summary)].map(squash)).toEqual(['–i–', '–ii–', '–1–']);
    expect(page(zh, 1).join('\n')).not.toMatch(/–\s*\S+\s*–/u);
  });

  it('prints a withheld section as its title and [編纂] alone, and emits none of its text', () => {
    const timetable = zh.outline.find((e) => e.title === '預期時間表')?.page ?? 0;
    const body = page(zh, timetable)
      .slice(1, -1)
      .map((l) => l.trim());
    expect(body).toEqual(['預期時間表', '預期時間表', '[編纂]'].slice(body.length === 2 ? 1 : 0));
    const structure = en.outline.find((e) => e.title === 'STRUCTURE OF THE [REDACTED]')?.page ?? 0;
    expect(
      page(en, structure)
        .slice(1, -1)
        .map((l) => l.trim())
        .at(-1),
    ).toBe('[REDACTED]');
    const secrets = [
      '虛構時間表密語甲',
      '虛構架構密語乙',
      'passphrasealpha',
      'passphrasebeta',
      '2024年12月16日',
      '16December2024',
    ];
    const texts = [
      ...emitted(join(dir, 'dist')).map((f) => ({ file: f.file, text: squash(f.text) })),
      { file: 'prospectus.pdf text', text: squash(zh.layout.join('')) },
      { file: 'prospectus-en.pdf text', text: squash(en.layout.join('')) },
    ];
    const leaks = texts.flatMap((t) => secrets.filter((s) => t.text.includes(s)).map((s) => `${t.file}: ${s}`));
    expect(leaks).toEqual([]);
  });

  it('withholds the wording of a title wherever the title shows', () => {
    const home = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    const chapter = readFileSync(join(dir, 'dist/chapters/offering-info/index.html'), 'utf8');
    const enChapter = readFileSync(join(dir, 'dist/en/chapters/offering-structure/index.html'), 'utf8');
    expect(home).toContain('有關本文件及[編纂]的資料');
    expect(chapter).toMatch(/<title>有關本文件及\[編纂\]的資料<\/title>/u);
    expect(chapter).toMatch(/<h1>\s*有關本文件及\[編纂\]的資料<\/h1>/u);
    // A reference to a withheld chapter's section names the chapter alone.
    expect(chapter).toContain('「[編纂]的架構」一節');
    expect(enChapter).toMatch(/<h1>\s*STRUCTURE OF THE \[REDACTED\]<\/h1>/u);
    const infoPage = zh.outline.find((e) => e.title === '有關本文件及[編纂]的資料')?.page ?? 0;
    // The running head, under the draft warning line.
    expect(page(zh, infoPage).slice(0, 2).join('')).toContain('有關本文件及[編纂]的資料');
    expect(run('pdfinfo', [join(dir, 'dist/prospectus.pdf')])).toMatch(/Keywords:.*有關本文件及\[編纂\]的資料/u);
    const everything = emitted(join(dir, 'dist'))
      .map((f) => f.text)
      .join('');
    expect(everything).not.toContain('虛構示範發售');
    expect(everything).not.toContain('Demo Offering');
  });

  it('puts the boxed warning in the document’s words on the cover of a draft', () => {
    expect(squash(page(zh, 1).join(''))).toContain(squash('警告本虛構申請版本僅供測試刊發，並非任何要約。'));
    expect(squash(page(en, 1).join(''))).toContain(squash('WARNING This fictional proof is published for tests only.'));
  });
});

describe('document shape, final and by units', () => {
  it('prints every withheld section in full in the final prospectus, whose cover has no warning but names the offer', async () => {
    const dir = fixtureProject('shape');
    editFile(dir, 'content/document.yaml', 'date: null', 'date: "2024-12-02"');
    build(dir, { PROSPECTUS_STAGE: 'final' }, ['--lang', 'zh']);
    const zh = await read(join(dir, 'dist/prospectus.pdf'));
    const cover = squash(page(zh, 1).join(''));
    expect(cover).not.toContain('警告');
    expect(cover).toContain('股份代號：9999');
    expect(cover).toContain('虛構保薦人有限公司');
    expect(depthOne(zh)).toContain('有關本文件及虛構示範發售的資料');
    const all = squash(zh.layout.join(''));
    expect(all).toContain('虛構時間表密語甲');
    expect(all).toContain(squash('股份開始買賣 2024年12月16日（星期一）上午九時正'));
    expect(all).toContain('虛構架構密語乙');
  }, 240_000);

  it('prints by units with the same contents and folios as the whole print', async () => {
    const dir = fixtureProject('shape');
    build(dir, { PROSPECTUS_STAGE: 'publication' }, ['--lang', 'zh']);
    const whole = await read(join(dir, 'dist/prospectus.pdf'));
    build(dir, { PROSPECTUS_STAGE: 'publication', PROSPECTUS_PRINT: 'units', PROSPECTUS_PRINT_TABS: '2' }, [
      '--lang',
      'zh',
    ]);
    const units = await read(join(dir, 'dist/prospectus.pdf'));
    expect(units.outline.map((e) => `${e.title} ${e.page}`)).toEqual(whole.outline.map((e) => `${e.title} ${e.page}`));
    expect(units.layout.map((_, i) => foot(units, i + 1))).toEqual(whole.layout.map((_, i) => foot(whole, i + 1)));
    const contents = whole.outline.find((e) => e.title === '目錄')?.page ?? 0;
    expect(page(units, contents)).toEqual(page(whole, contents));
  }, 300_000);
});
