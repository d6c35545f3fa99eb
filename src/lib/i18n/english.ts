import { fixedDigits, groupThousands, shiftPoint, trimZeros } from './decimal.ts';
import { spellPeriodEn, type YearEnd } from './periods.ts';
import { CURRENCIES, parseUnit, type Scale, type Unit, type UnitKind } from './units.ts';

/**
 * How Hong Kong prospectus English writes a unit. The data keeps one number in the Chinese
 * unit; the English figure is the same decimal with its point moved.
 *
 * Precision rule: the English figure carries exactly the information of the Chinese one — the
 * same digits, the last one at the same place value. 億 is 100 million, so 人民幣13,769億元 is
 * RMB1,376.9 billion (the point moves one place left, one decimal more) and 人民幣61億元 is
 * RMB6.1 billion. Amounts under a billion are written in million: the point moves two places
 * right and the decimals shrink by two (never below none), so 人民幣5億元 is RMB500 million and
 * 人民幣0.55億元 is RMB55 million. The step is chosen on the figure as the Chinese edition rounds
 * it, so both editions agree on which side of a billion it falls.
 *
 * Thousands (人民幣千元, RMB'000) are the one scale where the rule gives way to style: the point
 * moves three (or six) places left, and the zeros that move past it say nothing a reader needs,
 * so 人民幣120,000千元 is RMB120.0 million, not RMB120.000 million. Only zeros are dropped, never
 * another digit: 人民幣120,456千元 is RMB120.456 million unless the author asks for fewer
 * decimals (`digits` on <Val>, see prose-amount.ts).
 */
export interface EnglishSpelling {
  /** Written against the number: `RMB`, `US$`. */
  prefix: string;
  /** Magnitude steps, largest first; the first whose threshold the figure reaches applies. */
  steps: readonly Step[];
  /** The unit in a chart's caption or a table's header: `RMB billion`. */
  caption: string;
}

interface Step {
  atLeast: number;
  shift: number;
  suffix: string;
  /** Drop trailing zeros after the point, down to this many decimals. */
  trimTo?: number;
}

const plain = (suffix: string, caption: string): EnglishSpelling => ({
  prefix: '',
  steps: [{ atLeast: 0, shift: 0, suffix }],
  caption,
});

/**
 * The English noun of each measure word. Partial on purpose: a count in a measure word with no
 * noun here still builds the Chinese edition, and stops the English one at the dataset using it.
 */
export const ENGLISH_MEASURES: Partial<Record<string, string>> = {
  家: 'companies',
  名: 'employees',
  台: 'units',
  倍: 'times',
  // A prospectus writes its own shares as the defined term: 1,000,000,000 Shares.
  股: 'Shares',
};

const FIXED: Partial<Record<UnitKind, EnglishSpelling>> = {
  percent: plain('%', '%'),
  points: plain(' percentage points', 'percentage points'),
  data: plain(' ZB', 'ZB'),
  rank: plain('', 'rank'),
};

/**
 * Each scale in English, for a word after the number (`RMB`, `companies`): an amount in 千 is
 * written in million or billion (人民幣1,234千元 is RMB1.234 million), a count in 千 in full
 * (1,234,000 units); 億 is billion from ten upwards and million below, as the precision rule above
 * asks.
 */
