// Operator passwords: scrypt (a slow, memory-hard KDF from node:crypto) with a random salt per
// password, stored as one self-describing string so the cost can be raised later without breaking
// old hashes. Comparison is constant-time.

import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(pw.normalize('NFC'), salt, len, opts, (e, k) => (e ? rej(e) : res(k))));

/** N=2^15, r=8, p=1: about 32 MiB and ~50–100 ms per check on an office PC. */
export const DEFAULT_COST = { N: 1 << 15, r: 8, p: 1 };
const KEYLEN = 32;

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { ...cost, maxmem: 128 * cost.N * cost.r * 2 });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 1 << 20) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  const key = await scrypt(password, salt, expected.length, { N, r, p, maxmem: 128 * N * r * 2 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Minimum rules for an operator password: length beats composition rules (NIST SP 800-63B). */
export function passwordWeakness(password: string, name: string): 'too_short' | 'too_long' | 'same_as_name' | null {
  if ([...password].length < 10) return 'too_short';
  if (password.length > 256) return 'too_long';
  if (password.toLowerCase().includes(name.toLowerCase())) return 'same_as_name';
  return null;
}
