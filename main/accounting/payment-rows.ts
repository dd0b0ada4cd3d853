// The rows of importPortalPayments (the portal_payment_tt table type of the exchange contract; the
// SQLite demo's portal_payments): checked once, before anything is written, for what the exchange
// cannot carry exactly — an amount that is not whole minor units above zero, a day that is not a
// date, a key too long for its column. Whether the account exists is the database's answer per row
// (refused), not a reason to stop the batch.

import { isIsoDate } from '../../shared/domain/period';
import type { Minor } from '../../shared/domain/money';
import type { Locale } from '../../shared/domain/types';
import { problem, ProblemError } from '../../shared/errors/problem';

/** A payment a resident made on the portal, as accounting books it. */
export interface PortalPaymentRow {
  /** The portal's id: the idempotency key — an id written before is answered 'already'. */
  payment_id: string;
  account_no: string;
  /** The local calendar day it was paid (YYYY-MM-DD); its month is the booking period. */
  paid_on: string;
  /** Minor units, a whole number > 0. */
  amount: Minor;
  /** The resident's payment title, if any (at most 140 characters). */
  reference?: string | null;
  /** When the resident paid for one service only. */
  service_code?: string | null;
}

export interface ImportPaymentResult {
  payment_id: string;
  /** written: booked now; already: its id was booked before (never twice); refused: not booked, with the reason. */
  status: 'written' | 'already' | 'refused';
  message?: string;
}

/** Column sizes of saldo.portal_payment_tt (sql/mssql/02-exchange-schema.sql). */
export const PAYMENT_ID_MAX = 64;
export const PAYMENT_ACCOUNT_MAX = 32;
export const PAYMENT_REFERENCE_MAX = 140;
export const PAYMENT_SERVICE_MAX = 16;

export interface CheckedPayment {
  payment_id: string;
  account_no: string;
  paid_on: string;
  amount: Minor;
  service_code: string | null;
  reference: string | null;
}

/** Throws SAL-4159 (nothing written) for a row the exchange cannot carry; otherwise the rows as passed on. */
export function paymentRows(rows: ReadonlyArray<PortalPaymentRow>, locale: Locale): CheckedPayment[] {
  return rows.map((r, i) => {
    const key = typeof r?.payment_id === 'string' && r.payment_id ? r.payment_id.slice(0, PAYMENT_ID_MAX) : `#${i + 1}`;
    const bad = (detail: string): never => {
      throw new ProblemError(problem('SAL-4159', locale, { key, detail }));
    };
    if (typeof r.payment_id !== 'string' || r.payment_id.length === 0 || r.payment_id.length > PAYMENT_ID_MAX) bad(`the payment id must be 1–${PAYMENT_ID_MAX} characters`);
    if (typeof r.account_no !== 'string' || r.account_no.length === 0 || r.account_no.length > PAYMENT_ACCOUNT_MAX) bad(`the account number must be 1–${PAYMENT_ACCOUNT_MAX} characters`);
    if (typeof r.paid_on !== 'string' || !isIsoDate(r.paid_on)) bad('the day paid must be a date (YYYY-MM-DD)');
    if (typeof r.amount !== 'number' || !Number.isSafeInteger(r.amount)) bad(`the amount must be whole minor units, not ${typeof r.amount === 'number' ? 'a fraction' : typeof r.amount}`);
    if (r.amount <= 0) bad('the amount must be above zero');
    const reference = r.reference ?? null;
    if (reference !== null && (typeof reference !== 'string' || reference.length > PAYMENT_REFERENCE_MAX)) bad(`the reference must be text of at most ${PAYMENT_REFERENCE_MAX} characters`);
    const service = r.service_code ?? null;
    if (service !== null && (typeof service !== 'string' || service.length === 0 || service.length > PAYMENT_SERVICE_MAX)) bad(`the service code must be 1–${PAYMENT_SERVICE_MAX} characters`);
    return { payment_id: r.payment_id, account_no: r.account_no, paid_on: r.paid_on, amount: r.amount, service_code: service, reference: reference === '' ? null : reference };
  });
}
