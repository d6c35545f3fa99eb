import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHAPTER_HTML,
  collapse,
  escapeRegExp,
  layoutPages,
  listForMessage,
  mainText,
  nonEmptyLines,
  PDF_PATH,
  RUNNING_HEAD,
  squash,
  WARNING_PREFIX,
} from './read.ts';
import { countNumber, readSeed, type Seed } from './seed.ts';

/**
 * Fidelity to the original chapter text: the sentences, numbers and table cells of the seed must
 * all come out in the PDF and on the site's chapter page.
 */

const MIN_SENTENCE_RATIO = 0.99;
const FOLIO = /^–\s*\d+\s*–$/u;

interface Target {
  name: string;
  /** Whitespace collapsed to single spaces (number boundaries survive). */
  spaced: string;
  /** All whitespace removed (CJK lines broken anywhere compare equal). */
  squashed: string;
}

let seed: Seed;
let pdf: Target;
let site: Target;

/** Drops page furniture (warning line and running head at the top, folio at the foot) from a page. */
function pageBody(text: string): string {
  const lines = nonEmptyLines(text);
  if (lines[0]?.startsWith(WARNING_PREFIX)) lines.shift();
  if (lines[0] === RUNNING_HEAD) lines.shift();
  if (FOLIO.test(lines[lines.length - 1] ?? '')) lines.pop();
  return lines.join('\n');
}

function target(name: string, text: string): Target {
  return { name, spaced: collapse(text), squashed: squash(text) };
}

function missingSentences(t: Target): string[] {
  return seed.sentences.filter((s) => !t.squashed.includes(s));
}

function missingNumbers(t: Target): string[] {
  const wanted = new Map<string, number>();
  for (const n of seed.numbers) wanted.set(n, (wanted.get(n) ?? 0) + 1);
  const missing: string[] = [];
  for (const [token, count] of wanted) {
    const found = countNumber(t.spaced, token);
    if (found < count) missing.push(`${token}: ${count}× in the seed, ${found}× in the ${t.name}`);
  }
  return missing;
}

function missingCells(t: Target): string[] {
  const missing: string[] = [];
  for (const [ti, table] of seed.tables.entries()) {
    for (const row of table.rows) {
      for (const cell of row) if (!t.squashed.includes(squash(cell))) missing.push(`table ${ti + 1}: ${cell}`);
    }
  }
  return missing;
}

/** Body rows (first cell a rank number) must read left to right with only markup-sized gaps. */
function scrambledRows(t: Target): string[] {
  const wrong: string[] = [];
  for (const [ti, table] of seed.tables.entries()) {
    for (const row of table.rows.filter((r) => /^\d+$/u.test(r[0] ?? ''))) {
      const re = new RegExp(row.map((cell) => escapeRegExp(squash(cell))).join('.{0,4}?'), 'u');
      if (!re.test(t.squashed)) wrong.push(`table ${ti + 1}: ${row.join(' | ')}`);
    }
  }
  return wrong;
}

beforeAll(() => {
  seed = readSeed();
  pdf = target('PDF', layoutPages(PDF_PATH).map(pageBody).join('\n'));
  site = target('site chapter page', mainText(readFileSync(CHAPTER_HTML, 'utf8')));
});

describe('the seed as the tests read it', () => {
  it('yields sentences, numbers, both tables and the two paragraphs cut by a page break', () => {
    expect(seed.sentences.length).toBeGreaterThan(100);
    expect(seed.numbers.length).toBeGreaterThan(100);
    expect(seed.joins, 'paragraphs joined across a running head (seed lines)').toHaveLength(2);
    expect(seed.tables.map((t) => t.rows.length)).toEqual([11, 7]);
    // The joined paragraphs are whole sentences again.
    expect(seed.sentences).toContain(
      '中國亦在加快新型基礎設施建設，主要集中在5G、物聯網和工業互聯網等通信網絡基礎設施，以及人工智能和雲計算等技術基礎設施',
    );
    expect(seed.sentences).toContain(
      '由於邊緣雲可為企業提供更接近終端的本地化服務，以解決延遲及安全問題，因此邊緣雲服務在整個下游領域的滲透率將繼續上升',
    );
    // List markers are stripped; running heads are not text.
    expect(seed.blocks.some((b) => /^- /u.test(b) || /^\(\d\) /u.test(b))).toBe(false);
    expect(seed.blocks).not.toContain(RUNNING_HEAD);
  });
});

describe('figures in the PDF text', () => {
  it('read solid, as the seed writes them (人民幣13,769億元), when copied from the PDF', () => {
    // A visible gap between Chinese and digits comes out of PDF text as a space.
    const amounts = [...new Set(seed.blocks.join('\n').match(/(人民幣|美元)?\d[\d,.]*(億元|萬元|%|美元|年)/gu) ?? [])];
    expect(amounts.length).toBeGreaterThan(40);
    const lines = layoutPages(PDF_PATH).map(pageBody).join('\n').split('\n');
    const joined = lines.map((line) => line.trim()).join('');
    const broken = amounts.filter((a) => !joined.includes(a));
    expect(broken, `figures not found solid in the PDF text:\n${listForMessage(broken)}`).toEqual([]);
  });
});

describe.each([
  ['PDF', () => pdf],
  ['site chapter page', () => site],
])('fidelity of the %s to the seed', (_name, get) => {
  it(`contains at least ${MIN_SENTENCE_RATIO * 100}% of the seed's sentences`, () => {
    const t = get();
    const missing = missingSentences(t);
    const ratio = 1 - missing.length / seed.sentences.length;
    expect(
      ratio,
      `${missing.length} of ${seed.sentences.length} seed sentences missing from the ${t.name}:\n${listForMessage(missing)}`,
    ).toBeGreaterThanOrEqual(MIN_SENTENCE_RATIO);
  });

  it('contains every number of the seed, as often as the seed has it', () => {
    const t = get();
    const missing = missingNumbers(t);
    expect(missing, `numbers missing from the ${t.name}:\n${listForMessage(missing)}`).toEqual([]);
  });

  it('contains every table cell of the seed, body rows in order', () => {
    const t = get();
    const missing = missingCells(t);
    expect(missing, `table cells missing from the ${t.name}:\n${listForMessage(missing)}`).toEqual([]);
    const scrambled = scrambledRows(t);
    expect(scrambled, `table rows not found in order in the ${t.name}:\n${listForMessage(scrambled)}`).toEqual([]);
  });
});
