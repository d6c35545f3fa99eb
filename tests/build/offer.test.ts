import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanForLeaks } from '../../scripts/lib/leak/leak-scan.ts';
import { joinSoftHyphens } from '../../scripts/lib/print/pdf-text.ts';
import type { Resolver } from '../../src/lib/data/resolve.ts';
import { formatValueEn } from '../../src/lib/i18n/english.ts';
import { formatValue } from '../../src/lib/i18n/format.ts';
import { withheldSpellings } from '../../src/lib/offer/withhold.ts';
import { checkProject } from '../../src/lib/project.ts';
import { ROOT, TEST_DIST, TEST_EPOCH } from '../build-once.ts';
import { editFile, wholeSampleProject } from '../sample-copy.ts';

const pdfText = (file: string) =>
  joinSoftHyphens(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 }).toString()).replace(
    /\s+/g,
    '',
  );

function resolverOf(root: string): Resolver {
  const check = checkProject(root);
  if (!check.project) throw new Error(check.diagnostics.map((d) => d.message).join('\n'));
  return check.project.resolver;
}

const spell = (r: Resolver, ref: string) => {
  const f = r.require(ref);
  return { zh: formatValue(f.value, f.unit, f.decimals), en: formatValueEn(f.value, f.unit, f.decimals) };
};

describe('a publication build withholds the offer', () => {
  const sample = resolverOf(ROOT);
  const spellings = withheldSpellings(sample);

  it('knows what to look for: the price, what follows from it, in every spelling', () => {
    for (const s of ['HK$10.20', '10.20港元', '10,200.0百萬港元', 'HK$10,200.0 million', '102億港元', '5,151.43港元'])
      expect(spellings).toContain(s);
  });

  it('contains no withheld value in any spelling in any file, the search index or the PDFs’ text, metadata or bookmarks', async () => {
    expect(await scanForLeaks(TEST_DIST, spellings)).toEqual([]);
  });

  it('prints the marker where a withheld figure stands, with nothing of the figure around it', () => {
    const html = readFileSync(join(TEST_DIST, 'chapters', 'share-capital', 'index.html'), 'utf8');
    expect(html).toContain('[編纂]');
    expect(html).not.toContain('data-ref="offer.market-cap-high"');
    // A figure that is not withheld keeps its provenance.
    expect(html).toContain('data-ref="offer.shares-before"');
    const en = readFileSync(join(TEST_DIST, 'en', 'chapters', 'share-capital', 'index.html'), 'utf8');
    expect(en).toContain('[REDACTED]');
  });

  it('lists withheld claims with their text and no numbers, and gives withheld figures no schedule row', () => {
    const claims = readFileSync(join(TEST_DIST, 'claims.csv'), 'utf8');
    const row = claims.split('\n').find((l) => l.startsWith('offer-proceeds-high,'));
    expect(row).toContain('[編纂]');
    const schedule = readFileSync(join(TEST_DIST, 'verification.csv'), 'utf8');
    expect(schedule).not.toContain('offer.market-cap-high');
    expect(schedule).toContain('offer.shares-before');
  });
});

describe('raising the top of the price range by 10% in data/offer.yaml', () => {
  let dir = '';
  let before: Resolver;
  let after: Resolver;
  let build: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    // The shipped sample: its chapters bind the offer's figures (the one-chapter copy binds none).
    dir = wholeSampleProject();
    editFile(dir, 'data/offer.yaml', 'high: 10.20', 'high: 11.22');
    // The final prospectus shows everything; it needs its date and stock code (the sample has
    // both), and no placeholder: every chapter's, in both editions (the same ones in each, so the
    // parity check still holds).
    for (const folder of ['content/chapters', 'content/en/chapters']) {
      for (const name of readdirSync(join(dir, folder))) {
        const file = join(folder, name);
        const text = readFileSync(join(dir, file), 'utf8');
        for (const placeholder of text.split('\n').filter((l) => l.startsWith('<Placeholder')))
          editFile(dir, file, placeholder, '');
      }
    }
    before = resolverOf(ROOT);
    after = resolverOf(dir);
    build = spawnSync(process.execPath, [join(dir, 'scripts/build.ts')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH, PROSPECTUS_STAGE: 'final' },
    });
  }, 300_000);

  const CHANGED = [
    'offer.price-high',
    'offer.market-cap-high',
    'offer.gross-mid',
    'offer.commission-mid',
    'offer.net-high',
    'offer.net-mid',
    'offer.lot-amount-high',
    'offer.nta-per-share-high',
    'offer.pro-forma-nta-high',
    'offer-use-of-proceeds.edge-network@amount',
    'offer-use-of-proceeds.research@amount',
    'offer-use-of-proceeds.working-capital@amount',
  ];

  it('still ties out and builds the final stage', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    // Progress goes to stderr: the tie-out line counts the offer's claims with the others.
    expect(`${String(build.stdout)}${String(build.stderr)}`).toMatch(
      /tie-out: \d+ claims — \d+ recomputed \(\d+ agree, 0 mismatches\)/,
    );
  });

  it('changes every figure that follows from it, in both PDFs', () => {
    const zh = pdfText(join(dir, 'dist', 'prospectus.pdf'));
    const en = pdfText(join(dir, 'dist', 'prospectus-en.pdf'));
    for (const ref of CHANGED) {
      const old = spell(before, ref);
      const now = spell(after, ref);
      expect(now.zh, ref).not.toBe(old.zh);
      expect(zh, `${ref} ${now.zh}`).toContain(now.zh.replace(/\s+/g, ''));
      expect(en, `${ref} ${now.en}`).toContain(now.en.replace(/\s+/g, ''));
    }
    // The figures named in the issue, as the new range makes them.
    expect(spell(after, 'offer.market-cap-high').en).toBe('HK$11,220.0 million');
    expect(spell(after, 'offer.lot-amount-high').en).toBe('HK$5,666.58');
  });

  it('no longer prints what the old top of the range gave', () => {
    const zh = pdfText(join(dir, 'dist', 'prospectus.pdf'));
    for (const ref of ['offer.market-cap-high', 'offer.lot-amount-high', 'offer.nta-per-share-high'])
      expect(zh, ref).not.toContain(spell(before, ref).zh);
  });
});
