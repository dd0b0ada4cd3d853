// The MSSQL adapter of the accounting gateway: the customer's SQL Server, read and written only
// through the exchange procedures of sql/mssql/03-procedures.sql (schema `saldo` by default).
//
// Driver: `mssql` over tedious — SQL Server login or Windows domain credentials (NTLM) — or over
// the optional msnodesqlv8 (ODBC; Windows) for the integrated login of the signed-in Windows user.
// TLS is on by default (settings.ts); trusting a self-signed certificate is an explicit setting.
// The driver sits behind ExchangePool/ExchangeRequest, a subset of mssql's ConnectionPool/Request,
// so that tests feed rows and errors without a server.
//
// export(): EXEC [schema].[proc] through request.execute with typed parameters (@period char(7),
// @as_of date, @months int), streaming: rows arrive as 'row' events into a small queue; above
// HIGH_WATER rows the request is paused (tedious stops reading the socket) and resumed when the
// consumer has drained it below LOW_WATER — memory stays bounded whatever the size of the result
// or the speed of the consumer. Breaking off the loop, or aborting the signal, cancels the request
// (a TDS attention). Each row is mapped by mapping.ts (money bigint minor units, decimals varchar,
// dates read in UTC); a result whose columns or types break the contract stops with SAL-5002.
// Driver and server errors go through classifyMssqlError (errors.ts): a missing procedure is
// SAL-5021 and a missing right SAL-5023, both naming the object.
//
// count(): runs the procedure and counts its rows (nothing is mapped or kept). Exact, and it needs
// no object or right beyond the fixed exchange list (a `count_*` procedure per export would add
// objects the security script must grant and a DBA must keep in step). The cost is a second read
// of the result; it is memoised per procedure and parameters for COUNT_TTL_MS, and an export read
// to its end records its row count too.
//
// periods(): the exchange has no periods procedure yet (objects.ts lists none). Until it has one,
// the periods are found by probing export_charges month by month from next month backwards: a
// month has charges when the procedure returns a first row (the request is then cancelled). The
// probe stops at the first empty month after the newest month with charges, or after
// PERIODS_LOOKBACK_MONTHS months. Memoised for PERIODS_TTL_MS.

import mssql from 'mssql';
import { type ExportParams, type ExportProcedure, type ExportRows } from '../../../shared/domain/accounting';
import { addMonths, currentPeriod, isIsoDate, isPeriod, lastDayOfPeriod } from '../../../shared/domain/period';
import type { Locale, Problem } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import type { AccountingGateway, AccountingSourceInfo } from '../port';
import type { AcceptedReading, ImportReadingResult } from '../../readings/types';
import { readingRows, type CheckedReading } from '../reading-rows';
import { paymentRows, type CheckedPayment, type ImportPaymentResult, type PortalPaymentRow } from '../payment-rows';
import { bankItemRows, type BankItemRow, type CheckedBankItem, type ImportBankItemResult } from '../bank-item-rows';
import { classifyMssqlError } from './errors';
import { applyRegistrationsMssql, mssqlTableAccess, readRegistered, type TableAccess } from './registered-accounts';
import type { RegisteredAccount, RegistrationEvent, RegistrationResult } from '../registered-accounts';
import { REGISTERED_ACCOUNTS } from './objects';
import { mapImportResult, RowMappingError, rowMapper, type ColumnMeta, type ImportResultRow } from './mapping';
import { IMPORT_TABLE_TYPES, qualifiedName, type ExchangeProcedure, type ImportProcedure } from './objects';
import { describeMssql, MssqlSettingsSchema, toDriverConfig, type MssqlSettings } from './settings';

/**
 * Every exchange procedure this adapter calls — all of them go through one `request.execute` in
 * MssqlAccountingGateway.start(). tests/unit/mssql-scripts.test.ts checks that this list, the
 * procedures created by sql/mssql/03-procedures.sql, the EXECUTE grants of 04-security.sql and
 * objects.ts EXCHANGE_PROCEDURES are one and the same set.
 */
export const CALLED_PROCEDURES = [
  'export_accounts',
  'export_services',
  'export_providers',
  'export_residents',
  'export_beneficiaries',
  'export_balances',
  'export_charges',
  'export_meters',
  'export_meter_readings',
  'import_readings',
  'import_portal_payments',
  'import_bank_items',
] as const satisfies readonly ExchangeProcedure[];

export type CalledProcedure = (typeof CALLED_PROCEDURES)[number];

