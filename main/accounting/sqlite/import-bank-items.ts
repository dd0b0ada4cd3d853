// import_bank_items on the SQLite demo: what sql/mssql/03-procedures.sql saldo.import_bank_items
// does on SQL Server, over the demo schema's bank_payments table. One IMMEDIATE transaction per
// call: every row written or none (any SQLite error rolls the batch back and is SAL-3047). Per row,
// in input order:
//   - statement_id + item_ref already booked (or earlier in this call)   → already
//   - no premises with that account number                              → refused
//   - otherwise                                                         → written
// The duplicate check comes first: an item booked before stays "already" whatever changed since
// (an operator's later assignment, a closed premises), so a repeated delivery never turns into
// refusals. The writes go through their own connection: the gateway's reading connection is
// read-only.

import type Database from 'better-sqlite3';
import type { Locale } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import { bankItemRows, type BankItemRow, type ImportBankItemResult } from '../bank-item-rows';
import { BANK_PAYMENTS_TABLE } from './schema';
import { ensureTable, openWritable } from './writable';

export class SqliteBankItemsWriter {
  private constructor(
    private readonly db: Database.Database,
    private readonly locale: Locale,
  ) {}

  /** Opens a writable connection to the demo file (adding bank_payments to an older one); SAL-5052 when it cannot be. */
  static open(path: string, locale: Locale): SqliteBankItemsWriter {
    const db = openWritable(path, locale, { code: 'SAL-5052', upgrade: (x) => ensureTable(x, 'bank_payments', BANK_PAYMENTS_TABLE) });
    return new SqliteBankItemsWriter(db, locale);
  }

  import(rows: BankItemRow[]): ImportBankItemResult[] {
    const checked = bankItemRows(rows, this.locale);
    const booked = this.db.prepare(`SELECT 1 FROM bank_payments WHERE statement_id = ? AND item_ref = ?`).pluck();
    // The active premises first, as the T-SQL does, when an account number is (wrongly) shared.
    const premises = this.db
      .prepare(`SELECT premises_id FROM premises WHERE account_no = ? ORDER BY CASE WHEN status = 'active' THEN 0 ELSE 1 END, premises_id LIMIT 1`)
      .pluck();
    const insert = this.db.prepare(
      `INSERT INTO bank_payments (statement_id, item_ref, premises_id, period, paid_on, amount, payer, title, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();

    const run = this.db.transaction((): ImportBankItemResult[] => {
      const seen = new Set<string>();
      return checked.map((r): ImportBankItemResult => {
        const keys = { statement_id: r.statement_id, item_ref: r.item_ref };
        // No '/' in a statement id (bank-item-rows.ts): the pair joined this way is one key.
        const key = `${r.statement_id}/${r.item_ref}`;
        if (seen.has(key) || booked.get(r.statement_id, r.item_ref) !== undefined) {
          return { ...keys, status: 'already', message: `item ${r.item_ref} of statement ${r.statement_id} is already booked` };
        }
        seen.add(key);
        const premisesId = premises.get(r.account_no) as number | undefined;
        if (premisesId === undefined) return { ...keys, status: 'refused', message: `no account ${r.account_no}` };
        insert.run(r.statement_id, r.item_ref, premisesId, r.booked_on.slice(0, 7), r.booked_on, r.amount, r.payer, r.title, now);
        return { ...keys, status: 'written' };
      });
    });
    try {
      return run.immediate();
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      throw new ProblemError(problem('SAL-3047', this.locale, { count: rows.length, detail: (e as Error).message }));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
