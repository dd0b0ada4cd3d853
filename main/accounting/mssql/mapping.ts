// Driver values → exchange contract rows (shared/domain/accounting.ts), for the MSSQL adapter.
// Pure functions: no driver import, no I/O; gateway.ts feeds them what mssql/tedious (or
// msnodesqlv8) hand over, and the tests feed them the same values.
//
// What the drivers produce (read from node_modules: mssql 12, tedious 19):
// - decimal/numeric/money/float → a JS number: tedious computes `digits / 10^scale` in floating
//   point. A float must never hold money or a reading (0.1 + 0.2 !== 0.3; 1.005 * 100 rounds to
//   100). The exchange procedures (sql/mssql/03-procedures.sql) therefore return
//     money                   as bigint minor units: CAST(ROUND(amount * 100, 0) AS bigint)
//     tariffs, quantities,
//     areas, percentages,
//     meter values            as varchar decimal strings: CONVERT(varchar(32), value)
//   and the mapping refuses, for the whole result, a decimal/float column (recordset metadata) or
//   a non-integer number where money or a decimal is expected, naming the column and the fix.
//   msnodesqlv8 returns decimals as strings (mssql sets useNumericString) — still refused by the
//   column check: the contract is varchar/bigint whichever driver reads it.
// - bigint → a string of digits (tedious: readBigInt64LE(…).toString()): read back to a number
//   only within the safe integer range, else an error (never a silently rounded amount).
// - int/smallint/tinyint → number; bit → boolean.
// - date → a JS Date. With `useUTC: true` (gateway.ts sets it explicitly) tedious builds it with
//   Date.UTC(y, m, d), i.e. UTC midnight of the calendar date; the mapping reads the UTC parts, so
//   the date is the same in any process time zone (local parts would give the previous day west
//   of Greenwich). A datetime column gives the server's wall-clock date, as useUTC reads it.
// - char(n) → space-padded strings: trailing spaces are dropped (SQL Server itself compares
//   char values ignoring them).
// - NULL → null. A NULL in a column the contract declares non-null is passed on as null: the
//   contract check (contract.ts, main/cycle/source-check.ts) reports it against that row, where a
//   single bad row is a finding, not a failed export. Only type-level mismatches — which would
//   hit every row — stop the export here.

import type { ExportProcedure, ExportRows } from '../../../shared/domain/accounting';

export type FieldKind = 'text' | 'int' | 'minor' | 'decimal' | 'date' | 'bool';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** The row type allows null (`| null`). */
  readonly nullable: boolean;
}

type Fields<R> = ReadonlyArray<{ readonly name: keyof R & string; readonly kind: FieldKind; readonly nullable: boolean }>;

function col<N extends string>(name: N, kind: FieldKind, nullable = false) {
  return { name, kind, nullable } as const;
}

/**
 * The columns of each outbound procedure, in the order of the row type's fields (and of the
 * SELECT lists in sql/mssql/03-procedures.sql — tests/unit/mssql-scripts.test.ts checks both).
 */
