import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes with scrypt from node:crypto: slow and memory-hard, so a stolen database file
 * does not give passwords away cheaply. A stored hash carries its own parameters
 * (`scrypt$N$r$p$salt$hash`, base64url), so the cost can be raised later without breaking the
 * hashes already stored.
 */

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; node's default cap (32 MiB) is exactly that, so leave room. */
const MAX_MEMORY = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `stored`, compared in constant time. A malformed hash never matches. */
export function passwordMatches(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a tampered row from asking for gigabytes of memory or hours of work.
  if (!(Number.isInteger(Math.log2(n)) && n >= 2 ** 10 && n <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16)) {
    return false;
  }
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const expected = Buffer.from(parts[5] as string, 'base64url');
  if (expected.length < 16) return false;
  const maxmem = Math.max(MAX_MEMORY, 256 * n * r);
  const actual = scryptSync(password.normalize('NFC'), salt, expected.length, { N: n, r, p, maxmem });
  return timingSafeEqual(actual, expected);
}

/**
 * A stored hash no password matches, at the same cost as a real one: scrypt does the same work
 * for any salt, and the all-zero key is compared like any other.
 */
const NOTHING = [
  'scrypt',
  N,
  R,
  P,
  Buffer.alloc(16).toString('base64url'),
  Buffer.alloc(KEY_LENGTH).toString('base64url'),
].join('$');

/**
 * Spends the same time as checking a real password, for a name that has no account: the answer
 * to a login then does not tell, by its delay, whether the name exists.
 */
export function checkAgainstNothing(password: string): false {
  passwordMatches(password, NOTHING);
  return false;
}

/** Why `password` is refused as a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `the password is too short: at least ${MIN_PASSWORD_LENGTH} characters are needed`;
  }
  if (password.trim() !== password) return 'the password begins or ends with white space (a copying slip?)';
  return undefined;
}
