/**
 * Decimal strings moved by powers of ten without floating point: 13,769 (億) becomes 1,376.9
 * (billion) by moving the point, not by dividing, so no edition can show a digit the other
 * does not have.
 */

/**
 * Hong Kong style: thousands separators, fixed decimals, unit words around the number
 * (`人民幣34,368億元`, `19.5%`). Rounding is half away from zero, as consultants' reports round.
 */
export function formatNumber(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The figure rounded to `decimals` as the Chinese edition shows it, without separators. */
export function fixedDigits(value: number, decimals: number): string {
  return formatNumber(value, decimals).replaceAll(',', '');
}

/** `digits` × 10^shift, exactly: the point moves, zeros pad, leading zeros go. */
export function shiftPoint(digits: string, shift: number): string {
  if (!/^-?\d+(\.\d+)?$/.test(digits)) throw new RangeError(`not a decimal: "${digits}"`);
  const negative = digits.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? digits.slice(1) : digits).split('.');
  let all = whole + fraction;
  let point = whole.length + shift;
  if (point < 1) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  if (point > all.length) all += '0'.repeat(point - all.length);
  const head = all.slice(0, point).replace(/^0+(?=\d)/, '');
  const tail = all.slice(point);
  const zero = /^0*$/.test(head + tail);
  return `${negative && !zero ? '-' : ''}${head}${tail ? `.${tail}` : ''}`;
}

/** Thousands separators on the whole part only: 1376.9 → 1,376.9. */
export function groupThousands(digits: string): string {
  const [whole = '', fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Trailing zeros after the point dropped, down to `keep` decimals: 120.000 → 120.0 (keep 1). */
export function trimZeros(digits: string, keep: number): string {
  const [whole = '', fraction] = digits.split('.');
  if (fraction === undefined) return keep > 0 ? `${whole}.${'0'.repeat(keep)}` : whole;
  const kept = fraction.replace(/0+$/, '').padEnd(keep, '0');
  return kept ? `${whole}.${kept}` : whole;
}

/** Decimals after the point: 120.456 → 3, 6100 → 0. */
export function decimalsOf(digits: string): number {
  return digits.split('.')[1]?.length ?? 0;
}

/**
 * `digits` rounded to `places` decimals, half away from zero as the Chinese edition rounds, on
 * the decimal string itself (BigInt), so 8.625 rounds to 8.63 where a float could give 8.62.
 */
export function roundDigits(digits: string, places: number): string {
  if (!/^-?\d+(\.\d+)?$/.test(digits)) throw new RangeError(`not a decimal: "${digits}"`);
  const negative = digits.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? digits.slice(1) : digits).split('.');
  const padded = fraction.padEnd(places, '0');
  let units = BigInt(whole + padded.slice(0, places));
  if ((padded[places] ?? '0') >= '5') units += 1n;
  const text = units.toString().padStart(places + 1, '0');
  const out = places > 0 ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
  return `${negative && units !== 0n ? '-' : ''}${out}`;
}
