/**
 * Units as Hong Kong prospectuses write them. A unit knows how a figure is spelt in prose
 * (`人民幣13,769億元`), its default precision, and its scale, so a chart in 人民幣十億元 can be
 * drawn from data kept in 人民幣億元 without anyone retyping a number.
 */
export interface UnitSpec {
  prefix: string;
  suffix: string;
  decimals: number;
  /** Multiplier to the family's base; only units of one family convert into each other. */
  scale: number;
  family: string;
}

export const UNITS = {
  人民幣億元: { prefix: '人民幣', suffix: '億元', decimals: 0, scale: 1e8, family: 'CNY' },
  人民幣十億元: { prefix: '人民幣', suffix: '十億元', decimals: 1, scale: 1e9, family: 'CNY' },
  美元: { prefix: '', suffix: '美元', decimals: 0, scale: 1, family: 'USD' },
  '%': { prefix: '', suffix: '%', decimals: 1, scale: 1, family: 'percent' },
  ZB: { prefix: '', suffix: 'ZB', decimals: 0, scale: 1, family: 'data' },
  億台: { prefix: '', suffix: '億台', decimals: 0, scale: 1e8, family: 'devices' },
  位: { prefix: '', suffix: '', decimals: 0, scale: 1, family: 'rank' },
} as const satisfies Record<string, UnitSpec>;

export type Unit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as [Unit, ...Unit[]];

export function unitSpec(unit: Unit): UnitSpec {
  return UNITS[unit];
}

/** Factor that turns a value in `from` into `to`; throws on units of different families. */
export function conversionFactor(from: Unit, to: Unit): number {
  const a = UNITS[from];
  const b = UNITS[to];
  if (a.family !== b.family) throw new Error(`cannot convert ${from} to ${to}`);
  return a.scale / b.scale;
}
