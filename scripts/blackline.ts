/**
 * npm run blackline -- FROM [TO] — what changed between two drafts, per edition: dist/blackline.pdf
 * and the site page dist/blackline/ for the Chinese, dist/blackline-en.pdf and dist/blackline-en/
 * for the English when the TO draft has one. The TO draft is typeset as usual with insertions
 * underlined and deletions struck through in colour, compared character by character for Chinese
 * and word by word for English; a summary page comes first; change bars mark changed lines; the
 * running heads say 比較本 (BLACKLINE).
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, summarize } from '../src/lib/diagnostics.ts';
import { planBlackline } from '../src/lib/diff/plan.ts';
import { chapterNames, EN_CHAPTERS_DIR } from '../src/lib/document/chapter-files.ts';
import { buildInstant } from '../src/lib/document/stamp.ts';
import type { Locale } from '../src/lib/i18n/locale.ts';
import { checkProject } from '../src/lib/project.ts';
import { summarizeTieOut } from '../src/lib/tieout/tieout-summary.ts';
import { buildDraftSite, prepareDraft } from './lib/blackline/drafts.ts';
import { comparedDrafts, WORDS } from './lib/blackline/edition-words.ts';
import { markChanges } from './lib/blackline/mark-changes.ts';
import { changedFigures, readPage } from './lib/blackline/read-page.ts';
import { summaryHtml } from './lib/blackline/summary-page.ts';
import { launchChromium } from './lib/print/launch.ts';
import { pdfMetadata, pdfMetadataEn } from './lib/print/metadata.ts';
import { serveStatic } from './lib/print/serve.ts';
import { sharedPrintBrowser } from './lib/print/shared-browser.ts';
import { explain, PublishError, publishDir, publishFile } from './lib/publish/publish.ts';
import { renderPdf } from './lib/render-pdf.ts';

const HELP = `Usage: npm run blackline -- FROM [TO] [--out DIR]

Compares two drafts and writes DIR/blackline.pdf and DIR/blackline/index.html (DIR: dist) for
the Chinese edition, and DIR/blackline-en.pdf and DIR/blackline-en/index.html for the English
edition when the TO draft has one (Chinese compared by character, English by word).
FROM and TO are git revisions (e.g. HEAD~1 HEAD); TO defaults to the working tree.
Both drafts are typeset by the current code: only changes to content/ and data/ show.
`;

const root = resolve(import.meta.dirname, '..');

/** Where each edition's document page is and where its blackline goes. */
interface Edition {
  locale: Locale;
  path: string;
  pdf: string;
  dir: string;
}

