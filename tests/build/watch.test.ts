import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followOutput } from '../child-output.ts';
import { editFile, projectCopy } from '../sample-copy.ts';

/** `npm run build -- --watch` on a scratch copy of the project, site only (no PDF) to keep it quick. */
const repo = projectCopy();
const CHAPTER_PAGE = join(repo, 'dist/chapters/industry-overview/index.html');
let child: ChildProcess;
let watch: ReturnType<typeof followOutput>;
const waitFor = (said: string, times: number) => watch.waitFor(said, times, 90_000);

afterAll(() => {
  child?.kill('SIGKILL');
});

describe('npm run build -- --watch', () => {
  it('builds, rebuilds on a save, reports a bad save and keeps the last good site, and stops on SIGINT', async () => {
    child = spawn(process.execPath, [join(repo, 'scripts/build.ts'), '--watch', '--no-pdf'], { cwd: repo });
    watch = followOutput(child);

    await waitFor('waiting for changes', 1);
    expect(readFileSync(CHAPTER_PAGE, 'utf8')).toContain('市場研究及諮詢公司');

    editFile(repo, 'content/chapters/industry-overview.mdx', '市場研究及諮詢公司', '市場研究及顧問公司');
    await waitFor('waiting for changes', 2);
    expect(watch.text).toContain('rebuilding after a change to content/chapters/industry-overview.mdx');
    expect(readFileSync(CHAPTER_PAGE, 'utf8')).toContain('市場研究及顧問公司');

    editFile(repo, 'data/datasets/global-cloud.yaml', 'kind: timeseries', 'kind: timeseries\nthis is: [not yaml');
    await waitFor('build failed; the last good output is unchanged', 1);
    expect(watch.text).toMatch(/data\/datasets\/global-cloud\.yaml:\d+/);
    expect(readFileSync(CHAPTER_PAGE, 'utf8')).toContain('市場研究及顧問公司');

    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(watch.text).toContain('watch: stopped');
  }, 240_000);
});
