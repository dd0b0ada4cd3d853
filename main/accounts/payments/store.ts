// The portal payments' repository over the local store (migration 7): every payment id processed
// (booked or rejected), the ids that came again, the feed cursor, and the acknowledgements still
// owed. SQL only with parameters; the caller wraps a page in one transaction (recordPage).

import { toDecimalString } from '../../../shared/domain/money';
import type { Problem } from '../../../shared/domain/types';
import type { PaymentOutcome, PortalPaymentView } from '../../../shared/ipc/contract-accounts';
import { nowIso, type Db } from '../../store/store';

export const PAYMENTS_FEED = 'payments';

export interface PaymentRow {
  payment_id: string;
  account_no: string;
  amount: number;
  currency: string;
  paid_at: string;
  paid_on: string;
  period: string;
  reference: string;
  fingerprint: string;
  outcome: 'booked' | 'rejected';
  written: 'written' | 'already' | null;
  code: string | null;
  problem: string | null;
  run_id: number;
  processed_at: string;
  ack: 'pending' | 'sent';
  ack_message: string | null;
}

export type NewPayment = Omit<PaymentRow, 'processed_at' | 'ack' | 'problem'> & { problem: Problem | null };

export interface NewRepeat {
  payment_id: string;
  account_no: string;
  amount: number;
  paid_at: string;
  same: boolean;
  problem: Problem;
  run_id: number;
}

export interface PaymentFilter {
  outcome?: PaymentOutcome;
  runId?: number;
  search?: string;
  offset?: number;
  limit?: number;
}

// One listing over payments and repeats (a repeat shows the first payment's day, period and ack).
const LISTING = `
  SELECT p.payment_id, p.account_no, p.amount, p.currency, p.paid_at, p.paid_on, p.period, p.reference, p.outcome,
         p.written, p.code, p.problem, p.run_id, p.processed_at, p.ack, 0 AS sort2
  FROM portal_payments p
  UNION ALL
  SELECT r.payment_id, r.account_no, r.amount, p.currency, r.paid_at, p.paid_on, p.period, p.reference, 'duplicate' AS outcome,
         NULL AS written, r.code, r.problem, r.run_id, r.received_at AS processed_at, p.ack, r.id AS sort2
  FROM portal_payment_repeats r JOIN portal_payments p ON p.payment_id = r.payment_id`;
const FILTERS = `(@outcome IS NULL OR outcome = @outcome) AND (@runId IS NULL OR run_id = @runId)
  AND (@q IS NULL OR payment_id LIKE @q ESCAPE '\\' OR account_no LIKE @q ESCAPE '\\' OR reference LIKE @q ESCAPE '\\' OR code LIKE @q ESCAPE '\\')`;
const LIST_COUNT = `SELECT COUNT(*) FROM (${LISTING}) WHERE ${FILTERS}`;
const LIST_PAGE = `SELECT * FROM (${LISTING}) WHERE ${FILTERS} ORDER BY processed_at DESC, payment_id, sort2 LIMIT @limit OFFSET @offset`;
const NOT_BOOKED = `run_id = @runId AND (outcome = 'rejected' OR (outcome = 'duplicate' AND code <> 'SAL-4151'))`;
const NOT_BOOKED_COUNT = `SELECT COUNT(*) FROM (${LISTING}) WHERE ${NOT_BOOKED}`;
const NOT_BOOKED_PAGE = `SELECT * FROM (${LISTING}) WHERE ${NOT_BOOKED} ORDER BY processed_at, payment_id, sort2 LIMIT @limit`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type ListingRow = Omit<PaymentRow, 'fingerprint' | 'outcome' | 'ack_message'> & { outcome: PaymentOutcome };

export function paymentView(r: ListingRow): PortalPaymentView {
  return {
    id: r.payment_id,
    accountNo: r.account_no,
    amount: toDecimalString(r.amount),
    currency: r.currency,
    paidAt: r.paid_at,
    paidOn: r.paid_on,
    period: r.period,
    reference: r.reference,
    outcome: r.outcome,
    written: r.written,
    code: r.code,
    problem: r.problem ? (JSON.parse(r.problem) as Problem) : null,
    runId: r.run_id,
    processedAt: r.processed_at,
    ack: r.ack,
  };
}

export class PaymentsStore {
  constructor(readonly db: Db) {}

  cursor(): string | null {
    return (this.db.prepare(`SELECT cursor FROM portal_payments_cursor WHERE feed = ?`).pluck().get(PAYMENTS_FEED) as string | null | undefined) ?? null;
  }

