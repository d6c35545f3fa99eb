import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { projectCopy } from '../sample-copy.ts';

/**
 * `npm run build -- --no-pdf` of the one-chapter sample in a copy: what --no-pdf leaves out and
 * says is the same for a document of any length, and the copy builds in a third of the time.
 */
const DIR = projectCopy();
const OUT = join(DIR, 'dist');
const build = spawnSync(process.execPath, [join(DIR, 'scripts/build.ts'), '--no-pdf'], { cwd: DIR, encoding: 'utf8' });
const page = (path: string) => readFileSync(join(OUT, path, 'index.html'), 'utf8');
/** Every href of a page that stays on the site, resolved against the page's own path. */
const localLinks = (path: string) =>
  [...page(path).matchAll(/href="([^"#]+)(?:#[^"]*)?"/g)]
    .map((m) => m[1] as string)
    .filter((href) => !/^[a-z]+:/.test(href))
    .map((href) => (href.startsWith('/') ? href : `/${path}${href}`));

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/**
 * The kind of every claim, read as the build reads the copy's data/: data/claims.yaml's and any
 * that an offer (data/offer.yaml) generates.
 */
const claimKinds = (() => {
  const { registry } = loadRegistry(DIR);
  if (!registry) throw new Error('the sample data does not load');
  return [...registry.claims.values()].map((c) => c.value.kind);
})();

describe('a build without the PDF', () => {
  it('succeeds and logs tie-out counts that match the claims of data/', () => {
    expect(build.status, build.stderr).toBe(0);
    const kinds = claimKinds;
    expect(kinds.length).toBeGreaterThan(0);
    const stated = kinds.filter((k) => k === 'stated').length;
    const recomputed = kinds.length - stated;
    expect(build.stderr).toContain(
      `tie-out: ${kinds.length} claims — ${recomputed} recomputed (${recomputed} agree, 0 mismatches), ${stated} stated only`,
    );
  });

  it('writes no review-items.json (its items are read from the printed page) and says so', () => {
    expect(build.stderr).toContain('review: no review-items.json written (--no-pdf');
    expect(existsSync(join(OUT, 'review-items.json'))).toBe(false);
  });

  it('says on /verification/ that the schedule and PDF pages come with a full build', () => {
    const html = page('verification');
    expect(html.match(/<p class="notice" data-no-pdf>[\s\S]*?<\/p>/g)?.join('\n')).toContain(
      '於完整建置（<code>npm run build</code>）',
    );
    // No empty schedule table, no filters over nothing, no marker left for rows that never come.
    expect(/<table[^>]*data-schedule/.test(html), 'schedule table').toBe(false);
    expect(html.includes('schedule-filters"'), 'filters').toBe(false);
    expect(html.includes('<!--schedule-rows-->'), 'marker').toBe(false);
    // The claims table needs no PDF: every claim is there.
    expect(html.match(/<tr id="claim-[^"]+" data-claim=/g)).toHaveLength(claimKinds.length);
  });

  it('links to no PDF or CSV that was not written, on any page', () => {
    expect(existsSync(join(OUT, 'prospectus.pdf'))).toBe(false);
    expect(existsSync(join(OUT, 'verification.csv'))).toBe(false);
    expect(existsSync(join(OUT, 'claims.csv'))).toBe(true);
    for (const path of [
      '',
      'verification/',
      'chapters/industry-overview/',
      'document/',
      'search/',
      'en/',
      'en/chapters/industry-overview/',
      'en/search/',
    ]) {
      const links = localLinks(path);
      expect(links.length, path).toBeGreaterThan(0);
      for (const href of links) {
        const file = resolve(OUT, `.${decodeURI(href)}`);
        expect(existsSync(href.endsWith('/') ? join(file, 'index.html') : file), `${path || '/'} → ${href}`).toBe(true);
      }
    }
    expect(localLinks('verification/')).toContain('/claims.csv');
  });

  it('links claims only to rows that exist on the page', () => {
    const html = page('verification');
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] as string);
    expect(anchors.filter((a) => a.startsWith('claim-')).length).toBeGreaterThan(0);
    for (const anchor of anchors) expect(ids.has(anchor), anchor).toBe(true);
  });
});
