// The salted slow hash of an activation code: the only form in which a code leaves Saldo's memory
// other than the printed letter (docs/portal-api.json ActivationHash). scrypt with a random 16-byte
// salt per code and the parameters in the payload, so the portal checks a typed code with
// scrypt(normalize(typed), salt, N, r, p, 32) and a constant-time compare.
//
// N = 2^14, r = 8, p = 1 (16 MiB, some tens of milliseconds per code). A code carries 63.8 random
// bits (code.ts): guessing one against a stolen hash at these settings is out of reach, while a
// building's letters still hash in seconds. crypto.scrypt runs on libuv's thread pool, so hashing
// a few thousand codes never blocks the event loop; they are hashed a few at a time.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export const SCRYPT_PARAMS = { N: 16384, r: 8, p: 1 } as const;
export const HASH_BYTES = 32;
export const SALT_BYTES = 16;

export interface ActivationHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

function derive(code: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(code, 'utf8'), salt, HASH_BYTES, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r * p.p }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The hash of a normalised code, with a fresh salt. */
export async function hashCode(code: string): Promise<ActivationHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(code, salt, SCRYPT_PARAMS);
  return { algorithm: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** What the portal does with a typed (normalised) code: tests use it to prove a letter's code matches. */
export async function verifyCode(code: string, h: ActivationHash): Promise<boolean> {
  const expected = Buffer.from(h.hash, 'base64');
  const key = await derive(code, Buffer.from(h.salt, 'base64'), h);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Hashes many codes, `parallel` at a time (the thread pool has 4 threads by default). */
export async function hashCodes(codes: string[], signal?: AbortSignal, onDone?: (n: number) => void, parallel = 4): Promise<ActivationHash[]> {
  const out: ActivationHash[] = new Array(codes.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < codes.length) {
      if (signal?.aborted) throw signal.reason;
      const i = next++;
      out[i] = await hashCode(codes[i]);
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, codes.length) }, worker));
  return out;
}
