// The accounting gateway port (DESIGN.md §2, §3). Services depend on this interface only; the
// SQLite demo adapter and the MSSQL adapter implement it. Rows are streamed (async iterables)
// so that no category is ever held whole in memory.

import type { ExportParams, ExportProcedure, ExportRows } from '../../shared/domain/accounting';
import type { AcceptedReading, ImportReadingResult } from '../readings/types';
import type { ImportPaymentResult, PortalPaymentRow } from './payment-rows';
import type { BankItemRow, ImportBankItemResult } from './bank-item-rows';
import type { RegisteredAccount, RegistrationEvent, RegistrationResult } from './registered-accounts';

export interface AccountingSourceInfo {
  kind: 'sqlite' | 'mssql';
  /** What the status bar shows: a file name or server/database — never a password. */
  label: string;
  organisation?: string;
}

export interface AccountingGateway {
  readonly info: AccountingSourceInfo;
  /** Periods (YYYY-MM) the source has charges for, newest first. */
  periods(): Promise<string[]>;
  /**
   * Stream the rows of one outbound exchange procedure. Stops early when `signal` aborts.
   * Per-account procedures return an account's rows together (ordered by premises), so that a
   * consumer can group them without holding the whole category.
   */
  export<P extends ExportProcedure>(proc: P, params: ExportParams, signal?: AbortSignal): AsyncIterable<ExportRows[P]>;
  /** Row count of one outbound procedure, for progress totals (may be an estimate on MSSQL). */
  count(proc: ExportProcedure, params: ExportParams): Promise<number>;
  /**
   * Writes validated readings (the exchange contract's import_readings) in ONE transaction per
   * call: every row is written or none is. Answers one result per input row, in input order:
   * `written`; `already` when its reading_key was written before (a retried batch never doubles a
   * reading); `refused` with the database's reason (e.g. an unknown meter) — a refused row does
   * not abort the others. Any other failure throws a catalogue problem (SAL-5051…) and nothing of
   * the batch is in the database. A reading_key repeated within one call is answered `already`
   * for its later rows. Values are decimal text (never floats). Keep batches to a few thousand rows.
   */
  importReadings(rows: AcceptedReading[], signal?: AbortSignal): Promise<ImportReadingResult[]>;
  /**
   * A hint that importReadings calls follow soon: an adapter may get its writer ready meanwhile
   * (the demo starts its writer thread). Never throws; a failure shows at the first importReadings.
   */
  prepareImportReadings?(): void;
  /** The accounts registered on the portal (table registered_accounts), by account number. */
  registeredAccounts(signal?: AbortSignal): Promise<RegisteredAccount[]>;
  /**
   * Applies registration events to registered_accounts in ONE transaction per call, in order:
   * `registered` inserts the account if absent (`inserted`, else `already`); only `unregistered`
   * deletes it, if present (`deleted`, else `absent`). Nothing else is ever deleted. One result per
   * event, in input order. Any failure throws SAL-4122 and nothing of the call is written. The
   * caller checks that the accounts exist (the exchange login sees no premises table on SQL Server).
   */
  applyRegistrations(events: RegistrationEvent[], signal?: AbortSignal): Promise<RegistrationResult[]>;
  /**
   * Books payments residents made on the portal (the exchange contract's import_portal_payments)
   * in ONE transaction per call: every row written or none. Answers one result per input row, in
   * input order: `written`; `already` when its payment_id was booked before or comes earlier in
   * this call (a payment the portal sends twice is booked once); `refused` with the database's
   * reason (no such account, an unknown service) — a refused row does not abort the others. A row
   * the exchange cannot carry (a fractional amount, no id) is SAL-4159 before anything is written;
   * any other failure throws SAL-4158 and nothing of the batch is in the database.
   */
  importPortalPayments(rows: PortalPaymentRow[], signal?: AbortSignal): Promise<ImportPaymentResult[]>;
  /**
   * Books matched bank payments (the exchange contract's import_bank_items; used when saldo.json
   * bank.deliver is `accounting`, instead of output files) in ONE transaction per call: every row
   * written or none. Answers one result per input row, in input order: `written`; `already` when
   * its statement_id + item_ref was booked before or comes earlier in this call (an item sent
   * again is booked once); `refused` with the database's reason (no such account) — a refused row
   * does not abort the others. A row the exchange cannot carry (an amount that is not whole minor
   * units above zero, a bad date, a key too long for its column; bank-item-rows.ts) is SAL-3048
   * before anything is written; any other failure throws SAL-3047 and nothing of the batch is in
   * the database. Payer and title are cut to their columns. Keep batches to a few thousand rows.
   */
  importBankItems(rows: BankItemRow[], signal?: AbortSignal): Promise<ImportBankItemResult[]>;
  close(): Promise<void>;
}
