// wmbusmeters output (github.com/wmbusmeters/wmbusmeters), the open wM-Bus decoder many reading
// operators run on a Raspberry Pi or a laptop in a car:
//   * JSON (`--format=json`): one object per telegram per line, e.g.
//     {"_":"telegram","media":"cold water","meter":"multical21","name":"MyTapWater","id":"76348799",
//      "status":"DRY","total_m3":6.408,"target_m3":6.408,"current_status":"DRY","timestamp":"2024-03-03T18:37:00Z"}
//     — `--ppjson` spreads an object over several lines, and some collectors wrap the objects in a
//     JSON array; all three are read. `timestamp` is UTC.
//   * fields (`--format=fields`, the "CSV"): `;`-separated (`--separator=` changes it), no header,
//     the driver's default fields (`name;id;total_m3;…;timestamp`) or those of `--selectfields=`.
//     `timestamp` is local time there ("2024-03-03 19:36:45"; older versions "12:10.24");
//     `timestamp_utc` ends in Z, `timestamp_ut` is Unix seconds. Missing values print as `null`.
// The `id` is the meter's radio id (matched to the meter's radio_id, then to its serial). The
// register value is the first known total field (below), with the unit its name ends in; tariff registers of electricity meters
// (`total_energy_consumption_tariff_1_kwh`, …) become one reading per zone. Alarm flags come from
// `status` / `current_status` / `current_alarms` (DRY, LEAK, BURST, REVERSED, TAMPER, leakage, …).

import { problem } from '../../../shared/errors/problem';
import type { RawReading } from '../types';
import { fileSourceId, refused, type ImportContext, type ImportResult } from './common';
import { detectDelimiter, parseCsv } from './csv-parse';
import { DATE_FORMATS, parseDateCell, unixSecondsToDay } from './dates';

/**
 * Register fields. A heat meter reports volume too (total_volume_m3), so energy comes first for
 * heat and electricity, volume first for everything else (water, gas).
 */
const VOLUME_FIELDS = ['total_m3', 'total_volume_m3'] as const;
const ENERGY_FIELDS = ['total_energy_consumption_kwh', 'total_kwh', 'total_energy_kwh', 'total_energy_consumption_gj', 'total_gj', 'total_energy_consumption_mwh', 'total_mwh'] as const;
export const WMBUS_VALUE_FIELDS = [...VOLUME_FIELDS, ...ENERGY_FIELDS] as const;

/** The unit a wmbusmeters field name ends in. */
function unitOfField(field: string): string | undefined {
  const m = /_(m3|kwh|gj|mwh)$/.exec(field);
  return m ? { m3: 'm3', kwh: 'kWh', gj: 'GJ', mwh: 'MWh' }[m[1]] : undefined;
}

const TARIFF_FIELD = /^total_energy_consumption_tariff_([1-4])_kwh$/;

/** Fields whose text lists the device's current alarm flags. */
export const WMBUS_ALARM_FIELDS = ['status', 'current_status', 'current_alarms', 'error_flags'] as const;

/** Timestamp fields, the one wmbusmeters prints by default first. */
const TIME_FIELDS = ['timestamp', 'timestamp_utc', 'timestamp_lt', 'timestamp_ut'] as const;

const NO_FLAG = new Set(['', 'OK', 'NO_ALARM', 'NULL', 'NONE', '0']);

/** The alarm flags of one record: every word of the alarm fields but "OK" / "no_alarm", upper case. */
export function wmbusAlarms(rec: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const f of WMBUS_ALARM_FIELDS) {
    const v = rec[f];
    if (typeof v !== 'string') continue;
    for (const w of v.split(/[\s,;|]+/)) {
      const a = w.trim().toUpperCase();
      if (!NO_FLAG.has(a) && !out.includes(a)) out.push(a);
    }
  }
  return out;
}

function dayOf(field: string, text: string, timeZone: string): string | undefined {
  if (field === 'timestamp_ut') return unixSecondsToDay(text, timeZone);
  return parseDateCell(text, DATE_FORMATS, timeZone);
}

/** The record's value(s): per tariff when the record has tariff registers, else the first total. */
function valuesOf(rec: Record<string, unknown>): { zone?: number; value: string; unit?: string }[] {
  const tariffs: { zone: number; value: string; unit: string }[] = [];
  for (const k of Object.keys(rec)) {
    const m = TARIFF_FIELD.exec(k);
    if (m && rec[k] !== null && rec[k] !== undefined) tariffs.push({ zone: Number(m[1]), value: String(rec[k]), unit: 'kWh' });
  }
  if (tariffs.length) return tariffs.sort((a, b) => a.zone - b.zone);
  const media = typeof rec.media === 'string' ? rec.media.toLowerCase() : '';
  const order = /heat|electricity|cooling/.test(media) ? [...ENERGY_FIELDS, ...VOLUME_FIELDS] : ['total_m3', ...ENERGY_FIELDS, 'total_volume_m3'];
  for (const f of order) if (rec[f] !== undefined && rec[f] !== null) return [{ value: String(rec[f]), unit: unitOfField(f) }];
  // The default fields layout's register, whose unit the file does not name.
  if (typeof rec.total === 'string') return [{ value: rec.total }];
  // No register we know: one reading with no value, so the operator sees it rejected.
  return [{ value: '' }];
}

