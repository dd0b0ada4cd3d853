// Bytes → text, always with a named encoding. Banks still send single-byte code pages: Polish
// MT940 in Windows-1250, ISO-8859-2 or CP852 (Millennium's STA files are CP852), Ukrainian 1C in
// Windows-1251 or CP866 — or CP1125, the Ukrainian DOS code page (CP866 has no ґ and no і, so a
// Ukrainian "DOS" file that keeps them is CP1125). The order of trust: the caller's override, what the file says about
// itself (BOM, XML declaration, 1C `Кодировка=`), valid UTF-8, and only then a letter-frequency
// vote between the single-byte candidates.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export const ENCODINGS = ['utf-8', 'iso-8859-2', 'windows-1250', 'cp852', 'windows-1251', 'cp866', 'cp1125'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-bom': 'utf-8',
  'iso-8859-2': 'iso-8859-2', iso88592: 'iso-8859-2', latin2: 'iso-8859-2', 'latin-2': 'iso-8859-2', 'iso8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250', cp1250: 'windows-1250', win1250: 'windows-1250', 'win-1250': 'windows-1250',
  cp852: 'cp852', ibm852: 'cp852', 'dos-852': 'cp852', '852': 'cp852', 'cp-852': 'cp852',
  'windows-1251': 'windows-1251', cp1251: 'windows-1251', win1251: 'windows-1251', 'win-1251': 'windows-1251', windows: 'windows-1251',
  cp866: 'cp866', ibm866: 'cp866', 'dos-866': 'cp866', '866': 'cp866', 'cp-866': 'cp866', dos: 'cp866',
  cp1125: 'cp1125', '1125': 'cp1125', 'cp866u': 'cp1125', ruscii: 'cp1125', 'ibm1125': 'cp1125',
};

/** A name the operator or a file gave → our canonical name, or undefined when we do not know it. */
export function normaliseEncoding(name: string): Encoding | undefined {
  return ALIASES[name.trim().toLowerCase().replace(/_/g, '-')];
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** How the encoding was chosen (for the operator's detail view and the tests). */
  source: 'option' | 'bom' | 'declared' | 'utf-8' | 'ascii' | 'guessed';
  /** U+FFFD replacement characters in the text: bytes that mean nothing in this encoding. */
  replacements: number;
  /** 1-based line of the first replacement character. */
  firstBadLine?: number;
}

const SINGLE_BYTE: readonly Encoding[] = ['windows-1250', 'iso-8859-2', 'cp852', 'windows-1251', 'cp866', 'cp1125'];

function hasBom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

/** What the file declares: `<?xml … encoding="…"?>` or the 1C header `Кодировка=Windows|DOS`. */
function declaredEncoding(bytes: Uint8Array): Encoding | 'dos' | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(head);
  if (xml) return normaliseEncoding(xml[1]);
  if (/^\s*1CClientBankExchange/.test(head)) {
    // The key is Cyrillic in either code page, the value is plain ASCII: look for the value.
    const m = /\n[^\n=]{4,20}=(Windows|DOS)\s*\r?\n/i.exec(head);
    if (m) return m[1].toLowerCase() === 'dos' ? 'dos' : 'windows-1251';
  }
  return undefined;
}

const POLISH = new Set(Array.from('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ', (c) => c.charCodeAt(0)));
const UKRAINIAN_ONLY = new Set(Array.from('іїєґІЇЄҐ', (c) => c.charCodeAt(0)));

