import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCsv } from '../../src/lib/csv.ts';
import { type ReviewItem, ReviewItemsFileSchema } from '../../src/lib/review/schema.ts';
import { TEST_EPOCH } from '../build-once.ts';
import { editFile, projectCopy } from '../sample-copy.ts';

/**
 * The sign-off gate on the one-chapter fixture, with as few builds as the cases allow, in order:
 * a vetting copy (its items are what the test signs), final builds without sign-offs, with every
 * item signed, after a figure's data changed, and with an override. Every build writes dist/, so
 * each refused build can be checked to have left the previous copy alone.
 */
const SIGNOFFS = 'content/signoffs.yaml';
// The fee is stated once in the chapter's prose, in no table, chart or claim.
const CHANGED_KEY = 'figure:industry-overview/facts.report-fee~1';

let dir = '';

function build(stage: string, args: string[] = ['--lang', 'zh']) {
  const run = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, PROSPECTUS_STAGE: stage },
  });
  return { status: run.status, log: `${run.stdout}${run.stderr}` };
}

const distFile = (name: string) => readFileSync(join(dir, 'dist', name), 'utf8');
const itemsOf = (text: string) => ReviewItemsFileSchema.parse(JSON.parse(text));

/** The lines of a refusal that name an item: `  key — label …`. */
const named = (log: string) =>
  log
    .split('\n')
    .map((l) => /^ {2}(\S+:\S+) — /.exec(l)?.[1])
    .filter((k): k is string => k !== undefined);

function signAll(items: readonly ReviewItem[], extra: Record<string, unknown> = {}) {
  const signoffs = items.map((i) => ({
    key: i.key,
    hash: i.hash,
    by: 'alice',
    at: '2026-12-04T23:10:00Z',
    note: 'checked',
    covered: i.covered,
  }));
  writeFileSync(join(dir, SIGNOFFS), stringify({ version: 1, signoffs, ...extra }));
}

let vetting: { status: number | null; log: string };
let vettingItems = '';

