import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../build-once.ts';
import { projectCopy } from '../sample-copy.ts';
import { run } from './read.ts';

/**
 * `npm run build -- --lang zh|en`: one edition's PDF, the site whole, on a copy of the project
 * with the one-chapter sample (what the option does does not depend on the document's length).
 * Each build goes to its own folder that already holds both PDFs of an "earlier build", to show
 * what becomes of the other.
 */
const project = projectCopy();
const out = (lang: string) => join(project, '.build', `test-lang-${lang}`);
const STALE = 'a PDF from an earlier build';

function buildEdition(lang: string) {
  const dir = out(lang);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['prospectus.pdf', 'prospectus-en.pdf']) writeFileSync(join(dir, file), STALE);
  return spawnSync(
    process.execPath,
    [join(project, 'scripts/build.ts'), '--lang', lang, '--out', dir.slice(project.length + 1)],
    { cwd: project, encoding: 'utf8' },
  );
}

const en = buildEdition('en');
const zh = buildEdition('zh');
const page = (lang: string, path: string) => readFileSync(join(out(lang), path, 'index.html'), 'utf8');
const pdfLinks = (html: string) => [...html.matchAll(/href="\/(prospectus[^"]*\.pdf)"/g)].map((m) => m[1]);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('build --lang en', () => {
  it('says it prints the English edition only, and prints no Chinese PDF', () => {
    expect(en.status, en.stderr).toBe(0);
    expect(en.stderr).toMatch(
      /building the site \(stage: \w+; site: both editions; PDF: English \(prospectus-en\.pdf\)\)/,
    );
    expect(en.stderr).toContain('printing the PDF (English edition)');
    expect(en.stderr).not.toContain('Chinese edition');
    expect(en.stderr).toMatch(/done: \S+, \S+\/prospectus-en\.pdf\n$/);
  });

  it('writes a fresh English PDF and removes the Chinese one of the earlier build', () => {
    const pdf = join(out('en'), 'prospectus-en.pdf');
    expect(readFileSync(pdf, 'latin1').startsWith('%PDF-')).toBe(true);
    expect(run('pdfinfo', [pdf])).toMatch(/^Pages:\s+[1-9]/m);
    expect(existsSync(join(out('en'), 'prospectus.pdf'))).toBe(false);
    // The schedule is placed on the Chinese PDF's pages: without it there is none.
    expect(existsSync(join(out('en'), 'verification.csv'))).toBe(false);
  });

  it('still builds both sites, each page linking only to the PDF that was written', () => {
    for (const path of ['', 'chapters/industry-overview/', 'search/', 'en/', 'en/chapters/industry-overview/']) {
      expect(existsSync(join(out('en'), path, 'index.html')), path).toBe(true);
    }
    expect(pdfLinks(page('en', 'en'))).toContain('prospectus-en.pdf');
    for (const path of ['', 'chapters/industry-overview/', 'en/', 'en/search/']) {
      expect(pdfLinks(page('en', path)), path).not.toContain('prospectus.pdf');
    }
    expect(page('en', '')).toContain('data-no-pdf');
  });
});

describe('build --lang zh', () => {
  it('says it prints the Chinese edition only', () => {
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stderr).toMatch(
      /building the site \(stage: \w+; site: both editions; PDF: Chinese \(prospectus\.pdf\)\)/,
    );
    expect(zh.stderr).toContain('printing the PDF (Chinese edition)');
    expect(zh.stderr).not.toContain('English edition');
  });

  it('writes the Chinese PDF and its schedule, and removes the English PDF of the earlier build', () => {
    const pdf = join(out('zh'), 'prospectus.pdf');
    expect(readFileSync(pdf, 'latin1').startsWith('%PDF-')).toBe(true);
    expect(existsSync(join(out('zh'), 'verification.csv'))).toBe(true);
    expect(existsSync(join(out('zh'), 'prospectus-en.pdf'))).toBe(false);
    expect(pdfLinks(page('zh', ''))).toContain('prospectus.pdf');
    for (const path of ['en/', 'en/chapters/industry-overview/', 'en/search/']) {
      expect(pdfLinks(page('zh', path)), path).toEqual([]);
    }
  });
});

describe('build --lang with a wrong value', () => {
  it('stops with one line naming the editions, before building anything', () => {
    const bad = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--lang', 'fr', '--out', '.build/never'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('error: --lang fr — expected one of zh, en\n');
    expect(existsSync(join(ROOT, '.build', 'never'))).toBe(false);
  });

  it('--lang en for a document with no English chapters says so in one line', () => {
    const dir = projectCopy();
    try {
      rmSync(join(dir, 'content', 'en'), { recursive: true, force: true });
      const bad = spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), '--lang', 'en', '--check'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain(
        'error: --lang en — content/en/chapters/ has no chapters, so there is no English edition to print\n',
      );
      expect(bad.stderr).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help says what --lang builds and what becomes of the other PDF', () => {
    const help = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(help.stdout).toMatch(/--lang EDITION +print one edition's PDF only \(zh or en\)/);
    expect(help.stdout).toContain('the other edition');
    expect(help.stdout).toContain('removed, not kept');
  });
});