export const ROW_FIELDS: { readonly [P in ExportProcedure]: Fields<ExportRows[P]> } = {
  export_accounts: [
    col('account_no', 'text', true),
    col('premises_kind', 'text'),
    col('building', 'text'),
    col('address', 'text'),
    col('unit', 'text', true),
    col('area_m2', 'decimal'),
    col('residents_count', 'int'),
    col('owner_name', 'text'),
    col('portal_enabled', 'bool'),
    col('portal_group', 'text'),
    col('virtual_account', 'text'),
    col('info1', 'text', true),
    col('info2', 'text', true),
    col('info3', 'text', true),
    col('info4', 'text', true),
    col('status', 'text'),
  ],
  export_services: [col('code', 'text'), col('name', 'text'), col('unit', 'text'), col('tariff', 'decimal'), col('provider_code', 'text')],
  export_providers: [col('provider_code', 'text'), col('name', 'text'), col('tax_code', 'text'), col('bank', 'text'), col('account', 'text')],
  export_residents: [col('account_no', 'text'), col('person', 'text'), col('role', 'text'), col('registered_from', 'date'), col('registered_to', 'date', true)],
  export_beneficiaries: [
    col('account_no', 'text'),
    col('person', 'text'),
    col('benefit_code', 'text'),
    col('benefit_name', 'text'),
    col('discount_pct', 'decimal'),
    col('valid_from', 'date'),
    col('valid_to', 'date', true),
  ],
  export_balances: [col('account_no', 'text'), col('turnover_type', 'text'), col('amount', 'minor')],
  export_charges: [
    col('account_no', 'text'),
    col('service_code', 'text'),
    col('debt_brought_forward', 'minor'),
    col('quantity', 'decimal'),
    col('tariff', 'decimal'),
    col('amount', 'minor'),
    col('recalculation', 'minor'),
    col('total', 'minor'),
  ],
  export_meters: [
    col('account_no', 'text'),
    col('meter_id', 'text'),
    col('serial', 'text'),
    col('radio_id', 'text', true),
    col('medium', 'text'),
    col('tariff_zones', 'int'),
    col('register_digits', 'int'),
    col('decimals', 'int'),
    col('unit', 'text'),
    col('installed_on', 'date'),
    col('removed_on', 'date', true),
    col('verification_due', 'date'),
    col('last_value', 'decimal', true),
    col('last_date', 'date', true),
    col('automatic', 'bool'),
  ],
  export_meter_readings: [col('meter_id', 'text'), col('reading_date', 'date'), col('zone', 'int'), col('value', 'decimal'), col('source', 'text')],
};

/** A value or a result shape the contract cannot take; gateway.ts reports it as SAL-5002 naming the procedure. */
export class RowMappingError extends Error {
  constructor(
    readonly column: string | null,
    readonly reason: string,
  ) {
    super(column ? `column ${column}: ${reason}` : reason);
    this.name = 'RowMappingError';
  }
}

const MONEY_FIX = 'return money as bigint minor units: CAST(ROUND(amount * 100, 0) AS bigint)';
const DECIMAL_FIX = 'return it as a decimal string: CONVERT(varchar(32), value)';

function show(v: unknown): string {
  if (v instanceof Date) return `Date ${Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString()}`;
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  return `${typeof v} ${String(v)}`;
}

const INT_TEXT = /^[+-]?\d+$/;

function integerFrom(v: unknown, column: string, what: string, floatFix: string): number {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return v;
    if (Number.isInteger(v)) throw new RowMappingError(column, `${v} is beyond the exact integer range (±${Number.MAX_SAFE_INTEGER})`);
    throw new RowMappingError(column, `${what} arrived as a floating-point number (${v}); ${floatFix}`);
  }
  if (typeof v === 'bigint' || (typeof v === 'string' && INT_TEXT.test(v.trim()))) {
    const b = BigInt(typeof v === 'string' ? v.trim() : v);
    if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RowMappingError(column, `${b} is beyond the exact integer range (±${Number.MAX_SAFE_INTEGER})`);
    }
    return Number(b);
  }
  if (typeof v === 'string') throw new RowMappingError(column, `${what} expected as an integer, got the text ${show(v)}; ${floatFix}`);
  throw new RowMappingError(column, `${what} expected as an integer, got ${show(v)}`);
}

/** int/smallint/tinyint (number) or bigint (digit string) → a safe integer. */
export function sqlInt(v: unknown, column = 'value'): number {
  return integerFrom(v, column, 'an integer', 'return an int column');
}

