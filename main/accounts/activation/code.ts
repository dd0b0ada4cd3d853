// One-time activation codes for residents' portal accounts (issue 7, point 1).
//
// The alphabet is Crockford's base32 without 0 and 1: no 0/O, 1/I/L (Crockford already drops
// I, L, O and U), so nothing on the letter can be read two ways. 30 characters, log2(30) ≈ 4.91
// bits each; 13 random characters are 63.8 bits (≥ 60 asked). A 14th character is a Luhn mod 30
// check over the 13, so a single mistyped character or a swap of two neighbours is caught before
// anything is hashed. Printed in groups of four for typing: XXXX-XXXX-XXXX-XX.
//
// Each character is drawn with crypto.randomInt (rejection sampling inside: uniform, no modulo
// bias). What is hashed (hash.ts) is the normalised code: the 14 characters, upper-case, without
// spaces or dashes — exactly what normalizeCode() makes of what a resident types.

import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_RANDOM_CHARS = 13;
export const CODE_LENGTH = CODE_RANDOM_CHARS + 1;
/** Bits of randomness in a code (the check character adds none). */
export const CODE_BITS = CODE_RANDOM_CHARS * Math.log2(CODE_ALPHABET.length);

const N = CODE_ALPHABET.length;
const INDEX = new Map([...CODE_ALPHABET].map((c, i) => [c, i]));

/** Luhn mod N check character over `chars` (every character from the alphabet). */
export function checkCharacter(chars: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const v = INDEX.get(chars[i]);
    if (v === undefined) throw new RangeError(`not a code character: ${chars[i]}`);
    let addend = factor * v;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N];
}

/** A new code, normalised (14 characters, no dashes). */
export function generateCode(random: (max: number) => number = randomInt): string {
  let s = '';
  for (let i = 0; i < CODE_RANDOM_CHARS; i++) s += CODE_ALPHABET[random(N)];
  return s + checkCharacter(s);
}

/** XXXX-XXXX-XXXX-XX: how the letter prints a normalised code. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * What a resident typed → the normalised code, or null when it cannot be one (wrong length, a
 * character outside the alphabet, a failed check). Lower case, spaces and dashes are forgiven.
 */
export function normalizeCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s\-‐-―]+/g, '');
  if (s.length !== CODE_LENGTH) return null;
  for (const c of s) if (!INDEX.has(c)) return null;
  return checkCharacter(s.slice(0, -1)) === s.slice(-1) ? s : null;
}
