import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OutlineEntry, openPdf, pageTexts, readOutline } from '../../scripts/lib/pdf/pdf-read.ts';
import { parseCsv } from '../../src/lib/csv.ts';
import { TEST_EPOCH } from '../build-once.ts';
import { checkHtml, describeErrors } from '../html-check.ts';
import { editFile, fixtureProject } from '../sample-copy.ts';
import { layoutPages, nonEmptyLines, squash } from './read.ts';

/**
 * The fictional structure fixture (tests/fixtures/documents/structure: two chapters and two
 * appendices in both editions) built whole, and read like a reviewer reads it: references with
 * their pages, internal links, footnotes, appendix folios and running heads.
 */

function build(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(dir, 'scripts/build.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: TEST_EPOCH },
  });
}

interface Edition {
  pdf: string;
  bytes: Uint8Array;
  outline: OutlineEntry[];
  texts: string[];
  layout: string[];
  doc: Awaited<ReturnType<typeof openPdf>>;
}

async function read(pdf: string): Promise<Edition> {
  const bytes = new Uint8Array(readFileSync(pdf));
  const doc = await openPdf(bytes);
  return { pdf, bytes, doc, outline: await readOutline(doc), texts: await pageTexts(doc), layout: layoutPages(pdf) };
}

/** The physical page a bookmark (by its text, whitespace ignored) points to. */
function pageOf(edition: Edition, title: string): number {
  const entry = edition.outline.find((e) => squash(e.title) === squash(title));
  if (!entry) throw new Error(`no bookmark "${title}" in ${edition.pdf}: ${edition.outline.map((e) => e.title)}`);
  return entry.page;
}

/** Physical pages each link annotation of a page goes to; URLs as they are. */
async function links(edition: Edition, page: number): Promise<{ pages: number[]; urls: string[] }> {
  const annotations = (await (await edition.doc.getPage(page)).getAnnotations()).filter((a) => a.subtype === 'Link');
  const pages: number[] = [];
  const urls: string[] = [];
  for (const a of annotations) {
    if (a.url || a.unsafeUrl) urls.push(String(a.url ?? a.unsafeUrl));
    const dest = typeof a.dest === 'string' ? await edition.doc.getDestination(a.dest) : a.dest;
    const ref = Array.isArray(dest) ? dest[0] : undefined;
    if (ref && typeof ref === 'object') pages.push((await edition.doc.getPageIndex(ref)) + 1);
  }
  return { pages, urls };
}

const FOLIO = (folio: string) => new RegExp(`^–\\s*${folio}\\s*–$`, 'u');

const EDITIONS = {
  zh: {
    file: 'prospectus.pdf',
    first: '業務',
    competition: '與競爭有關的風險',
    ref: (page: string) => `「風險因素－與競爭有關的風險」一節（第${page}頁）`,
    appendixRef: '附錄一「會計師報告」',
    appendixI: '附錄一 會計師報告',
    appendixII: '附錄二 法定及一般資料',
    headI: '附錄一　會計師報告',
    noteLabel: '附註',
    group: '附錄',
    note: '虛構廠房位於虛構地點。',
  },
  en: {
    file: 'prospectus-en.pdf',
    first: 'BUSINESS',
    competition: 'RISKS RELATING TO COMPETITION',
    ref: (page: string) => `“Risk Factors — Risks Relating to Competition” on page ${page}`,
    appendixRef: "Appendix I “Accountants' Report”",
    appendixI: "APPENDIX I ACCOUNTANTS' REPORT",
    appendixII: 'APPENDIX II STATUTORY AND GENERAL INFORMATION',
    headI: "APPENDIX I ACCOUNTANTS' REPORT",
    noteLabel: 'Notes',
    group: 'APPENDICES',
    note: 'The fictional plant is in a fictional place.',
  },
} as const;

