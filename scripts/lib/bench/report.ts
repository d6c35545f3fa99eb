/**
 * The bench's report on stdout: a table per edition (the PDF step against raw Chromium), the
 * passes of each median run, the units phase, the long size, and the one JSON line for the
 * largest of --sizes.
 */
import { cpus, totalmem } from 'node:os';
import {
  EDITIONS,
  type Edition,
  type EditionResult,
  LONG_PSS_LIMIT_MB,
  type SizeResult,
  type Stats,
  type UnitsBench,
} from './model.ts';

export interface BenchResults {
  /** One per --sizes, in order. */
  results: SizeResult[];
  sizes: number[];
  unitsResult: UnitsBench | undefined;
  longResult: SizeResult | undefined;
}

export function writeReport({ results, sizes, unitsResult, longResult }: BenchResults): void {
  const f = (s: Stats) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  const runCounts = [...new Set(results.map((r) => r.runs.length))].join(' or ');
  process.stdout.write(
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${runCounts} runs per size, median (min–max)\n`,
  );
  const header = [
    'chapters',
    'pages',
    'site build s',
    'PDF step s',
    'raw Chromium s',
    'ratio',
    'ratio by run',
    'whole build s',
    'PDF MB',
    'peak PSS MB',
    'raw Chromium peak PSS MB',
    'PDF s/page',
  ];
  // The site, the whole build and its memory are both editions' together, in each table.
  const rows = longResult && !results.includes(longResult) ? [...results, longResult] : results;
  for (const [i, edition] of EDITIONS.entries()) {
    const of = (r: SizeResult) => r.editions[i] as EditionResult;
    const pagesOf = (r: SizeResult) => of(r).median.build.timings[edition.key('pages')] ?? 0;
    process.stdout.write(
      `\n${edition.name} edition (${edition.path})\n\n| ${header.join(' | ')} |\n|${'---|'.repeat(header.length)}\n`,
    );
    for (const r of rows) {
      const e = of(r);
      const cells = [
        String(r.chapters),
        String(pagesOf(r)),
        f(r.site),
        f(e.pdf),
        f(e.base),
        (e.pdf.median / e.base.median).toFixed(2),
        `${e.byRun.median.toFixed(2)} (${e.byRun.min.toFixed(2)}–${e.byRun.max.toFixed(2)})`,
        f(r.total),
        ((e.median.build.timings[edition.key('pdf_bytes')] ?? 0) / 2 ** 20).toFixed(1),
        r.peakPssMb.toFixed(0),
        e.basePeakPssMb.toFixed(0),
        `${((e.pdf.median / pagesOf(r)) * 1000).toFixed(1)} ms`,
      ];
      process.stdout.write(`| ${cells.join(' | ')} |\n`);
    }
    // The passes of the median run add up to its PDF step; "other" is what lies between them
    // (starting the server, closing the browser, the swap of dist/).
    const passHeader = ['chapters', 'PDF step s', ...edition.passes.map(([, label]) => `${label} s`), 'other s'];
    process.stdout.write(
      `\n${edition.name} PDF step by pass (the median run)\n\n| ${passHeader.join(' | ')} |\n|${'---|'.repeat(passHeader.length)}\n`,
    );
    for (const r of rows) {
      const t = of(r).median.build.timings;
      const passes = edition.passes.map(([key]) => t[edition.key(key)] ?? 0);
      const step = t[edition.key('pdf_s')] ?? 0;
      const other = step - passes.reduce((a, b) => a + b, 0);
      process.stdout.write(
        `| ${[r.chapters, step.toFixed(1), ...passes.map((x) => x.toFixed(1)), other.toFixed(1)].join(' | ')} |\n`,
      );
    }
  }

  // The JSON line is for the largest of --sizes, as it always was, with the long size's keys added.
  const largest = results.find((r) => r.chapters === Math.max(...sizes));
  if (largest) {
    const round = (x: number) => Number(x.toFixed(3));
    /**
     * One edition's keys: its own names for the Chinese, `en_` before them for the English. Every
     * pass comes from the edition's own median run, the leak scan both editions share included
     * (`en_leak_scan_s` is the scan in the English median run), so an edition's passes add up to
     * no more than its step even when the two medians are different runs.
     */
    const keysOf = (e: EditionResult, prefix: string) => {
      const t = e.median.build.timings;
      const k = (name: string) => `${prefix}${name}`;
      const passes = Object.fromEntries(e.edition.passes.map(([key]) => [k(key), round(t[e.edition.key(key)] ?? 0)]));
      return {
        [k('pages')]: t[e.edition.key('pages')] ?? 0,
        [k('baseline_pages')]: e.medianBaseline.pages,
        [k('pdf_s')]: round(e.pdf.median),
        ...passes,
        [k('chromium_baseline_s')]: round(e.base.median),
        [k('pdf_ratio')]: round(e.pdf.median / e.base.median),
        [k('pdf_ratio_by_run')]: round(e.byRun.median),
        [k('pdf_bytes')]: t[e.edition.key('pdf_bytes')] ?? 0,
        [k('baseline_peak_pss_mb')]: Math.round(e.basePeakPssMb),
      };
    };
    /** A size's keys, both editions: the Chinese under `prefix`, the English under `prefix` + `en_`. */
    const sizeKeys = (r: SizeResult, prefix: string) => {
      const [zh, en] = r.editions as [EditionResult, EditionResult];
      const t = zh.median.build.timings;
      return {
        [`${prefix}chapters`]: r.chapters,
        [`${prefix}site_build_s`]: round(r.site.median),
        ...keysOf(zh, prefix),
        [`${prefix}build_total_s`]: round(r.total.median),
        [`${prefix}figures`]: t['figures'] ?? 0,
        [`${prefix}figures_placed`]: t['figures_placed'] ?? 0,
        [`${prefix}peak_pss_mb`]: Math.round(r.peakPssMb),
        ...keysOf(en, `${prefix}en_`),
      };
    };
    const u = unitsResult;
    const unitKeys = u
      ? {
          units_cold_s: round(u.cold.wallS),
          units_cold_one_tab_s: round(u.serial.wallS),
          units_warm_s: round(u.warm.wallS),
          units_tabs: u.tabs,
          units_cold_peak_pss_mb: Math.round(u.cold.peakPssMb),
          parallel_speedup: round(u.serial.wallS / u.cold.wallS),
          units_pages: u.edit.timings['pages'] ?? 0,
          edit_build_s: round(u.edit.wallS),
          edit_s: round(u.watched.pdfS),
          edit_ratio: round(u.watched.pdfS / largest.total.median),
          edit_path: u.watched.path,
          edit_full_s: round(u.watched.fullS),
        }
      : {};
    if (u) {
      process.stdout.write(
        `\nPrinting by units (PROSPECTUS_PRINT=units), ${largest.chapters} chapters, whole build wall time: cold ${u.cold.wallS.toFixed(1)} s in ${u.tabs} tab(s), cold ${u.serial.wallS.toFixed(1)} s in one tab, warm ${u.warm.wallS.toFixed(1)} s, one-sentence edit ${u.edit.wallS.toFixed(1)} s (one-piece build ${largest.total.median.toFixed(1)} s)\n`,
      );
      process.stdout.write(
        `One-sentence edit saved in npm run build -- --watch: new dist/prospectus.pdf after ${u.watched.pdfS.toFixed(1)} s (${u.watched.path}), site, schedule and both PDFs after ${u.watched.fullS.toFixed(1)} s; edit_ratio ${(u.watched.pdfS / largest.total.median).toFixed(2)} of the one-piece build\n`,
      );
    }
    if (longResult) {
      const ratio = (r: SizeResult, i: number) => {
        const e = r.editions[i] as EditionResult;
        return `${(e.pdf.median / e.base.median).toFixed(2)} (by run ${e.byRun.median.toFixed(2)})`;
      };
      const pagesOf = (r: SizeResult, i: number) =>
        (r.editions[i] as EditionResult).median.build.timings[(EDITIONS[i] as Edition).key('pages')] ?? 0;
      process.stdout.write(
        `\nLong size, ${longResult.chapters} chapters: Chinese ${pagesOf(longResult, 0)} pages, ratio ${ratio(longResult, 0)} against ${ratio(largest, 0)} at ${pagesOf(largest, 0)} pages; English ${pagesOf(longResult, 1)} pages, ratio ${ratio(longResult, 1)} against ${ratio(largest, 1)} at ${pagesOf(largest, 1)} pages; whole build ${longResult.total.median.toFixed(1)} s, peak PSS ${longResult.peakPssMb.toFixed(0)} MB (limit ${LONG_PSS_LIMIT_MB} MB)\n`,
      );
    }
    process.stdout.write(
      `${JSON.stringify({
        ...sizeKeys(largest, ''),
        ...unitKeys,
        runs: largest.runs.length,
        ...(longResult ? { ...sizeKeys(longResult, 'long_'), long_runs: longResult.runs.length } : {}),
      })}\n`,
    );
  }
}