/** The procedure periods() probes: a month is a period when it has charges. */
export const PERIODS_PROBE = 'export_charges' satisfies CalledProcedure & ExportProcedure;
export const PERIODS_LOOKBACK_MONTHS = 36;
export const PERIODS_TTL_MS = 60_000;
export const COUNT_TTL_MS = 10 * 60_000;
/** Rows queued before the request is paused, and the level at which it is resumed. */
export const HIGH_WATER = 512;
export const LOW_WATER = 128;
/** Rows per inbound call: each call is one transaction of one table-valued parameter. */
export const IMPORT_CHUNK = 5000;
/** The ODBC driver the integrated login uses through msnodesqlv8 (Windows). */
export const ODBC_DRIVER = 'ODBC Driver 18 for SQL Server';

// ---------------------------------------------------------------------------------------------
// The driver, as small as the adapter needs it

/** The subset of mssql's Request the adapter uses (mssql.Request satisfies it). */
export interface ExchangeRequest {
  stream: boolean;
  input(name: string, type: unknown, value: unknown): unknown;
  /** Stream mode: results arrive as events; otherwise resolves with `{ recordset }`. */
  execute(procedure: string): unknown;
  on(event: 'recordset', listener: (columns: Record<string, ColumnMeta>) => void): unknown;
  on(event: 'row', listener: (row: Record<string, unknown>) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'done', listener: (result: unknown) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  cancel(): unknown;
}

export interface ExchangePool {
  request(): ExchangeRequest;
  close(): Promise<void>;
  /** Plain statements on registered_accounts, the one table the exchange reads and writes directly (registered-accounts.ts). */
  tables?: TableAccess;
}

export type ConnectExchange = (cfg: Record<string, unknown>) => Promise<ExchangePool>;

/** Thrown by connectExchangePool when the optional msnodesqlv8 driver cannot be loaded. */
export class DriverMissingError extends Error {
  constructor(
    readonly driver: string,
    cause: unknown,
  ) {
    super(`the ${driver} driver is not installed or cannot be loaded: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'DriverMissingError';
  }
}

/** The real pool: mssql over tedious, or over msnodesqlv8 for the integrated Windows login. */
export async function connectExchangePool(cfg: Record<string, unknown>): Promise<ExchangePool> {
  let driver: typeof mssql = mssql;
  if (cfg.driver === 'msnodesqlv8') {
    try {
      driver = (await import('mssql/msnodesqlv8')).default as unknown as typeof mssql;
    } catch (e) {
      throw new DriverMissingError('msnodesqlv8', e);
    }
  }
  const pool = new driver.ConnectionPool(cfg as unknown as mssql.config);
  // Errors reach the caller through connect() and the requests; an unhandled 'error' would crash main.
  pool.on('error', () => undefined);
  await pool.connect();
  return {
    // Not pool.request(): it builds the Request of mssql's process-wide current driver, which
    // importing mssql/msnodesqlv8 switches for every pool. The pool's own driver builds it here.
    request: () => new driver.Request(pool) as unknown as ExchangeRequest,
    close: () => pool.close(),
    tables: mssqlTableAccess(pool, driver),
  };
}

const odbcValue = (v: string) => `{${v.replace(/\}/g, '}}')}}`;

/**
 * The ODBC connection string of the integrated login (msnodesqlv8): mssql would otherwise build one
 * with an old default driver and without TrustServerCertificate. Encrypt/TrustServerCertificate
 * follow the settings, as with tedious.
 */
export function odbcConnectionString(s: MssqlSettings): string {
  const server = s.instanceName ? `${s.server}\\${s.instanceName}` : `tcp:${s.server},${s.port ?? 1433}`;
  return [
    `Driver=${odbcValue(ODBC_DRIVER)}`,
    `Server=${odbcValue(server)}`,
    `Database=${odbcValue(s.database)}`,
    'Trusted_Connection=yes',
    `Encrypt=${s.encrypt ? 'yes' : 'no'}`,
    `TrustServerCertificate=${s.trustServerCertificate ? 'yes' : 'no'}`,
    `Connection Timeout=${Math.ceil(s.connectTimeoutMs / 1000)}`,
    'APP=Saldo',
  ].join(';');
}

/**
 * toDriverConfig (settings.ts) plus what the exchange needs of the driver: useUTC (dates are read
 * as UTC midnight, mapping.ts reads UTC parts; msnodesqlv8 takes the flag from here too), streaming,
 * and for the integrated login the ODBC connection string.
 */
export function exchangeDriverConfig(s: MssqlSettings, password: string | null): Record<string, unknown> {
  const cfg = toDriverConfig(s, password);
  const out: Record<string, unknown> = { ...cfg, stream: true, options: { ...(cfg.options as Record<string, unknown>), useUTC: true } };
  if (s.authentication.type === 'integrated') out.connectionString = odbcConnectionString(s);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inbound rows (the columns of the table types in sql/mssql/02-exchange-schema.sql)

/** The rows of reading_tt (line_no added per call). */
export type ReadingIn = CheckedReading;

/**
 * Every field of AcceptedReading and the reading_tt column it travels in: adding a field to
 * AcceptedReading fails to compile here until it has a column (tests/unit/mssql-scripts.test.ts
 * checks the columns against 02-exchange-schema.sql).
 */
export const READING_TVP_FIELDS: { readonly [K in keyof Required<AcceptedReading>]: K } = {
  reading_key: 'reading_key',
  account_no: 'account_no',
  meter_id: 'meter_id',
  reading_date: 'reading_date',
  zone: 'zone',
  value: 'value',
  source: 'source',
};

/** The rows of portal_payment_tt (line_no added per call): the port's rows as checked by payment-rows.ts. */
export type PortalPaymentIn = CheckedPayment;

/**
 * Every field of PortalPaymentRow and the portal_payment_tt column it travels in: adding a field
 * to PortalPaymentRow fails to compile here until it has a column (tests/unit/mssql-scripts.test.ts
 * checks the columns against 02-exchange-schema.sql).
 */
export const PAYMENT_TVP_FIELDS: { readonly [K in keyof Required<PortalPaymentRow>]: K } = {
  payment_id: 'payment_id',
  account_no: 'account_no',
  paid_on: 'paid_on',
  amount: 'amount',
  service_code: 'service_code',
  reference: 'reference',
};

/** The rows of bank_item_tt (line_no added per call): the port's rows as checked by bank-item-rows.ts. */
export type BankItemIn = CheckedBankItem;

/**
 * Every field of BankItemRow and the bank_item_tt column it travels in: adding a field to
 * BankItemRow fails to compile here until it has a column.
 */
export const BANK_ITEM_TVP_FIELDS: { readonly [K in keyof Required<BankItemRow>]: K } = {
  statement_id: 'statement_id',
  item_ref: 'item_ref',
  account_no: 'account_no',
  booked_on: 'booked_on',
  amount: 'amount',
  payer: 'payer',
  title: 'title',
};

export interface TvpColumn {
  name: string;
  /** As declared in CREATE TYPE (02-exchange-schema.sql); the static test compares them. */
  sqlType: string;
  nullable: boolean;
}

const tc = (name: string, sqlType: string, nullable = false): TvpColumn => ({ name, sqlType, nullable });

/** The columns of each inbound procedure's table type, in declaration order; line_no first. */
export const TVP_COLUMNS: Readonly<Record<ImportProcedure, readonly TvpColumn[]>> = {
  import_readings: [
    tc('line_no', 'int'),
    tc('reading_key', 'varchar(128)'),
    tc('account_no', 'varchar(32)', true),
    tc('meter_id', 'varchar(32)'),
    tc('reading_date', 'date'),
    tc('zone', 'tinyint'),
    tc('value', 'varchar(32)'),
    tc('source', 'varchar(16)'),
  ],
  import_portal_payments: [
    tc('line_no', 'int'),
    tc('payment_id', 'varchar(64)'),
    tc('account_no', 'varchar(32)'),
    tc('paid_on', 'date'),
    tc('amount', 'bigint'),
    tc('service_code', 'varchar(16)', true),
    tc('reference', 'nvarchar(140)', true),
  ],
  import_bank_items: [
    tc('line_no', 'int'),
    tc('statement_id', 'varchar(64)'),
    tc('item_ref', 'varchar(64)'),
    tc('account_no', 'varchar(32)'),
    tc('booked_on', 'date'),
    tc('amount', 'bigint'),
    tc('payer', 'nvarchar(200)', true),
    tc('title', 'nvarchar(400)', true),
  ],
};

function driverType(sqlType: string): unknown {
  const m = /^(\w+)(?:\((\d+)\))?$/.exec(sqlType);
  const len = m?.[2] ? Number(m[2]) : undefined;
  switch (m?.[1]) {
    case 'int':
      return mssql.Int;
    case 'tinyint':
      return mssql.TinyInt;
    case 'bigint':
      return mssql.BigInt;
    case 'date':
      return mssql.Date;
    case 'varchar':
      return mssql.VarChar(len ?? 8000);
    case 'nvarchar':
      return mssql.NVarChar(len ?? 4000);
    default:
      throw new Error(`no driver type for ${sqlType}`);
  }
}

/** 'YYYY-MM-DD' → the Date tedious writes back as that calendar date with useUTC. */
function utcDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

type TvpCell = string | number | Date | null;

function tvpValue(col: TvpColumn, v: unknown): TvpCell {
  if (v === null || v === undefined) {
    if (!col.nullable) throw new RangeError(`${col.name}: a value is required`);
    return null;
  }
  if (col.sqlType === 'date') {
    if (typeof v !== 'string' || !isIsoDate(v)) throw new RangeError(`${col.name}: not a date (YYYY-MM-DD): ${String(v)}`);
    return utcDate(v);
  }
  if (col.sqlType === 'bigint' || col.sqlType === 'int' || col.sqlType === 'tinyint') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new RangeError(`${col.name}: not an integer: ${String(v)}`);
    return v;
  }
  return String(v);
}

/** The table-valued parameter of one inbound call; line_no numbers the rows from `firstLine`. */
export function buildTvp(schema: string, proc: ImportProcedure, rows: ReadonlyArray<object>, firstLine: number): mssql.Table {
  const table = new mssql.Table(`[${schema}].[${IMPORT_TABLE_TYPES[proc]}]`);
  const cols = TVP_COLUMNS[proc];
  for (const c of cols) table.columns.add(c.name, driverType(c.sqlType) as mssql.ISqlType, { nullable: c.nullable });
  rows.forEach((row, i) => {
    const r = row as Record<string, unknown>;
    table.rows.add(...cols.map((c) => (c.name === 'line_no' ? firstLine + i : tvpValue(c, r[c.name]))));
  });
  return table;
}

function paymentResult(payment_id: string, a: ImportResultRow): ImportPaymentResult {
  if (a.status === 'accepted') return { payment_id, status: 'written' };
  if (a.status === 'duplicate') return a.message ? { payment_id, status: 'already', message: a.message } : { payment_id, status: 'already' };
  return { payment_id, status: 'refused', message: a.message ?? 'refused by the accounting database' };
}

function bankItemResult(row: { statement_id: string; item_ref: string }, a: ImportResultRow): ImportBankItemResult {
  const keys = { statement_id: row.statement_id, item_ref: row.item_ref };
  if (a.status === 'accepted') return { ...keys, status: 'written' };
  if (a.status === 'duplicate') return a.message ? { ...keys, status: 'already', message: a.message } : { ...keys, status: 'already' };
  return { ...keys, status: 'refused', message: a.message ?? 'refused by the accounting database' };
}

function readingResult(reading_key: string, a: ImportResultRow): ImportReadingResult {
  if (a.status === 'accepted') return { reading_key, status: 'written' };
  if (a.status === 'duplicate') return a.message ? { reading_key, status: 'already', message: a.message } : { reading_key, status: 'already' };
  return { reading_key, status: 'refused', message: a.message ?? 'refused by the accounting database' };
}

// ---------------------------------------------------------------------------------------------

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The export was aborted', 'AbortError');
}

function isCancel(e: unknown): boolean {
  const x = e as { code?: unknown; message?: unknown } | null;
  return x?.code === 'ECANCEL' || (typeof x?.message === 'string' && /^Canceled\.?$/i.test(x.message));
}

function exportInputs(proc: ExportProcedure, params: ExportParams): Array<[string, unknown, unknown]> {
  if (!isPeriod(params.period)) throw new RangeError(`not a period (YYYY-MM): ${JSON.stringify(params.period)}`);
  const inputs: Array<[string, unknown, unknown]> = [['period', mssql.Char(7), params.period]];
  if (proc === 'export_balances') {
    const asOf = params.asOf ?? lastDayOfPeriod(params.period);
    if (!isIsoDate(asOf)) throw new RangeError(`asOf: not a date (YYYY-MM-DD): ${JSON.stringify(asOf)}`);
    inputs.push(['as_of', mssql.Date, utcDate(asOf)]);
  }
  if (proc === 'export_meter_readings') {
    const months = params.months ?? 12;
    if (!Number.isInteger(months) || months < 1) throw new RangeError(`months: a positive integer, not ${months}`);
    inputs.push(['months', mssql.Int, months]);
  }
  return inputs;
}

function cacheKey(proc: ExportProcedure, params: ExportParams): string {
  return JSON.stringify([proc, params.period, params.asOf ?? null, params.months ?? null]);
}

export interface MssqlGatewayOptions {
  highWater?: number;
  lowWater?: number;
  periodsLookbackMonths?: number;
  /** The clock periods() starts probing from (tests). */
  now?: () => Date;
}

interface Inflight {
  cancel(): void;
  settled: Promise<void>;
}

export class MssqlAccountingGateway implements AccountingGateway {
  private readonly counts = new Map<string, { n: number; at: number }>();
  private periodsMemo: { at: number; value: string[] } | null = null;
  private readonly inflight = new Set<Inflight>();
  private closed = false;

  private constructor(
    private readonly pool: ExchangePool,
    private readonly settings: MssqlSettings,
    private readonly locale: Locale,
    private readonly secrets: ReadonlyArray<string | null>,
    private readonly options: MssqlGatewayOptions,
    readonly info: AccountingSourceInfo,
  ) {}

  /**
   * Connects (network, TLS, login) and returns the gateway. A failure is a ProblemError: the codes
   * of errors.ts (SAL-5010…5020), SAL-5026 without a password, SAL-5050 when the integrated login's
   * driver is missing, SAL-6002 for invalid settings.
   */
  static async open(
    settings: MssqlSettings,
    password: string | null,
    locale: Locale = 'en',
    connect: ConnectExchange = connectExchangePool,
    options: MssqlGatewayOptions = {},
  ): Promise<MssqlAccountingGateway> {
    const parsed = MssqlSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(settings)'}: ${i.message}`).join('; ');
      throw new ProblemError(problem('SAL-6002', locale, { detail }));
    }
    const s = parsed.data;
    const server = describeMssql(s);
    if (s.authentication.type !== 'integrated' && !password) {
      throw new ProblemError(problem('SAL-5026', locale, { secret: s.authentication.passwordSecret }));
    }
    let pool: ExchangePool;
    try {
      pool = await connect(exchangeDriverConfig(s, password));
    } catch (e) {
      if (e instanceof DriverMissingError) throw new ProblemError(problem('SAL-5050', locale, { server, detail: e.message }));
      throw new ProblemError(classifyMssqlError(e, { server, locale, step: 'network', secrets: [password] }).problem);
    }
    return new MssqlAccountingGateway(pool, s, locale, [password], options, { kind: 'mssql', label: server });
  }

  private get server(): string {
    return describeMssql(this.settings);
  }

  /** `[saldo].[export_charges]`: the one place a procedure name is built. */
  private procName(proc: CalledProcedure): string {
    return `[${this.settings.schema}].[${proc}]`;
  }

  /** The one call of a procedure. */
  private start(req: ExchangeRequest, proc: CalledProcedure): unknown {
    return req.execute(this.procName(proc));
  }

  private problemOf(e: unknown, proc: CalledProcedure): ProblemError {
    if (e instanceof ProblemError) return e;
    const object = qualifiedName(this.settings.schema, proc);
    if (e instanceof RowMappingError) return new ProblemError(problem('SAL-5002', this.locale, { object, detail: e.message }));
    const p: Problem = classifyMssqlError(e, { object, server: this.server, locale: this.locale, step: 'procedures', secrets: this.secrets }).problem;
    return new ProblemError(p);
  }

  private ensureOpen(): void {
    if (this.closed) throw new ProblemError(problem('SAL-5001', this.locale, { detail: `${this.server}: the connection is closed` }));
  }

  /**
   * Streams the raw rows of one outbound procedure (mapped when `map`), with backpressure and
   * cancellation. The request is cancelled when the consumer stops early, the signal aborts, or a
   * row fails to map.
   */
  private async *stream<P extends ExportProcedure>(proc: P, params: ExportParams, signal: AbortSignal | undefined, map: boolean): AsyncGenerator<unknown> {
    this.ensureOpen();
    const inputs = exportInputs(proc, params);
    if (signal?.aborted) throw abortError(signal);
    const high = this.options.highWater ?? HIGH_WATER;
    const low = Math.min(this.options.lowWater ?? LOW_WATER, high - 1);
    const mapper = rowMapper(proc);

    const req = this.pool.request();
    req.stream = true;
    for (const [name, type, value] of inputs) req.input(name, type, value);

    let queue: Array<Record<string, unknown>> = [];
    let head = 0;
    let paused = false;
    let done = false;
    let cancelled = false;
    let failure: unknown;
    let results = 0;
    let rows = 0;
    let wake: (() => void) | null = null;
    const notify = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    let settle!: () => void;
    const entry: Inflight = {
      cancel: () => {
        if (done || cancelled) return;
        cancelled = true;
        try {
          req.cancel();
        } catch {
          // a request that already ended cannot be cancelled
        }
        notify();
      },
      settled: new Promise<void>((resolve) => (settle = resolve)),
    };

    req.on('recordset', (columns) => {
      results++;
      if (failure !== undefined || !map) return;
      try {
        if (results > 1) throw new RowMappingError(null, 'returned more than one result set; an exchange procedure returns exactly one');
        mapper.columns(columns);
      } catch (e) {
        failure = e;
        notify();
      }
    });
    req.on('row', (row) => {
      if (done || cancelled || failure !== undefined) return;
      queue.push(row);
      if (!paused && queue.length - head >= high) {
        paused = true;
        req.pause();
      }
      notify();
    });
    req.on('error', (e) => {
      if (cancelled && isCancel(e)) return;
      if (failure === undefined) failure = e;
      notify();
    });
    req.on('done', () => {
      done = true;
      settle();
      notify();
    });

    const onAbort = () => entry.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.inflight.add(entry);
    void entry.settled.then(() => this.inflight.delete(entry));

    try {
      const started = this.start(req, proc);
      if (started && typeof (started as PromiseLike<unknown>).then === 'function') {
        // Stream mode reports through events; the promise only settles at the end.
        (started as Promise<unknown>).then(
          () => undefined,
          (e: unknown) => {
            if (!(cancelled && isCancel(e)) && failure === undefined) failure = e;
            done = true;
            settle();
            notify();
          },
        );
      }
      for (;;) {
        if (signal?.aborted) throw abortError(signal);
        // Cancelled without an abort: the gateway was closed under a running export.
        if (cancelled) throw new ProblemError(problem('SAL-5001', this.locale, { detail: `${this.server}: the connection is closed` }));
        if (failure !== undefined) throw this.problemOf(failure, proc);
        if (head < queue.length) {
          const raw = queue[head++];
          if (head >= 1024 && head * 2 >= queue.length) {
            queue = queue.slice(head);
            head = 0;
          }
          if (paused && queue.length - head <= low) {
            paused = false;
            req.resume();
          }
          rows++;
          if (!map) {
            yield raw;
            continue;
          }
          let row: ExportRows[P];
          try {
            row = mapper.map(raw);
          } catch (e) {
            throw this.problemOf(e, proc);
          }
          yield row;
          continue;
        }
        if (done) {
          this.counts.set(cacheKey(proc, params), { n: rows, at: Date.now() });
          return;
        }
        if (paused) {
          paused = false;
          req.resume();
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (!done) entry.cancel();
      queue = [];
    }
  }

  export<P extends ExportProcedure>(proc: P, params: ExportParams, signal?: AbortSignal): AsyncIterable<ExportRows[P]> {
    return this.stream(proc, params, signal, true) as AsyncGenerator<ExportRows[P]>;
  }

  async count(proc: ExportProcedure, params: ExportParams): Promise<number> {
    const key = cacheKey(proc, params);
    const hit = this.counts.get(key);
    if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.n;
    let n = 0;
    for await (const _row of this.stream(proc, params, undefined, false)) n++;
    this.counts.set(key, { n, at: Date.now() });
    return n;
  }

  /** Whether a month has charges: the first row of export_charges answers it. */
  private async hasCharges(period: string): Promise<boolean> {
    for await (const _row of this.stream(PERIODS_PROBE, { period }, undefined, false)) return true;
    return false;
  }

  async periods(): Promise<string[]> {
    if (this.periodsMemo && Date.now() - this.periodsMemo.at < PERIODS_TTL_MS) return [...this.periodsMemo.value];
    const lookback = this.options.periodsLookbackMonths ?? PERIODS_LOOKBACK_MONTHS;
    const first = addMonths(currentPeriod(this.options.now?.() ?? new Date()), 1);
    const found: string[] = [];
    for (let i = 0; i <= lookback; i++) {
      const period = addMonths(first, -i);
      if (await this.hasCharges(period)) found.push(period);
      else if (found.length > 0) break;
    }
    this.periodsMemo = { at: Date.now(), value: found };
    return [...found];
  }

  /** Calls an import procedure in chunks of `chunkRows` rows, each call one transaction. */
  private async callImport(proc: ImportProcedure & CalledProcedure, rows: ReadonlyArray<object>, signal?: AbortSignal, chunkRows = IMPORT_CHUNK): Promise<ImportResultRow[]> {
    this.ensureOpen();
    const out: ImportResultRow[] = [];
    for (let offset = 0; offset < rows.length; offset += chunkRows) {
      if (signal?.aborted) throw abortError(signal);
      const chunk = rows.slice(offset, offset + chunkRows);
      const table = buildTvp(this.settings.schema, proc, chunk, offset + 1);
      const req = this.pool.request();
      req.stream = false;
      req.input('rows', mssql.TVP, table);
      let recordset: unknown;
      try {
        recordset = ((await this.start(req, proc)) as { recordset?: unknown } | undefined)?.recordset;
      } catch (e) {
        throw this.problemOf(e, proc);
      }
      try {
        if (!Array.isArray(recordset)) throw new RowMappingError(null, 'returned no result set; an import procedure answers one row per input row');
        const answers = recordset.map((r) => mapImportResult(r as Record<string, unknown>));
        const lines = new Set(answers.map((a) => a.line_no));
        const missing = chunk.map((_r, i) => offset + 1 + i).filter((l) => !lines.has(l));
        if (answers.length !== chunk.length || missing.length > 0) {
          throw new RowMappingError(null, `answered ${answers.length} rows for ${chunk.length} input rows${missing.length ? ` (no answer for line ${missing.slice(0, 5).join(', ')})` : ''}`);
        }
        out.push(...answers.sort((a, b) => a.line_no - b.line_no));
      } catch (e) {
        throw this.problemOf(e, proc);
      }
    }
    return out;
  }

  /**
   * saldo.import_readings (the port's importReadings): the whole call is ONE table-valued parameter,
   * so one transaction of the procedure — every row written or none. Answers mapped: accepted →
   * written, duplicate → already, rejected → refused (with the procedure's reason). A row that
   * cannot be passed (a float value, no key) is SAL-5053 before anything is sent; any failure of
   * the call is SAL-5051, naming the cause, and the procedure has rolled the batch back.
   */
  async importReadings(rows: AcceptedReading[], signal?: AbortSignal): Promise<ImportReadingResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (rows.length === 0) return [];
    const tvpRows = readingRows(rows, this.locale);
    let answers: ImportResultRow[];
    try {
      answers = await this.callImport('import_readings', tvpRows, signal, Number.MAX_SAFE_INTEGER);
    } catch (e) {
      if (signal?.aborted || !(e instanceof ProblemError)) throw e;
      throw new ProblemError(problem('SAL-5051', this.locale, { detail: `${e.problem.code}: ${e.problem.message}` }));
    }
    return answers.map((a, i) => readingResult(rows[i].reading_key, a));
  }

  /**
   * saldo.import_portal_payments (the port's importPortalPayments): the whole call is ONE
   * table-valued parameter, so one transaction of the procedure — every row booked or none.
   * Answers mapped: accepted → written, duplicate → already (the payment id is booked), rejected →
   * refused (with the procedure's reason). A row that cannot be passed (a fractional amount, no id)
   * is SAL-4159 before anything is sent; any failure of the call is SAL-4158, naming the cause, and
   * the procedure has rolled the batch back.
   */
  async importPortalPayments(rows: PortalPaymentRow[], signal?: AbortSignal): Promise<ImportPaymentResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (rows.length === 0) return [];
    const tvpRows: PortalPaymentIn[] = paymentRows(rows, this.locale);
    let answers: ImportResultRow[];
    try {
      answers = await this.callImport('import_portal_payments', tvpRows, signal, Number.MAX_SAFE_INTEGER);
    } catch (e) {
      if (signal?.aborted || !(e instanceof ProblemError)) throw e;
      throw new ProblemError(problem('SAL-4158', this.locale, { detail: `${e.problem.code}: ${e.problem.message}` }));
    }
    return answers.map((a, i) => paymentResult(tvpRows[i].payment_id, a));
  }

  /**
   * saldo.import_bank_items (the port's importBankItems): the whole call is ONE table-valued
   * parameter, so one transaction of the procedure — every item booked or none. Answers mapped:
   * accepted → written, duplicate → already (statement + item booked), rejected → refused (with the
   * procedure's reason). A row that cannot be passed (a fractional amount, a key too long for its
   * column) is SAL-3048 before anything is sent; any failure of the call is SAL-3047, naming the
   * cause, and the procedure has rolled the batch back.
   */
  async importBankItems(rows: BankItemRow[], signal?: AbortSignal): Promise<ImportBankItemResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (rows.length === 0) return [];
    const tvpRows: BankItemIn[] = bankItemRows(rows, this.locale);
    let answers: ImportResultRow[];
    try {
      answers = await this.callImport('import_bank_items', tvpRows, signal, Number.MAX_SAFE_INTEGER);
    } catch (e) {
      if (signal?.aborted || !(e instanceof ProblemError)) throw e;
      throw new ProblemError(problem('SAL-3047', this.locale, { count: rows.length, detail: `${e.problem.code}: ${e.problem.message}` }));
    }
    return answers.map((a, i) => bankItemResult(tvpRows[i], a));
  }

  /** The table access of the pool; SAL-4123 when the driver behind it has none. */
  private tables(code: 'SAL-4122' | 'SAL-4123'): TableAccess {
    this.ensureOpen();
    if (!this.pool.tables) throw new ProblemError(problem(code, this.locale, { detail: `${this.server}: this connection cannot run statements on ${REGISTERED_ACCOUNTS}` }));
    return this.pool.tables;
  }

  /** A failure on registered_accounts as `code`, naming the server's own problem (SAL-50xx) in its detail. */
  private tableProblem(e: unknown, code: 'SAL-4122' | 'SAL-4123'): ProblemError {
    if (e instanceof ProblemError && (e.problem.code === 'SAL-4122' || e.problem.code === 'SAL-4123')) return e;
    const object = qualifiedName(this.settings.schema, REGISTERED_ACCOUNTS);
    const inner = e instanceof ProblemError ? e.problem : classifyMssqlError(e, { object, server: this.server, locale: this.locale, step: 'procedures', secrets: this.secrets }).problem;
    return new ProblemError(problem(code, this.locale, { detail: `${inner.code}: ${inner.message}` }));
  }

  /** SELECT on saldo.registered_accounts (registered-accounts.ts). */
  async registeredAccounts(signal?: AbortSignal): Promise<RegisteredAccount[]> {
    if (signal?.aborted) throw abortError(signal);
    const access = this.tables('SAL-4123');
    try {
      return await readRegistered(access, this.settings.schema);
    } catch (e) {
      throw this.tableProblem(e, 'SAL-4123');
    }
  }

  /** SELECT … WITH (UPDLOCK, HOLDLOCK), DELETE, INSERT on saldo.registered_accounts in one transaction (registered-accounts.ts). */
  async applyRegistrations(events: RegistrationEvent[], signal?: AbortSignal): Promise<RegistrationResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (events.length === 0) return [];
    const access = this.tables('SAL-4122');
    try {
      return await applyRegistrationsMssql(access, this.settings.schema, events, signal);
    } catch (e) {
      if (signal?.aborted) throw abortError(signal);
      throw this.tableProblem(e, 'SAL-4122');
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pending = [...this.inflight];
    for (const f of pending) f.cancel();
    if (pending.length) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(pending.map((f) => f.settled)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 5000);
          timer.unref?.();
        }),
      ]);
      clearTimeout(timer);
    }
    await this.pool.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// SALDO_TEST_MSSQL: a connection string for the contract suite against a real server

