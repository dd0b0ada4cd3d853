// The money collected in a month, from the two places Saldo knows it: portal payments it booked
// (this feature's store) and matched bank payments (the bank feature's store). The bank feature has
// no query for "matched money of a month", so this is a read-only query of its own against the
// bank's tables (migration 005: bank_items, bank_statements) — it never writes them.

import { lastDayOfPeriod } from '../../../shared/domain/period';
import type { Db } from '../../store/store';
import { PaymentsStore } from '../payments/store';

export interface CollectedPayment {
  source: 'portal' | 'bank';
  /** The portal payment id, or the bank item's id. */
  ref: string;
  accountNo: string;
  /** Minor units: > 0, or < 0 for a bank reversal of a payment (money given back). */
  amount: number;
  /** The day the money came in. */
  paidOn: string;
}

/**
 * Matched bank payments of the month, in the accounts' currency: items the bank import (or the
 * operator) assigned to a premises, from statements that were booked (not duplicates), by their
 * booking date (the value date when the bank gave none). A reversal of a payment (RD/RC, matched to
 * the premises with a negative amount) counts too: that money was given back.
 */
const BANK_MATCHED = `
  SELECT i.id, i.account_no, i.amount, i.currency, COALESCE(i.booking_date, i.value_date) AS day
  FROM bank_items i JOIN bank_statements s ON s.id = i.statement_id
  WHERE i.status = 'matched' AND i.amount <> 0 AND i.account_no IS NOT NULL AND i.account_no <> '' AND s.booked = 1
    AND COALESCE(i.booking_date, i.value_date) >= ? AND COALESCE(i.booking_date, i.value_date) <= ?
  ORDER BY day, i.id`;

export function collectedIn(db: Db, period: string, currency: string): { payments: CollectedPayment[]; otherCurrency: number } {
  const payments: CollectedPayment[] = [];
  for (const p of new PaymentsStore(db).bookedInPeriod(period)) {
    // A portal payment in another currency is never booked (SAL-4153); the check keeps the sum honest.
    if (p.currency === currency) payments.push({ source: 'portal', ref: p.payment_id, accountNo: p.account_no, amount: p.amount, paidOn: p.paid_on });
  }
  let otherCurrency = 0;
  const rows = db.prepare(BANK_MATCHED).all(`${period}-01`, lastDayOfPeriod(period)) as Array<{ id: number; account_no: string; amount: number; currency: string; day: string }>;
  for (const r of rows) {
    if (r.currency !== currency) {
      otherCurrency++;
      continue;
    }
    payments.push({ source: 'bank', ref: String(r.id), accountNo: r.account_no, amount: r.amount, paidOn: r.day });
  }
  return { payments, otherCurrency };
}
