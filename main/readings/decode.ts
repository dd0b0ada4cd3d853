// Bytes of an imported readings file → text. The encoding is explicit: a BOM decides; else the one
// the operator chose; else UTF-8 when the bytes are valid UTF-8, and the configured fallback
// (Windows-1250 in Poland, Windows-1251 in Ukraine — what Excel saves there) when they are not.
// Binary garbage is refused here, with the line it starts on, so no importer ever sees it.

import iconv from 'iconv-lite';
import type { Locale, Problem } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';

export const TEXT_ENCODINGS = ['utf-8', 'windows-1250', 'windows-1251'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodeOptions {
  /** 'auto' (default): BOM, else UTF-8 when valid, else `fallback`. */
  encoding?: TextEncoding | 'auto';
  /** The single-byte code page to assume when the bytes are not UTF-8 (default by locale). */
  fallback?: TextEncoding;
  /** For problems: the file's name and the operator's language. */
  fileName?: string;
  locale?: Locale;
}

export type DecodeResult =
  | {
      ok: true;
      text: string;
      /** The encoding the text was decoded with (report it to the operator). */
      encoding: TextEncoding;
      /** A byte-order mark was present (and is not part of `text`). */
      bom: boolean;
      /** True when the encoding was found by looking at the bytes rather than given. */
      detected: boolean;
    }
  | { ok: false; problem: Problem };

/** The code page Excel and older tools use for the workspace's language. */
export function defaultFallbackEncoding(locale: Locale): TextEncoding {
  return locale === 'uk' ? 'windows-1251' : 'windows-1250';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The offset of the first byte that cannot be in a text file: NUL, or a C0 control other than
 * tab, LF, CR, form feed and the DOS end-of-file mark (0x1a, which old exporters append).
 */
function firstBinaryByte(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) return i;
  }
  return -1;
}

/** The offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeReadingFile(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  const locale = opts.locale ?? 'en';
  const where = (line: number) => ({ file: opts.fileName, line });
  const hasUtf8Bom = bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
  // UTF-16 files (Excel's "Unicode text") start with FF FE / FE FF; they are not among the
  // supported encodings and their NUL bytes would read as garbage, so say so plainly.
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) return { ok: false, problem: problem('SAL-2032', locale, { encoding: 'UTF-16', line: 1 }, where(1)) };

  const start = hasUtf8Bom ? 3 : 0;
  const bin = firstBinaryByte(bytes, start);
  if (bin >= 0) return { ok: false, problem: problem('SAL-2031', locale, { line: lineAt(bytes, bin) }, where(lineAt(bytes, bin))) };

  const asked = opts.encoding ?? 'auto';
  let encoding: TextEncoding;
  let detected = false;
  if (hasUtf8Bom) {
    // A BOM is the file's own statement; a different explicit choice would only garble it.
    encoding = 'utf-8';
    detected = asked === 'auto';
  } else if (asked !== 'auto') {
    encoding = asked;
  } else {
    detected = true;
    encoding = firstInvalidUtf8(bytes, start) < 0 ? 'utf-8' : (opts.fallback ?? defaultFallbackEncoding(locale));
  }

  if (encoding === 'utf-8') {
    const bad = firstInvalidUtf8(bytes, start);
    if (bad >= 0) {
      const line = lineAt(bytes, bad);
      return { ok: false, problem: problem('SAL-2032', locale, { encoding: 'UTF-8', line }, where(line)) };
    }
    return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8'), encoding, bom: hasUtf8Bom, detected };
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start), encoding === 'windows-1250' ? 'win1250' : 'win1251');
  return { ok: true, text, encoding, bom: false, detected };
}