  setCursor(cursor: string | null, runId: number): void {
    this.db
      .prepare(
        `INSERT INTO portal_payments_cursor (feed, cursor, run_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, run_id = excluded.run_id, updated_at = excluded.updated_at`,
      )
      .run(PAYMENTS_FEED, cursor, runId, nowIso());
  }

  /** The payments already processed among these ids. */
  known(ids: readonly string[]): Map<string, PaymentRow> {
    if (!ids.length) return new Map();
    const rows = this.db.prepare(`SELECT * FROM portal_payments WHERE payment_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as PaymentRow[];
    return new Map(rows.map((r) => [r.payment_id, r]));
  }

  /**
   * A page's outcome, in ONE local transaction with the cursor after it: a crash before it commits
   * re-reads the page, and accounting (idempotent by payment id) answers "already" for what it
   * booked. A repeat puts the first payment's acknowledgement back in the queue: the portal hears
   * the same outcome for the id again. Two imports at once (the window and a scheduled job) read
   * the same page: accounting answers the second "already", and here the first record stands.
   */
  recordPage(page: { payments: NewPayment[]; repeats: NewRepeat[]; cursor: string | null; runId: number }): void {
    const now = nowIso();
    const insert = this.db.prepare(
      `INSERT INTO portal_payments (payment_id, account_no, amount, currency, paid_at, paid_on, period, reference, fingerprint, outcome, written,
         code, problem, run_id, processed_at, ack, ack_message)
       VALUES (@payment_id, @account_no, @amount, @currency, @paid_at, @paid_on, @period, @reference, @fingerprint, @outcome, @written,
         @code, @problem, @run_id, @processed_at, 'pending', @ack_message)
       ON CONFLICT (payment_id) DO NOTHING`,
    );
    const repeat = this.db.prepare(
      `INSERT INTO portal_payment_repeats (payment_id, account_no, amount, paid_at, same, code, problem, run_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const reAck = this.db.prepare(`UPDATE portal_payments SET ack = 'pending' WHERE payment_id = ?`);
    this.db.transaction(() => {
      for (const p of page.payments) insert.run({ ...p, problem: p.problem ? JSON.stringify(p.problem) : null, processed_at: now });
      for (const r of page.repeats) {
        repeat.run(r.payment_id, r.account_no, r.amount, r.paid_at, r.same ? 1 : 0, r.problem.code, JSON.stringify(r.problem), r.run_id, now);
        reAck.run(r.payment_id);
      }
      this.setCursor(page.cursor, page.runId);
    })();
  }

  pendingAcks(limit: number): PaymentRow[] {
    return this.db.prepare(`SELECT * FROM portal_payments WHERE ack = 'pending' ORDER BY processed_at, payment_id LIMIT ?`).all(limit) as PaymentRow[];
  }

  pendingCount(): number {
    return this.db.prepare(`SELECT COUNT(*) FROM portal_payments WHERE ack = 'pending'`).pluck().get() as number;
  }

  markAcked(ids: readonly string[]): void {
    this.db.prepare(`UPDATE portal_payments SET ack = 'sent', acked_at = ? WHERE payment_id IN (SELECT value FROM json_each(?))`).run(nowIso(), JSON.stringify(ids));
  }

  list(f: PaymentFilter): { rows: PortalPaymentView[]; total: number } {
    const q = f.search?.trim();
    const args = {
      outcome: f.outcome ?? null,
      runId: f.runId ?? null,
      q: q ? `%${likeEscape(q)}%` : null,
      limit: f.limit ?? 500,
      offset: f.offset ?? 0,
    };
    const total = this.db.prepare(LIST_COUNT).pluck().get(args) as number;
    const rows = (this.db.prepare(LIST_PAGE).all(args) as ListingRow[]).map(paymentView);
    return { rows, total };
  }

  /** The payments of a run that were not booked (rejected, and repeats with other data), for the summary. */
  notBooked(runId: number, limit: number): { rows: PortalPaymentView[]; total: number } {
    const total = this.db.prepare(NOT_BOOKED_COUNT).pluck().get({ runId }) as number;
    const rows = (this.db.prepare(NOT_BOOKED_PAGE).all({ runId, limit }) as ListingRow[]).map(paymentView);
    return { rows, total };
  }

  /** Booked portal payments paid in a month (the funds report's portal money). */
  bookedInPeriod(period: string): Array<{ payment_id: string; account_no: string; amount: number; paid_on: string; currency: string }> {
    return this.db
      .prepare(`SELECT payment_id, account_no, amount, paid_on, currency FROM portal_payments WHERE period = ? AND outcome = 'booked' ORDER BY paid_on, payment_id`)
      .all(period) as Array<{ payment_id: string; account_no: string; amount: number; paid_on: string; currency: string }>;
  }
}