/**
 * One record → readings, or the field it lacks. Shared by the JSON and the fields reader, which
 * both turn a telegram into a flat record of field name → text.
 */
function readingsOf(
  rec: Record<string, unknown>,
  line: number,
  ctx: ImportContext,
): { readings: RawReading[] } | { missing: string } | { badDate: string } {
  const id = rec.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '' || String(id) === 'null') return { missing: 'id' };
  const tf = TIME_FIELDS.find((f) => typeof rec[f] === 'string' || typeof rec[f] === 'number');
  if (!tf) return { missing: 'timestamp' };
  const ts = String(rec[tf]);
  const readingDate = dayOf(tf, ts, ctx.timeZone);
  if (!readingDate) return { badDate: ts };
  const alarms = wmbusAlarms(rec);
  const values = valuesOf(rec);
  const zoned = values.length > 1 || values[0].zone !== undefined;
  return {
    readings: values.map((v) => {
      const r: RawReading = {
        sourceId: fileSourceId(ctx.fileHash, line, zoned ? v.zone : undefined),
        source: 'radio',
        radioId: String(id).trim(),
        readingDate,
        value: v.value,
        file: ctx.fileName,
        line,
      };
      if (v.unit) r.unit = v.unit;
      if (zoned) {
        r.zone = v.zone;
        r.zonesGiven = values.length;
      }
      if (alarms.length) r.alarms = alarms;
      return r;
    }),
  };
}

/**
 * Numbers in wmbusmeters' JSON are JSON numbers; JSON.parse would make floats of them. Quote every
 * number that is a member value first, so the value reaches the rules exactly as the device sent it.
 */
function quoteNumbers(json: string): string {
  return json.replace(/("[A-Za-z0-9_]+"\s*:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?=\s*[,}\]])/g, '$1"$2"');
}

interface JsonChunk {
  line: number;
  text: string;
}

/**
 * Splits the text into top-level objects: a stream of objects (one per line, or pretty-printed over
 * several) or one array of objects. Returns the first place that is neither.
 */
function splitObjects(text: string): { objects: JsonChunk[]; error?: { line: number; detail: string } } {
  const objects: JsonChunk[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) line++;
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0c && c !== 0x1a) break;
      i++;
    }
  };
  skipSpace();
  const array = text[i] === '[';
  if (array) {
    i++;
    skipSpace();
  }
  let closed = false;
  while (i < n) {
    const c = text[i];
    if (array && c === ']') {
      i++;
      closed = true;
      skipSpace();
      if (i < n) return { objects, error: { line, detail: `unexpected ${JSON.stringify(text.slice(i, i + 12))} after the array` } };
      break;
    }
    if (c !== '{') return { objects, error: { line, detail: `expected an object, found ${JSON.stringify(text.slice(i, i + 12).split('\n')[0])}` } };
    const startLine = line;
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x0a) line++;
      if (inString) {
        if (ch === 0x5c) i++;
        else if (ch === 0x22) inString = false;
        continue;
      }
      if (ch === 0x22) inString = true;
      else if (ch === 0x7b) depth++;
      else if (ch === 0x7d && --depth === 0) {
        i++;
        break;
      }
    }
    if (depth !== 0) return { objects, error: { line: startLine, detail: 'the object is not closed' } };
    objects.push({ line: startLine, text: text.slice(start, i) });
    skipSpace();
    if (array && text[i] === ',') {
      i++;
      skipSpace();
    }
  }
  if (array && !closed) return { objects, error: { line, detail: 'the array is not closed' } };
  return { objects };
}

