import { formatNumber } from '../format.ts';

/**
 * Decimal strings moved by powers of ten without floating point: 13,769 (億) becomes 1,376.9
 * (billion) by moving the point, not by dividing, so no edition can show a digit the other
 * does not have.
 */

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
