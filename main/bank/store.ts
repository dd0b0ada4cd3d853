// The bank feature's repository over the local store (migration 5): processed files, statements,
// items with their match, payer history and output files. SQL only with parameters; the callers
// wrap a whole file's rows in one transaction.

import type Database from 'better-sqlite3';
import type { Problem } from '../../shared/domain/types';
import type { BankItemStatus, BankPremisesKind } from '../../shared/ipc/contract-bank';
import { nowIso, type Db } from '../store/store';
import type { MatchMethod } from './types';

export interface ItemRow {
  id: number;
  run_id: number;
  statement_id: number;
  seq: number;
  booking_date: string | null;
  value_date: string;
  amount: number;
  currency: string;
  title: string;
  payer_name: string | null;
  payer_account: string | null;
  virtual_account: string | null;
  bank_reference: string | null;
  ref_key: string | null;
  type_code: string | null;
  line: number | null;
  status: BankItemStatus;
  account_no: string | null;
  premises_kind: BankPremisesKind | null;
  address: string | null;
  method: MatchMethod | null;
  suggestion_account: string | null;
  suggestion_reason: string | null;
  problems: string;
  assigned_by: string | null;
  assigned_at: string | null;
  note: string | null;
  /** Migration 8: accounting's answer to the item's last delivery (bank.deliver = accounting); null: never sent. */
  booking: BookingStatus | null;
  booked_at: string | null;
  booking_message: string | null;
  /** The import_bank_items keys it was first sent under (kept and sent unchanged ever after). */
  booking_statement: string | null;
  booking_item: string | null;
}

export type BookingStatus = 'written' | 'already' | 'refused';

/** A matched item as the delivery to accounting reads it: the item and its statement's identity. */
export interface DeliverableRow extends ItemRow {
  stmt_key: string;
}

export interface BookingOutcome {
  id: number;
  booking: BookingStatus;
  message: string | null;
  statement: string | null;
  item: string | null;
}

export interface StatementRow {
  id: number;
  file_id: number;
  run_id: number;
  seq: number;
  stmt_key: string;
  format: string;
  statement_id: string;
  number: string | null;
  account: string;
  currency: string;
  opening: number | null;
  opening_date: string | null;
  closing: number | null;
  closing_date: string | null;
  computed: number;
  credit: number;
  debit: number;
  entries: number;
  check_result: 'pass' | 'unavailable' | 'mismatch';
  booked: number;
  duplicate: number;
  file_name: string;
  encoding: string | null;
}

export type NewStatement = Omit<StatementRow, 'id' | 'file_name' | 'encoding'>;
export type NewItem = Omit<ItemRow, 'id' | 'problems' | 'assigned_by' | 'assigned_at' | 'note' | 'booking' | 'booked_at' | 'booking_message' | 'booking_statement' | 'booking_item'> & {
  problems: Problem[];
};

export interface ItemFilter {
  runId?: number;
  status?: BankItemStatus;
  kind?: BankPremisesKind;
  search?: string;
  offset?: number;
  limit?: number;
}

const FILTERS = `(@status IS NULL OR status = @status) AND (@kind IS NULL OR premises_kind = @kind)
  AND (@q IS NULL OR title LIKE @q ESCAPE '\\' OR payer_name LIKE @q ESCAPE '\\' OR payer_account LIKE @q ESCAPE '\\'
    OR account_no LIKE @q ESCAPE '\\' OR bank_reference LIKE @q ESCAPE '\\' OR address LIKE @q ESCAPE '\\')`;