function isCyrillic(c: number): boolean {
  return (c >= 0x410 && c <= 0x44f) || c === 0x401 || c === 0x451 || UKRAINIAN_ONLY.has(c);
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A single-byte code page as the char code of each byte (U+FFFD for bytes it leaves undefined). */
const TABLES = new Map<Encoding, Uint16Array>();
function tableOf(enc: Encoding): Uint16Array {
  let t = TABLES.get(enc);
  if (!t) {
    const all = Buffer.alloc(256);
    for (let i = 0; i < 256; i++) all[i] = i;
    const text = iconv.decode(all, enc);
    t = new Uint16Array(256);
    for (let i = 0; i < 256; i++) t[i] = text.charCodeAt(i);
    // plausibility() skips the bytes below 0x80 as ASCII: true of every code page we guess between.
    if (text.length !== 256 || t.some((c, i) => c < 0x80 !== i < 0x80)) throw new Error(`${enc} is not an ASCII-based single-byte code page`);
    TABLES.set(enc, t);
  }
  return t;
}

/**
 * How plausible `bytes` read in a single-byte code page (`table`) are as Polish or Ukrainian text.
 * Only non-ASCII characters vote: a Polish letter or a Cyrillic letter scores; box drawing, C1
 * controls, other Latin letters and Cyrillic letters glued to Latin ones (the signature of a
 * Polish file read as Windows-1251) cost. Cyrillic runs score by length so a word read in the
 * right code page wins clearly. Read through the table, byte by byte: no text is decoded to vote.
 * `high` lists where the bytes above 0x7f are (the candidates all read 0x00–0x7f as ASCII).
 */
export function plausibility(bytes: Uint8Array, table: Uint16Array, high: ArrayLike<number> = highBytes(bytes)): number {
  let score = 0;
  const n = bytes.length;
  for (let k = 0; k < high.length; k++) {
    const i = high[k];
    const c = table[bytes[i]];
    const prev = i > 0 ? table[bytes[i - 1]] : 32;
    const next = i + 1 < n ? table[bytes[i + 1]] : 32;
    if (POLISH.has(c)) {
      score += isCyrillic(prev) || isCyrillic(next) ? -2 : 2;
    } else if (isCyrillic(c)) {
      if (isAsciiLetter(prev) || isAsciiLetter(next)) score -= 3;
      else score += isCyrillic(prev) || isCyrillic(next) ? 2 : 0.5;
    } else if (c >= 0x80 && c < 0xa0) {
      score -= 5; // C1 control: never text
    } else if (c >= 0x2500 && c <= 0x259f) {
      score -= 4; // box drawing: CP852/CP866 bytes of a Windows file
    } else if (c === 0xfffd) {
      score -= 10;
    } else if (c === 0xa0 || c === 0xab || c === 0xbb || c === 0x2013 || c === 0x2014 || c === 0x201e || c === 0x201d || c === 0x2116) {
      // no-break space, quotes, dashes, №: common in real titles
    } else {
      score -= 1.5; // a letter or sign from another language (ŕ, ľ, ±, ¶ …)
    }
  }
  return score;
}

function highBytes(bytes: Uint8Array): number[] {
  const at: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) at.push(i);
  return at;
}

/** The first bytes up to a line end near `max`, enough to vote on without decoding 20 MB five times. */
function sample(bytes: Uint8Array, max = 256 * 1024): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end < bytes.length && bytes[end] !== 0x0a) end++;
  return bytes.subarray(0, end);
}

export function guessSingleByte(bytes: Uint8Array, candidates: readonly Encoding[] = SINGLE_BYTE): Encoding {
  const s = sample(bytes);
  const high = highBytes(s);
  let best: Encoding = candidates[0];
  let bestScore = -Infinity;
  for (const enc of candidates) {
    const score = plausibility(s, tableOf(enc), high);
    if (score > bestScore) {
      best = enc;
      bestScore = score;
    }
  }
  return best;
}

function decodeWith(bytes: Uint8Array, enc: Encoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (enc === 'utf-8') return buf.toString('utf8', hasBom(bytes) ? 3 : 0);
  return iconv.decode(buf, enc);
}

function countReplacements(text: string): { count: number; firstLine?: number } {
  let at = text.indexOf('\ufffd');
  if (at < 0) return { count: 0 };
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  let count = 0;
  while (at >= 0) {
    count++;
    at = text.indexOf('\ufffd', at + 1);
  }
  return { count, firstLine: line };
}

function result(text: string, encoding: Encoding, source: Decoded['source']): Decoded {
  const bad = countReplacements(text);
  const d: Decoded = { text, encoding, source, replacements: bad.count };
  if (bad.firstLine !== undefined) d.firstBadLine = bad.firstLine;
  return d;
}

