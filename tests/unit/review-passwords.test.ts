import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, passwordProblem } from '../../scripts/review/store/passwords.ts';

describe('review passwords', () => {
  it('hashes with a fresh salt each time and matches only the same password', () => {
    const [one, two] = [hashPassword('tea with milk, no sugar'), hashPassword('tea with milk, no sugar')];
    expect(one).not.toBe(two);
    expect(one).not.toContain('tea');
    expect(passwordMatches('tea with milk, no sugar', one)).toBe(true);
    expect(passwordMatches('tea with milk, no sugar', two)).toBe(true);
    expect(passwordMatches('tea with milk, no sugar.', one)).toBe(false);
    expect(passwordMatches('', one)).toBe(false);
  });

  it('treats the composed and decomposed spelling of a character as the same password', () => {
    const stored = hashPassword('caf\u00e9 au lait, twice');
    expect(passwordMatches('cafe\u0301 au lait, twice', stored)).toBe(true);
  });

  it('never matches a malformed or tampered hash, and does not run absurd parameters', () => {
    const [, n, r, p, salt, key] = hashPassword('a password of some length').split('$');
    for (const stored of [
      '',
      'plaintext-password',
      `bcrypt$${n}$${r}$${p}$${salt}$${key}`,
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${key}`, // would ask for 128 GiB
      `scrypt$1000$${r}$${p}$${salt}$${key}`, // not a power of two
      `scrypt$${n}$${r}$${p}$${salt}$AAAA`, // a key too short to mean anything
    ]) {
      expect(passwordMatches('a password of some length', stored), stored).toBe(false);
    }
  });

  it('asks for at least 12 characters and no stray spaces at the ends', () => {
    expect(passwordProblem('elevenchars')).toMatch(/at least 12 characters/);
    expect(passwordProblem('密碼密碼密碼密碼密碼密碼')).toBeUndefined();
    expect(passwordProblem(' twelve chars ok')).toMatch(/white space/);
    expect(passwordProblem('twelve chars')).toBeUndefined();
  });
});