function scaled(prefix: string, scale: Scale, noun: string): EnglishSpelling {
  const after = noun ? ` ${noun}` : '';
  switch (scale) {
    case '':
      return { prefix, steps: [{ atLeast: 0, shift: 0, suffix: after }], caption: prefix || noun };
    case '千':
      if (!prefix) return { prefix, steps: [{ atLeast: 0, shift: 3, suffix: after }], caption: `'000${after}` };
      // A million thousand is a billion: the threshold is on the figure in its own unit.
      return {
        prefix,
        steps: [
          { atLeast: 1_000_000, shift: -6, suffix: ' billion', trimTo: 1 },
          { atLeast: 0, shift: -3, suffix: ' million', trimTo: 1 },
        ],
        caption: `${prefix}'000`,
      };
    case '百萬':
      return {
        prefix,
        steps: [{ atLeast: 0, shift: 0, suffix: ` million${after}` }],
        caption: `${prefix}${prefix ? ' ' : ''}million${after}`,
      };
    case '億':
      return {
        prefix,
        steps: [
          { atLeast: 10, shift: -1, suffix: ` billion${after}` },
          { atLeast: 0, shift: 2, suffix: ` million${after}` },
        ],
        caption: `${prefix}100 million${after}`,
      };
    case '十億':
      return {
        prefix,
        steps: [{ atLeast: 0, shift: 0, suffix: ` billion${after}` }],
        caption: `${prefix}${prefix ? ' ' : ''}billion${after}`,
      };
  }
}

/** The English of a unit, derived from its parse; undefined when English has no word for it. */
export function deriveEnglish(unit: Unit, measures = ENGLISH_MEASURES): EnglishSpelling | undefined {
  const spec = parseUnit(unit);
  if (!spec) return undefined;
  if (spec.kind === 'currency' && spec.currency) return scaled(CURRENCIES[spec.currency].en, spec.scale, '');
  if (spec.kind === 'count') {
    const noun = measures[spec.measure ?? ''];
    return noun === undefined ? undefined : scaled('', spec.scale, noun);
  }
  return FIXED[spec.kind];
}

/** A unit the English edition cannot spell; the caller names the dataset that uses it. */
export class UnitSpellingError extends Error {
  readonly unit: string;
  constructor(unit: string) {
    super(
      `unit "${unit}" has no English spelling — expected a currency, or a measure word with an English noun in ENGLISH_MEASURES (src/lib/i18n/english.ts)`,
    );
    this.name = 'UnitSpellingError';
    this.unit = unit;
  }
}

export function englishSpelling(unit: Unit, table?: Partial<Record<Unit, EnglishSpelling>>): EnglishSpelling {
  const spelling = table ? table[unit] : deriveEnglish(unit);
  if (!spelling) throw new UnitSpellingError(unit);
  return spelling;
}

/** The number alone, in the English magnitude (`1,376.9`), and the words that follow it. */
export function englishParts(
  value: number,
  unit: Unit,
  decimals: number,
  table?: Partial<Record<Unit, EnglishSpelling>>,
): { prefix: string; number: string; suffix: string } {
  const spelling = englishSpelling(unit, table);
  const digits = fixedDigits(value, decimals);
  const size = Math.abs(Number(digits));
  const step = spelling.steps.find((s) => size >= s.atLeast) ?? spelling.steps.at(-1);
  if (!step) throw new UnitSpellingError(unit);
  const moved = shiftPoint(digits, step.shift);
  const number = step.trimTo === undefined ? moved : trimZeros(moved, step.trimTo);
  return { prefix: spelling.prefix, number: groupThousands(number), suffix: step.suffix };
}

/** `RMB1,376.9 billion`, `US$140,000`, `19.5%`, `14.0 billion units`, `23 ZB`. */
export function formatValueEn(
  value: number,
  unit: Unit,
  decimals: number,
  table?: Partial<Record<Unit, EnglishSpelling>>,
): string {
  const { prefix, number, suffix } = englishParts(value, unit, decimals, table);
  return `${prefix}${number}${suffix}`;
}

/**
 * `2027E` stays `2027E`; `2022` stays `2022`: the English edition writes the data's spelling of a
 * calendar year, and words the others (`year ended 31 December 2023`, `as at 30 June 2024`).
 */
export function formatPeriodEn(period: string, yearEnd?: YearEnd): string {
  return spellPeriodEn(period, yearEnd);
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
] as const;

/** 1–10 in words (third largest), beyond that in figures (11th, 22nd, 103rd). */
export function englishOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no English ordinal for ${n}`);
  const word = ORDINALS[n - 1];
  if (word) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
