import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editFile, projectCopy } from '../sample-copy.ts';

/** A scratch repository with three drafts: the sample, a one-phrase change, a new value and a new chapter. */
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
function blackline(from: string, to: string) {
  const result = spawnSync(process.execPath, [join(repo, 'scripts/blackline.ts'), from, to], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const html = readFileSync(join(repo, 'dist/blackline/index.html'), 'utf8');
  const body = html.slice(html.indexOf('<article'));
  const marks = (tag: 'ins' | 'del') =>
    [...body.matchAll(new RegExp(`<${tag} class="bl-${tag}">([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
  const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', join(repo, 'dist/blackline.pdf'), '-']).toString();
  return { html, inserted: marks('ins'), deleted: marks('del'), pdf, pdfFlat: pdf.replace(/\s+/g, '') };
}

beforeAll(() => {
  repo = projectCopy();
  writeFileSync(join(repo, '.gitignore'), 'node_modules\ndist\n.build\n');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'sample');
  edit(CHAPTER, '市場研究及諮詢公司', '市場研究及顧問公司');
  git('commit', '-qam', 'wording');
  edit('data/datasets/china-edge.yaml', '"2022": 349,', '"2022": 350,');
  writeFileSync(
    join(repo, 'content/chapters/business.mdx'),
    '---\ntitle: 業務\norder: 2\n---\n\n## 概覽\n\n本公司為獨立邊緣雲服務供應商。\n',
  );
  git('add', '-A');
  git('commit', '-qm', 'new value and new chapter');
});

describe('npm run blackline', () => {
  it('marks a one-phrase change and nothing else', () => {
    const r = blackline('HEAD~2', 'HEAD~1');
    expect(r.deleted).toEqual(['諮詢']);
    expect(r.inserted).toEqual(['顧問']);
    expect(r.pdfFlat).toContain('市場研究及諮詢顧問公司');
    expect(r.pdf).toContain('比較本');
    expect(r.html).toMatch(
      /插入 <strong data-bl-insertions(="")?>1<\/strong> 處，刪除 <strong data-bl-deletions(="")?>1<\/strong> 處/,
    );
  }, 180_000);

  it('shows a changed data value old → new wherever it appears, and an added chapter whole', () => {
    const r = blackline('HEAD~1', 'HEAD');
    // The value in prose (人民幣349億元) and in the chart's data table (34.9, in 十億元).
    expect(r.deleted).toEqual(expect.arrayContaining(['349', '34.9']));
    expect(r.inserted).toEqual(expect.arrayContaining(['350', '35.0']));
    expect(r.html).toMatch(
      /<code>china-edge\.network@2022<\/code>.*<del class="bl-del">人民幣349億元<\/del>.*<ins class="bl-ins">人民幣350億元<\/ins>/s,
    );
    expect(r.inserted).toEqual(expect.arrayContaining(['業務', '概覽', '本公司為獨立邊緣雲服務供應商。']));
    expect(r.pdfFlat).toContain('本公司為獨立邊緣雲服務供應商。');
  }, 180_000);
});
