import { decimalsOf, fixedDigits, groupThousands, roundDigits, shiftPoint, trimZeros } from './decimal.ts';
import { englishParts, formatValueEn } from './english.ts';
import { CURRENCIES, parseUnit, type Unit } from './units.ts';

/** The magnitude words an author may ask prose to write an amount in, as powers of ten. */
export const PROSE_SCALES = { million: 6, billion: 9 } as const;
export type ProseScale = keyof typeof PROSE_SCALES;

/** What an author asked of one amount in English prose; neither set means the unit's spelling. */
export interface ProseOptions {
  scale?: ProseScale | undefined;
  /** Decimals in that magnitude: the only way a digit the data states may be left out. */
  digits?: number | undefined;
}

/** An amount English prose cannot write as asked; the caller names the `<Val>`. */
export class ProseAmountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProseAmountError';
  }
}

/**
 * An amount in prose, in the magnitude and to the decimals the author asked for:
 * `scale="million" digits="1"` writes 人民幣120,456千元 as RMB120.5 million. The point moves
 * exactly; rounding happens only with `digits`, half away from zero on the decimal string. Asking
 * for more decimals than the data states would print zeros the data does not vouch for, so that
 * is refused, as is a scale for a unit that is no amount of money.
 */
export function formatProseEn(value: number, unit: Unit, decimals: number, options: ProseOptions): string {
  const { scale, digits } = options;
  if (scale === undefined && digits === undefined) return formatValueEn(value, unit, decimals);
  const spec = parseUnit(unit);
  if (spec?.kind !== 'currency' || !spec.currency) {
    throw new ProseAmountError(`scale and digits write an amount of money; the unit "${unit}" is not one`);
  }
  const exact = fixedDigits(value, decimals);
  const target = scale === undefined ? defaultExponent(value, unit, decimals) : PROSE_SCALES[scale];
  if (target !== PROSE_SCALES.million && target !== PROSE_SCALES.billion) {
    throw new ProseAmountError(
      `digits="${digits}" rounds in million or billion, and ${formatValueEn(value, unit, decimals)} is written in full — expected scale="million" or scale="billion" with it`,
    );
  }
  const moved = shiftPoint(exact, spec.exponent - target);
  const stated = decimalsOf(moved);
  // Without digits only trailing zeros go, down to one decimal (none if the data states none).
  let number = trimZeros(moved, Math.min(1, stated));
  if (digits !== undefined) {
    if (digits > stated) {
      throw new ProseAmountError(
        `digits="${digits}" asks for more decimals than the data states: ${formatValueEn(value, unit, decimals)} is exactly ${groupThousands(moved)} ${scaleWord(target)}, to ${stated} decimal${stated === 1 ? '' : 's'}`,
      );
    }
    number = roundDigits(moved, digits);
  }
  return `${CURRENCIES[spec.currency].en}${groupThousands(number)} ${scaleWord(target)}`;
}

const scaleWord = (exponent: number) => (exponent === PROSE_SCALES.billion ? 'billion' : 'million');

/** The power of ten the unit's own English spelling writes this figure in (億: 9 or 6). */
function defaultExponent(value: number, unit: Unit, decimals: number): number {
  const { suffix } = englishParts(value, unit, decimals);
  if (suffix.startsWith(' billion')) return PROSE_SCALES.billion;
  if (suffix.startsWith(' million')) return PROSE_SCALES.million;
  return 0;
}