/** Money: bigint minor units (digit string) or an int → integer minor units; floats and decimal text refused. */
export function sqlMinor(v: unknown, column = 'amount'): number {
  return integerFrom(v, column, 'money (minor units)', MONEY_FIX);
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * A decimal string as the contract writes it: "12.5000", "-0.25", "3". Accepts the varchar of
 * CONVERT(varchar(32), decimal) and an int column (exact); normalises a bare ".5" to "0.5" and drops
 * trailing zeros beyond 4 places (exact). Refuses a JS float and float text ("1e-005", from a float
 * column converted to varchar).
 */
export function sqlDecimal(v: unknown, column = 'value'): string {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return String(v);
    throw new RowMappingError(column, `a decimal arrived as a floating-point number (${v}); ${DECIMAL_FIX}`);
  }
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'string') throw new RowMappingError(column, `a decimal string expected, got ${show(v)}`);
  const m = DECIMAL_TEXT.exec(v.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    throw new RowMappingError(column, `not a decimal number: ${show(v)} (a float converted to text?); ${DECIMAL_FIX} of a decimal/numeric value`);
  }
  const sign = m[1] === '-' ? '-' : '';
  const whole = m[2].replace(/^0+(?=\d)/, '') || '0';
  let frac = m[3] ?? '';
  while (frac.length > 4 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]*Z?)?$/;

/** date (a Date at UTC midnight with useUTC) or 'YYYY-MM-DD' text → 'YYYY-MM-DD', read in UTC. */
export function sqlDate(v: unknown, column = 'date'): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new RowMappingError(column, 'an invalid date');
    const y = v.getUTCFullYear();
    if (y < 1 || y > 9999) throw new RowMappingError(column, `a date out of range: ${show(v)}`);
    return `${String(y).padStart(4, '0')}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`;
  }
  if (typeof v === 'string') {
    const m = DATE_TEXT.exec(v.trim());
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  throw new RowMappingError(column, `a date expected, got ${show(v)}; return a date column (CAST(x AS date))`);
}

/** bit (boolean) or 0/1 → boolean. */
export function sqlBool(v: unknown, column = 'flag'): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === '0') return false;
  if (v === 1 || v === '1') return true;
  throw new RowMappingError(column, `a bit (0/1) expected, got ${show(v)}`);
}

/** varchar/nvarchar/char → string, char padding dropped; an integer column becomes its digits. */
export function sqlText(v: unknown, column = 'text'): string {
  if (typeof v === 'string') return v.replace(/ +$/, '');
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'bigint') return v.toString();
  throw new RowMappingError(column, `text expected, got ${show(v)}`);
}

const CONVERT: Record<FieldKind, (v: unknown, column: string) => unknown> = {
  text: sqlText,
  int: sqlInt,
  minor: sqlMinor,
  decimal: sqlDecimal,
  date: sqlDate,
  bool: sqlBool,
};

/** One value of a field; NULL (null/undefined) stays null. */
export function mapValue(field: FieldSpec, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return CONVERT[field.kind](v, field.name);
}

/** Types whose values tedious hands over as JS floats (mssql TYPES function names). */
const FLOAT_TYPES = new Set(['Decimal', 'Numeric', 'Money', 'SmallMoney', 'Float', 'Real']);
const DATE_TYPES = new Set(['Date', 'DateTime', 'DateTime2', 'SmallDateTime', 'DateTimeOffset']);

/** A column of mssql's 'recordset' event: `{ index, name, type: sql.Decimal, … }`. */
export interface ColumnMeta {
  name?: string;
  type?: unknown;
}

function typeName(t: unknown): string | undefined {
  if (typeof t === 'function') return t.name || undefined;
  if (typeof t === 'object' && t !== null && typeof (t as { type?: unknown }).type === 'function') return ((t as { type: { name: string } }).type.name) || undefined;
  return undefined;
}

/**
 * Checks a result's columns against the procedure's fields: the same set of names (extra or missing
 * columns break the strict contract), and no float-typed column where money or a decimal is
 * expected. Order is not checked at run time (rows are read by name); the scripts' order is checked
 * statically. `columns` is mssql's recordset metadata, or just the names of a first row.
 */
