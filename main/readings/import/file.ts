// The importers' entry point for the service: a file's bytes, its format (and mapping) → RawReadings,
// or the file-level problem that refuses it whole. Decoding is explicit and reported.

import type { Locale, Problem } from '../../../shared/domain/types';
import { problem } from '../../../shared/errors/problem';
import { decodeReadingFile, type TextEncoding } from '../decode';
import { timeZoneForLocale } from '../rules';
import { fileHashOf, type ImportResult } from './common';
import { ColumnMappingSchema, parseReadingsCsvSteps, type ColumnMapping } from './csv';
import { runSteps, type Steps } from './csv-parse';
import { parseWmbusCsv, parseWmbusJson, type WmbusFieldsOptions } from './wmbus';

export const READING_FILE_FORMATS = ['csv', 'wmbus-json', 'wmbus-csv'] as const;
export type ReadingFileFormat = (typeof READING_FILE_FORMATS)[number];

export interface ReadingsFileInput {
  bytes: Uint8Array;
  /** The file's name as the operator chose it (never opened as a path here). */
  fileName: string;
  format: ReadingFileFormat;
  /** Required for 'csv': the operator's saved column mapping (checked against ColumnMappingSchema). */
  mapping?: ColumnMapping;
  /** 'auto' (default): BOM, else UTF-8 when valid, else `fallbackEncoding`. */
  encoding?: TextEncoding | 'auto';
  /** Default: Windows-1250 for pl/en, Windows-1251 for uk. */
  fallbackEncoding?: TextEncoding;
  /** The language of problems. */
  locale: Locale;
  /**
   * The premises' time zone (the readings settings' timeZone); default by locale (Europe/Warsaw,
   * Europe/Kyiv). A CSV mapping that names its own zone wins for its file.
   */
  timeZone?: string;
  /** For 'wmbus-csv': the --selectfields list and separator, when the file has no header. */
  wmbus?: WmbusFieldsOptions;
}

export interface ReadingsFileResult extends ImportResult {
  /** The encoding the bytes were decoded with (absent when they could not be decoded). */
  encoding?: TextEncoding;
  /** True when the encoding was detected rather than given. */
  encodingDetected?: boolean;
  /** sha256 of the bytes, 16 hex digits (the sourceId prefix). */
  fileHash: string;
}

export function importReadingsFile(input: ReadingsFileInput): ReadingsFileResult {
  return runSteps(importReadingsFileSteps(input));
}

/**
 * importReadingsFile as stepwise work: a CSV file pauses every few thousand lines, so the service
 * can yield to the event loop by time and see Cancel while a large file is parsed. (wmbusmeters
 * files are parsed in one go: JSON.parse of a line and the fields format are far smaller work.)
 */
export function* importReadingsFileSteps(input: ReadingsFileInput): Steps<ReadingsFileResult> {
  const fileHash = fileHashOf(input.bytes);
  const where = { file: input.fileName, line: 1 };
  const refuse = (p: Problem, extra: Partial<ReadingsFileResult> = {}): ReadingsFileResult => ({ ok: false, readings: [], problems: [p], lines: 0, fileHash, ...extra });

  let mapping: ColumnMapping | undefined;
  if (input.format === 'csv') {
    const checked = ColumnMappingSchema.safeParse(input.mapping);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const detail = `${issue.path.join('.') || 'mapping'}: ${issue.message}`;
      return refuse(problem('SAL-2039', input.locale, { name: input.mapping?.name ?? '?', detail }, { file: input.fileName }));
    }
    mapping = checked.data;
  }

  const decoded = decodeReadingFile(input.bytes, {
    encoding: input.encoding,
    fallback: input.fallbackEncoding,
    fileName: input.fileName,
    locale: input.locale,
  });
  if (!decoded.ok) return refuse(decoded.problem);
  if (decoded.text.trim() === '') return refuse(problem('SAL-2030', input.locale, { line: 1 }, where), { encoding: decoded.encoding });

  const ctx = {
    fileName: input.fileName,
    fileHash,
    locale: input.locale,
    timeZone: input.timeZone ?? timeZoneForLocale(input.locale),
  };
  const result =
    input.format === 'csv'
      ? yield* parseReadingsCsvSteps(decoded.text, mapping!, ctx)
      : input.format === 'wmbus-json'
        ? parseWmbusJson(decoded.text, ctx)
        : parseWmbusCsv(decoded.text, ctx, input.wmbus);
  return { ...result, encoding: decoded.encoding, encodingDetected: decoded.detected, fileHash };
}
