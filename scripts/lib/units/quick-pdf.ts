/**
 * The PDF again in seconds after a save in `--watch`: only the units the save changed are printed,
 * and the PDF is put together again from the print cache (print-units.ts, print-state.ts).
 *
 * How a save is read
 * - `astro dev`, kept running by the watch, renders the edition's document page: only the modules
 *   the save touched are compiled again, and the page is checked as the build checks it (the
 *   middleware runs the project check; a rejected save is an HTTP 500).
 * - Its units are compared with the published page's (document-units.ts). Inside `<main>` the two
 *   renderings are the same for an unchanged unit, so the units that differ are what the save
 *   changed. The page rules must be unchanged: a new running head or a chapter added, removed or
 *   moved is the full build's work.
 * - The changed units are printed from the published page with those units replaced by the new
 *   ones and every other unit reduced to its ids: the same stylesheets, fonts and scripts as the
 *   full build, so the unit's cache key and print are the ones the full build would make.
 * - Each reprinted unit must keep its length and its headings' pages; otherwise the folios and
 *   contents numbers after it move, and the save goes to the full build, which renumbers.
 * The full build runs after every save anyway (the site, the search index and the verification
 * schedule are its work); this only brings the PDF first.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { buildInstant } from '../../../src/lib/document/stamp.ts';
import { printFontsKey } from '../fonts/print-fonts.ts';
import { findTerms, pdfTextRuns } from '../leak/leak-match.ts';
import { loadPrint } from '../pdf/pdf-finish.ts';
import { fillContents } from '../print/contents-pass.ts';
import { waitForPrintReady } from '../print/page-ready.ts';
import { extractPageTexts } from '../print/pdf-text.ts';
import { serveStatic } from '../print/serve.ts';
import { watchPage } from '../print/watch-page.ts';
import { writeFinished } from '../print/write-finished.ts';
import { mainPart, splitDocument, stubUnit, tailPart } from './document-units.ts';
import { type CachedUnit, PrintCache, sha256 } from './print-cache.ts';
import { type PrintState, readPrintState, writePrintState } from './print-state.ts';
import { finishUnits } from './render-units.ts';
import { contextKey, planUnits, printUnit, unitKeys } from './unit-page.ts';

export type QuickResult =
  | { outcome: 'published'; file: string; reprinted: string[]; pages: number }
  | { outcome: 'unchanged' }
  /** Not for this path: the full build does it (the reason says why). */
  | { outcome: 'declined'; reason: string }
  /** The save is rejected (the full build that follows names the problem). */
  | { outcome: 'rejected'; reason: string };

export interface QuickOptions {
  root: string;
  /** The published output folder (absolute). */
  out: string;
  /** The PDF's file name in it. */
  pdf: string;
  /** Origin of the running `astro dev`. */
  devUrl: string;
  browser: Browser;
  log: (message: string) => void;
  /** More changed units than this go to the full build, which prints them in parallel. */
  maxUnits?: number;
}

