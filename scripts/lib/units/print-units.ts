/**
 * Per-unit printing (PROSPECTUS_PRINT=units): the document page printed in pieces, each piece
 * only when it changed, several at a time, then put together (assemble-pdf.ts).
 *
 * Design
 * - Units. Every section of a prospectus starts on a new page, so the document page splits
 *   where its page breaks are forced: the front matter (cover, any `article.print-front` printed
 *   before the contents, the contents: one unit, its folios Roman and its own), then each
 *   `article.print-chapter` after the contents in order — the generated sections (釋義,
 *   技術詞彙表), each chapter, each appendix. A unit is printed from the same loaded document
 *   page with every other unit taken out of the DOM (as contents-pass.ts prints the front
 *   matter), so it sees the same stylesheets, fonts, named pages and running heads.
 * - Folios. A unit printed alone starts on the print's first page, so `@page :first {
 *   counter-increment: page S }` makes its first folio S and the pages after it count on (tried
 *   in Chromium: a chapter alone printed – 41 –, – 42 – …; the chapters' named pages set no
 *   counter-increment, so :first applies). Appendix units need nothing: their own counter
 *   (appendixPageCss) starts at 1 in any print. The front unit keeps counter-increment 0.
 * - Numbers. A unit's length does not depend on its folios or on the numbers written into the
 *   fixed-width contents and <Ref page> slots, so the layout pass learns each unit's page count
 *   and the page of each of its headings (from its bookmarks) with empty slots; the starting
 *   folios follow (S₁ = 1, Sₖ₊₁ = Sₖ + pagesₖ), then every heading's folio; the numbers are
 *   written into the slots (contents-pass.ts fillContents) and the final pass prints each unit
 *   with its numbers and its starting folio. A unit whose print has no slots and whose guessed
 *   folio was right is not printed twice: the layout print is the final one.
 * - Cold layout. Printed alone in parallel tabs, units mostly guess their folio wrong (the pages
 *   of the units before them are not known yet) and print twice. When many units lack a layout
 *   (wholePrintPays), one print of the whole loaded document gives them all instead: every unit
 *   starts on a new page, so its span there is its page count, and its headings' bookmarks give
 *   their pages; each unit is then printed once, with its folio and numbers.
 * - Cache. Keys are SHA-256 of: the print code's version, Chromium's version, every stylesheet's
 *   text, the print fonts' bytes, the unit's rendered HTML (after charts, with its numbers) and
 *   its starting folio. A layout record (pages, heading pages) is kept per unit HTML without
 *   numbers. See print-cache.ts for how entries are written so a killed build leaves none that
 *   a later build trusts. A chapter that gains a page changes the starting folio of every later
 *   unit: those are reprinted (in parallel), the numbers are not patched into printed pages.
 * - Links. Chromium writes a link only to a target in the print; a unit's links to other units
 *   (the contents, cross-references) get a zero-size placeholder with the target's id, so the
 *   link is written, to a named destination; assembly keeps each name's destination from the
 *   unit that really holds the id.
 * - Parallel. Units print in tabs of one browser, each tab with the document loaded once:
 *   min(os.availableParallelism(), units to print, memory cap) tabs. Memory cap: one tab per
 *   TAB_MEMORY of free memory beyond a reserve (each tab holds the whole document page).
 * - Assembly (assemble-pdf.ts): pages, bookmarks (in order, then renamed and grouped by
 *   pdf-finish.ts as for a one-piece print), named destinations, one StructTreeRoot whose K
 *   lists every unit's elements, one ParentTree with each unit's keys moved past the previous
 *   unit's (pages' /StructParents and annotations' /StructParent renumbered alike), merged
 *   RoleMap and IDTree (ids made unique per unit), /Lang, Figure /Alt (copied with their
 *   elements), metadata written once (pdf-finish.ts). Each unit embeds its own font subsets:
 *   one font per face across units is mergeFontSubsets' job (scripts/lib/fonts/font-merge.ts, not
 *   built here; its call site is marked in assemble-pdf.ts).
 * - Reproducible: the assembled bytes depend only on the unit prints and the metadata; pdf-finish
 *   renumbers structure ids; SOURCE_DATE_EPOCH fixes the dates.
 */
import type { Page } from 'puppeteer-core';
import { appendixFolio } from '../../../src/lib/document/appendix.ts';
import { frontFolio } from '../../../src/lib/document/front.ts';
import { loadPrint, outlineEntries } from '../pdf/pdf-finish.ts';
import { RenderError } from '../pdf/render-error.ts';
import { fillContents, headingBookmarks } from '../print/contents-pass.ts';
import { type CachedUnit, type PrintCache, sha256, type UnitRecord } from './print-cache.ts';
import { maxTabs, TabPool } from './tab-pool.ts';
import { PRINT_OPTIONS, planUnits, printUnit, type UnitPlan, unitKeys } from './unit-page.ts';