describe('the structure fixture in print', () => {
  let dir: string;
  const editions: Partial<Record<keyof typeof EDITIONS, Edition>> = {};
  beforeAll(async () => {
    dir = fixtureProject('structure');
    const result = build(dir);
    expect(result.status, result.stderr).toBe(0);
    for (const locale of ['zh', 'en'] as const) editions[locale] = await read(join(dir, 'dist', EDITIONS[locale].file));
  });

  for (const locale of ['zh', 'en'] as const) {
    const e = EDITIONS[locale];
    const ed = () => editions[locale] as Edition;

    it(`${locale}: a <Ref page> prints the target's title and the folio its section starts on`, () => {
      const offset = pageOf(ed(), e.first) - 1;
      const folio = String(pageOf(ed(), e.competition) - offset);
      const page = ed().texts[pageOf(ed(), e.first) - 1] ?? '';
      expect(squash(page)).toContain(squash(e.ref(folio)));
      expect(squash(page)).toContain(squash(e.appendixRef));
    });

    it(`${locale}: references and Markdown links are links inside the PDF, none to the build's server`, async () => {
      const from = pageOf(ed(), e.first);
      const { pages } = await links(ed(), from);
      // <Ref> and the Markdown link to the competition section; <Ref> to the appendix.
      expect(pages.filter((p) => p === pageOf(ed(), e.competition)).length).toBeGreaterThanOrEqual(2);
      expect(pages).toContain(pageOf(ed(), e.appendixI));
      const urls: string[] = [];
      for (let p = 1; p <= ed().doc.numPages; p++) urls.push(...(await links(ed(), p)).urls);
      expect(urls.filter((u) => /127\.0\.0\.1|localhost/.test(u))).toEqual([]);
    });

    it(`${locale}: an appendix prints its running head and folios – I-1 –, restarting in the next`, () => {
      const first = pageOf(ed(), e.appendixI);
      const lines = nonEmptyLines(ed().layout[first - 1] ?? '');
      expect(lines.slice(0, 3).map(squash), lines.join('\n')).toContain(squash(e.headI));
      expect(lines.at(-1)).toMatch(FOLIO('I-1'));
      const second = nonEmptyLines(ed().layout[pageOf(ed(), e.appendixII) - 1] ?? '');
      expect(second.at(-1)).toMatch(FOLIO('II-1'));
      // The main chapters keep – n –.
      expect(nonEmptyLines(ed().layout[pageOf(ed(), e.first) - 1] ?? '').at(-1)).toMatch(FOLIO('1'));
    });

    it(`${locale}: the bookmarks group the appendices under ${e.group}, after the main chapters`, () => {
      const top = ed()
        .outline.filter((o) => o.depth === 1)
        .map((o) => squash(o.title));
      expect(top.at(-1)).toBe(e.group);
      expect(top).toContain(squash(e.first));
      const group = ed().outline.findIndex((o) => o.depth === 1 && o.title === e.group);
      const under = ed()
        .outline.slice(group + 1)
        .filter((o) => o.depth === 2);
      expect(under.map((o) => squash(o.title))).toEqual([squash(e.appendixI), squash(e.appendixII)]);
      expect(ed().outline[group]?.page).toBe(pageOf(ed(), e.appendixI));
    });

    it(`${locale}: the contents lists each appendix with its own folio`, () => {
      const contents = squash(ed().layout[1] ?? '');
      expect(contents).toContain(`${squash(e.appendixI)}I-1`);
      expect(contents).toContain(`${squash(e.appendixII)}II-1`);
    });

    it(`${locale}: footnotes print at the end of their chapter under ${e.noteLabel}, in no contents or bookmark`, () => {
      const page = ed().texts[pageOf(ed(), e.first) - 1] ?? '';
      expect(page).toContain(e.note);
      expect(nonEmptyLines(page)).toContain(e.noteLabel);
      expect(ed().outline.map((o) => o.title)).not.toContain(e.noteLabel);
      expect(ed().outline.map((o) => o.title)).not.toContain('Footnotes');
      expect(squash(ed().layout[1] ?? '')).not.toMatch(/Footnotes|附註|Notes/);
    });
  }

  it('the verification schedule places a figure in an appendix on its appendix folio, and lists no reference as a figure', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'dist/verification.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const column = (name: string) => (header ?? []).indexOf(name);
    const placed = rows.map((r) => `${r[column('數據編號')]} ${r[column('PDF頁碼')]}`);
    expect(placed).toEqual(['facts.widget-count 1', 'facts.widget-count I-1']);
  });

  it('the home contents of each edition names each appendix as the printed contents does', () => {
    const text = (file: string) =>
      readFileSync(join(dir, file), 'utf8')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/\s+/g, ' ');
    // Hand-written from the fixture's front matter: appendix I and II, in each edition's words.
    expect(text('dist/index.html')).toContain('附錄一 會計師報告');
    expect(text('dist/index.html')).toContain('附錄二 法定及一般資料');
    expect(text('dist/en/index.html')).toContain("APPENDIX I ACCOUNTANTS' REPORT");
    expect(text('dist/en/index.html')).toContain('APPENDIX II STATUTORY AND GENERAL INFORMATION');
  });

  it('every page it writes, footnotes, references and appendices included, is valid HTML', () => {
    const errors = checkHtml(join(dir, 'dist'));
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it('on the site, references and links go to the section on its chapter page, and footnotes link back', () => {
    const business = readFileSync(join(dir, 'dist/chapters/business/index.html'), 'utf8');
    const risks = readFileSync(join(dir, 'dist/chapters/risk-factors/index.html'), 'utf8');
    expect(business).toMatch(
      /<a class="ref" href="\/chapters\/risk-factors\/#risk-factors-competition"[^>]*>「風險因素－與競爭有關的風險」一節<\/a>/,
    );
    expect(business).toMatch(
      /<a href="\/chapters\/risk-factors\/#risk-factors-competition"[^>]*>與競爭有關的風險<\/a>/,
    );
    expect(business).toMatch(/<a href="\/chapters\/business\/#business-production"/);
    expect(business).toContain('id="business-production"');
    expect(risks).toContain('id="risk-factors-competition"');
    // Footnote references and the notes' back-links point at each other.
    expect(business).toMatch(
      /href="#business-fn-1"[^>]*id="business-fnref-1"|id="business-fnref-1"[^>]*href="#business-fn-1"/,
    );
    expect(business).toContain('id="business-fn-1"');
    expect(business).toMatch(/href="#business-fnref-1"[^>]*data-footnote-backref/);
    expect(business).toContain('<p class="footnotes-label" id="business-footnotes">附註</p>');
    // The verification schedule lists each reference with what it reads as now.
    const schedule = readFileSync(join(dir, 'dist/verification/index.html'), 'utf8');
    expect(schedule).toMatch(/data-cross-ref="risk-factors#competition"[\s\S]*?content\/chapters\/business\.mdx:10/);
  });
});