export async function quickPdf(options: QuickOptions): Promise<QuickResult> {
  const { log } = options;
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = ((now - mark) / 1000).toFixed(1);
    mark = now;
    return `${seconds} s`;
  };
  const state = await readPrintState(options.root, options.out, options.pdf);
  if (!state) return declined('no PDF printed by units to start from yet');
  const file = join(options.out, state.pdf);
  const published = await readFile(file).catch(() => undefined);
  if (!published || sha256(published) !== state.sha256) {
    return declined(`${state.pdf} is not the PDF the last build printed by units`);
  }
  const site = await readFile(join(options.out, state.path, 'index.html'), 'utf8').catch(() => undefined);
  const response = await fetch(`${options.devUrl}${state.path}`);
  if (response.status !== 200) {
    return { outcome: 'rejected', reason: `astro dev answered HTTP ${response.status} for ${state.path}` };
  }
  const current = splitDocument(await response.text());
  const previous = site === undefined ? undefined : splitDocument(site);
  if (!current || !previous) return declined(`cannot find the print units in ${state.path}`);

  const ids = (d: typeof current) => d.units.map((u) => u.id).join(' ');
  if (ids(current) !== ids(previous) || ids(current) !== state.units.map((u) => u.id).join(' ')) {
    return declined('a chapter or section was added, removed or moved');
  }
  if (
    mainPart(current.before) !== mainPart(previous.before) ||
    current.between.some((b, i) => tailPart(b) !== tailPart(previous.between[i] ?? ''))
  ) {
    return declined('the page rules (running heads, named pages) changed');
  }
  const changed = current.units.flatMap((u, i) => (u.html === previous.units[i]?.html ? [] : [i]));
  if (changed.length === 0) return { outcome: 'unchanged' };
  const max = options.maxUnits ?? 4;
  if (changed.length > max) return declined(`${changed.length} units changed (more than ${max})`);
  log(
    `${state.path} rendered by astro dev (${lap()}): ${changed.map((i) => state.units[i]?.id).join(', ')} changed, of ${state.units.length} units`,
  );

  // The published page with the changed units replaced and the others reduced to their ids.
  const page = [
    previous.before,
    ...previous.units.flatMap((u, i) => [
      changed.includes(i) ? (current.units[i]?.html ?? '') : u.id === 'front' ? u.html : stubUnit(u.html),
      previous.between[i] ?? '',
    ]),
  ].join('');
  const cache = new PrintCache(join(options.root, '.build', 'print-cache'));
  // The unchanged units are read and parsed while Chromium loads and prints the changed ones:
  // Node is idle meanwhile, and the parse is a third of putting the PDF together.
  const kept = new Map(
    state.units.flatMap((u, i) => {
      if (changed.includes(i)) return [];
      const unit = cache.get(u.key);
      const parsed = unit.then((c) => (c ? loadPrint(c.bytes) : undefined));
      // Awaited below, in order; a failure is seen there.
      parsed.catch(() => {});
      return [[i, { unit, parsed }] as const];
    }),
  );
  const server = await serveStatic(options.out, 0, { printFonts: true, pages: new Map([[state.path, page]]) });
  const tab = await options.browser.newPage();
  try {
    const problems = watchPage(tab, server.url);
    await tab.emulateMediaType('print');
    await tab.goto(`${server.url}${state.path}`, { waitUntil: 'load', timeout: 120_000 });
    await waitForPrintReady(tab, 60_000);
    problems.throwIfAny();
    log(`loaded with the changed units only (${lap()})`);
    const key = await contextKey(tab, await options.browser.version(), printFontsKey());
    if (key !== state.contextKey) return declined('the stylesheets, fonts or Chromium changed');
    const targets = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.contents-page[data-target], .ref-page[data-target]')].map(
        (e) => e.dataset['target'] ?? '',
      ),
    );
    const unnumbered = targets.filter((t) => state.contents[t] === undefined);
    if (unnumbered.length) return declined(`no page number yet for ${unnumbered.slice(0, 3).join(', ')}`);
    await fillContents(tab, state.contents);
    const plans = await planUnits(tab);
    const { layoutKey, finalKey } = unitKeys(state.contextKey);
    const units = [...state.units];
    const prints = new Map<number, CachedUnit>();
    for (const i of changed) {
      const plan = plans[i];
      const was = state.units[i];
      if (!plan || !was) return declined('the page has other units than the last build printed');
      const finalAt = finalKey(plan, was.start);
      let unit = await cache.get(finalAt);
      if (!unit) {
        unit = await printUnit(tab, plan, was.start, state.contents);
        problems.throwIfAny();
        if (unit.record.pages !== was.pages) {
          return declined(
            `${was.id} now runs to ${unit.record.pages} pages (was ${was.pages}): the pages after it move`,
          );
        }
        if (JSON.stringify(unit.record.headings) !== JSON.stringify(was.headings)) {
          return declined(`a heading of ${was.id} moved to another page or was renamed`);
        }
        await cache.put(finalAt, unit.bytes, unit.record);
        // What the full build after this looks up first: the layout of a unit without numbers.
        if (!plan.slots) await cache.put(layoutKey(plan), unit.bytes, unit.record);
      }
      prints.set(i, unit);
      units[i] = { ...was, key: finalAt, titles: plan.titles };
    }
    problems.throwIfAny();
    log(`printed (${lap()})`);
    const all: Parameters<typeof finishUnits>[0] = [];
    for (const [i, u] of units.entries()) {
      const ahead = kept.get(i);
      const unit = prints.get(i) ?? (await ahead?.unit);
      if (!unit) return declined(`the print cache no longer holds ${u.id}`);
      const parsed = ahead && (await ahead.parsed);
      all.push({ kind: u.kind, titles: u.titles, unit, ...(parsed ? { parsed: Promise.resolve(parsed) } : {}) });
    }
    const leaks = await withheldIn(state.withheld, [...prints.values()], units);
    if (leaks.length) return { outcome: 'rejected', reason: `withheld wording in the new pages: ${leaks.join(', ')}` };
    const finished = await finishUnits(all, { ...state.metadata, date: buildInstant() }, state.appendicesTitle ?? '');
    log(`put together from the cache and finished (${lap()})`);
    await writeFinished(file, finished, undefined, log);
    await writePrintState(options.root, { ...state, units, sha256: sha256(finished.bytes) });
    return {
      outcome: 'published',
      file,
      reprinted: changed.map((i) => state.units[i]?.id ?? ''),
      pages: finished.pages,
    };
  } finally {
    await tab.close().catch(() => {});
    await server.close();
  }
}

function declined(reason: string): QuickResult {
  return { outcome: 'declined', reason };
}

/**
 * A publication copy is scanned before it is written, as the full build scans it: the new units'
 * page text and every bookmark title (leak-match.ts). The units taken from the cache were scanned
 * by the build that printed them, and a withheld term cannot run across units: each starts a page.
 */
async function withheldIn(
  terms: readonly string[],
  printed: CachedUnit[],
  units: PrintState['units'],
): Promise<string[]> {
  if (terms.length === 0) return [];
  const texts = (await Promise.all(printed.map((u) => extractPageTexts(u.bytes).texts))).flat();
  return [
    ...new Set([
      ...findTerms(pdfTextRuns(texts), terms),
      ...findTerms(
        units.flatMap((u) => u.titles),
        terms,
      ),
    ]),
  ];
}
