import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_EPOCH } from '../build-once.ts';
import { projectCopy } from '../sample-copy.ts';

// The sample's tables fit on a page; a table of 80 rows shows how a long one breaks.
describe('a table that runs over a page', () => {
  it('repeats its header row on the next page and never splits a row', () => {
    const dir = projectCopy();
    const rows = Array.from(
      { length: 80 },
      (_, i) => `  r${i + 1}: { rank: ${i + 1}, company: 公司${i + 1}號, share: ${(80 - i) / 10} }`,
    );
    writeFileSync(
      join(dir, 'data/datasets/long-table.yaml'),
      [
        'id: long-table',
        'kind: table',
        'title: 長表測試',
        'en:',
        '  title: Long table test',
        '  columns: { rank: { label: Rank }, company: { label: Company name }, share: { label: Market share } }',
        '  terms:',
        ...Array.from({ length: 80 }, (_, i) => `    公司${i + 1}號: Company No. ${i + 1}`),
        'sources: [cic]',
        'columns:',
        '  rank: { label: 排名, type: rank }',
        '  company: { label: 公司名稱, type: text }',
        '  share: { label: 市場份額, type: number, unit: "%", decimals: 1 }',
        'rows:',
        ...rows,
        '',
      ].join('\n'),
    );
    // Both editions bind the same tables in each section.
    for (const chapter of ['content/chapters/industry-overview.mdx', 'content/en/chapters/industry-overview.mdx']) {
      appendFileSync(join(dir, chapter), '\n<DataTable dataset="long-table" />\n');
    }
    const build = spawnSync(process.execPath, [join(dir, 'scripts/build.ts')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
    });
    expect(build.status, build.stderr).toBe(0);
    const pdf = join(dir, 'dist/prospectus.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
    const text = (n: number) =>
      execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-']).toString();
    const withRows = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => /公司\s*\d+\s*號/.test(text(n)));
    expect(withRows.length, 'the table spans pages').toBeGreaterThan(1);
    for (const n of withRows) {
      const lines = text(n).split('\n');
      const header = lines.findIndex((l) => /排名\s+公司名稱\s+市場份額/.test(l));
      const firstRow = lines.findIndex((l) => /公司\s*\d+\s*號/.test(l));
      expect(header, `page ${n} has the header row`).toBeGreaterThan(-1);
      expect(header, `page ${n}: header above the rows`).toBeLessThan(firstRow);
    }
    // Every row once, whole: rank, name and share on one line.
    const all = withRows.map(text).join('\n');
    for (let i = 1; i <= 80; i++) {
      expect(all.match(new RegExp(`^\\s*${i}\\s+公司\\s*${i}\\s*號\\s+\\d+\\.\\d%`, 'm')), `row ${i}`).not.toBeNull();
    }
  }, 180_000);
});
