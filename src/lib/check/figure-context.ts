/**
 * Reads the year a sentence gives a bound figure, and compares it with the figure's period.
 *
 * Binding removes typing errors but not binding errors: `從2018年的<Val of="…@2022" />` shows a
 * true 2022 figure in a false sentence. The text is the passage a figure sits in, with every
 * bound figure replaced by FIGURE; nothing here knows about MDX or data.
 *
 * Be precise rather than clever: only the figure's own clause counts, a clause with no year says
 * nothing, and a clause that pairs several years with several figures (分別, respectively) is
 * not guessed at.
 */

/** Stands for a bound figure (or any other component) in a passage's text. */
export const FIGURE = '\uFFFC';

/** Chinese edition (zh-Hant…) or English edition (en…): where years sit and how they are written. */
export type Lang = 'zh' | 'en';

export function matcherLang(languageTag: string): Lang {
  return /^en\b/i.test(languageTag) ? 'en' : 'zh';
}

/** A year as written or stored; `forecast` only when marked so (2027E, 2027年(預計)). */
export interface Year {
  year: number;
  forecast: boolean;
}

/** One year (`from` equals `to`) or a range of years. */
export interface Span {
  from: Year;
  to: Year;
}

/** A year or range found in a passage, with where it stands. */
export interface YearMention extends Span {
  start: number;
  end: number;
}

/** A stored period (`2018`, `2027E`) as a year. */
export function parsePeriod(period: string): Year {
  const m = /^(\d{4})(E?)$/.exec(period);
  if (!m) throw new Error(`not a period: "${period}"`);
  return { year: Number(m[1]), forecast: m[2] === 'E' };
}

export function periodSpan(from: string, to: string = from): Span {
  return { from: parsePeriod(from), to: parsePeriod(to) };
}

/** `2018`, `2027E`, `2022–2027E`: the data's own spelling, the same in both editions. */
export function formatSpan(span: Span): string {
  const one = (y: Year) => `${y.year}${y.forecast ? 'E' : ''}`;
  return sameYear(span.from, span.to) ? one(span.from) : `${one(span.from)}–${one(span.to)}`;
}

const Y = '((?:19|20)\\d{2})';
/** 年(預計): the forecast mark the Chinese edition puts after a year. */
const ZH_FORECAST = '\\s*[(（]\\s*預計\\s*[)）]';
/** A Chinese year needs 年 or E after it; a bare four-digit number may be anything. */
const ZH_YEAR = `${Y}(?:(E)|年(${ZH_FORECAST})?)`;
/** The first year of a Chinese range may drop its 年: 2021-2023年. */
const ZH_RANGE_START = `${Y}(?:(E)|年(${ZH_FORECAST})?)?`;
const ZH_DASH = '\\s*(?:至|到|-|–|—|－|~|～)\\s*';
const EN_YEAR = `(?<![\\d.,$])${Y}(E)?(?![\\d]|[.,]\\d)`;
const EN_DASH = '\\s*(?:to|through|-|–|—)\\s*';

interface Pattern {
  range: RegExp;
  single: RegExp;
}

const PATTERNS: Record<Lang, Pattern> = {
  zh: {
    range: new RegExp(`${ZH_RANGE_START}${ZH_DASH}${ZH_YEAR}`, 'gu'),
    single: new RegExp(ZH_YEAR, 'gu'),
  },
  en: {
    // "between 2022 and 2027"; a bare "2018 and 2022" is two years, not a range.
    range: new RegExp(`(?:between\\s+${Y}(E)?\\s+and\\s+${Y}(E)?)|(?:${EN_YEAR}${EN_DASH}${EN_YEAR})`, 'giu'),
    single: new RegExp(EN_YEAR, 'gu'),
  },
};

