// The radio operator's CSV, read through a saved column mapping (each operator's reading company
// exports its own layout). The mapping names the columns by header text or by position; it says
// which identifies the meter (meter id, serial or radio id), where the date and the value (or one
// value per tariff zone) are, and optionally the zone, alarm flags and account number.

import { z } from 'zod';
import type { Problem } from '../../../shared/domain/types';
import { problem } from '../../../shared/errors/problem';
import type { RawReading } from '../types';
import { refused, fileSourceId, type ImportContext, type ImportResult } from './common';
import { detectDelimiter, parseCsvSteps, runSteps, STEP_RECORDS, type CsvRecord, type Steps } from './csv-parse';
import { DATE_FORMATS, parseDateCell, type DateFormat } from './dates';
import { isTimeZone } from '../rules';

const noControl = /^[^\p{Cc}]*$/u;

/** A column: its header text (matched without case and surrounding spaces), or its 1-based position. */
export const ColumnRefSchema = z.union([
  z.string().trim().min(1).max(128).regex(noControl, 'no control characters'),
  z.number().int().min(1).max(512),
]);
export type ColumnRef = z.infer<typeof ColumnRefSchema>;

export const ColumnMappingSchema = z
  .object({
    name: z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, space, dot, dash or underscore'),
    /** Field delimiter; 'auto' (or absent) detects `;`, tab or `,` from the first lines. */
    delimiter: z.enum(['auto', ';', ',', '\t']).optional(),
    /** The first non-blank line names the columns. */
    header: z.boolean(),
    /** The decimal mark the values use; absent: either. */
    decimalMark: z.enum(['.', ',']).optional(),
    /** The date formats to try, in order (default: all three). A time and a zone may follow. */
    dateFormats: z.array(z.enum(DATE_FORMATS)).min(1).max(3).optional(),
    /** The premises' zone for timestamps with an offset (default: the workspace's, by its language). */
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone like Europe/Warsaw').optional(),
    columns: z
      .object({
        meterId: ColumnRefSchema.optional(),
        serial: ColumnRefSchema.optional(),
        radioId: ColumnRefSchema.optional(),
        accountNo: ColumnRefSchema.optional(),
        date: ColumnRefSchema,
        value: ColumnRefSchema.optional(),
        /** Per-zone value columns (zone 1, 2, …) instead of one value column. */
        zoneValues: z.array(ColumnRefSchema).min(1).max(4).optional(),
        zone: ColumnRefSchema.optional(),
        alarms: ColumnRefSchema.optional(),
      })
      .strict()
      .refine((c) => c.meterId !== undefined || c.serial !== undefined || c.radioId !== undefined, {
        message: 'name a column with the meter id, the serial or the radio id',
      })
      .refine((c) => (c.value === undefined) !== (c.zoneValues === undefined), {
        message: 'name either one value column or the per-zone value columns',
      })
      .refine((c) => !(c.zone !== undefined && c.zoneValues !== undefined), {
        message: 'a zone column goes with one value column, not with per-zone value columns',
      }),
  })
  .strict()
  .refine((m) => m.header || Object.values(m.columns).flat().every((r) => typeof r === 'number'), {
    message: 'without a header row, columns are named by position (1, 2, …)',
  });

export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** The words a device or an operator writes for "no alarm". */
const NO_ALARM = new Set(['', '0', '-', 'OK', 'NONE', 'NO', 'FALSE', 'BRAK', 'НЕМАЄ', 'НЕТ']);

/** Alarm flags from one cell: split on commas, semicolons, pipes and spaces; upper case. */
export function splitAlarms(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(/[,;|\s]+/)) {
    const a = part.trim().toUpperCase();
    if (!NO_ALARM.has(a) && !out.includes(a)) out.push(a);
  }
  return out;
}

/** A zone cell: "1", "2", "T1", "S2" (taryfa/strefa), "I"/"II". */
function parseZone(cell: string): number | undefined {
  const s = cell.trim().toUpperCase();
  const m = /^[TSZ]?([1-9])$/.exec(s);
  if (m) return Number(m[1]);
  if (s === 'I') return 1;
  if (s === 'II') return 2;
  if (s === 'III') return 3;
  if (s === 'IV') return 4;
  return undefined;
}

/**
 * A value as written, with the mapping's decimal mark honoured: when the file states its mark and a
 * value also holds the other one, the other is a thousands separator ("1.234,5" with a decimal
 * comma) and is dropped. Anything else is left exactly as written for the rules to judge.
 */
export function valueAsWritten(cell: string, decimalMark: ',' | '.' | undefined): string {
  if (!decimalMark) return cell;
  const other = decimalMark === ',' ? '.' : ',';
  if (!cell.includes(other) || !cell.includes(decimalMark)) return cell;
  const grouped = decimalMark === ',' ? /^[+-]?\d{1,3}(\.\d{3})+,\d*$/ : /^[+-]?\d{1,3}(,\d{3})+\.\d*$/;
  return grouped.test(cell) ? cell.split(other).join('') : cell;
}

type Resolved = { [K in keyof ColumnMapping['columns']]: K extends 'zoneValues' ? number[] | undefined : number | undefined };

export function parseReadingsCsv(text: string, mapping: ColumnMapping, ctx: ImportContext): ImportResult {
  return runSteps(parseReadingsCsvSteps(text, mapping, ctx));
}

