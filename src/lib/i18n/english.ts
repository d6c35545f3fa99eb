import type { Unit } from '../units.ts';
import { fixedDigits, groupThousands, shiftPoint } from './decimal.ts';

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
 */
export interface EnglishSpelling {
  /** Written against the number: `RMB`, `US$`. */
  prefix: string;
  /** Magnitude steps, largest first; the first whose threshold the figure reaches applies. */
  steps: readonly { atLeast: number; shift: number; suffix: string }[];
  /** The unit in a chart's caption or a table's header: `RMB billion`. */
  caption: string;
}

const plain = (suffix: string, caption: string): EnglishSpelling => ({
  prefix: '',
  steps: [{ atLeast: 0, shift: 0, suffix }],
  caption,
});

/**
 * Partial on purpose: a unit added to src/lib/units.ts without an English spelling still builds
 * the Chinese edition, and stops the English one at the dataset that uses it.
 */
export const ENGLISH_UNITS: Partial<Record<Unit, EnglishSpelling>> = {
  人民幣億元: {
    prefix: 'RMB',
    steps: [
      { atLeast: 10, shift: -1, suffix: ' billion' },
      { atLeast: 0, shift: 2, suffix: ' million' },
    ],
    caption: 'RMB100 million',
  },
  人民幣十億元: { prefix: 'RMB', steps: [{ atLeast: 0, shift: 0, suffix: ' billion' }], caption: 'RMB billion' },
  美元: { prefix: 'US$', steps: [{ atLeast: 0, shift: 0, suffix: '' }], caption: 'US$' },
  '%': plain('%', '%'),
  ZB: plain(' ZB', 'ZB'),
  億台: {
    prefix: '',
    steps: [
      { atLeast: 10, shift: -1, suffix: ' billion units' },
      { atLeast: 0, shift: 2, suffix: ' million units' },
    ],
    caption: '100 million units',
  },
  位: plain('', 'rank'),
};

/** A unit the English edition cannot spell; the caller names the dataset that uses it. */
export class UnitSpellingError extends Error {
  readonly unit: string;
  constructor(unit: string) {
    super(`unit "${unit}" has no English spelling — expected an entry in ENGLISH_UNITS (src/lib/i18n/english.ts)`);
    this.name = 'UnitSpellingError';
    this.unit = unit;
  }
}

export function englishSpelling(
  unit: Unit,
  table: Partial<Record<Unit, EnglishSpelling>> = ENGLISH_UNITS,
): EnglishSpelling {
  const spelling = table[unit];
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
  return { prefix: spelling.prefix, number: groupThousands(shiftPoint(digits, step.shift)), suffix: step.suffix };
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

/** `2027E` stays `2027E`; `2022` stays `2022`: the English edition writes the data's spelling. */
export function formatPeriodEn(period: string): string {
  if (!/^\d{4}E?$/.test(period)) throw new RangeError(`not a period: "${period}"`);
  return period;
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