const ITEMS_COUNT_RUN = 'SELECT COUNT(*) AS n FROM bank_items WHERE run_id = @runId AND ' + FILTERS;
const ITEMS_PAGE_RUN = 'SELECT * FROM bank_items WHERE run_id = @runId AND ' + FILTERS + ' ORDER BY statement_id, seq LIMIT @limit OFFSET @offset';
const ITEMS_COUNT_ALL = 'SELECT COUNT(*) AS n FROM bank_items WHERE ' + FILTERS;
const ITEMS_PAGE_ALL = 'SELECT * FROM bank_items WHERE ' + FILTERS + ' ORDER BY run_id, statement_id, seq LIMIT @limit OFFSET @offset';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export class BankStore {
  /** Statements run once per entry or payer are prepared once (a 100,000-entry file asks 100,000 times). */
  private readonly prepared = new Map<string, Database.Statement>();
  constructor(readonly db: Db) {}

  private st(sql: string): Database.Statement {
    let p = this.prepared.get(sql);
    if (!p) this.prepared.set(sql, (p = this.db.prepare(sql)));
    return p;
  }

  /** The run that booked a file with this content, if any. */
  bookedFile(sha256: string): { run_id: number } | undefined {
    return this.db.prepare(`SELECT run_id FROM bank_files WHERE sha256 = ? AND booked = 1 ORDER BY id LIMIT 1`).get(sha256) as { run_id: number } | undefined;
  }

  bookedStatement(stmtKey: string): { run_id: number } | undefined {
    return this.st(`SELECT run_id FROM bank_statements WHERE stmt_key = ? AND booked = 1 ORDER BY id LIMIT 1`).get(stmtKey) as { run_id: number } | undefined;
  }

  bookedEntry(refKey: string): { run_id: number } | undefined {
    return this.st(`SELECT run_id FROM bank_items WHERE ref_key = ? LIMIT 1`).get(refKey) as { run_id: number } | undefined;
  }

  history(payerKey: string): Map<string, number> | undefined {
    const rows = this.st(`SELECT account_no, payments FROM bank_payer_history WHERE payer_account = ? AND payments > 0`).all(payerKey) as Array<{ account_no: string; payments: number }>;
    return rows.length ? new Map(rows.map((r) => [r.account_no, r.payments])) : undefined;
  }

  addHistory(payerKey: string, accountNo: string, date: string, delta: 1 | -1): void {
    this
      .st(
        `INSERT INTO bank_payer_history (payer_account, account_no, payments, last_date) VALUES (?, ?, ?, ?)
         ON CONFLICT (payer_account, account_no) DO UPDATE SET payments = MAX(0, payments + excluded.payments),
           last_date = MAX(last_date, excluded.last_date)`,
      )
      .run(payerKey, accountNo, delta, date);
    if (delta < 0) this.st(`DELETE FROM bank_payer_history WHERE payer_account = ? AND account_no = ? AND payments <= 0`).run(payerKey, accountNo);
  }

  insertFile(f: { runId: number; name: string; sha256: string; size: number; format: string | null; encoding: string | null; booked: boolean; duplicate: boolean; problems: Problem[] }): number {
    const info = this.db
      .prepare(`INSERT INTO bank_files (run_id, name, sha256, size, format, encoding, booked, duplicate, problems, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(f.runId, f.name, f.sha256, f.size, f.format, f.encoding, f.booked ? 1 : 0, f.duplicate ? 1 : 0, JSON.stringify(f.problems), nowIso());
    return Number(info.lastInsertRowid);
  }

  insertStatement(s: NewStatement): number {
    const info = this.db
      .prepare(
        `INSERT INTO bank_statements (file_id, run_id, seq, stmt_key, format, statement_id, number, account, currency, opening, opening_date,
           closing, closing_date, computed, credit, debit, entries, check_result, booked, duplicate)
         VALUES (@file_id, @run_id, @seq, @stmt_key, @format, @statement_id, @number, @account, @currency, @opening, @opening_date,
           @closing, @closing_date, @computed, @credit, @debit, @entries, @check_result, @booked, @duplicate)`,
      )
      .run(s);
    return Number(info.lastInsertRowid);
  }

  itemInserter(): (i: NewItem) => number {
    const st = this.db.prepare(
      `INSERT INTO bank_items (run_id, statement_id, seq, booking_date, value_date, amount, currency, title, payer_name, payer_account,
         virtual_account, bank_reference, ref_key, type_code, line, status, account_no, premises_kind, address, method,
         suggestion_account, suggestion_reason, problems)
       VALUES (@run_id, @statement_id, @seq, @booking_date, @value_date, @amount, @currency, @title, @payer_name, @payer_account,
         @virtual_account, @bank_reference, @ref_key, @type_code, @line, @status, @account_no, @premises_kind, @address, @method,
         @suggestion_account, @suggestion_reason, @problems)`,
    );
    return (i) => Number(st.run({ ...i, problems: JSON.stringify(i.problems) }).lastInsertRowid);
  }

  /** Whether the run imported statement files (a bank-import run, or a cycle with a bank step). */
  hasFiles(runId: number): boolean {
    return this.db.prepare(`SELECT 1 FROM bank_files WHERE run_id = ? LIMIT 1`).get(runId) !== undefined;
  }

  statements(runId: number): StatementRow[] {
    return this.db
      .prepare(
        `SELECT s.*, f.name AS file_name, f.encoding FROM bank_statements s JOIN bank_files f ON f.id = s.file_id
         WHERE s.run_id = ? ORDER BY s.file_id, s.seq`,
      )
      .all(runId) as StatementRow[];
  }

  item(id: number): ItemRow | undefined {
    return this.db.prepare(`SELECT * FROM bank_items WHERE id = ?`).get(id) as ItemRow | undefined;
  }

  /** An item of a run by its key or its bank reference (the CLI's --entry). */
  findItem(runId: number, ref: string): ItemRow[] {
    return this.db.prepare(`SELECT * FROM bank_items WHERE run_id = ? AND (CAST(id AS TEXT) = ? OR bank_reference = ?) ORDER BY id`).all(runId, ref, ref) as ItemRow[];
  }

  items(f: ItemFilter): { rows: ItemRow[]; total: number } {
    const q = f.search?.trim();
    const args = {
      runId: f.runId ?? null,
      status: f.status ?? null,
      kind: f.kind ?? null,
      q: q ? `%${likeEscape(q)}%` : null,
      limit: f.limit ?? 500,
      offset: f.offset ?? 0,
    };
    // Static SQL with optional filters; a run's own query keeps the (run_id, status) index.
    const [count, page] = f.runId !== undefined ? [ITEMS_COUNT_RUN, ITEMS_PAGE_RUN] : [ITEMS_COUNT_ALL, ITEMS_PAGE_ALL];
    const total = (this.db.prepare(count).get(args) as { n: number }).n;
    const rows = this.db.prepare(page).all(args) as ItemRow[];
    return { rows, total };
  }

  /** The run's items, in statement order, for the output files and reports. */
  runItems(runId: number, statuses: readonly BankItemStatus[]): ItemRow[] {
    return this.db
      .prepare(`SELECT * FROM bank_items WHERE run_id = ? AND status IN (SELECT value FROM json_each(?)) ORDER BY statement_id, seq`)
      .all(runId, JSON.stringify(statuses)) as ItemRow[];
  }

  assign(id: number, a: { status: 'matched'; accountNo: string; kind: BankPremisesKind; address: string; method: MatchMethod; by: string; note: string | null; problems: Problem[] }): void {
    this.db
      .prepare(
        `UPDATE bank_items SET status = ?, account_no = ?, premises_kind = ?, address = ?, method = ?, assigned_by = ?, assigned_at = ?,
           note = ?, problems = ?, suggestion_account = NULL, suggestion_reason = NULL WHERE id = ?`,
      )
      .run(a.status, a.accountNo, a.kind, a.address, a.method, a.by, nowIso(), a.note, JSON.stringify(a.problems), id);
  }

  /** The run's matched items with their statement's identity, in statement order (the delivery to accounting). */
  deliverable(runId: number): DeliverableRow[] {
    return this.db
      .prepare(
        `SELECT i.*, s.stmt_key FROM bank_items i JOIN bank_statements s ON s.id = i.statement_id
         WHERE i.run_id = ? AND i.status = 'matched' AND i.premises_kind IS NOT NULL ORDER BY i.statement_id, i.seq`,
      )
      .all(runId) as DeliverableRow[];
  }

  /** The bank references of the run's items (every status), for telling whether a reference is unique in its statement. */
  references(runId: number): Array<{ statement_id: number; bank_reference: string }> {
    return this.db.prepare(`SELECT statement_id, bank_reference FROM bank_items WHERE run_id = ? AND bank_reference IS NOT NULL`).all(runId) as Array<{
      statement_id: number;
      bank_reference: string;
    }>;
  }

  /** Accounting's answers to one delivered batch, in one transaction; the keys are kept from the first delivery. */
  recordBookings(outcomes: readonly BookingOutcome[]): void {
    const st = this.st(
      `UPDATE bank_items SET booking = @booking, booked_at = @at, booking_message = @message,
         booking_statement = COALESCE(booking_statement, @statement), booking_item = COALESCE(booking_item, @item) WHERE id = @id`,
    );
    const at = nowIso();
    this.db.transaction(() => {
      for (const o of outcomes) st.run({ ...o, at });
    })();
  }

  recordOutput(o: { runId: number; kind: 'residential' | 'commercial' | 'unmatched'; file: string; rows: number; total: number; by: string }): void {
    this.db
      .prepare(`INSERT INTO bank_outputs (run_id, kind, file, rows, total, written_at, written_by) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(o.runId, o.kind, o.file, o.rows, o.total, nowIso(), o.by);
  }
}