/** `Key=Value;…` with values optionally in {braces} or "quotes" (doubled to escape). */
function parsePairs(s: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s[i])) i++;
    if (i >= s.length) break;
    const eq = s.indexOf('=', i);
    if (eq < 0) throw new RangeError(`connection string: "${s.slice(i, i + 20)}…" has no "="`);
    const key = s.slice(i, eq).trim().toLowerCase().replace(/\s+/g, ' ');
    i = eq + 1;
    while (i < s.length && s[i] === ' ') i++;
    let value = '';
    const open = s[i];
    const close = open === '{' ? '}' : open === '"' || open === "'" ? open : null;
    if (close) {
      i++;
      for (;;) {
        if (i >= s.length) throw new RangeError(`connection string: unterminated value of ${key}`);
        if (s[i] === close) {
          if (s[i + 1] === close) {
            value += close;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += s[i++];
      }
      while (i < s.length && s[i] !== ';') i++;
    } else {
      const end = s.indexOf(';', i);
      value = (end < 0 ? s.slice(i) : s.slice(i, end)).trim();
      i = end < 0 ? s.length : end;
    }
    out.set(key, value);
  }
  return out;
}

function truthy(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  return /^(true|yes|1|sspi)$/i.test(v.trim());
}

/**
 * Parses SALDO_TEST_MSSQL (sql/mssql/README.md):
 *   Server=host[\instance][,port];Database=db;User Id=user;Password=pw[;Domain=DOMAIN]
 *   [;Integrated Security=true][;Encrypt=true][;TrustServerCertificate=false][;Schema=saldo]
 *   [;Connect Timeout=15]
 * Domain gives NTLM; Integrated Security gives the msnodesqlv8 integrated login.
 */