beforeAll(() => {
  dir = projectCopy();
  // A final prospectus needs its date and stock code and no placeholder (stage-gates.ts); the
  // vetting copy is built from the same text, so its items are the final copy's.
  editFile(dir, 'content/document.yaml', 'date: null', 'date: "2024-12-02"\nstockCode: "9999"');
  for (const folder of ['content/chapters', 'content/en/chapters']) {
    for (const name of readdirSync(join(dir, folder))) {
      const file = join(folder, name);
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n'))
        if (line.startsWith('<Placeholder')) editFile(dir, file, line, '');
    }
  }
  vetting = build('vetting', []);
  if (vetting.status === 0) vettingItems = distFile('review-items.json');
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a vetting build', () => {
  it('writes review-items.json whose figures are the prose figures of verification.csv, and says how many', () => {
    expect(vetting.status, vetting.log).toBe(0);
    const file = itemsOf(vettingItems);
    expect(file.stage).toBe('vetting');
    const csv = parseCsv(distFile('verification.csv').replace(/^\uFEFF/, ''));
    const header = csv[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const prose = csv
      .slice(1)
      .filter((r) => (r[col('位置')] ?? '').startsWith('段落'))
      .map((r) => [r[col('數據編號')], r[col('數值')]]);
    const figures = file.items.filter((i) => i.kind === 'figure');
    expect(prose.length).toBeGreaterThan(10);
    expect(figures.map((i) => [/^figure:[^/]+\/(.+)~\d+$/.exec(i.key)?.[1], i.covered.value])).toEqual(prose);
    // Each hash is sha256 of what it covers as JSON with sorted keys and no whitespace.
    for (const i of file.items) {
      const sorted = Object.fromEntries(Object.entries(i.covered).sort(([a], [b]) => (a < b ? -1 : 1)));
      expect(i.hash).toBe(createHash('sha256').update(JSON.stringify(sorted)).digest('hex'));
    }
    const count = (kind: string) => file.items.filter((i) => i.kind === kind).length;
    expect(vetting.log).toContain(
      `review: ${file.items.length} items — ${count('figure')} figures, ${count('table')} tables, ${count('chart')} charts, ${count('claim')} claims, ${count('section')} sections`,
    );
    expect(count('chart')).toBeGreaterThan(0);
    expect(count('claim')).toBeGreaterThan(0);
    // The English page's words travel with the item, for the review client to show.
    const fee = file.items.find((i) => i.key === CHANGED_KEY);
    expect(fee?.covered.context).toContain('灼識諮詢報告編製費用為140,000美元');
    expect(fee?.coveredEn?.context).toContain('The fee for the preparation of the CIC Report was');
  });
});

describe('the final gate', () => {
  let unsignedRun: { status: number | null; log: string };
  let signedRun: { status: number | null; log: string };
  let signedItems = '';
  let staleRun: { status: number | null; log: string };
  let overrideRun: { status: number | null; log: string };
  // dist/review-items.json right after each refused build: the copy it should have left alone.
  let afterUnsigned = '';
  let afterStale = '';

  beforeAll(() => {
    if (vetting.status !== 0) throw new Error(`the vetting build failed:\n${vetting.log}`);
    rmSync(join(dir, SIGNOFFS), { force: true });
    unsignedRun = build('final');
    afterUnsigned = distFile('review-items.json');
    signAll(itemsOf(vettingItems).items);
    signedRun = build('final');
    if (signedRun.status === 0) signedItems = distFile('review-items.json');
    editFile(dir, 'data/datasets/facts.yaml', 'value: 140000', 'value: 150000');
    staleRun = build('final');
    afterStale = distFile('review-items.json');
    signAll(itemsOf(vettingItems).items, {
      override: { by: 'carol', reason: 'printer deadline agreed with the sponsor', at: '2026-12-05T01:00:00Z' },
    });
    overrideRun = build('final');
  }, 900_000);

  it('refuses a copy with no content/signoffs.yaml, naming the first ten unsigned and counting the rest, and leaves the previous copy', () => {
    expect(unsignedRun.status, unsignedRun.log).toBe(1);
    const gated = itemsOf(vettingItems).items.filter((i) => i.kind !== 'section');
    expect(unsignedRun.log).toContain(
      `${gated.length} unsigned (0 stale) per content/signoffs.yaml (no such file: no sign-offs):`,
    );
    expect(named(unsignedRun.log)).toEqual(gated.slice(0, 10).map((i) => i.key));
    expect(unsignedRun.log).toContain(`${gated[0]?.key} — ${gated[0]?.label} (not signed)`);
    expect(unsignedRun.log).toContain(`… and ${gated.length - 10} more`);
    expect(unsignedRun.log).toContain('The previous dist/ is unchanged.');
    expect(afterUnsigned).toBe(vettingItems);
  });

  it('publishes a copy whose every item the sign-off file covers', () => {
    expect(signedRun.status, signedRun.log).toBe(0);
    expect(signedRun.log).toContain('every figure, table, chart and claim is signed off');
    expect(itemsOf(signedItems).stage).toBe('final');
  });

  it('after a figure’s data changed, refuses naming exactly that figure as stale, with what was signed and what is there now', () => {
    expect(staleRun.status, staleRun.log).toBe(1);
    expect(named(staleRun.log)).toEqual([CHANGED_KEY]);
    expect(staleRun.log).toContain('1 unsigned (1 stale)');
    expect(staleRun.log).toContain(`(stale: signed "140,000美元" now "150,000美元")`);
    expect(afterStale).toBe(signedItems);
  });

  it('lets an override through with a warning naming who, why and how many', () => {
    expect(overrideRun.status, overrideRun.log).toBe(0);
    expect(overrideRun.log).toMatch(
      /warning: publishing a final copy with 1 unsigned item, by override of carol .*printer deadline agreed with the sponsor/,
    );
    expect(itemsOf(distFile('review-items.json')).items.find((i) => i.key === CHANGED_KEY)?.covered.value).toBe(
      '150,000美元',
    );
  });

  it('refuses a malformed sign-off file at its line, before building anything', () => {
    writeFileSync(
      join(dir, SIGNOFFS),
      'version: 1\nsignoffs:\n  - key: figure:industry-overview/facts.report-fee~1\n    hash: 1234\n    by: alice\n',
    );
    const before = distFile('review-items.json');
    const run = build('final');
    expect(run.status).toBe(1);
    expect(run.log).toMatch(/content\/signoffs\.yaml:4(:\d+)?: error: signoffs\.0\.hash: .*expected/);
    expect(run.log).toMatch(/content\/signoffs\.yaml:3(:\d+)?: error: signoffs\.0\.covered: missing/);
    expect(run.log).not.toContain('building the site');
    expect(distFile('review-items.json')).toBe(before);
  });
});
