import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { type Diagnostic, formatDiagnostic, summarize } from '../../src/lib/diagnostics.ts';
import type { Locale } from '../../src/lib/i18n/locale.ts';
import type { Project } from '../../src/lib/project.ts';
import { gateRefusal, overrideWarning, unsignedItems } from '../../src/lib/review/gate.ts';
import { chapterItems, type PageItem } from '../../src/lib/review/item-keys.ts';
import { reviewItems, reviewLogLine } from '../../src/lib/review/items.ts';
import type { ReviewItem, ReviewItemsFile, SignoffsFile } from '../../src/lib/review/schema.ts';
import { parseSignoffs, SIGNOFFS_FILE } from '../../src/lib/review/signoffs-yaml.ts';
import type { Stage } from '../../src/lib/schema/document.ts';

/** The file every copy built with its PDFs carries at its root: what a reviewer can sign off. */
export const REVIEW_ITEMS_FILE = 'review-items.json';

/**
 * The items of every chapter of the printed whole-document page, read where the PDF step reads
 * its figures. The rule is passed as its source: the page has no module to import it from.
 */
export async function readPageItems(page: Page): Promise<PageItem[]> {
  const items: unknown = await page.evaluate(
    `[...document.querySelectorAll('article.print-chapter[id]')].flatMap((a) => (${chapterItems.toString()})(a, a.id))`,
  );
  return items as PageItem[];
}

export async function writeReviewItems(
  siteDir: string,
  items: readonly ReviewItem[],
  meta: { stage: string; commit: string; builtAt: string },
): Promise<void> {
  const file: ReviewItemsFile = { version: 1, ...meta, items: [...items] };
  await writeFile(join(siteDir, REVIEW_ITEMS_FILE), `${JSON.stringify(file, null, 1)}\n`);
}

/** content/signoffs.yaml of the project; absent is no sign-offs, malformed is diagnostics at its lines. */
export function readSignoffs(root: string): { signoffs?: SignoffsFile; present: boolean; diagnostics: Diagnostic[] } {
  const path = join(root, SIGNOFFS_FILE);
  if (!existsSync(path)) return { signoffs: { version: 1, signoffs: [] }, present: false, diagnostics: [] };
  return { ...parseSignoffs(SIGNOFFS_FILE, readFileSync(path, 'utf8')), present: true };
}

/** A final copy with unsigned items (and no override): nothing is published. */
export class ReviewGateError extends Error {}

/**
 * The final stage's gate: throws ReviewGateError naming the unsigned figures, tables, charts and
 * claims, unless there are none or an override lets them through (a warning names who and why).
 */
export function finalGate(
  items: readonly ReviewItem[],
  signoffs: SignoffsFile,
  log: (line: string) => void,
  present = true,
): void {
  const unsigned = unsignedItems(items, signoffs.signoffs);
  if (unsigned.length === 0) {
    log(`review: every figure, table, chart and claim is signed off per ${SIGNOFFS_FILE}`);
  } else if (signoffs.override) {
    log(overrideWarning(signoffs.override, unsigned.length));
  } else {
    throw new ReviewGateError(gateRefusal(unsigned, SIGNOFFS_FILE, present));
  }
}

export interface ReviewStep {
  /** Reads one edition's items from its printed document page (the PDF step's readPage). */
  read(locale: Locale, page: Page): Promise<void>;
  /** Writes review-items.json when the Chinese page was read, then gates a final copy. */
  finish(
    project: Project,
    siteDir: string,
    meta: { stage: string; commit: string; builtAt: string },
    log: (line: string) => void,
  ): Promise<void>;
}

/**
 * The build's review step. Made before any work, so that a malformed content/signoffs.yaml stops
 * a final build at once; only a final build reads that file.
 */
export function reviewStep(root: string, stage: Stage, printed: readonly Locale[]): { error: string } | ReviewStep {
  let signoffs: SignoffsFile | undefined;
  let present = false;
  if (stage === 'final') {
    const read = readSignoffs(root);
    if (!read.signoffs) {
      const records = read.diagnostics.map((d) => `${formatDiagnostic(d)}`).join('\n');
      return { error: `${records}\n${summarize(read.diagnostics)} in ${SIGNOFFS_FILE}` };
    }
    signoffs = read.signoffs;
    present = read.present;
  }
  const pages: Partial<Record<Locale, PageItem[]>> = {};
  return {
    async read(locale, page) {
      pages[locale] = await readPageItems(page);
    },
    async finish(project, siteDir, meta, log) {
      const zh = pages.zh;
      if (zh) {
        const items = reviewItems(project, zh, pages.en);
        await writeReviewItems(siteDir, items, meta);
        log(`${reviewLogLine(items)}; written to ${REVIEW_ITEMS_FILE}`);
        if (signoffs) finalGate(items, signoffs, log, present);
        return;
      }
      const why = printed.length === 0 ? '--no-pdf' : 'the Chinese PDF was not printed';
      log(`review: no ${REVIEW_ITEMS_FILE} written (${why}; the items are read from the printed Chinese document)`);
      if (!signoffs) return;
      if (signoffs.override) log(overrideWarning(signoffs.override, undefined));
      else
        throw new ReviewGateError(
          `a final copy is checked against ${SIGNOFFS_FILE} on its printed Chinese document, and this build prints none (${why}) — build it with the Chinese PDF`,
        );
    },
  };
}
