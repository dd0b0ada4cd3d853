// What every readings importer shares: the file's context (name, hash for source ids, language for
// problems, the premises' time zone), the result shape, and the rule that a malformed file imports
// nothing at all.
//
// File error vs reading error — the line the importers draw:
//   * FILE-LEVEL (the whole file is refused, `ok: false`, no readings): the bytes are not text in
//     the encoding, the file is empty, a row has the wrong number of columns, a quoted field never
//     closes, a date cannot be read, a JSON line is not JSON, a record lacks its meter id or time,
//     the mapping names a column the header does not have. These mean the file is not what the
//     operator thinks it is, so nothing of it can be trusted.
//   * READING-LEVEL (a RawReading is produced; the rules reject it and the operator sees it in the
//     rejected grid): a value that is not a number, negative, too precise; an unknown meter; an
//     empty identifier. The file is fine, the reading is wrong.

import { createHash } from 'node:crypto';
import type { Locale, Problem } from '../../../shared/domain/types';
import type { RawReading } from '../types';

export interface ImportContext {
  /** The file's name as the operator chose it (put on every reading and problem). */
  fileName: string;
  /** sha256 of the file's bytes, first 16 hex digits: the prefix of every sourceId. */
  fileHash: string;
  /** The language of problems. */
  locale: Locale;
  /** The premises' IANA time zone: a timestamp with an offset is converted to its calendar day. */
  timeZone: string;
}

export interface ImportResult {
  /** False when the file is malformed: then `readings` is empty and `problems` says why. */
  ok: boolean;
  readings: RawReading[];
  /** File-level problems (each with file and line). Empty when ok. */
  problems: Problem[];
  /** Data lines (or records) read. */
  lines: number;
}

/** sha256 of the bytes, 16 hex digits (the sourceId prefix of a file's readings). */
export function fileHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** `<hash>:<line>[:<zone>]`, the stable id of a file reading (RawReading.sourceId). */
export function fileSourceId(hash: string, line: number, zone?: number): string {
  return zone === undefined ? `${hash}:${line}` : `${hash}:${line}:${zone}`;
}

export function refused(problems: Problem[], lines = 0): ImportResult {
  return { ok: false, readings: [], problems, lines };
}
