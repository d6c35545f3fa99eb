import hyphen from 'hyphen/en-gb/index.js';

/** The soft hyphen: a break the reader never sees unless the line ends there. */
export const SOFT_HYPHEN = '\u00ad';

/** Shorter words are not worth a break: a prospectus column takes them whole. */
const MIN_WORD = 6;

/**
 * A token that is not a prose word: a figure or a year (digits), a URL, an e-mail address, a
 * path, code-like text. A break inside one would change what it says when copied or read back.
 */
const NOT_PROSE = /[\d/@\\_=<>#]|\.[A-Za-z]/;

/**
 * A break inside an f-ligature (of|f|load, ef|fi|cient): Chromium draws ff, fi, fl as one glyph
 * across the soft hyphen, and the PDF's text then reads the letters out of order
 * (`offl` / `oad`), which no reader can join again. Those few break points are given up.
 */
const IN_LIGATURE = new RegExp(`f${SOFT_HYPHEN}(?=[fil])`, 'g');

/**
 * English prose with soft hyphens at the break points of British hyphenation patterns (TeX's
 * en-gb, as the `hyphen` package ports them). Debian's Chromium does not hyphenate with
 * `hyphens: auto`, so justified English set without these shows wide gaps between words.
 * Only letter runs of at least six letters are broken; acronyms (two or more capitals: CIC, PoP,
 * HKFRSs with its plural s), figures, URLs and code-like tokens are left whole.
 */
/** Two capitals make an acronym, as the defined-term check reads them (src/lib/terms/check.ts). */
const ACRONYM = /[A-Z].*[A-Z]/;

export function hyphenateEnglish(text: string): string {
  return text.replace(/\S+/g, (token) => {
    if (NOT_PROSE.test(token)) return token;
    return token.replace(/[A-Za-z]+/g, (word) =>
      word.length < MIN_WORD || ACRONYM.test(word)
        ? word
        : hyphen.hyphenateSync(word, { minWordLength: MIN_WORD, hyphenChar: SOFT_HYPHEN }).replace(IN_LIGATURE, 'f'),
    );
  });
}
