import { shiftPoint } from './decimal.ts';

/**
 * Units as Hong Kong prospectuses write them: not a fixed list but currency × scale × measure.
 * A unit's name is its Chinese spelling (`人民幣千元`, `百萬港元`, `億台`, `家`); the parse gives
 * how a figure is spelt in prose (`人民幣13,769億元`), its default precision, and its scale as a
 * power of ten, so a chart in 人民幣十億元 can be drawn from data kept in 人民幣億元 by moving a
 * decimal point, never by a float division.
 */
export type Unit = string;

export const CURRENCIES = {
  CNY: { zhPrefix: '人民幣', zhSuffix: '元', en: 'RMB' },
  HKD: { zhPrefix: '', zhSuffix: '港元', en: 'HK$' },
  USD: { zhPrefix: '', zhSuffix: '美元', en: 'US$' },
} as const;
export type Currency = keyof typeof CURRENCIES;

/** Scale words and their power of ten: 千元 is thousands ('000), 億元 is 100 million. */
export const SCALES = { '': 0, 千: 3, 百萬: 6, 億: 8, 十億: 9 } as const;
export type Scale = keyof typeof SCALES;

export type UnitKind = 'currency' | 'count' | 'percent' | 'points' | 'data' | 'rank';

export interface UnitSpec {
  kind: UnitKind;
  prefix: string;
  suffix: string;
  decimals: number;
  scale: Scale;
  /** Power of ten to the family's base: 人民幣億元 is 8. */
  exponent: number;
  /** Only units of one family convert into each other: a currency, or one measure word. */
  family: string;
  currency?: Currency;
  /** The measure word of a count: 家, 名, 台. */
  measure?: string;
}

const SCALE_RE = '(千|百萬|十億|億)?';
const FIXED: Record<string, UnitSpec> = {
  '%': { kind: 'percent', prefix: '', suffix: '%', decimals: 1, scale: '', exponent: 0, family: 'percent' },
  個百分點: { kind: 'points', prefix: '', suffix: '個百分點', decimals: 1, scale: '', exponent: 0, family: 'points' },
  ZB: { kind: 'data', prefix: '', suffix: 'ZB', decimals: 0, scale: '', exponent: 0, family: 'data' },
  位: { kind: 'rank', prefix: '', suffix: '', decimals: 0, scale: '', exponent: 0, family: 'rank' },
};

/** Characters that are scale or currency words, never a measure word of their own. */
const NOT_MEASURE = /[元千百萬億十幣]/;

/** The English names a dataset may use instead: `RMB'000`, `HK$ million`, `US$`. */
const ENGLISH_ALIASES: Record<string, Scale> = { '': '', "'000": '千', ' million': '百萬', ' billion': '十億' };

function currencyUnit(currency: Currency, scale: Scale): UnitSpec {
  const c = CURRENCIES[currency];
  return {
    kind: 'currency',
    prefix: c.zhPrefix,
    suffix: `${scale}${c.zhSuffix}`,
    // Billions are stated to one decimal (人民幣1,376.9十億元); smaller scales in whole units.
    decimals: scale === '十億' ? 1 : 0,
    scale,
    exponent: SCALES[scale],
    family: currency,
    currency,
  };
}

/** The canonical (Chinese) name of a unit, or undefined when the name is no unit. */
export function canonicalUnit(name: string): Unit | undefined {
  const spec = parseUnit(name);
  if (!spec) return undefined;
  if (spec.kind === 'currency' || spec.kind === 'count') return `${spec.prefix}${spec.suffix}`;
  return name;
}

export function parseUnit(name: string): UnitSpec | undefined {
  const fixed = FIXED[name];
  if (fixed) return fixed;
  const scaleOf = (s: string | undefined): Scale => (s ?? '') as Scale;
  let m = new RegExp(`^人民幣${SCALE_RE}元$`).exec(name);
  if (m) return currencyUnit('CNY', scaleOf(m[1]));
  m = new RegExp(`^(?:${SCALE_RE}港元|港幣${SCALE_RE}元)$`).exec(name);
  if (m) return currencyUnit('HKD', scaleOf(m[1] ?? m[2]));
  m = new RegExp(`^${SCALE_RE}美元$`).exec(name);
  if (m) return currencyUnit('USD', scaleOf(m[1]));
  m = /^(RMB|HK\$|US\$)('000| million| billion)?$/.exec(name);
  if (m) {
    const currency = (Object.keys(CURRENCIES) as Currency[]).find((c) => CURRENCIES[c].en === m?.[1]) as Currency;
    return currencyUnit(currency, ENGLISH_ALIASES[m[2] ?? ''] as Scale);
  }
  m = new RegExp(`^${SCALE_RE}(\\p{Script=Han})$`, 'u').exec(name);
  if (m && !NOT_MEASURE.test(m[2] as string)) {
    const scale = scaleOf(m[1]);
    const measure = m[2] as string;
    return {
      kind: 'count',
      prefix: '',
      suffix: `${scale}${measure}`,
      decimals: 0,
      scale,
      exponent: SCALES[scale],
      family: `count:${measure}`,
      measure,
    };
  }
  return undefined;
}

export const UNIT_FORMS =
  '人民幣元, 人民幣千元, 人民幣百萬元, 人民幣億元, 人民幣十億元, 港元, 千港元, 百萬港元, 美元, 千美元, ' +
  "RMB'000, HK$ million, a count with its measure word (家, 名, 台, 億台), %, 個百分點, ZB or 位";

export function unitSpec(unit: Unit): UnitSpec {
  const spec = parseUnit(unit);
  if (!spec) throw new RangeError(`unknown unit "${unit}" — expected ${UNIT_FORMS}`);
  return spec;
}

/** Powers of ten that turn a value in `from` into `to`; throws on units of different families. */
export function conversionShift(from: Unit, to: Unit): number {
  const a = unitSpec(from);
  const b = unitSpec(to);
  if (a.family !== b.family) throw new Error(`cannot convert ${from} to ${to}`);
  return a.exponent - b.exponent;
}

/**
 * A value moved from one unit's scale to another's by moving its decimal point: 13,769 億元 is
 * 1,376.9 十億元 exactly, where 13769 × 0.1 would carry a float's last-digit noise.
 */
export function convertValue(value: number, from: Unit, to: Unit): number {
  const shift = conversionShift(from, to);
  if (shift === 0) return value;
  return Number(shiftPoint(plainDigits(value), shift));
}

/** A number's shortest round-trip digits without exponent notation (1e-7 → 0.0000001). */
function plainDigits(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa = '0', exp = '0'] = text.split(/e/i);
  return shiftPoint(mantissa, Number(exp));
}
