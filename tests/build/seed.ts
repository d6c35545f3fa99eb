import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build-once.ts';
import { collapse, squash } from './read.ts';

/**
 * The original chapter text (tests/fixtures/seed/industry-overview.txt) taken apart into what the
 * build must reproduce: sentences, number tokens and table cells.
 *
 * Seed conventions: a line that is exactly 行業概覽 is a running head (a page break of the original),
 * whitespace-only lines are breaks, list items start with "- " or "- (n) ", table rows are
 * tab-separated. A paragraph cut by a page break continues after the running head.
 */

export const SEED_PATH = join(ROOT, 'tests', 'fixtures', 'seed', 'industry-overview.txt');

const RUNNING_HEAD = '行業概覽';
const LIST_MARKER = /^- (?:\(\d+\) )?/u;
/** A line ending like this closes its paragraph; anything else before a page break was cut. */
const CLOSED = /[。：；！？」）)]$/u;
/** Only real paragraphs get joined; short lines (units, titles) never continue across a break. */
const MIN_CUT_LENGTH = 20;
const NUMBER = /\d[\d,]*(?:\.\d+)?%?/gu;

export interface SeedTable {
  /** Rows of non-empty, trimmed cells, header rows first. */
  rows: string[][];
}

export interface Seed {
  /** Text blocks in order: paragraphs (cut ones joined), list items, headings, figure titles/units/sources. */
  blocks: string[];
  /** Unique sentences, whitespace removed, split on 。. */
  sentences: string[];
  /** Every number token, one entry per occurrence (list markers excluded). */
  numbers: string[];
  tables: SeedTable[];
  /** The pairs of line numbers (1-based) joined across a page break. */
  joins: [number, number][];
}

export function readSeed(path = SEED_PATH): Seed {
  return parseSeed(readFileSync(path, 'utf8'));
}

export function parseSeed(text: string): Seed {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  const blocks: string[] = [];
  const tables: SeedTable[] = [];
  const joins: [number, number][] = [];
  let table: SeedTable | null = null;
  /** A paragraph cut by a page break, waiting for its continuation. */
  let cut: { text: string; line: number } | null = null;
  let lastContent: { text: string; line: number } | null = null;
  let brokeSinceLast = false;

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.trim();
    // Running heads mark the original's page breaks; so do whitespace-only lines.
    if (line === RUNNING_HEAD || (raw !== '' && line === '')) {
      brokeSinceLast = true;
      if (lastContent && !CLOSED.test(lastContent.text) && lastContent.text.length >= MIN_CUT_LENGTH) {
        cut = lastContent;
        blocks.pop();
      }
      lastContent = null;
      table = null;
      return;
    }
    if (line === '') {
      table = null;
      return;
    }
    if (raw.includes('\t')) {
      if (!table) {
        table = { rows: [] };
        tables.push(table);
      }
      table.rows.push(
        raw
          .split('\t')
          .map((cell) => collapse(cell))
          .filter((cell) => cell !== ''),
      );
      lastContent = null;
      return;
    }
    table = null;
    let content = collapse(line.replace(LIST_MARKER, ''));
    let startLine = lineNo;
    const pending: { text: string; line: number } | null = cut;
    if (pending && brokeSinceLast) {
      joins.push([pending.line, lineNo]);
      content = pending.text + content;
      startLine = pending.line;
    }
    cut = null;
    brokeSinceLast = false;
    blocks.push(content);
    lastContent = { text: content, line: startLine };
  });

  const sentences = new Set<string>();
  for (const block of blocks) {
    for (const piece of block.split('。')) {
      const s = squash(piece);
      if (s !== '') sentences.add(s);
    }
  }

  const numbers: string[] = [];
  const numberSources = [...blocks, ...tables.flatMap((t) => t.rows.flat())];
  for (const source of numberSources) {
    for (const m of source.matchAll(NUMBER)) numbers.push(m[0].replace(/,+$/u, ''));
  }

  return { blocks, sentences: [...sentences], numbers, tables, joins };
}

/** Counts `token` in `text` as a whole number: not part of a longer number on either side. */
export function countNumber(text: string, token: string): number {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const re = new RegExp(`(?<![\\d.,])${escaped}(?![\\d]|[.,]\\d)`, 'gu');
  return text.match(re)?.length ?? 0;
}
