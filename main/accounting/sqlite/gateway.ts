// The SQLite adapter of the accounting gateway: the embedded demo database (schema.ts) read
// through the same contract as the customer's SQL Server exchange procedures. Each procedure is
// one parameterised query; rows are streamed with better-sqlite3's iterate(), yielding to the
// event loop every few thousand rows and stopping when the signal aborts. Rows are read as arrays
// (raw mode) and made into objects in JavaScript: better-sqlite3's object mode builds every row
// through the native API, about a third more per row at millions of rows.

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { BalanceRow, ExportParams, ExportProcedure, ExportRows } from '../../../shared/domain/accounting';
import { addMonths, lastDayOfPeriod } from '../../../shared/domain/period';
import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';
import type { AccountingGateway, AccountingSourceInfo } from '../port';
import type { AcceptedReading, ImportReadingResult } from '../../readings/types';
import { preferWal, SqliteReadingsWriter } from './import-readings';
import { ReadingsWriterThread } from './readings-writer-thread';
import { readRegisteredAccounts, SqliteRegistrationsWriter } from './registered-accounts';
import type { RegisteredAccount, RegistrationEvent, RegistrationResult } from '../registered-accounts';
import { Breather } from '../../engine/jobs';
import { SqlitePaymentsWriter } from './import-portal-payments';
import type { ImportPaymentResult, PortalPaymentRow } from '../payment-rows';
import { SqliteBankItemsWriter } from './import-bank-items';
import type { BankItemRow, ImportBankItemResult } from '../bank-item-rows';

/** Let the event loop run after this long (the window's IPC and progress events wait otherwise). */
const YIELD_AFTER_MS = 8;

/** Premises whose rows can be keyed: the planted "no account number" premises only shows in export_accounts. */
const HAS_ACCOUNT = `p.account_no IS NOT NULL AND p.account_no <> ''`;

type Raw = Record<string, unknown>;

interface ProcSpec<P extends ExportProcedure> {
  sql: string;
  /** The same rows counted without ordering or columns, where that is much cheaper than counting `sql`. */
  countSql?: string;
  /** Contract rows per result row (export_balances unpivots one turnover row into seven). */
  rowsPer?: number;
  /** Columns stored as 0/1 that the contract types as booleans. */
  booleans?: readonly string[];
  /** Contract rows of one result row, where the result row is not one itself. */
  map?(row: Raw): ExportRows[P][];
}

