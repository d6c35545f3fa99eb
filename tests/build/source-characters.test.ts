import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { draftWarningOf } from '../../src/lib/document/stage.ts';
import { DocumentSchema } from '../../src/lib/schema/document.ts';
import { ROOT, TEST_DIST } from '../build-once.ts';
import { READERS } from './pdf-readers.ts';
import { listForMessage, mainText } from './read.ts';

/**
 * The PDFs' text layer holds the source's characters, each as itself (issue 26: after the build
 * merged Chromium's font subsets, every 最 in the body text of the Chinese PDF read 昐 in
 * pdftotext and MuPDF and "fက" in pdf.js). Compared as sets, for each edition and each reader
 * (poppler's pdftotext, pdf.js, MuPDF) against the text of the printed page's <main>: every
 * letter, digit and CJK punctuation mark of the source is extracted from the PDF, and the PDF
 * gives no character at all that the source does not have. Page furniture (running heads, the
 * contents) repeats the source's wording, so it adds no character of its own; the running draft
 * warning is the document's own typed wording (content/document.yaml), read as source too (its
 * 封面 is in no chapter).
 * Symbols are left out of the first check only: print CSS hides the derived-figure mark † and
 * draws the English tables' √ as a tick of its own.
 */

const EDITIONS = {
  zh: { pdf: join(TEST_DIST, 'prospectus.pdf'), html: join(TEST_DIST, 'document', 'index.html') },
  en: { pdf: join(TEST_DIST, 'prospectus-en.pdf'), html: join(TEST_DIST, 'en', 'document', 'index.html') },
} as const;

const DOCUMENT = DocumentSchema.parse(parse(readFileSync(join(ROOT, 'content', 'document.yaml'), 'utf8')));

/** Letters (Han ideographs among them), digits, CJK punctuation and fullwidth forms. */
const WORDING = /[\p{L}\p{N}\u3001-\u303f\uff01-\uffef]/u;

const charactersOf = (text: string) => new Set([...text].filter((c) => !/\s/u.test(c)));
const wordingOf = (chars: Set<string>) => new Set([...chars].filter((c) => WORDING.test(c)));

/** Each character of `a` not in `b`, with the code point, for a readable failure. */
const missingFrom = (a: Set<string>, b: Set<string>) =>
  [...a]
    .filter((c) => !b.has(c))
    .sort()
    .map((c) => `${c} U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);

const source: Record<string, Set<string>> = {};
const extracted: Record<string, Record<string, Set<string>>> = {};

beforeAll(async () => {
  for (const [lang, { pdf, html }] of Object.entries(EDITIONS)) {
    const warning = draftWarningOf(DOCUMENT, lang === 'zh' ? 'zh' : 'en') ?? '';
    source[lang] = charactersOf(`${mainText(readFileSync(html, 'utf8'))}\n${warning}`);
    for (const [name, reader] of Object.entries(READERS)) {
      const byEdition = extracted[name] ?? {};
      byEdition[lang] = charactersOf((await reader(pdf)).join('\n'));
      extracted[name] = byEdition;
    }
  }
});

describe("the PDFs' text layer holds the source's characters, each as itself", () => {
  it('the Chinese edition prints a body of Chinese text to compare', () => {
    // Without it the comparisons below would prove nothing.
    expect(source['zh']?.size).toBeGreaterThan(1000);
    expect(source['zh']?.has('最')).toBe(true);
  });

  for (const lang of Object.keys(EDITIONS)) {
    for (const name of Object.keys(READERS)) {
      it(`${lang}: ${name} extracts every letter and digit of the source, and no character the source lacks`, () => {
        const want = source[lang] ?? new Set<string>();
        const got = extracted[name]?.[lang] ?? new Set<string>();
        const lost = missingFrom(wordingOf(want), got);
        const foreign = missingFrom(got, want);
        expect(lost, `${lang}, ${name}: source characters the PDF never gives\n${listForMessage(lost)}`).toEqual([]);
        expect(foreign, `${lang}, ${name}: characters the source never has\n${listForMessage(foreign)}`).toEqual([]);
      });
    }
  }
});