/** Every year and range of years in a passage, in order; a range is one mention. */
export function findYears(text: string, lang: Lang): YearMention[] {
  const { range, single } = PATTERNS[lang];
  const mentions: YearMention[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(range)) {
    const parts = yearsOf(m, lang);
    if (parts.length !== 2) continue;
    const [from, to] = parts as [Year, Year];
    if (to.year < from.year) continue;
    const start = m.index;
    const end = start + m[0].length;
    mentions.push({ from, to, start, end });
    taken.push([start, end]);
  }
  for (const m of text.matchAll(single)) {
    const start = m.index;
    if (taken.some(([s, e]) => start >= s && start < e)) continue;
    const [year] = yearsOf(m, lang);
    if (year) mentions.push({ from: year, to: year, start, end: start + m[0].length });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The years a match names, with their forecast marks (E, or 年(預計) in Chinese). */
function yearsOf(m: RegExpMatchArray, lang: Lang): Year[] {
  const years: Year[] = [];
  const groups = m.slice(1);
  const stride = lang === 'zh' ? 3 : 2;
  for (let i = 0; i < groups.length; i += stride) {
    const digits = groups[i];
    if (digits === undefined) continue;
    const marks = groups.slice(i + 1, i + stride);
    years.push({ year: Number(digits), forecast: marks.some((g) => g !== undefined) });
  }
  return years;
}

/**
 * Clause ends. Chinese: full-width and ASCII commas, stops, semicolons, colons; the enumeration
 * comma 、 is not one (「A、B及C」 shares one year). English: commas, semicolons, colons and a
 * full stop followed by a space, so a decimal point never splits.
 */
const CLAUSE_END: Record<Lang, RegExp> = {
  zh: /[，。；：！？,;:!?\n]/gu,
  en: /[,;:!?\n]|\.(?=\s|$)/gu,
};

/** Several years against several figures: the reader pairs them by order; we do not guess. */
const RESPECTIVELY: Record<Lang, RegExp> = {
  zh: /分別/u,
  en: /\brespectively\b/iu,
};

/** Sentence ends: "…in 2018 and 2022, respectively." pairs across the clause's comma. */
const SENTENCE_END: Record<Lang, RegExp> = {
  zh: /[。！？!?\n]/u,
  en: /[!?\n]|\.(?=\s|$)/u,
};

export function clauseAround(text: string, index: number, lang: Lang): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_END[lang])) {
    if (m.index < index) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

/**
 * The year a passage gives the figure at `index`: the nearest in its clause, on the side the
 * language puts it first — before the figure in Chinese (`2018年的<Val/>`), after it in English
 * ("RMB1,376.9 billion in 2018", "a CAGR of 19.5% from 2022 to 2027") — else the nearest on the
 * other side. Undefined when the clause names no year, or pairs several years with figures.
 */
export function yearFor(text: string, index: number, lang: Lang): YearMention | undefined {
  const clause = clauseAround(text, index, lang);
  const inClause = findYears(text.slice(clause.start, clause.end), lang).map((m) => ({
    ...m,
    start: m.start + clause.start,
    end: m.end + clause.start,
  }));
  if (inClause.length === 0) return undefined;
  const distinct = new Set(inClause.map(formatSpan));
  if (distinct.size > 1 && RESPECTIVELY[lang].test(restOfSentence(text, clause.start, lang))) return undefined;
  const before = inClause.filter((m) => m.end <= index).at(-1);
  const after = inClause.find((m) => m.start > index);
  return lang === 'zh' ? (before ?? after) : (after ?? before);
}

function restOfSentence(text: string, from: number, lang: Lang): string {
  const rest = text.slice(from);
  const end = SENTENCE_END[lang].exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

function sameYear(a: Year, b: Year): boolean {
  return a.year === b.year && a.forecast === b.forecast;
}

/** A year the text marks as a forecast must be a forecast period; an unmarked one may be either. */
function yearAgrees(text: Year, data: Year): boolean {
  return text.year === data.year && (!text.forecast || data.forecast);
}

/** Strictly inside the range, or on an endpoint that agrees year for year. */
function inRange(year: number, range: Span, endpointAgrees: (endpoint: Year) => boolean): boolean {
  if (year === range.from.year) return endpointAgrees(range.from);
  if (year === range.to.year) return endpointAgrees(range.to);
  return year > range.from.year && year < range.to.year;
}

/**
 * Whether the year read from the text can describe the figure's period. A range read against a
 * one-year figure, or one year against a range figure (a CAGR "by 2027"), agrees when the year
 * lies within the range; two ranges agree only end for end.
 */
export function agrees(read: Span, period: Span): boolean {
  const readOne = read.from.year === read.to.year;
  const periodOne = period.from.year === period.to.year;
  if (readOne && periodOne) return yearAgrees(read.to, period.to);
  if (periodOne) return inRange(period.to.year, read, (endpoint) => yearAgrees(endpoint, period.to));
  if (readOne) return inRange(read.to.year, period, (endpoint) => yearAgrees(read.to, endpoint));
  return yearAgrees(read.from, period.from) && yearAgrees(read.to, period.to);
}

/**
 * What a reviewer reads in an error: from a few characters before the year up to the figure
 * (or from the figure to the year after it), within the clause; figures are shown as ….
 */
export function quote(text: string, index: number, mention: YearMention, lang: Lang): string {
  const clause = clauseAround(text, index, lang);
  const lead = lang === 'zh' ? 4 : 12;
  let from = mention.end <= index ? mention.start : index;
  while (from > clause.start && mention.start - from < lead && text[from - 1] !== FIGURE) from -= 1;
  const to = mention.end <= index ? index + 1 : mention.end;
  return text.slice(from, to).replaceAll(FIGURE, '…').trim();
}
