import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editFile, fixtureProject } from '../sample-copy.ts';

/**
 * A scratch repository with two final-stage drafts of the offer fixture (a prospectus, so its
 * cover prints the offer block) that differ in the top of the price range only.
 */
let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo })
    .toString()
    .trim();
}

/** The cover as the blackline page prints it, its marks, and the text of the PDF's first page. */
function edition(name: string) {
  const html = readFileSync(join(repo, `dist/${name}/index.html`), 'utf8');
  const start = html.indexOf('<section class="cover"');
  const cover = html.slice(start, html.indexOf('</section>', start));
  const marks = (tag: 'ins' | 'del') =>
    [...cover.matchAll(new RegExp(`<${tag} class="bl-${tag}">([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
  const pdf = join(repo, `dist/${name}.pdf`);
  const page = (n: number) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${n}`, '-l', `${n}`, pdf, '-'])
      .toString()
      .replace(/\s+/g, '');
  return { html, cover, inserted: marks('ins'), deleted: marks('del'), coverPage: page(1), summaryPage: page(2) };
}

let zh: ReturnType<typeof edition>;
let en: ReturnType<typeof edition>;

beforeAll(() => {
  repo = fixtureProject('offer');
  writeFileSync(join(repo, '.gitignore'), 'node_modules\ndist\n.build\n');
  // A prospectus: dated, with its stock code, as a final build requires.
  editFile(repo, 'content/document.yaml', 'stage: publication', 'stage: final');
  editFile(repo, 'content/document.yaml', 'date: null', 'date: "2024-12-02"\nstockCode: "2688"');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'prospectus');
  git('tag', 'before');
  editFile(repo, 'data/offer.yaml', 'high: 10.20', 'high: 11.22');
  git('commit', '-qam', 'top of the range up 10%');
  git('tag', 'after');
  const result = spawnSync(process.execPath, [join(repo, 'scripts/blackline.ts'), 'before', 'after'], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  zh = edition('blackline');
  en = edition('blackline-en');
}, 300_000);

describe('npm run blackline compares the cover', () => {
  it('strikes the old maximum offer price on the cover and underlines the new one, and nothing else there', () => {
    expect(zh.cover).toContain('data-cover-offer');
    expect(zh.deleted).toEqual(['10.20']);
    expect(zh.inserted).toEqual(['11.22']);
    // In the offer block's line for the maximum price, marked as changed (the change bar).
    expect(zh.cover).toMatch(
      /<dd class="bl-changed">每股發售股份<del class="bl-del">10\.20<\/del><ins class="bl-ins">11\.22<\/ins>港元，另加/,
    );
    // Printed on the PDF's cover page, old then new.
    expect(zh.coverPage).toContain('最高發售價');
    expect(zh.coverPage).toContain('每股發售股份10.2011.22港元');
  });

  it('does the same in the English edition, word by word', () => {
    expect(en.deleted).toEqual(['HK$10.20']);
    expect(en.inserted).toEqual(['HK$11.22']);
    expect(en.cover).toMatch(
      /<dd class="bl-changed"><del class="bl-del">HK\$10\.20<\/del><ins class="bl-ins">HK\$11\.22<\/ins> per Offer Share/,
    );
    expect(en.coverPage).toContain('HK$10.20HK$11.22perOfferShare');
  });

  it('counts the cover’s changes on the summary page, under the cover’s name', () => {
    expect(zh.html).toMatch(/<tr><td>封面<\/td><td class="num">1<\/td><td class="num">1<\/td><\/tr>/);
    expect(zh.summaryPage).toContain('封面11');
    expect(en.html).toMatch(/<tr><td>Cover<\/td><td class="num">1<\/td><td class="num">1<\/td><\/tr>/);
  });
});
