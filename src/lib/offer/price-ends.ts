import type { RangeEnd } from '../schema/dataset.ts';

/** The ends of the indicative price range, with the words each edition uses for them in labels. */
export const ENDS = [
  ['low', '下限', 'low end'],
  ['mid', '中位數', 'mid-point'],
  ['high', '上限', 'high end'],
] as const satisfies readonly (readonly [RangeEnd, string, string])[];
