import { describe, expect, it } from 'vitest';
import { ArithmeticError, evaluate, exprText, type Interval, parseExpr, refsOf } from '../../src/lib/data/expr.ts';

const exact = (v: number): Interval => ({ point: v, lo: v, hi: v });

describe('formula language', () => {
  it('respects precedence and right-associative powers', () => {
    const value = (src: string) => evaluate(parseExpr(src), () => undefined)?.point;
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('2 ^ 3 ^ 2')).toBe(512);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('-2 ^ 2')).toBe(-4);
  });
  it('reads hyphenated names as one reference, so minus needs spaces', () => {
    const expr = parseExpr('global-edge.total - china@2022 + claim.global-cagr / 100');
    expect(refsOf(expr)).toEqual(['global-edge.total', 'china@2022', 'claim.global-cagr']);
  });
  it('propagates rounding ranges through arithmetic', () => {
    const r = evaluate(parseExpr('a - b'), (n) => (n === 'a' ? { point: 10, lo: 9.5, hi: 10.5 } : exact(4)));
    expect(r).toEqual({ point: 6, lo: 5.5, hi: 6.5 });
  });
  it('gives no value when an input is unknown, never a guess', () => {
    expect(evaluate(parseExpr('a + 1'), () => undefined)).toBeUndefined();
  });
  it('rejects malformed formulas with a reason', () => {
    expect(() => parseExpr('a + ')).toThrow(/ends too early/);
    expect(() => parseExpr('(a + b')).toThrow(/missing "\)"/);
    expect(() => parseExpr('a $ b')).toThrow(/unexpected/);
  });
  it('writes a formula back as it parses, brackets only where they matter', () => {
    for (const src of [
      'a / (b - 24.9)',
      '(1 + r / 100) ^ 5',
      'a - (b - c)',
      '(a ^ b) ^ c',
      'a ^ b ^ c',
      '(-a) ^ 2',
      '-a ^ 2',
    ]) {
      expect(exprText(parseExpr(src))).toBe(src);
    }
  });
  it('refuses to divide by a range that includes zero, naming the divisor and its range', () => {
    const lookup = (n: string) => (n === 'r' ? { point: 24.9, lo: 24.85, hi: 24.95 } : exact(100));
    const run = () => evaluate(parseExpr('a / (r - 24.9)'), lookup);
    expect(run).toThrow(ArithmeticError);
    expect(run).toThrow(/^divides by r - 24\.9, whose range -0\.05 to 0\.05 includes zero — expected/);
  });
  it('refuses a power of a range that reaches below zero', () => {
    const run = () => evaluate(parseExpr('(g - 10) ^ 0.2'), () => ({ point: 10, lo: 9.5, hi: 10.5 }));
    expect(run).toThrow(/^raises g - 10, whose range -0\.5 to 0\.5 includes negative numbers, to a power/);
  });
});
