/**
 * The small formula language of derived figures: `global - edge`, `network@2027E / (1 +
 * claim.global-network-cagr / 100) ^ 5`. Names may contain hyphens, so binary minus needs
 * spaces around it. Evaluation is over intervals, so a formula fed with rounded figures yields
 * the range of values the rounding allows, not a false precision.
 */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; name: string }
  | { kind: 'unary'; op: '-'; arg: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr };

export interface Interval {
  point: number;
  lo: number;
  hi: number;
}

type Token = { type: 'num'; value: number } | { type: 'name'; value: string } | { type: 'op'; value: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  // A period after @ is a year (2022, 2027E, FY2023) or a dated one (2023-12-31, 6M-2024-06-30):
  // the date's hyphens belong to it, as binary minus needs spaces anyway.
  const period = '@(?:(?:\\d{1,2}M-)?\\d{4}-\\d{2}-\\d{2}|[0-9A-Za-z]+)';
  const re = new RegExp(
    `\\s*(?:(\\d+(?:\\.\\d+)?)|([a-z][a-z0-9-]*(?:\\.[a-z0-9][a-z0-9-]*)?(?:${period})?|${period})|([-+*/^()]))`,
    'y',
  );
  let index = 0;
  while (index < src.length) {
    if (/^\s*$/.test(src.slice(index))) break;
    re.lastIndex = index;
    const m = re.exec(src);
    if (!m) throw new SyntaxError(`unexpected "${src.slice(index).trim().slice(0, 10)}" at column ${index + 1}`);
    if (m[1] !== undefined) tokens.push({ type: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ type: 'name', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: 'op', value: m[3] });
    index = re.lastIndex;
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };

export function parseExpr(src: string): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const primary = (): Expr => {
    const t = tokens[pos++];
    if (!t) throw new SyntaxError('formula ends too early');
    if (t.type === 'num') return { kind: 'number', value: t.value };
    if (t.type === 'name') return { kind: 'ref', name: t.value };
    if (t.value === '(') {
      const inner = binary(1);
      const close = tokens[pos++];
      if (close?.value !== ')') throw new SyntaxError('missing ")"');
      return inner;
    }
    if (t.value === '-') return { kind: 'unary', op: '-', arg: binary(3) };
    throw new SyntaxError(`unexpected "${t.value}"`);
  };
  const binary = (minPrecedence: number): Expr => {
    let left = primary();
    for (;;) {
      const t = peek();
      if (t?.type !== 'op') break;
      const precedence = PRECEDENCE[t.value];
      if (precedence === undefined || precedence < minPrecedence) break;
      pos++;
      // `^` is right-associative; the others associate to the left.
      const right = binary(t.value === '^' ? precedence : precedence + 1);
      left = { kind: 'binary', op: t.value as '+' | '-' | '*' | '/' | '^', left, right };
    }
    return left;
  };
  const expr = binary(1);
  if (pos !== tokens.length) throw new SyntaxError(`unexpected "${String(tokens[pos]?.value)}"`);
  return expr;
}

export function refsOf(expr: Expr): string[] {
  switch (expr.kind) {
    case 'number':
      return [];
    case 'ref':
      return [expr.name];
    case 'unary':
      return refsOf(expr.arg);
    case 'binary':
      return [...refsOf(expr.left), ...refsOf(expr.right)];
  }
}

/**
 * Arithmetic that the rounding ranges make meaningless: a divisor whose range includes zero, a
 * power of a range that includes negative numbers. An author's error in the data, reported as a
 * record at the formula's line, never a crash.
 */
export class ArithmeticError extends RangeError {
  override name = 'ArithmeticError';
}

/** The formula as an author would write it, for messages that name the offending part. */
export function exprText(expr: Expr, parentPrecedence = 0): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'ref':
      return expr.name;
    case 'unary': {
      // Unary minus binds like `^` on its right (`-2 ^ 2` is -(2 ^ 2)).
      const text = `-${exprText(expr.arg, 3)}`;
      return parentPrecedence > 3 ? `(${text})` : text;
    }
    case 'binary': {
      const own = PRECEDENCE[expr.op] ?? 0;
      // `^` groups to the right, the others to the left: the other side needs brackets at equal rank.
      const [left, right] = expr.op === '^' ? [own + 1, own] : [own, own + 1];
      const text = `${exprText(expr.left, left)} ${expr.op} ${exprText(expr.right, right)}`;
      return own < parentPrecedence ? `(${text})` : text;
    }
  }
}

/** Returns undefined when any input is unknown: a derived figure is never guessed. */
export function evaluate(expr: Expr, lookup: (name: string) => Interval | undefined): Interval | undefined {
  switch (expr.kind) {
    case 'number':
      return { point: expr.value, lo: expr.value, hi: expr.value };
    case 'ref':
      return lookup(expr.name);
    case 'unary': {
      const a = evaluate(expr.arg, lookup);
      return a && { point: -a.point, lo: -a.hi, hi: -a.lo };
    }
    case 'binary': {
      const a = evaluate(expr.left, lookup);
      const b = evaluate(expr.right, lookup);
      if (!a || !b) return undefined;
      try {
        return combine(expr.op, a, b);
      } catch (e) {
        if (!(e instanceof ArithmeticError)) throw e;
        // Name the part of the formula at fault, not just the operation.
        const [part, range] = expr.op === '/' ? [expr.right, b] : [expr.left, a];
        throw new ArithmeticError(
          expr.op === '/'
            ? `divides by ${exprText(part)}, whose range ${rangeText(range)} includes zero — expected a divisor that cannot be zero within the rounding of its inputs`
            : `raises ${exprText(part)}, whose range ${rangeText(range)} includes negative numbers, to a power — expected a base that cannot be negative within the rounding of its inputs`,
        );
      }
    }
  }
}

export function combine(op: '+' | '-' | '*' | '/' | '^', a: Interval, b: Interval): Interval {
  const f = (x: number, y: number): number => {
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return x / y;
      case '^':
        return x ** y;
    }
  };
  if (op === '/' && b.lo <= 0 && b.hi >= 0) {
    throw new ArithmeticError(`division by a range that includes zero (${rangeText(b)})`);
  }
  if (op === '^' && a.lo < 0)
    throw new ArithmeticError(`power of a range that includes negative numbers (${rangeText(a)})`);
  const corners = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
  return { point: f(a.point, b.point), lo: Math.min(...corners), hi: Math.max(...corners) };
}

/** `-0.05 to 0.05`: six significant digits, enough to see why the range reaches zero. */
export function rangeText(x: Interval): string {
  const n = (v: number) => String(Number(v.toPrecision(6)));
  return `${n(x.lo)} to ${n(x.hi)}`;
}