export function parseMssqlConnectionString(cs: string): { settings: MssqlSettings; password: string | null } {
  const kv = parsePairs(cs);
  const get = (...keys: string[]) => keys.map((k) => kv.get(k)).find((v) => v !== undefined && v !== '');
  let server = get('server', 'data source', 'address', 'addr');
  if (!server) throw new RangeError('connection string: Server is required');
  server = server.replace(/^tcp:/i, '');
  let port: number | undefined;
  const comma = /^(.*),\s*(\d+)$/.exec(server);
  if (comma) {
    server = comma[1];
    port = Number(comma[2]);
  }
  let instanceName: string | undefined;
  const slash = server.indexOf('\\');
  if (slash >= 0) {
    instanceName = server.slice(slash + 1);
    server = server.slice(0, slash);
  }
  const database = get('database', 'initial catalog');
  if (!database) throw new RangeError('connection string: Database is required');
  const user = get('user id', 'uid', 'user');
  const password = get('password', 'pwd') ?? null;
  const domain = get('domain');
  const integrated = truthy(get('integrated security', 'trusted_connection'), false);
  const authentication = integrated
    ? { type: 'integrated' as const }
    : domain
      ? { type: 'ntlm' as const, domain, user: user ?? '', passwordSecret: 'SALDO_TEST_MSSQL' }
      : { type: 'sql' as const, user: user ?? '', passwordSecret: 'SALDO_TEST_MSSQL' };
  const timeout = get('connect timeout', 'connection timeout');
  const settings = MssqlSettingsSchema.parse({
    kind: 'mssql',
    server,
    ...(instanceName ? { instanceName } : {}),
    ...(port !== undefined ? { port } : {}),
    database,
    ...(get('schema') ? { schema: get('schema') } : {}),
    authentication,
    encrypt: truthy(get('encrypt'), true),
    trustServerCertificate: truthy(get('trustservercertificate', 'trust server certificate'), false),
    ...(timeout ? { connectTimeoutMs: Number(timeout) * 1000 } : {}),
  });
  return { settings, password: integrated ? null : password };
}