const EDITIONS: Record<Locale, Edition> = {
  zh: { locale: 'zh', path: '/document/', pdf: 'blackline.pdf', dir: 'blackline' },
  en: { locale: 'en', path: '/en/document/', pdf: 'blackline-en.pdf', dir: 'blackline-en' },
};

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help || positionals.length === 0 || positionals.length > 2) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const say = (m: string) => process.stderr.write(`blackline: ${m}\n`);
  const work = join(root, '.build', 'blackline');
  const from = prepareDraft(root, positionals[0], join(work, 'from'));
  const to = prepareDraft(root, positionals[1], join(work, 'to'));
  say(`comparing ${from.label} (${from.commit}) → ${to.label} (${to.commit})`);

  const ties = [];
  for (const draft of [from, to]) {
    const check = checkProject(draft.dir);
    const errors = check.diagnostics.filter((d) => d.severity === 'error');
    if (!check.project || errors.length) {
      for (const d of check.diagnostics) process.stderr.write(`${draft.label}: ${formatDiagnostic(d)}\n`);
      say(`${draft.label}: ${summarize(check.diagnostics)}; nothing was written.`);
      return 1;
    }
    ties.push({ draft, summary: summarizeTieOut(check.project.tieOut) });
  }
  await Promise.all([buildDraftSite(from, join(from.dir, 'site')), buildDraftSite(to, join(to.dir, 'site'))]);
  say('both drafts built; comparing');

  const toSite = join(to.dir, 'site');
  // The English blackline only when the TO draft has an English edition; a FROM draft without
  // one shows the whole English edition as inserted.
  const editions = [EDITIONS.zh, ...((chapterNames(to.dir, EN_CHAPTERS_DIR) ?? []).length > 0 ? [EDITIONS.en] : [])];
  const fromServer = await serveStatic(join(from.dir, 'site'));
  const toServer = await serveStatic(toSite);
  const browser = await launchChromium();
  const stats = new Map<Edition, { insertions: number; deletions: number; chapters: number; figures: number }>();
  try {
    // Scripts off: the page is read and rewritten as served, before any chart or popover runs.
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    for (const edition of editions) {
      const words = WORDS[edition.locale];
      await page.goto(`${fromServer.url}${edition.path}`, { waitUntil: 'load' });
      const before = await readPage(page);
      await page.goto(`${toServer.url}${edition.path}`, { waitUntil: 'load' });
      const after = await readPage(page);
      const plan = planBlackline(before.blocks, after.blocks, edition.locale);
      const figures = changedFigures(before.figures, after.figures);
      const summary = summaryHtml(edition.locale, from, to, plan, figures, ties);
      const runningHead = `${words.blackline}${words.separator}${comparedDrafts(from, to, edition.locale)}`;
      await markChanges(page, plan, summary, runningHead, words.blackline);
      const html = `<!doctype html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
      mkdirSync(join(toSite, edition.dir), { recursive: true });
      writeFileSync(join(toSite, edition.dir, 'index.html'), html);
      stats.set(edition, {
        insertions: plan.insertions,
        deletions: plan.deletions,
        chapters: plan.chapters.size,
        figures: figures.length,
      });
    }
  } finally {
    await browser.close();
    await fromServer.close();
    await toServer.close();
  }

  const check = checkProject(to.dir);
  const doc = check.project?.registry.document.value;
  if (!doc) return 1;
  const pages = new Map<Edition, number>();
  // Both editions' blacklines print in one Chromium.
  const printer = sharedPrintBrowser();
  try {
    for (const edition of editions) {
      say(`printing ${values.out}/${edition.pdf}`);
      const meta =
        edition.locale === 'en' ? pdfMetadataEn(doc, buildInstant(), to.dir) : pdfMetadata(doc, buildInstant(), to.dir);
      const blackline = WORDS[edition.locale].blackline;
      const result = await renderPdf({
        siteDir: toSite,
        path: `/${edition.dir}/`,
        outFile: join(toSite, edition.pdf),
        metadata: { ...meta, title: `${blackline} — ${meta.title}`, keywords: [...meta.keywords, blackline] },
        log: (m) => say(`  ${m}`),
        browser: printer,
      });
      pages.set(edition, result.pages);
    }
  } finally {
    await printer.close();
  }
  const out = resolve(root, values.out);
  const written = editions.flatMap((e) => [`${values.out}/${e.pdf}`, `${values.out}/${e.dir}/`]).join(' and ');
  try {
    // The page's styles and scripts first: hashed names, so they sit beside a dist/ of another
    // build, and the page that needs them is swapped in only after they are there.
    if (existsSync(join(toSite, '_astro'))) {
      mkdirSync(join(out, '_astro'), { recursive: true });
      cpSync(join(toSite, '_astro'), join(out, '_astro'), { recursive: true });
    }
    for (const edition of editions) {
      await publishFile(join(toSite, edition.pdf), join(out, edition.pdf));
      await publishDir(join(toSite, edition.dir), join(out, edition.dir));
    }
  } catch (e) {
    const message = e instanceof PublishError ? e.message : explain(e, out).message;
    process.stderr.write(`error: ${message}\nThe previous ${written} are unchanged.\n`);
    return 1;
  }
  for (const edition of editions) {
    const s = stats.get(edition);
    if (!s) continue;
    say(
      `${edition.locale === 'en' ? 'English' : 'Chinese'} edition: ${s.chapters} chapter(s) changed: ${s.insertions} insertion(s), ${s.deletions} deletion(s), ${s.figures} figure(s) with new values; ${pages.get(edition)} pages → ${values.out}/${edition.pdf}, ${values.out}/${edition.dir}/`,
    );
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`blackline: error: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