/**
 * What printing a unit alone costs, in units' shares of one print of the whole document (its
 * time divided by the number of units). Measured on 2 cores shared with other builds: 7 to 9 in
 * one tab at 41 chapters (1.0 to 1.2 s a unit, 5.7 to 6.0 s for the 461-page whole print), 4 to
 * 5 under heavier load, 4.3 for the 5-unit structure fixture; the lower end is taken, so the
 * whole print is chosen only where it clearly pays.
 */
const UNIT_PRINT_COST = 4;

/**
 * A layout record learnt from the whole print has no print of its own to keep; nothing reads a
 * layout entry's PDF (a unit's final print is kept under its own key), so it is stored empty.
 */
const NO_BYTES = new Uint8Array(0);

export interface PrintedUnit {
  plan: UnitPlan;
  start: number;
  /** Its cache key (as printed: with its numbers and folio). */
  key: string;
  unit: CachedUnit;
}

export interface UnitsResult {
  units: PrintedUnit[];
  contents: Record<string, string>;
  frontPages: number;
  folioOf: (physical: number) => string;
  printed: number;
  cached: number;
  tabs: number;
}

export interface UnitsOptions {
  main: Page;
  /** A new tab with the document loaded and ready, as `main` is. */
  openTab: () => Promise<Page>;
  cache: PrintCache;
  /** Everything besides the unit's own HTML and folio that a print depends on. */
  contextKey: string;
  log: (message: string) => void;
}

export async function printUnits(options: UnitsOptions): Promise<UnitsResult> {
  const { main, cache, log } = options;
  const plans = await planUnits(main);
  const { layoutKey, finalKey } = unitKeys(options.contextKey);
  const pool = new TabPool(main, options.openTab, log);
  let printed = 0;

  // Layout pass: page counts and heading pages, from records, from one whole print or from a
  // print of each unit.
  const layouts = await Promise.all(plans.map((p) => cache.get(layoutKey(p))));
  const unknown = plans.filter((_, i) => layouts[i] === undefined);
  const tabs = Math.min(unknown.length, maxTabs());
  if (wholePrintPays(plans.length, unknown, tabs)) {
    // The tabs the units print in next load meanwhile.
    pool.openAhead(tabs);
    const whole = await layoutsFromWholePrint(main, plans);
    let found = 0;
    for (const plan of unknown) {
      const record = whole.records[plan.index];
      if (!record) continue;
      found++;
      layouts[plan.index] = { bytes: NO_BYTES, record: { ...record, sha256: sha256(NO_BYTES) } };
      await cache.put(layoutKey(plan), NO_BYTES, record);
    }
    log(`layout: ${found} of ${plans.length} units located in one ${whole.pages}-page print of the whole document`);
  }
  const known = (i: number) => layouts[i]?.record.pages;
  const missing = plans.filter((_, i) => layouts[i] === undefined);
  if (missing.length) log(`layout: ${missing.length} of ${plans.length} units to print`);
  await pool.run(missing, async (tab, plan) => {
    // The folio it will most likely get: the pages known before it (the rest counted as one).
    const guess = startOf(plans, plan.index, (i) => known(i) ?? 1);
    const unit = await printUnit(tab, plan, guess, undefined);
    printed++;
    layouts[plan.index] = unit;
    await cache.put(layoutKey(plan), unit.bytes, unit.record);
    if (!plan.slots) await cache.put(finalKey(plan, guess), unit.bytes, unit.record);
  });

  const pagesOf = (i: number) => layouts[i]?.record.pages ?? 0;
  const starts = plans.map((p) => startOf(plans, p.index, pagesOf));
  const frontPages = plans[0]?.kind === 'front' ? pagesOf(0) : 0;
  // Physical first page of each unit.
  const firsts: number[] = [];
  plans.reduce((page, p) => {
    firsts[p.index] = page;
    return page + pagesOf(p.index);
  }, 1);
  // The front unit's Roman folios count from its first heading's page: the cover carries none.
  const frontHeadings = Object.values(layouts[0]?.record.headings ?? {});
  const frontStart = frontHeadings.length ? Math.min(...frontHeadings) : 1;
  const folioOf = (physical: number): string => {
    const i = firsts.findLastIndex((first) => first <= physical);
    const plan = plans[i];
    if (!plan || plan.kind === 'front') return frontFolio(Math.max(1, physical - frontStart + 1));
    const within = physical - (firsts[i] ?? 0) + 1;
    return plan.kind === 'appendix' ? appendixFolio(plan.numeral ?? '', within) : String((starts[i] ?? 0) + within - 1);
  };
  const contents: Record<string, string> = {};
  for (const plan of plans) {
    const headings = layouts[plan.index]?.record.headings ?? {};
    for (const [id, page] of Object.entries(headings)) contents[id] = folioOf((firsts[plan.index] ?? 0) + page - 1);
  }
  await fillContents(main, contents);

  // Final pass: each unit with its numbers and its folio, from the cache or printed.
  const numbered = await planUnits(main);
  const finals = await Promise.all(numbered.map((p) => cache.get(finalKey(p, starts[p.index] ?? 0))));
  const reprint = numbered.filter((_, i) => finals[i] === undefined);
  if (reprint.length)
    log(`print: ${reprint.length} of ${numbered.length} units to print with their folios and numbers`);
  await pool.run(reprint, async (tab, plan) => {
    const start = starts[plan.index] ?? 0;
    const unit = await printUnit(tab, plan, start, contents);
    printed++;
    finals[plan.index] = unit;
    await cache.put(finalKey(plan, start), unit.bytes, unit.record);
  });
  await pool.close();

  const units = numbered.map((plan, i) => {
    const unit = finals[i];
    if (!unit) throw new RenderError(`unit ${plan.id} was not printed`);
    if (unit.record.pages !== pagesOf(i)) {
      throw new RenderError(
        `${plan.id} printed as ${unit.record.pages} pages with its page numbers, ${pagesOf(i)} without: a contents or cross-reference number moved the layout`,
      );
    }
    return { plan, start: starts[i] ?? 0, key: finalKey(plan, starts[i] ?? 0), unit };
  });
  return {
    units,
    contents,
    frontPages,
    folioOf,
    printed,
    cached: numbered.length - reprint.length,
    tabs: pool.size,
  };
}