describe('a reference follows its target', () => {
  it('renaming the target heading changes the reference; inserting a heading above it leaves its id and links', () => {
    const dir = fixtureProject('structure');
    editFile(
      dir,
      'content/chapters/risk-factors.mdx',
      '## 與競爭有關的風險 {#competition}',
      '## 新增的一節 {#new-section}\n\n新增的內容。\n\n## 與市場競爭有關的風險 {#competition}',
    );
    editFile(
      dir,
      'content/en/chapters/risk-factors.mdx',
      '## RISKS RELATING TO COMPETITION {#competition}',
      '## A NEW SECTION {#new-section}\n\nNew text.\n\n## RISKS RELATING TO COMPETITION {#competition}',
    );
    const result = build(dir, '--no-pdf');
    expect(result.status, result.stderr).toBe(0);
    const business = readFileSync(join(dir, 'dist/chapters/business/index.html'), 'utf8');
    expect(business).toContain('「風險因素－與市場競爭有關的風險」一節');
    expect(business).not.toContain('「風險因素－與競爭有關的風險」一節');
    expect(business).toContain('href="/chapters/risk-factors/#risk-factors-competition"');
    const risks = readFileSync(join(dir, 'dist/chapters/risk-factors/index.html'), 'utf8');
    expect(risks).toMatch(/id="risk-factors-competition"[^>]*>與市場競爭有關的風險/);
  });

  it('deleting the target stops the build with file:line, and a near miss gets a did-you-mean', () => {
    const dir = fixtureProject('structure');
    editFile(dir, 'content/chapters/risk-factors.mdx', '## 與競爭有關的風險 {#competition}\n', '');
    editFile(
      dir,
      'content/en/chapters/business.mdx',
      'risk-factors#competition" page',
      'risk-factors#competiton" page',
    );
    const result = build(dir, '--no-pdf');
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(
      /content\/chapters\/business\.mdx:10:\d+: error: <Ref to="risk-factors#competition" \/>: chapter "risk-factors" has no section \{#competition\}/,
    );
    expect(result.stderr + result.stdout).toMatch(
      /content\/en\/chapters\/business\.mdx:10:\d+: error: <Ref to="risk-factors#competiton" \/>: .*\(did you mean "risk-factors#competition"\?\)/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