const SPECS: { [P in ExportProcedure]: ProcSpec<P> } = {
  export_accounts: {
    sql: `
      SELECT p.account_no, p.kind AS premises_kind, b.code AS building, b.address, p.unit, p.area_m2, p.residents_count,
             p.owner_name, p.www AS portal_enabled, p.user_group AS portal_group, p.virtual_account,
             p.info1, p.info2, p.info3, p.info4, p.status
      FROM premises p JOIN buildings b ON b.building_id = p.building_id
      ORDER BY p.premises_id`,
    booleans: ['portal_enabled'],
  },
  export_services: {
    sql: `
      SELECT s.code, s.name, s.unit, t.tariff, s.provider_code
      FROM services s
      JOIN tariffs t ON t.service_id = s.service_id
       AND t.valid_from = (SELECT MAX(x.valid_from) FROM tariffs x WHERE x.service_id = s.service_id AND x.valid_from <= :end)
      ORDER BY s.service_id`,
  },
  export_providers: {
    sql: `SELECT provider_code, name, tax_code, bank, account FROM providers ORDER BY provider_code`,
  },
  export_residents: {
    sql: `
      SELECT p.account_no, r.full_name AS person, r.role, r.registered_from, r.registered_to
      FROM residents r JOIN premises p ON p.premises_id = r.premises_id
      WHERE ${HAS_ACCOUNT} AND r.registered_from <= :end AND (r.registered_to IS NULL OR r.registered_to >= :start)
      ORDER BY r.premises_id, r.resident_id`,
  },
  export_beneficiaries: {
    sql: `
      SELECT p.account_no, r.full_name AS person, b.benefit_code, k.name AS benefit_name, k.discount_pct, b.valid_from, b.valid_to
      FROM beneficiaries b
      JOIN premises p ON p.premises_id = b.premises_id
      JOIN residents r ON r.resident_id = b.resident_id
      JOIN benefits k ON k.code = b.benefit_code
      WHERE ${HAS_ACCOUNT} AND b.valid_from <= :end AND (b.valid_to IS NULL OR b.valid_to >= :start)
      ORDER BY b.premises_id, b.beneficiary_id`,
  },
  export_balances: {
    // Charges, corrections, subsidies and benefits are booked on the 1st; payments count up to :asOf.
    sql: `
      SELECT p.account_no, t.opening, t.charges, t.payments AS booked_payments,
             CASE WHEN :asOf >= :end THEN t.payments
                  ELSE -(SELECT COALESCE(SUM(x.amount), 0) FROM payments x
                         WHERE x.premises_id = t.premises_id AND x.period = t.period AND x.paid_on <= :asOf) END AS payments,
             t.corrections, t.subsidies, t.benefits, t.closing
      FROM turnovers t JOIN premises p ON p.premises_id = t.premises_id
      WHERE t.period = :period AND ${HAS_ACCOUNT}
      ORDER BY t.premises_id`,
    rowsPer: 7,
    map: (r) => {
      const account_no = r.account_no as string;
      const row = (turnover_type: BalanceRow['turnover_type'], amount: number): BalanceRow => ({ account_no, turnover_type, amount });
      const n = (k: string): number => r[k] as number;
      return [
        row('opening', n('opening')),
        row('charges', n('charges')),
        row('payments', n('payments')),
        row('corrections', n('corrections')),
        row('subsidies', n('subsidies')),
        row('benefits', n('benefits')),
        row('closing', n('closing') - n('booked_payments') + n('payments')),
      ];
    },
  },
  export_charges: {
    sql: `
      SELECT p.account_no, s.code AS service_code, c.debt_bf AS debt_brought_forward, c.quantity, c.tariff, c.amount, c.recalculation,
             c.debt_bf + c.amount + c.recalculation AS total
      FROM charges c
      JOIN premises p ON p.premises_id = c.premises_id
      JOIN services s ON s.service_id = c.service_id
      WHERE c.period = :period AND ${HAS_ACCOUNT}
      ORDER BY c.premises_id, c.service_id`,
    countSql: `
      SELECT COUNT(*) FROM charges c
      JOIN premises p ON p.premises_id = c.premises_id
      JOIN services s ON s.service_id = c.service_id
      WHERE c.period = :period AND ${HAS_ACCOUNT}`,
  },
  export_meters: {
    // Meters active at any time in the period or later (not removed before it starts; one installed
    // after the period has no last value yet); the last reading on or before the period end (zone 1,
    // the day register, for two-zone meters).
    sql: `
      SELECT p.account_no, m.meter_code AS meter_id, m.serial, m.radio_id, m.medium, m.tariff_zones, m.register_digits, m.decimals,
             m.unit, m.installed_on, m.removed_on, m.verification_due, r.value AS last_value, r.reading_date AS last_date,
             m.automatic
      FROM meters m
      JOIN premises p ON p.premises_id = m.premises_id
      LEFT JOIN meter_readings r ON r.reading_id = (
        SELECT x.reading_id FROM meter_readings x
        WHERE x.meter_id = m.meter_id AND x.zone = 1 AND x.reading_date <= :end
        ORDER BY x.reading_date DESC LIMIT 1)
      WHERE ${HAS_ACCOUNT} AND (m.removed_on IS NULL OR m.removed_on >= :start)
      ORDER BY m.premises_id, m.meter_id`,
    // The LEFT JOIN on the reading's primary key never adds or drops a row.
    countSql: `
      SELECT COUNT(*) FROM meters m
      JOIN premises p ON p.premises_id = m.premises_id
      WHERE ${HAS_ACCOUNT} AND (m.removed_on IS NULL OR m.removed_on >= :start)`,
    booleans: ['automatic'],
  },
  export_meter_readings: {
    // Meter by meter (CROSS JOIN keeps that loop order, so the readings index serves it without a sort).
    sql: `
      SELECT m.meter_code AS meter_id, r.reading_date, r.zone, r.value, r.source
      FROM meters m
      JOIN premises p ON p.premises_id = m.premises_id
      CROSS JOIN meter_readings r ON r.meter_id = m.meter_id
      WHERE ${HAS_ACCOUNT} AND r.reading_date >= :from AND r.reading_date <= :end
      ORDER BY m.meter_id, r.reading_date, r.zone`,
  },
};

