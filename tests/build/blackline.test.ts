import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editFile, projectCopy } from '../sample-copy.ts';

/**
 * A scratch repository with four drafts: the sample, a one-phrase change, a new value and a new
 * chapter, and two tables changed (a row dropped from one, a column from the other). The two
 * table changes share a draft: each is read in its own table, and one comparison less is two
 * draft sites and two PDFs fewer a run.
 */
let repo: string;
const CHAPTER = 'content/chapters/industry-overview.mdx';

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo })
    .toString()
    .trim();
}
function edit(file: string, find: string, replace: string): void {
  editFile(repo, file, find, replace);
}
/** Runs the blackline; the Chinese edition's outputs, with the English edition's as `en`. */
function blackline(from: string, to: string) {
  const result = spawnSync(process.execPath, [join(repo, 'scripts/blackline.ts'), from, to], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return { ...edition('blackline'), en: edition('blackline-en') };
}

function edition(name: string) {
  const html = readFileSync(join(repo, `dist/${name}/index.html`), 'utf8');
  const body = html.slice(html.indexOf('<article'));
  const marks = (tag: 'ins' | 'del') =>
    [...body.matchAll(new RegExp(`<${tag} class="bl-${tag}">([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
  const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', join(repo, `dist/${name}.pdf`), '-']).toString();
  return { html, inserted: marks('ins'), deleted: marks('del'), pdf, pdfFlat: pdf.replace(/\s+/g, '') };
}

beforeAll(() => {
  repo = projectCopy();
  writeFileSync(join(repo, '.gitignore'), 'node_modules\ndist\n.build\n');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'sample');
  git('tag', 'sample');
  edit(CHAPTER, '市場研究及諮詢公司', '市場研究及顧問公司');
  git('commit', '-qam', 'wording');
  git('tag', 'wording');
  edit('data/datasets/china-edge.yaml', '"2022": 349,', '"2022": 350,');
  writeFileSync(
    join(repo, 'content/chapters/business.mdx'),
    // In the Chinese edition only, on purpose: the English edition's parity check lets it stand.
    '---\ntitle: 業務\norder: 2\nsingleEdition: true\n---\n\n## 概覽\n\n本公司為獨立邊緣雲服務供應商。\n',
  );
  git('add', '-A');
  git('commit', '-qm', 'new value and new chapter');
  git('tag', 'value');
  // 公司I, last of the ranking, is dropped from the table (and from the ranking claim's field).
  edit(
    'data/datasets/china-edge-ranking-2022.yaml',
    '  i: { rank: 10, company: 公司I, type: 公有雲運營商, share: 2.9 }\n',
    '',
  );
  edit('data/claims.yaml', '    - china-edge-ranking-2022.i@share\n', '');
  // The independent providers' table loses its last column, 邊緣計算.
  const table = 'data/datasets/china-independent-edge-2022.yaml';
  edit(table, '  computing: { label: 邊緣計算, type: check, group: 邊緣雲服務覆蓋範圍 }\n', '');
  for (let i = 0; i < 5; i++) edit(table, ', computing: true }', ' }');
  git('commit', '-qam', 'drop a row and a column');
  git('tag', 'tables');
});

/** The blackline of the two table changes, run once for the two tests that read it. */
let tables: ReturnType<typeof blackline> | undefined;
const tablesBlackline = () => {
  tables ??= blackline('value', 'tables');
  return tables;
};

describe('npm run blackline', () => {
  it('marks a one-phrase change and nothing else', () => {
    const r = blackline('sample', 'wording');
    expect(r.deleted).toEqual(['諮詢']);
    expect(r.inserted).toEqual(['顧問']);
    expect(r.pdfFlat).toContain('市場研究及諮詢顧問公司');
    expect(r.pdf).toContain('比較本');
    expect(r.html).toMatch(
      /插入 <strong data-bl-insertions(="")?>1<\/strong> 處，刪除 <strong data-bl-deletions(="")?>1<\/strong> 處/,
    );
    // The English edition does not carry the Chinese wording: its blackline marks nothing.
    expect([r.en.inserted, r.en.deleted]).toEqual([[], []]);
    expect(r.en.html).toMatch(/Insertions: <strong data-bl-insertions(="")?>0<\/strong>; deletions: <strong/);
    expect(r.en.pdf).toContain('BLACKLINE');
    expect(r.en.html).toMatch(/<html[^>]*lang="en"/);
  }, 300_000);

  it('shows a changed data value old → new wherever it appears, and an added chapter whole', () => {
    const r = blackline('wording', 'value');
    // The value in prose (人民幣349億元) and in the chart's data table (34.9, in 十億元).
    expect(r.deleted).toEqual(expect.arrayContaining(['349', '34.9']));
    expect(r.inserted).toEqual(expect.arrayContaining(['350', '35.0']));
    expect(r.html).toMatch(
      /<code>china-edge\.network@2022<\/code>.*<del class="bl-del">人民幣349億元<\/del>.*<ins class="bl-ins">人民幣350億元<\/ins>/s,
    );
    expect(r.inserted).toEqual(expect.arrayContaining(['業務', '概覽', '本公司為獨立邊緣雲服務供應商。']));
    expect(r.pdfFlat).toContain('本公司為獨立邊緣雲服務供應商。');
    // The one value changed in data/ shows in the English blackline too, word by word, in prose
    // (RMB34.9 billion) and in the chart's data table — and the Chinese-only chapter does not.
    expect(r.en.deleted).toEqual(expect.arrayContaining(['RMB34.9', '34.9']));
    expect(r.en.inserted).toEqual(expect.arrayContaining(['RMB35.0', '35.0']));
    expect(r.en.inserted).not.toContain('業務');
    expect(r.en.html).toMatch(
      /<code>china-edge\.network@2022<\/code>.*<del class="bl-del">RMB34\.9 billion<\/del>.*<ins class="bl-ins">RMB35\.0 billion<\/ins>/s,
    );
    expect(r.en.pdfFlat).toContain('RMB34.9RMB35.0billion');
  }, 300_000);

  it('shows a dropped table row struck, in its table, after the row that preceded it', () => {
    const r = tablesBlackline();
    const table = r.html.slice(r.html.indexOf('id="tbl-china-edge-ranking-2022"'));
    const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => m[0]);
    const struck = rows.filter((row) => row.includes('bl-deleted'));
    expect(struck).toHaveLength(1);
    expect([...(struck[0] ?? '').matchAll(/<del class="bl-del">([^<]*)<\/del>/g)].map((m) => m[1])).toEqual([
      '10',
      '公司I',
      '公有雲運營商',
      '2.9%',
    ]);
    // It was the last row: it stays the last, after 本公司's.
    expect(rows.at(-1)).toBe(struck[0]);
    expect(rows.at(-2)).toContain('本公司');
    // Nothing else in the table is marked, and no struck paragraph stands outside it.
    expect(rows.filter((row) => /bl-(ins|del)/.test(row))).toHaveLength(1);
    expect(r.html).not.toMatch(/<p class="bl-changed bl-deleted">[^<]*<del class="bl-del">[^<]*公司I/);
    expect(r.pdfFlat).toContain('本公司獨立邊緣雲服務供應商3.1%10公司I公有雲運營商2.9%');
  }, 300_000);

  it('shows the cells of a dropped column struck at the end of their rows', () => {
    const r = tablesBlackline();
    const table = r.html.slice(r.html.indexOf('id="tbl-china-independent-edge-2022"'));
    const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map(
      (m) => m[1] ?? '',
    );
    const lastCell = (row: string) => [...row.matchAll(/<t([dh])[^>]*>(.*?)<\/t\1>/gs)].at(-1)?.[0] ?? '';
    // The header's 邊緣計算 and each of the five providers' marks, struck, last in their rows.
    const struck = rows.map(lastCell).filter((cell) => cell.includes('bl-deleted'));
    expect(struck.map((cell) => /<del class="bl-del">([^<]*)<\/del>/.exec(cell)?.[1])).toEqual([
      '邊緣計算',
      '√',
      '√',
      '√',
      '√',
      '√',
    ]);
    expect(r.deleted.filter((d) => d === '√' || d === '邊緣計算')).toHaveLength(6);
    expect(r.html).not.toMatch(/<p class="bl-changed bl-deleted"><del class="bl-del">(√|x|邊緣計算)<\/del><\/p>/);
  }, 300_000);
});
