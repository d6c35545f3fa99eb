/**
 * npm run build — checks the data and chapters, builds the site, prints the PDF, and only then
 * replaces dist/. A failed or interrupted build leaves the previous dist/ exactly as it was.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { coverageLine, periodCoverage } from '../src/lib/check/period-check.ts';
import { statementTotals } from '../src/lib/data/statement.ts';
import { formatDiagnostic, summarize } from '../src/lib/diagnostics.ts';
import { chapterNames, EN_CHAPTERS_DIR } from '../src/lib/document/chapter-files.ts';
import { effectiveStage, stageWithholds } from '../src/lib/document/stage.ts';
import { buildInstant } from '../src/lib/document/stamp.ts';
import { EDITION_NAME, isLocale, LOCALES, type Locale } from '../src/lib/i18n/locale.ts';
import { checkProject } from '../src/lib/project.ts';
import { StageSchema } from '../src/lib/schema/document.ts';
import { summarizeTieOut, tieOutLogLine } from '../src/lib/tieout/tieout-summary.ts';
import './lib/site/follow-parent.ts';
import { type EarlyLeakScan, startLeakScan } from './lib/leak/leak-scan-early.ts';
import { withheldTerms } from './lib/leak/leak-terms.ts';
import { editionsLine, PDF_FILE, PRINTED_PAGE } from './lib/print/editions.ts';
import { pdfMetadata, pdfMetadataEn } from './lib/print/metadata.ts';
import { sharedPrintBrowser } from './lib/print/shared-browser.ts';
import { sourceCommit } from './lib/publish/commit.ts';
import { checkWritable, PublishError, publishDir, removeAbandoned, sweepLeftovers } from './lib/publish/publish.ts';
import { type PdfMetadata, RenderError, renderPdf } from './lib/render-pdf.ts';
import { ReviewGateError, reviewStep } from './lib/review/review-items.ts';
import {
  type BoundFigure,
  boundFigures,
  editionsCount,
  placeFigures,
  type ScheduleRow,
  writeSchedule,
} from './lib/schedule/schedule.ts';
import { AstroBuildError, runAstro } from './lib/site/astro.ts';
import { buildSearchIndex } from './lib/site/search-index.ts';
import { type PrintedUnitsState, readPrintedStates, recordPrintStates } from './lib/units/print-state.ts';

const HELP = `Usage: npm run build [-- options]

Builds the reviewer's site and the A4 prospectus PDF from content/ and data/ into dist/:
  dist/index.html          home page with contents and tie-out summary
  dist/chapters/<id>/      one page per chapter
  dist/document/           the whole document on one page (what the PDF prints)
  dist/prospectus.pdf      the paginated prospectus
  dist/prospectus-en.pdf   the English edition, when content/en/chapters holds chapters
  dist/review-items.json   what reviewers sign off (npm run review), read from the printed pages

A final build (--stage final) is published only when every figure, table, chart and claim is
signed off in content/signoffs.yaml, or its override: names who published anyway and why.

Options:
  --out DIR      write to DIR instead of dist/
  --check        only check data, tie-out and chapters; build nothing
  --no-pdf       build the site only
  --lang EDITION print one edition's PDF only (zh or en), for speed while drafting; the
                 site is still built whole, both editions. dist/ is replaced as a whole, so
                 the other edition's PDF from an earlier build is removed, not kept: it
                 could disagree with the data. Default: both (English when it has chapters)
  --timings FILE write the seconds of each phase as JSON (used by npm run bench)
  --stage STAGE  build this stage (vetting, publication, phip, final) into dist-stages/STAGE/;
                 repeat to build several side by side; dist/ is left alone
  --watch        build, then build again whenever content/, data/, components/ or src/
                 change; a failed build is reported and the last good output stays.
                 Builds print by units (below). With the default output it also runs the
                 live site (astro dev, http://127.0.0.1:4321/ or the next free port), and a
                 save to content/ or data/ brings the PDF first: only the changed chapters
                 are printed again and the PDF put together from the cache, when their
                 length and headings' pages did not change; then the full build follows for
                 the site, search index and schedule (a newer save stops it and starts over)
  -h, --help     show this help

Environment:
  PROSPECTUS_STAGE            vetting | publication | phip | final (overrides content/document.yaml)
  PUPPETEER_EXECUTABLE_PATH   Chromium to print with (else CHROME_PATH, else /usr/bin/chromium)
  SOURCE_DATE_EPOCH           fixed build date, for reproducible output
  PROSPECTUS_PRINT=units      print the PDF in units (sections, chapters, appendices), cached in
                              .build/print-cache/ and several at a time, then assembled
  PROSPECTUS_PRINT_TABS       most units printed at once (default: one per core, memory allowing)
`;

const root = resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist' },
      check: { type: 'boolean', default: false },
      'no-pdf': { type: 'boolean', default: false },
      lang: { type: 'string' },
      stage: { type: 'string', multiple: true },
      timings: { type: 'string' },
      watch: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.watch) {
    // Imported here: the watch brings Astro's dev server, a third of a second to load that every
    // other build (and each build the watch starts) would pay for nothing.
    const { watchBuilds } = await import('./lib/watch/watch-builds.ts');
    return watchBuilds(
      root,
      join(root, 'scripts', 'build.ts'),
      process.argv.slice(2).filter((arg) => arg !== '--watch'),
    );
  }
  const lang = values.lang;
  if (lang !== undefined && !isLocale(lang)) {
    process.stderr.write(`error: --lang ${lang} — expected one of ${LOCALES.join(', ')}\n`);
    return 2;
  }
  const stages = values.stage ?? [];
  for (const stage of stages) {
    if (!StageSchema.safeParse(stage).success) {
      process.stderr.write(`error: --stage ${stage} — expected one of ${StageSchema.options.join(', ')}\n`);
      return 2;
    }
  }
  if (stages.length === 0) {
    return buildOne(values.out, { check: values.check, pdf: !values['no-pdf'], lang, timings: values.timings });
  }
  for (const stage of stages) {
    process.env['PROSPECTUS_STAGE'] = stage;
    const code = await buildOne(`dist-stages/${stage}`, { check: values.check, pdf: !values['no-pdf'], lang });
    if (code !== 0) return code;
  }
  return 0;
}

/** Seconds per phase, written with --timings for the benchmark. */
type Timings = Record<string, number>;

