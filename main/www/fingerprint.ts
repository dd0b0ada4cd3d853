// The fingerprint "send changed" compares: 53 bits over what a record sends, recorded when the
// portal accepted the record and compared on the next send. 53 bits, because a JavaScript number
// holds them exactly: fingerprints are compared as numbers, with no string made per record.
//
// Why not a cryptographic digest: nobody forges records against this fingerprint, it only has to
// notice that the sent fields of a record changed since they were delivered, and it is computed
// for every record of every category on every send (about 720,000 at 200,000 premises) — SHA-1
// over JSON cost about ten times as much. Two murmur3-style 32-bit lanes with different constants
// run over a canonical stream of 32-bit words: each value is a type tag, then its length and
// UTF-16 code units for a string, or its two 32-bit halves for an integer, so "ab","c" differs
// from "a","bc", 1 from "1" and null from "". A changed record keeps its old fingerprint only on a
// 53-bit collision — about 1 in 9·10^15 per changed record — and then it is merely not sent by
// "send changed" until it changes again; "send all" sends every record whatever its fingerprint.

const TAG_NULL = 1;
const TAG_UNDEFINED = 2;
const TAG_FALSE = 3;
const TAG_TRUE = 4;
const TAG_INT = 5;
const TAG_STRING = 6;
const TAG_OTHER = 7;
const TAG_ROW = 8;

const SEED_A = 0x5a1d0001;
const SEED_B = 0x3c6ef372;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** An incremental fingerprint; reuse one instance with reset() (it allocates nothing per value). */
export class Fingerprint {
  private a = SEED_A;
  private b = SEED_B;
  private words = 0;

  reset(): this {
    this.a = SEED_A;
    this.b = SEED_B;
    this.words = 0;
    return this;
  }

  private word(w: number): void {
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    this.a ^= Math.imul(k, 0x1b873593);
    this.a = (this.a << 13) | (this.a >>> 19);
    this.a = (Math.imul(this.a, 5) + 0xe6546b64) | 0;
    let j = Math.imul(w, 0x85ebca77);
    j = (j << 16) | (j >>> 16);
    this.b ^= Math.imul(j, 0xc2b2ae3d);
    this.b = (this.b << 17) | (this.b >>> 15);
    this.b = (Math.imul(this.b, 9) + 0x7feb352d) | 0;
    this.words++;
  }

  string(s: string): void {
    const n = s.length;
    this.word(TAG_STRING);
    this.word(n);
    let i = 0;
    for (; i + 1 < n; i += 2) this.word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < n) this.word(s.charCodeAt(i));
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'string':
        return this.string(v);
      case 'number':
        if (Number.isSafeInteger(v)) {
          this.word(TAG_INT);
          this.word(v >>> 0);
          this.word(Math.floor(v / 4294967296) | 0);
          return;
        }
        break;
      case 'boolean':
        return this.word(v ? TAG_TRUE : TAG_FALSE);
      case 'undefined':
        return this.word(TAG_UNDEFINED);
      case 'object':
        if (v === null) return this.word(TAG_NULL);
        break;
    }
    // Not in the exchange contract's rows (floats, objects): still exact, just slower.
    this.word(TAG_OTHER);
    this.string(typeof v === 'number' ? String(v) : JSON.stringify(v));
  }

  /** The fields of one row, in the given order; a row boundary is marked, so rows never run together. */
  row(r: object, fields: readonly string[]): void {
    this.word(TAG_ROW);
    const o = r as Record<string, unknown>;
    for (let i = 0; i < fields.length; i++) this.value(o[fields[i]]);
  }

  /** A whole number in [0, 2^53). */
  digest(): number {
    let a = fmix32(this.a ^ this.words);
    let b = fmix32(this.b ^ this.words);
    a = (a + b) | 0;
    b = (b + a) | 0;
    return (a >>> 0) * 0x200000 + (b >>> 11);
  }
}
