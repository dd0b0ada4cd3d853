// import_portal_payments on the SQLite demo: what sql/mssql/03-procedures.sql
// saldo.import_portal_payments does on SQL Server, over the demo schema's portal_payments table.
// One IMMEDIATE transaction per call: every row written or none (any SQLite error rolls the batch
// back and is SAL-4158). Per row, in input order:
//   - payment_id already booked (or earlier in this call)           → already
//   - no premises with that account number                          → refused
//   - a service code given that the demo has no service for         → refused
//   - otherwise                                                     → written
// The duplicate check comes first: a payment booked before stays "already" whatever changed since,
// so a retried batch never turns into refusals. The writes go through their own connection: the
// gateway's reading connection is read-only.

import type Database from 'better-sqlite3';
import type { Locale } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import { paymentRows, type ImportPaymentResult, type PortalPaymentRow } from '../payment-rows';
import { PORTAL_PAYMENTS_TABLE } from './schema';
import { ensureTable, openWritable } from './writable';

export class SqlitePaymentsWriter {
  private constructor(
    private readonly db: Database.Database,
    private readonly locale: Locale,
  ) {}

  /** Opens a writable connection to the demo file (adding portal_payments to an older one); SAL-5052 when it cannot be. */
  static open(path: string, locale: Locale): SqlitePaymentsWriter {
    const db = openWritable(path, locale, { code: 'SAL-5052', upgrade: (x) => ensureTable(x, 'portal_payments', PORTAL_PAYMENTS_TABLE) });
    return new SqlitePaymentsWriter(db, locale);
  }

  import(rows: PortalPaymentRow[]): ImportPaymentResult[] {
    const checked = paymentRows(rows, this.locale);
    const booked = this.db.prepare(`SELECT 1 FROM portal_payments WHERE payment_id = ?`).pluck();
    // The active premises first, as the T-SQL does, when an account number is (wrongly) shared.
    const premises = this.db
      .prepare(`SELECT premises_id FROM premises WHERE account_no = ? ORDER BY CASE WHEN status = 'active' THEN 0 ELSE 1 END, premises_id LIMIT 1`)
      .pluck();
    const service = this.db.prepare(`SELECT service_id FROM services WHERE code = ?`).pluck();
    const insert = this.db.prepare(
      `INSERT INTO portal_payments (payment_id, premises_id, period, paid_on, amount, service_id, reference, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();

    const run = this.db.transaction((): ImportPaymentResult[] => {
      const seen = new Set<string>();
      return checked.map((r): ImportPaymentResult => {
        const id = r.payment_id;
        if (seen.has(id) || booked.get(id) !== undefined) return { payment_id: id, status: 'already', message: `payment ${id} is already booked` };
        seen.add(id);
        const premisesId = premises.get(r.account_no) as number | undefined;
        if (premisesId === undefined) return { payment_id: id, status: 'refused', message: `no account ${r.account_no}` };
        let serviceId: number | null = null;
        if (r.service_code !== null) {
          serviceId = (service.get(r.service_code) as number | undefined) ?? null;
          if (serviceId === null) return { payment_id: id, status: 'refused', message: `no service ${r.service_code}` };
        }
        insert.run(id, premisesId, r.paid_on.slice(0, 7), r.paid_on, r.amount, serviceId, r.reference, now);
        return { payment_id: id, status: 'written' };
      });
    });
    try {
      return run.immediate();
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      throw new ProblemError(problem('SAL-4158', this.locale, { detail: (e as Error).message }));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