/** The canonical encoding for these bytes: the override, what the file says, UTF-8, or the best guess. */
export function chooseEncoding(bytes: Uint8Array, override?: Encoding): { encoding: Encoding; source: Decoded['source'] } {
  if (override) return { encoding: override, source: 'option' };
  if (hasBom(bytes)) return { encoding: 'utf-8', source: 'bom' };
  const declared = declaredEncoding(bytes);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Some banks now write 1C files in UTF-8 and leave "Кодировка=Windows" in: Cyrillic in CP1251
  // or CP866 is never valid UTF-8, so valid UTF-8 beats the 1C declaration.
  if ((declared === 'dos' || declared === 'windows-1251') && !isAscii(bytes) && isUtf8(buf) && !/^\s*</.test(buf.subarray(0, 64).toString('latin1'))) {
    return { encoding: 'utf-8', source: 'utf-8' };
  }
  if (declared === 'dos') {
    // 1C says only "DOS": CP866, or CP1125 when the text needs ґ/і (ties go to CP866).
    return { encoding: guessSingleByte(bytes, ['cp866', 'cp1125']), source: 'declared' };
  }
  if (declared) return { encoding: declared, source: 'declared' };
  if (isAscii(bytes)) return { encoding: 'utf-8', source: 'ascii' };
  if (isUtf8(buf)) return { encoding: 'utf-8', source: 'utf-8' };
  return { encoding: guessSingleByte(bytes), source: 'guessed' };
}

/**
 * Decodes `bytes`. `override` must already be a canonical name (see normaliseEncoding). A forced
 * UTF-8 on a Windows-1250 file gives replacement characters, reported by the caller as SAL-3002.
 */
export function decodeBytes(bytes: Uint8Array, override?: Encoding): Decoded {
  const { encoding, source } = chooseEncoding(bytes, override);
  return result(decodeWith(bytes, encoding), encoding, source);
}

/**
 * The big-file path (MT940): the whole file decoded by the native WHATWG decoder where it knows
 * the code page (several times faster than a JS table on 20 MB; decoding only the values kept
 * measured slower still).
 */
export interface LargeDecoded {
  raw: string;
  encoding: Encoding;
  source: Decoded['source'];
  replacements: number;
  firstBadLine?: number;
}

export function decodeLarge(bytes: Uint8Array, override?: Encoding): LargeDecoded {
  const { encoding, source } = chooseEncoding(bytes, override);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf-8') {
    const d = result(decodeWith(bytes, encoding), encoding, source);
    const out: LargeDecoded = { raw: d.text, encoding, source, replacements: d.replacements };
    if (d.firstBadLine !== undefined) out.firstBadLine = d.firstBadLine;
    return out;
  }
  // Bytes this code page leaves undefined (e.g. 0x81 in Windows-1250) are the replacement chars.
  // (WHATWG decoders map them to C1 controls instead, so count them on the bytes.)
  const table = tableOf(encoding);
  let replacements = 0;
  let first = -1;
  for (let i = 0; i < 128; i++) {
    if (table[0x80 + i] !== 0xfffd) continue;
    for (let at = buf.indexOf(0x80 + i); at >= 0; at = buf.indexOf(0x80 + i, at + 1)) {
      replacements++;
      if (first < 0 || at < first) first = at;
    }
  }
  // The native WHATWG decoder is several times faster than a JS table on 20 MB; CP852 and CP1125
  // are not among its encodings, iconv-lite decodes those.
  const whatwg = WHATWG[encoding];
  const raw = whatwg ? new TextDecoder(whatwg).decode(buf) : iconv.decode(buf, encoding);
  const out: LargeDecoded = { raw, encoding, source, replacements };
  if (first >= 0) {
    let line = 1;
    for (let i = 0; i < first; i++) if (buf[i] === 10) line++;
    out.firstBadLine = line;
  }
  return out;
}

const WHATWG: Partial<Record<Encoding, string>> = (() => {
  const out: Partial<Record<Encoding, string>> = {};
  for (const [enc, label] of [
    ['windows-1250', 'windows-1250'],
    ['iso-8859-2', 'iso-8859-2'],
    ['windows-1251', 'windows-1251'],
    ['cp866', 'ibm866'],
  ] as const) {
    try {
      new TextDecoder(label);
      out[enc] = label;
    } catch {
      // a Node without full ICU: iconv-lite decodes it
    }
  }
  return out;
})();
