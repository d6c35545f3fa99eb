/**
 * A PDF content stream read into its operations, each with the byte range it spans (operands
 * and operator), so that a caller can splice marks in or cut operations out without writing the
 * rest of the stream anew. Only what a content stream may hold is read: numbers, names, strings,
 * arrays, dictionaries, operators, comments and inline images (BI … ID data EI, one operation).
 */
export interface Operation {
  /** The operator, e.g. `Tj`, `BDC`, `BI` (for a whole inline image). */
  op: string;
  /** First byte of its first operand (or of the operator when it has none). */
  start: number;
  /** One past the operator's last byte. */
  end: number;
  /** First byte of the operator itself: operands are `bytes.subarray(start, opStart)`. */
  opStart: number;
}

const WHITE = new Uint8Array(256);
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[b] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

const NUMBER_START = new Uint8Array(256);
for (const c of '0123456789+-.') NUMBER_START[c.charCodeAt(0)] = 1;

const isRegular = (b: number) => WHITE[b] === 0 && DELIM[b] === 0;
const OPERAND_KEYWORDS = new Set(['true', 'false', 'null']);

/** The operations of a content stream in order. Throws on a stream it cannot read to its end. */
export function readOperations(bytes: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  const n = bytes.length;
  let i = 0;
  let operandStart = -1;
  while (i < n) {
    const b = bytes[i] as number;
    if (WHITE[b]) {
      i++;
      continue;
    }
    if (b === 0x25 /* % */) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    const tokenStart = i;
    if (b === 0x28 /* ( */) i = skipLiteral(bytes, i);
    else if (b === 0x3c /* < */) {
      if (bytes[i + 1] === 0x3c) i += 2;
      else {
        while (i < n && bytes[i] !== 0x3e) i++;
        i++;
      }
    } else if (b === 0x3e /* > */) {
      i += bytes[i + 1] === 0x3e ? 2 : 1;
    } else if (b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d /* [ ] { } */) i++;
    else if (b === 0x2f /* / */) {
      i++;
      while (i < n && isRegular(bytes[i] as number)) i++;
    } else {
      while (i < n && isRegular(bytes[i] as number)) i++;
      // A number starts with a digit, a sign or a point; no operator does.
      const word = NUMBER_START[b] ? '' : keyword(bytes, tokenStart, i);
      if (word !== '' && !OPERAND_KEYWORDS.has(word)) {
        const start = operandStart >= 0 ? operandStart : tokenStart;
        if (word === 'BI') {
          i = skipInlineImage(bytes, i);
          ops.push({ op: 'BI', start, end: i, opStart: tokenStart });
        } else ops.push({ op: word, start, end: i, opStart: tokenStart });
        operandStart = -1;
        continue;
      }
    }
    if (i > n) throw new Error('content stream ends inside a string');
    if (operandStart < 0) operandStart = tokenStart;
  }
  if (operandStart >= 0) throw new Error('content stream ends with operands and no operator');
  return ops;
}

/**
 * The keyword at [from, to), its string shared between occurrences: a page shows thousands of
 * glyphs, each with its `Td` and `Tj`, and a string made for each costs more than the reading.
 */
const KEYWORDS = new Map<number, string>();
function keyword(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 3) return String.fromCharCode(...bytes.subarray(from, to));
  let key = to - from;
  for (let i = from; i < to; i++) key = key * 256 + (bytes[i] as number);
  let word = KEYWORDS.get(key);
  if (word === undefined) {
    word = String.fromCharCode(...bytes.subarray(from, to));
    KEYWORDS.set(key, word);
  }
  return word;
}

/** Past a literal string: balanced parentheses, backslash escapes. */
function skipLiteral(bytes: Uint8Array, from: number): number {
  let depth = 0;
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x5c /* \ */) i += 2;
    else {
      if (b === 0x28) depth++;
      else if (b === 0x29 && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new Error('content stream ends inside a string');
}

/**
 * Past an inline image's dictionary, its `ID`, the image data and `EI`: the data ends at the
 * first `EI` with white space (or the stream's end) on both sides.
 */
function skipInlineImage(bytes: Uint8Array, from: number): number {
  let i = from;
  // The dictionary: tokens up to the keyword ID.
  for (;;) {
    while (i < bytes.length && WHITE[bytes[i] as number]) i++;
    if (i >= bytes.length) throw new Error('inline image without ID');
    if (bytes[i] === 0x49 && bytes[i + 1] === 0x44 && !isRegular(bytes[i + 2] ?? 0x20)) {
      i += 3;
      break;
    }
    if (bytes[i] === 0x28) i = skipLiteral(bytes, i);
    else i++;
  }
  for (; i + 1 < bytes.length; i++) {
    if (
      bytes[i] === 0x45 &&
      bytes[i + 1] === 0x49 &&
      WHITE[bytes[i - 1] as number] &&
      (i + 2 >= bytes.length || WHITE[bytes[i + 2] as number])
    ) {
      return i + 2;
    }
  }
  throw new Error('inline image without EI');
}

/** An operation's operands as written, white space collapsed (for matching a known form). */
export function operandText(bytes: Uint8Array, op: Operation): string {
  return String.fromCharCode(...bytes.subarray(op.start, op.opStart))
    .replace(/\s+/g, ' ')
    .trim();
}