/**
 * Whether the `unknown` layouts of `units` units are learnt from one print of the whole document
 * rather than from a print of each in `tabs` tabs. Alone, a unit whose folio or numbers depend on
 * the others' layout (a chapter; a unit with page slots) prints twice: in one tab only when it
 * has slots (each chapter's guess is right, the units before it being laid out first), in more
 * tabs nearly always (the units before it are still printing: 37 and 40 of 42 units at 41
 * chapters). The whole print pays when those second prints, spread over the tabs, cost more
 * than it does.
 */
function wholePrintPays(units: number, unknown: UnitPlan[], tabs: number): boolean {
  const twice = unknown.filter((p) => p.slots || (tabs > 1 && p.kind === 'chapter')).length;
  return (twice * UNIT_PRINT_COST) / tabs > units;
}

/** The starting folio of unit `index`: 1 for the first after the front matter, then counting on. */
export function startOf(plans: UnitPlan[], index: number, pages: (i: number) => number): number {
  if (plans[index]?.kind !== 'chapter') return 0;
  let start = 1;
  for (const p of plans.slice(0, index)) if (p.kind !== 'front') start += pages(p.index);
  return start;
}

/**
 * The units' layout records as one print of the whole document in `page` gives them (no numbers
 * written yet, as in a unit's layout print). Every unit starts on a new page: the front matter
 * on the first, a section on the page of its h1's bookmark; it ends before the next unit starts.
 * Its headings' pages and bookmarks are counted from its first page, as its own print counts
 * them. A unit whose start or end is not found is left undefined, to be printed alone; should a
 * unit's own print later disagree with its span here, printUnits fails as for a moved layout.
 */
async function layoutsFromWholePrint(
  page: Page,
  plans: UnitPlan[],
): Promise<{ pages: number; records: (Omit<UnitRecord, 'sha256'> | undefined)[] }> {
  const { doc } = await loadPrint(new Uint8Array(await page.pdf(PRINT_OPTIONS)));
  const outline = outlineEntries(doc);
  const total = doc.getPageCount();
  const bookmarks = headingBookmarks(
    plans.flatMap((p) => p.headings),
    outline,
  );
  const firsts = plans.map((p) => {
    if (p.kind === 'front') return 1;
    const index = bookmarks[p.id];
    return index === undefined ? undefined : outline[index]?.page;
  });
  const records = plans.map((plan, i) => {
    const first = firsts[i];
    const last = i + 1 < plans.length ? (firsts[i + 1] ?? 0) - 1 : total;
    if (first === undefined || !(first >= 1 && last >= first)) return undefined;
    const firstBookmark = outline.findIndex((e) => e.page >= first);
    const headings: Record<string, number> = {};
    const anchors: Record<string, number> = {};
    for (const { id } of plan.headings) {
      const index = bookmarks[id];
      const at = index === undefined ? undefined : outline[index]?.page;
      if (index === undefined || at === undefined) continue;
      if (at < first || at > last) return undefined;
      headings[id] = at - first + 1;
      anchors[id] = index - firstBookmark;
    }
    return { pages: last - first + 1, headings, anchors, stubs: plan.foreign };
  });
  return { pages: total, records };
}