/** wmbusmeters `--format=json` output (JSON lines, pretty-printed objects, or an array). */
export function parseWmbusJson(text: string, ctx: ImportContext): ImportResult {
  const fail = (code: 'SAL-2030' | 'SAL-2035' | 'SAL-2036' | 'SAL-2037', params: Record<string, string | number>, line: number, lines = 0) =>
    refused([problem(code, ctx.locale, { ...params, line }, { file: ctx.fileName, line })], lines);
  // The objects before a break in the stream are read first, so the problem named is the first
  // one in the file.
  const split = splitObjects(text);
  if (!split.objects.length && !split.error) return fail('SAL-2030', {}, 1);
  const readings: RawReading[] = [];
  let records = 0;
  for (const o of split.objects) {
    let rec: unknown;
    try {
      rec = JSON.parse(quoteNumbers(o.text));
    } catch (e) {
      return fail('SAL-2036', { detail: (e as Error).message }, o.line, records);
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return fail('SAL-2036', { detail: 'not an object' }, o.line, records);
    const r = rec as Record<string, unknown>;
    // Not every line wmbusmeters prints is a telegram's reading (e.g. future "_":"alarm" lines).
    if (r._ !== undefined && r._ !== 'telegram') continue;
    records++;
    const got = readingsOf(r, o.line, ctx);
    if ('missing' in got) return fail('SAL-2037', { field: got.missing }, o.line, records);
    if ('badDate' in got) return fail('SAL-2035', { value: got.badDate, formats: 'ISO 8601' }, o.line, records);
    readings.push(...got.readings);
  }
  if (split.error) return fail('SAL-2036', { detail: split.error.detail }, split.error.line, records);
  if (!records) return fail('SAL-2030', {}, 1);
  return { ok: true, readings, problems: [], lines: records };
}

export interface WmbusFieldsOptions {
  /** The `--selectfields=` list the file was printed with; absent: a header line or the default layout. */
  fields?: string[];
  /** The `--separator=`; absent: detected (`;` is wmbusmeters' default). */
  separator?: string;
}

const KNOWN_FIELD = /^(name|id|media|meter|timestamp(_utc|_ut|_lt)?|total_[a-z0-9_]+|status|current_status|current_alarms)$/;

/**
 * wmbusmeters `--format=fields` output. The columns are named by, in this order: `opts.fields`; a
 * header line (a first line naming `id` and a timestamp field, as an operator writes it over the
 * file or a collector prints it); else the default layout every driver shares at its ends —
 * `name;id;<total>;…;timestamp`, the register being the third field.
 */
export function parseWmbusCsv(text: string, ctx: ImportContext, opts: WmbusFieldsOptions = {}): ImportResult {
  const fail = (code: 'SAL-2030' | 'SAL-2033' | 'SAL-2034' | 'SAL-2035' | 'SAL-2037', params: Record<string, string | number>, line: number, lines = 0): ImportResult =>
    refused([problem(code, ctx.locale, { ...params, line }, { file: ctx.fileName, line })], lines);
  const sep = opts.separator ?? detectDelimiter(text);
  const parsed = parseCsv(text, sep);
  if (!parsed.ok) return fail('SAL-2034', {}, parsed.line);
  let records = parsed.records;
  if (!records.length) return fail('SAL-2030', {}, 1);

  let names: string[] | undefined = opts.fields?.map((f) => f.trim().toLowerCase());
  if (!names) {
    const first = records[0].fields.map((f) => f.trim().toLowerCase());
    if (first.includes('id') && first.some((f) => (TIME_FIELDS as readonly string[]).includes(f)) && first.every((f) => /^[a-z0-9_]+$/.test(f))) {
      names = first;
      records = records.slice(1);
      if (!records.length) return fail('SAL-2030', {}, parsed.records[0].line + 1);
    }
  }
  const defaultLayout = !names;
  const readings: RawReading[] = [];
  const expected = names ? names.length : records[0].fields.length;
  if (defaultLayout && expected < 4) return fail('SAL-2033', { count: expected, expected: 4 }, records[0].line);
  if (names && !names.includes('id')) return fail('SAL-2037', { field: 'id' }, records[0].line);

  for (const rec of records) {
    const f = rec.fields;
    if (f.length !== expected) return fail('SAL-2033', { count: f.length, expected }, rec.line, records.length);
    const obj: Record<string, unknown> = {};
    if (names) {
      names.forEach((nme, i) => {
        const v = f[i].trim();
        if (v !== 'null' && (KNOWN_FIELD.test(nme) || TARIFF_FIELD.test(nme))) obj[nme] = v;
      });
    } else {
      obj.name = f[0].trim();
      obj.id = f[1].trim();
      const v = f[2].trim();
      // The default layout's third field is the driver's main total; which unit it is the meter
      // knows — only the value matters here.
      if (v !== 'null') obj.total = v;
      obj.timestamp = f[f.length - 1].trim();
      // Alarm words anywhere else in the default layout (e.g. multical21's "DRY") are flags.
      const flags = f.slice(3, -1).map((x) => x.trim()).filter((x) => /^[A-Z_]+(?:[ ,][A-Z_]+)*$/.test(x));
      if (flags.length) obj.status = flags.join(' ');
    }
    const got = readingsOf(obj, rec.line, ctx);
    if ('missing' in got) return fail('SAL-2037', { field: got.missing }, rec.line, records.length);
    if ('badDate' in got) return fail('SAL-2035', { value: got.badDate, formats: 'YYYY-MM-DD HH:MM:SS' }, rec.line, records.length);
    readings.push(...got.readings);
  }
  return { ok: true, readings, problems: [], lines: records.length };
}