export function checkColumns(proc: ExportProcedure, columns: Record<string, ColumnMeta> | readonly string[]): void {
  const fields = ROW_FIELDS[proc] as readonly FieldSpec[];
  const names = Array.isArray(columns) ? [...columns] : Object.keys(columns);
  const meta: Record<string, ColumnMeta> = Array.isArray(columns) ? {} : (columns as Record<string, ColumnMeta>);
  const want = new Set(fields.map((f) => f.name));
  const got = new Set(names);
  const missing = fields.map((f) => f.name).filter((n) => !got.has(n));
  const extra = names.filter((n) => !want.has(n));
  if (missing.length || extra.length) {
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `unexpected ${extra.join(', ')}` : ''].filter(Boolean);
    throw new RowMappingError(null, `the result's columns differ from the contract (${parts.join('; ')}); expected ${fields.map((f) => f.name).join(', ')}`);
  }
  for (const f of fields) {
    const t = typeName(meta[f.name]?.type);
    if (!t) continue;
    if (FLOAT_TYPES.has(t) && (f.kind === 'minor' || f.kind === 'decimal')) {
      throw new RowMappingError(f.name, `is ${t.toLowerCase()}, which the driver reads as a floating-point number; ${f.kind === 'minor' ? MONEY_FIX : DECIMAL_FIX}`);
    }
    if (FLOAT_TYPES.has(t) && f.kind === 'int' && t !== 'Decimal' && t !== 'Numeric') {
      throw new RowMappingError(f.name, `is ${t.toLowerCase()}; return an int column`);
    }
    if (f.kind === 'date' && !DATE_TYPES.has(t) && !/Char|Text/.test(t)) {
      throw new RowMappingError(f.name, `is ${t.toLowerCase()}; return a date column`);
    }
  }
}

/** Maps one driver row (an object keyed by column name) to the contract row of `proc`. */
export function mapRow<P extends ExportProcedure>(proc: P, raw: Record<string, unknown>): ExportRows[P] {
  const out: Record<string, unknown> = {};
  for (const f of ROW_FIELDS[proc] as readonly FieldSpec[]) {
    const v = raw[f.name];
    if (Array.isArray(v)) throw new RowMappingError(f.name, 'returned more than once (duplicate column name)');
    out[f.name] = mapValue(f, v);
  }
  return out as unknown as ExportRows[P];
}

/**
 * A mapper for one result: checks the columns once (from recordset metadata when the driver gave
 * it, else from the first row's names), then maps each row.
 */
export function rowMapper<P extends ExportProcedure>(proc: P): { columns(meta: Record<string, ColumnMeta>): void; map(raw: Record<string, unknown>): ExportRows[P] } {
  let checked = false;
  return {
    columns(meta) {
      checkColumns(proc, meta);
      checked = true;
    },
    map(raw) {
      if (!checked) {
        checkColumns(proc, Object.keys(raw));
        checked = true;
      }
      return mapRow(proc, raw);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Inbound: the row each import procedure returns per input row.

export const IMPORT_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportResultRow {
  /** The input row's line_no (1-based over the whole call). */
  line_no: number;
  status: ImportStatus;
  /** Why a row was rejected or is a duplicate, in the procedure's words; null when accepted. */
  message: string | null;
}

export function mapImportResult(raw: Record<string, unknown>): ImportResultRow {
  const line_no = sqlInt(raw.line_no, 'line_no');
  const status = sqlText(raw.status, 'status').trim().toLowerCase();
  if (!(IMPORT_STATUSES as readonly string[]).includes(status)) {
    throw new RowMappingError('status', `${show(raw.status)} is not one of ${IMPORT_STATUSES.join(', ')}`);
  }
  const message = raw.message === null || raw.message === undefined ? null : sqlText(raw.message, 'message');
  return { line_no, status: status as ImportStatus, message };
}
