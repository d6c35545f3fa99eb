import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_EPOCH } from '../build-once.ts';
import { editFile, projectCopy } from '../sample-copy.ts';

const CHAPTER = 'content/chapters/industry-overview.mdx';
const SENTENCE = '從2018年的<Val of="global-cloud.global@2018" />增長到2022年的<Val of="global-cloud.global@2022" />';
const REASON_2022 = '測試：句子刻意比較2022年數字';
const REASON_2018 = '測試：句子刻意比較2018年數字';

function build(dir: string) {
  return spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--no-pdf'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
}

/** The text of each cell of each row of the table marked with `attribute`. */
function tableRows(html: string, attribute: string): string[][] {
  const table = new RegExp(`<table[^>]*\\b${attribute}\\b[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '').replace(/<[^>]+>/g, '').trim(),
    ),
  );
}

describe('figure-context in the build', () => {
  it('the swap from the issue stops the build at the chapter line and writes nothing', () => {
    const dir = projectCopy();
    editFile(
      dir,
      CHAPTER,
      SENTENCE,
      '從2018年的<Val of="global-cloud.global@2022" />增長到2022年的<Val of="global-cloud.global@2018" />',
    );
    const result = build(dir);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /^content\/chapters\/industry-overview\.mdx:20:\d+: error: <Val of="global-cloud\.global@2022"> reads as 2018 here \(「從2018年的…」\) but its period is 2022 — .*\[figure-context\]$/m,
    );
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('an exception builds, and /verification/ lists it with its reason and the coverage the log states', () => {
    const dir = projectCopy();
    editFile(
      dir,
      CHAPTER,
      SENTENCE,
      `從2018年的<Val of="global-cloud.global@2022" period-context="${REASON_2022}" />增長到2022年的<Val of="global-cloud.global@2018" period-context="${REASON_2018}" />`,
    );
    const result = build(dir);
    expect(result.status, result.stderr).toBe(0);
    const log =
      /figure-context \(zh-Hant-HK\): (\d+) of (\d+) period-bound figures .*; 0 contradictions; 2 exceptions/.exec(
        result.stderr,
      );
    expect(log, result.stderr).not.toBeNull();

    const page = readFileSync(join(dir, 'dist/verification/index.html'), 'utf8');
    expect(tableRows(page, 'data-period-exceptions')).toEqual([
      [`${CHAPTER}:20`, 'global-cloud.global@2022', '2022年', '2018年', REASON_2022],
      [`${CHAPTER}:20`, 'global-cloud.global@2018', '2018年', '2022年', REASON_2018],
    ]);
    const coverage = /<p[^>]*data-period-coverage="zh-Hant-HK"[^>]*>([^<]*)<\/p>/.exec(page)?.[1] ?? '';
    expect(coverage).toContain(`在 ${log?.[2]} 項附有期間的數字中，${log?.[1]} 項可在所在分句中找到對應年份`);
    expect(coverage).toContain('2 項標記為例外');

    // The figure itself carries its exception, wherever the chapter is read.
    const chapter = readFileSync(join(dir, 'dist/chapters/industry-overview/index.html'), 'utf8');
    expect(chapter).toMatch(
      new RegExp(`<span[^>]*data-ref="global-cloud\\.global@2022"[^>]*data-period-context="${REASON_2022}"`),
    );
  }, 180_000);
});