/** The named parameters every query may use. */
function bindings(params: ExportParams): Record<string, string> {
  const end = lastDayOfPeriod(params.period); // also validates the period
  const months = params.months ?? 12;
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months: a positive integer, not ${months}`);
  return {
    period: params.period,
    start: `${params.period}-01`,
    end,
    asOf: params.asOf ?? end,
    from: `${addMonths(params.period, 1 - months)}-01`,
  };
}

/** Makes result rows (arrays in the statement's column order) into objects keyed by column name. */
function rowMaker(columns: readonly string[], booleans: readonly string[]): (values: unknown[]) => Raw {
  const flags = columns.map((c) => booleans.includes(c));
  return (values) => {
    const row: Raw = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]] = flags[i] ? values[i] === 1 : values[i];
    return row;
  };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The export was aborted', 'AbortError');
}

export class SqliteAccountingGateway implements AccountingGateway {
  /** importReadings' writable connection on a thread of its own, started on the first write (null: none could start). */
  private thread: Promise<ReadingsWriterThread | null> | undefined;
  /** What `thread` settled to, once it has. */
  private threadNow: ReadingsWriterThread | null | undefined;
  /** The writable connection of importReadings on this thread, when no writer thread could start. */
  private writer: SqliteReadingsWriter | null = null;
  /** The writable connection of importPortalPayments, opened on the first booking. */
  private payments: SqlitePaymentsWriter | null = null;
  /** The writable connection of applyRegistrations, opened on the first write. */
  private registrations: SqliteRegistrationsWriter | null = null;
  /** The writable connection of importBankItems, opened on the first booking. */
  private bankItems: SqliteBankItemsWriter | null = null;

  private constructor(
    private readonly db: Database.Database,
    readonly info: AccountingSourceInfo,
    private readonly path: string = '',
    private readonly locale: Locale = 'en',
  ) {}

  /** Opens the demo database read-only. A missing or unreadable file is SAL-5001. */
  static open(path: string, locale: Locale = 'en'): SqliteAccountingGateway {
    if (!existsSync(path)) fail('SAL-5001', locale, { detail: `file not found: ${path}` });
    let db: Database.Database | undefined;
    try {
      preferWal(path);
      db = new Database(path, { readonly: true, fileMustExist: true });
      const org = db.prepare(`SELECT value FROM meta WHERE key = 'organisation_name'`).pluck().get() as string | undefined;
      return new SqliteAccountingGateway(db, { kind: 'sqlite', label: basename(path), organisation: org }, path, locale);
    } catch (e) {
      db?.close();
      fail('SAL-5001', locale, { detail: `${basename(path)}: ${(e as Error).message}` });
    }
  }

  async periods(): Promise<string[]> {
    return this.db.prepare('SELECT period FROM periods ORDER BY period DESC').pluck().all() as string[];
  }

  async *export<P extends ExportProcedure>(proc: P, params: ExportParams, signal?: AbortSignal): AsyncIterable<ExportRows[P]> {
    const spec = SPECS[proc] as ProcSpec<P>;
    const bind = bindings(params);
    if (signal?.aborted) throw abortError(signal);
    // A statement of its own per call: several exports may stream at the same time.
    const stmt = this.db.prepare(spec.sql).raw(true);
    const make = rowMaker(
      stmt.columns().map((c) => c.name),
      spec.booleans ?? [],
    );
    // The consumer's work on each row runs inside this loop too, so the time is measured here.
    const breathe = new Breather(YIELD_AFTER_MS);
    for (const values of stmt.iterate(bind) as IterableIterator<unknown[]>) {
      const row = make(values);
      if (spec.map) for (const r of spec.map(row)) yield r;
      else yield row as unknown as ExportRows[P];
      if (breathe.due()) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        breathe.reset();
      }
      if (signal?.aborted) throw abortError(signal);
    }
  }

  async count(proc: ExportProcedure, params: ExportParams): Promise<number> {
    const spec = SPECS[proc];
    const n = this.db.prepare(spec.countSql ?? `SELECT COUNT(*) FROM (${spec.sql})`).pluck().get(bindings(params)) as number;
    return n * (spec.rowsPer ?? 1);
  }

  /** One transaction per call on a writable connection of its own (import-readings.ts), on a thread of its own (readings-writer-thread.ts). */
  async importReadings(rows: AcceptedReading[], signal?: AbortSignal): Promise<ImportReadingResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (rows.length === 0) return [];
    // Once the thread is up, the batch is posted right here, before this call returns: an await
    // first would hold it back until the caller's next stretch of work (archiving the batch before)
    // is done, and the two would take turns instead of overlapping.
    const thread = this.threadNow !== undefined ? this.threadNow : await this.writerThread();
    if (thread) return thread.import(rows);
    this.writer ??= SqliteReadingsWriter.open(this.path, this.locale);
    return this.writer.import(rows);
  }

  /** Starts the writer thread while the caller still reads and judges (its start takes a moment). */
  prepareImportReadings(): void {
    this.writerThread().catch(() => undefined);
  }

  private writerThread(): Promise<ReadingsWriterThread | null> {
    // A failure to open is not remembered: the next call tries again, as on this thread.
    this.thread ??= ReadingsWriterThread.open(this.path, this.locale).then(
      (t) => (this.threadNow = t),
      (e: unknown) => {
        this.thread = undefined;
        throw e;
      },
    );
    return this.thread;
  }

  async registeredAccounts(signal?: AbortSignal): Promise<RegisteredAccount[]> {
    if (signal?.aborted) throw abortError(signal);
    return readRegisteredAccounts(this.db, this.locale);
  }

  /** One transaction per call on a writable connection of its own (registered-accounts.ts). */
  async applyRegistrations(events: RegistrationEvent[], signal?: AbortSignal): Promise<RegistrationResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (events.length === 0) return [];
    this.registrations ??= SqliteRegistrationsWriter.open(this.path, this.locale);
    return this.registrations.apply(events);
  }

  /** One transaction per call on a writable connection of its own (import-portal-payments.ts). */
  async importPortalPayments(rows: PortalPaymentRow[], signal?: AbortSignal): Promise<ImportPaymentResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (rows.length === 0) return [];
    this.payments ??= SqlitePaymentsWriter.open(this.path, this.locale);
    return this.payments.import(rows);
  }

  /** One transaction per call on a writable connection of its own (import-bank-items.ts). */
  async importBankItems(rows: BankItemRow[], signal?: AbortSignal): Promise<ImportBankItemResult[]> {
    if (signal?.aborted) throw abortError(signal);
    if (rows.length === 0) return [];
    this.bankItems ??= SqliteBankItemsWriter.open(this.path, this.locale);
    return this.bankItems.import(rows);
  }

  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    this.threadNow = undefined;
    await (await thread?.catch(() => null))?.close();
    this.writer?.close();
    this.writer = null;
    this.payments?.close();
    this.payments = null;
    this.registrations?.close();
    this.registrations = null;
    this.bankItems?.close();
    this.bankItems = null;
    if (this.db.open) this.db.close();
  }
}