async function buildOne(
  out: string,
  options: { check: boolean; pdf: boolean; lang?: Locale | undefined; timings?: string | undefined },
): Promise<number> {
  const t0 = performance.now();
  const timings: Timings = {};
  let mark = t0;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = (now - mark) / 1000;
    mark = now;
  };
  const step = (message: string) =>
    process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);

  step('checking data, tie-out and chapters');
  const check = checkProject(root);
  for (const d of check.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (!check.project || check.diagnostics.some((d) => d.severity === 'error')) {
    process.stderr.write(`${summarize(check.diagnostics)}; nothing was written.\n`);
    return 1;
  }
  const { project } = check;
  step(`tie-out: ${tieOutLogLine(summarizeTieOut(project.tieOut))}; ${check.occurrences.length} bound components`);
  const totals = statementTotals(project.registry.datasets.values());
  if (totals > 0) step(`financial tables: ${totals} stated subtotals and totals recomputed, each adds up`);
  for (const coverage of periodCoverage([...check.occurrences, ...check.englishOccurrences]))
    step(coverageLine(coverage));
  const doc = project.registry.document.value;
  const englishEdition = (chapterNames(root, EN_CHAPTERS_DIR) ?? []).length > 0;
  if (options.lang === 'en' && !englishEdition) {
    process.stderr.write(
      `error: --lang en — ${EN_CHAPTERS_DIR}/ has no chapters, so there is no English edition to print\n`,
    );
    return 2;
  }
  // The editions whose PDF this build prints. The English PDF only for a document that has an
  // English edition: the /en/document/ page exists either way, but a cover and an empty contents
  // are no edition.
  const printed: Locale[] = options.pdf
    ? (options.lang ? [options.lang] : LOCALES).filter((l) => l === 'zh' || englishEdition)
    : [];
  const stage = effectiveStage(doc);
  // A final copy is published only with its items signed off: a malformed sign-off file stops it now.
  const review = reviewStep(root, stage, printed);
  if ('error' in review) {
    process.stderr.write(`${review.error}\nnothing was written.\n`);
    return 1;
  }
  lap('check_s');
  if (options.check) return 0;

  const outDir = resolve(root, out);
  const work = join(root, '.build', `site-${process.pid}`);
  await mkdir(join(root, '.build'), { recursive: true });
  await removeAbandoned(join(root, '.build'));
  await sweepLeftovers(outDir);
  try {
    // Before minutes of work: a target that can never be written fails now.
    await checkWritable(outDir);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\nThe previous ${out}/ is unchanged.\n`);
    return 1;
  }
  const cleanup = () => rm(work, { recursive: true, force: true });
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

  // What each PDF printed by units was made of: kept once published, for a save in --watch.
  const unitStates = new Map<Locale, PrintedUnitsState & { metadata: PdfMetadata }>();
  const zhMeta = pdfMetadata(doc, buildInstant(), root);
  const enMeta = pdfMetadataEn(doc, buildInstant(), root);
  const commit = sourceCommit(root);
  const terms = withheldTerms(project, stage);
  let leakScan: EarlyLeakScan | undefined;
  // Both editions print in one Chromium, closed once the last PDF is printed.
  const printer = sharedPrintBrowser();
  try {
    step(`building the site (stage: ${stage}; ${editionsLine(printed, englishEdition)})`);
    // The pages link to each PDF and the schedule only when this build prints them.
    await runAstro(root, work, {
      PROSPECTUS_COMMIT: commit,
      PROSPECTUS_PDF: printed.includes('zh') ? '1' : '0',
      PROSPECTUS_PDF_EN: printed.includes('en') ? '1' : '0',
    });
    lap('astro_s');
    // Pagefind reads the chapters' HTML, not the PDF: the index is part of the site.
    const search = await buildSearchIndex(work);
    lap('search_s');
    step(
      `search: Pagefind index written (${search.pages} pages read; chapters indexed per language: ${search.languages.map((l) => `${l.lang} ${l.pages}`).join(', ')})`,
    );
    // The site's files are scanned while the PDFs print; after them, only what was written since.
    if (stageWithholds(stage)) leakScan = startLeakScan(work, terms);
    // From here to the swap is the PDF step as the benchmark counts it: the prints and every
    // pass that follows them and grows with the pages (pdf_s, en_pdf_s: one edition's share).
    const siteDone = mark;
    // Each edition's own PDF work, in ms; the leak scan and the swap that follow are shared.
    const own: Partial<Record<Locale, number>> = {};
    // The schedule's rows of each edition, each placed on that edition's PDF pages.
    const schedules: Partial<Record<Locale, ScheduleRow[]>> = {};
    for (const locale of printed) {
      const start = locale === 'zh' ? siteDone : performance.now();
      const metadata = locale === 'zh' ? zhMeta : enMeta;
      step(`printing the PDF (${EDITION_NAME[locale]} edition)`);
      let figures: BoundFigure[] = [];
      const result = await renderPdf({
        siteDir: work,
        path: PRINTED_PAGE[locale],
        outFile: join(work, PDF_FILE[locale]),
        metadata,
        // The page text is read once: it places every figure on its page and feeds the leak scan.
        pageTexts: true,
        readPage: async (page) => {
          figures = await boundFigures(page, locale);
          await review.read(locale, page);
        },
        log: (m) => step(`  ${m}`),
        browser: printer,
      });
      // renderPdf reports its passes itself; the schedule's lap starts here.
      mark = performance.now();
      const prefix = locale === 'zh' ? '' : 'en_';
      Object.assign(timings, {
        [`${prefix}load_s`]: result.timings.load,
        [`${prefix}print_s`]: result.timings.print,
        [`${prefix}contents_s`]: result.timings.contents,
        [`${prefix}pdf_lib_s`]: result.timings.pdfLib,
        [`${prefix}text_s`]: result.timings.text,
        [`${prefix}pages`]: result.pages,
        [`${prefix}pdf_bytes`]: result.bytes,
      });
      leakScan?.add(PDF_FILE[locale], result.pageTexts);
      if (result.units) unitStates.set(locale, { ...result.units, metadata });
      const rows = placeFigures(figures, result.pageTexts ?? [], result.folioOf);
      schedules[locale] = rows;
      lap(`${prefix}schedule_s`);
      const placed = rows.filter((r) => r.page !== undefined).length;
      if (locale === 'zh') {
        timings['figures'] = rows.length;
        timings['figures_placed'] = placed;
      }
      const edition = locale === 'zh' ? '' : ` (${EDITION_NAME[locale]} edition)`;
      step(`schedule${edition}: ${placed} of ${rows.length} bound figures placed on their PDF pages`);
      own[locale] = performance.now() - start;
      step(
        `PDF (${EDITION_NAME[locale]} edition): ${result.pages} pages; load ${result.timings.load.toFixed(1)} s, print ${result.timings.print.toFixed(1)} s, contents ${result.timings.contents.toFixed(1)} s, pdf-lib ${result.timings.pdfLib.toFixed(1)} s`,
      );
    }
    const pdfsDone = performance.now();
    // Counted in the share both editions' PDF steps include, as each print's own close was.
    await printer.close();
    // What reviewers sign off, read from the printed pages; a final copy stops here if unsigned.
    await review.finish(project, work, { stage, commit, builtAt: buildInstant().toISOString() }, step);
    // One schedule for both editions: each figure once, with its page in each PDF. It is placed
    // on the Chinese PDF's pages, so a build without the Chinese PDF writes none.
    if (schedules.zh) {
      const lines = writeSchedule(work, schedules.zh, schedules.en);
      if (schedules.en) {
        const { both, single } = editionsCount(lines);
        step(`schedule: ${both} figures paired across the editions, ${single} in one edition only`);
      }
      mark = performance.now();
    }
    if (leakScan) {
      const leaks = await leakScan.finish();
      if (leaks.length > 0) {
        throw new LeakError(
          `redacted wording found in the ${stage} build:\n${leaks.map((l) => `  ${l.file} (${l.where}): "${l.term}"`).join('\n')}`,
        );
      }
      step(
        `redaction: ${terms.length} withheld terms, none found in the emitted files, PDF text, metadata or bookmarks`,
      );
      lap('leak_scan_s');
    }
    // Swap only now: everything above succeeded.
    const pdfs = printed.map((l) => ({ pdf: PDF_FILE[l], path: PRINTED_PAGE[l], printed: unitStates.get(l) }));
    const recorded = await readPrintedStates(work, pdfs);
    await publishDir(work, outDir);
    await recordPrintStates(root, outDir, recorded, { withheld: stageWithholds(stage) ? terms : [], commit });
    // Each edition's PDF step (pdf_s for the Chinese, en_pdf_s for the English) is its own
    // print and passes plus the leak scan and swap, which both editions' PDFs need.
    const end = performance.now();
    const shared = end - pdfsDone;
    if (own.zh !== undefined) timings['pdf_s'] = (own.zh + shared) / 1000;
    if (own.en !== undefined) timings['en_pdf_s'] = (own.en + shared) / 1000;
    if (printed.length > 0) timings['pdf_all_s'] = (end - siteDone) / 1000;
    step(`done: ${[`${out}/index.html`, ...printed.map((l) => `${out}/${PDF_FILE[l]}`)].join(', ')}`);
    timings['total_s'] = (performance.now() - t0) / 1000;
    if (options.timings) await writeFile(resolve(options.timings), `${JSON.stringify(timings, null, 2)}\n`);
    return 0;
  } catch (e) {
    await printer.close();
    await leakScan?.stop();
    await cleanup();
    const message =
      e instanceof RenderError ||
      e instanceof AstroBuildError ||
      e instanceof LeakError ||
      e instanceof PublishError ||
      e instanceof ReviewGateError
        ? oneLineIfNoSpace(e.message, work)
        : ((e as Error).stack ?? String(e));
    process.stderr.write(`error: ${message}\nThe previous ${out}/ is unchanged.\n`);
    return 1;
  }
}

class LeakError extends Error {}

/**
 * A full disk under .build/ surfaces deep inside a bundler's or browser's error (a Rust
 * backtrace, a protocol error); the reason is all the user needs.
 */
function oneLineIfNoSpace(message: string, work: string): string {
  if (/ENOSPC|No space left on device/i.test(message) && !message.startsWith('no space left')) {
    return `no space left on device in ${dirname(work)} (the build's work folder)`;
  }
  return message;
}

process.exitCode = await main();