/** parseReadingsCsv, pausing every few thousand lines (the service yields to the event loop there). */
export function* parseReadingsCsvSteps(text: string, mapping: ColumnMapping, ctx: ImportContext): Steps<ImportResult> {
  const where = (line: number) => ({ file: ctx.fileName, line });
  const p = (code: Parameters<typeof problem>[0], params: Record<string, string | number>, line: number): Problem =>
    problem(code, ctx.locale, params, where(line));

  let body = text;
  let lineOffset = 0;
  let delimiter: string | undefined = mapping.delimiter && mapping.delimiter !== 'auto' ? mapping.delimiter : undefined;
  // Excel's "sep=;" first line names the delimiter; it is not data.
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter ??= sep[1];
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }
  const sepChar = delimiter ?? detectDelimiter(body);

  const parsed = yield* parseCsvSteps(body, sepChar);
  if (!parsed.ok) {
    const line = parsed.line + lineOffset;
    return refused([p('SAL-2034', { line }, line)]);
  }
  const records: CsvRecord[] = lineOffset ? parsed.records.map((r) => ({ line: r.line + lineOffset, fields: r.fields })) : parsed.records;
  let data = records;
  let header: string[] | undefined;
  if (mapping.header) {
    if (!records.length) return refused([p('SAL-2030', { line: 1 + lineOffset }, 1 + lineOffset)]);
    header = records[0].fields.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
    data = records.slice(1);
  }
  if (!data.length) {
    const line = (records[0]?.line ?? 0) + 1 + lineOffset * (records.length ? 0 : 1);
    return refused([p('SAL-2030', { line }, line)]);
  }
  const expected = header ? header.length : data[0].fields.length;
  const headerLine = header ? records[0].line : data[0].line;

  // Resolve every mapped column to a 0-based index, once.
  const missing: Problem[] = [];
  const resolve = (ref: ColumnRef | undefined): number | undefined => {
    if (ref === undefined) return undefined;
    if (typeof ref === 'number') {
      if (ref > expected) missing.push(p('SAL-2038', { column: String(ref), line: headerLine }, headerLine));
      return ref - 1;
    }
    const i = header ? header.indexOf(ref.trim().toLowerCase()) : -1;
    if (i < 0) missing.push(p('SAL-2038', { column: ref, line: headerLine }, headerLine));
    return i;
  };
  const c = mapping.columns;
  const col: Resolved = {
    meterId: resolve(c.meterId),
    serial: resolve(c.serial),
    radioId: resolve(c.radioId),
    accountNo: resolve(c.accountNo),
    date: resolve(c.date),
    value: resolve(c.value),
    zoneValues: c.zoneValues?.map((r) => resolve(r)!),
    zone: resolve(c.zone),
    alarms: resolve(c.alarms),
  };
  if (missing.length) return refused(missing);

  const formats: readonly DateFormat[] = mapping.dateFormats ?? DATE_FORMATS;
  const tz = mapping.timeZone ?? ctx.timeZone;
  const readings: RawReading[] = [];
  const cell = (f: string[], i: number | undefined) => (i === undefined ? '' : (f[i] ?? '').trim());
  const opt = (f: string[], i: number | undefined) => {
    const v = cell(f, i);
    return v === '' ? undefined : v;
  };

  let n = 0;
  for (const rec of data) {
    if (++n % STEP_RECORDS === 0) yield;
    const f = rec.fields;
    if (f.length !== expected) return refused([p('SAL-2033', { line: rec.line, count: f.length, expected }, rec.line)], data.length);
    const dateCell = cell(f, col.date);
    const readingDate = parseDateCell(dateCell, formats, tz);
    if (!readingDate) return refused([p('SAL-2035', { line: rec.line, value: dateCell, formats: formats.join(', ') }, rec.line)], data.length);
    const meterId = opt(f, col.meterId);
    const serial = opt(f, col.serial);
    const radioId = opt(f, col.radioId);
    const accountNo = opt(f, col.accountNo);
    const alarms = col.alarms === undefined ? [] : splitAlarms(cell(f, col.alarms));

    // Keys only for what the row gives, added (never deleted: an object that loses a key becomes a
    // slow dictionary, and 100k of them are read by every rule and written to the archive).
    const push = (r: { value: string; zone?: number; zonesGiven?: number }) => {
      const reading: RawReading = { sourceId: fileSourceId(ctx.fileHash, rec.line, r.zone), source: 'radio', readingDate, value: r.value, file: ctx.fileName, line: rec.line };
      if (meterId !== undefined) reading.meterId = meterId;
      if (serial !== undefined) reading.serial = serial;
      if (radioId !== undefined) reading.radioId = radioId;
      if (accountNo !== undefined) reading.accountNo = accountNo;
      if (r.zone !== undefined) reading.zone = r.zone;
      if (r.zonesGiven !== undefined) reading.zonesGiven = r.zonesGiven;
      if (alarms.length) reading.alarms = alarms;
      readings.push(reading);
    };

    if (col.zoneValues) {
      const given = col.zoneValues.map((i, z) => ({ zone: z + 1, value: valueAsWritten(cell(f, i), mapping.decimalMark) })).filter((g) => g.value !== '');
      // No zone value at all: still one reading, so the operator sees the empty value rejected.
      if (!given.length) push({ value: '', zone: 1, zonesGiven: 0 });
      for (const g of given) push({ value: g.value, zone: g.zone, zonesGiven: given.length });
    } else {
      const zoneCell = cell(f, col.zone);
      let zone: number | undefined;
      if (col.zone !== undefined && zoneCell !== '') {
        zone = parseZone(zoneCell);
        if (zone === undefined) return refused([p('SAL-2040', { line: rec.line, column: String(c.zone), value: zoneCell }, rec.line)], data.length);
      }
      const value = valueAsWritten(cell(f, col.value), mapping.decimalMark);
      push(zone === undefined ? { value } : { value, zone });
    }
  }
  return { ok: true, readings, problems: [], lines: data.length };
}
