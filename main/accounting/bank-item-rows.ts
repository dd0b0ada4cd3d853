// The rows of importBankItems (the bank_item_tt table type of the exchange contract; the SQLite
// demo's bank_payments): checked once, before anything is written, for what the exchange cannot
// carry exactly — an amount that is not whole minor units above zero, a day that is not a date, a
// key that does not fit its varchar column. The keys are the idempotency key (statement + item), so
// they are never cut: a cut key could name another item. Payer and title are notes: cut to their
// nvarchar columns. Whether the account exists is the database's answer per row (refused).

import { isIsoDate } from '../../shared/domain/period';
import type { Minor } from '../../shared/domain/money';
import type { Locale } from '../../shared/domain/types';
import { problem, ProblemError } from '../../shared/errors/problem';

/** A matched bank payment, as accounting books it. */
export interface BankItemRow {
  /** The statement, unique per bank account and statement: with item_ref the idempotency key. */
  statement_id: string;
  /** The item within its statement (the bank's reference, or its position). */
  item_ref: string;
  /** The premises account the payment was matched to. */
  account_no: string;
  /** The bank day it was booked (YYYY-MM-DD); its month is the booking period. */
  booked_on: string;
  /** Minor units, a whole number > 0. */
  amount: Minor;
  payer?: string | null;
  title?: string | null;
}

export interface ImportBankItemResult {
  statement_id: string;
  item_ref: string;
  /** written: booked now; already: this statement + item was booked before (never twice); refused: not booked, with the reason. */
  status: 'written' | 'already' | 'refused';
  message?: string;
}

/** Column sizes of saldo.bank_item_tt (sql/mssql/02-exchange-schema.sql). */
export const BANK_STATEMENT_ID_MAX = 64;
export const BANK_ITEM_REF_MAX = 64;
export const BANK_ACCOUNT_MAX = 32;
export const BANK_PAYER_MAX = 200;
export const BANK_TITLE_MAX = 400;

export interface CheckedBankItem {
  statement_id: string;
  item_ref: string;
  account_no: string;
  booked_on: string;
  amount: Minor;
  payer: string | null;
  title: string | null;
}

/** The keys travel in varchar columns: printable ASCII only, so that no code page changes them. */
const KEY = /^[\x20-\x7e]+$/;

/** `s` cut to `max` UTF-16 units (nvarchar counts those), never between the halves of a surrogate pair. */
export function cutTo(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function note(v: unknown, max: number): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : cutTo(s, max);
}

/** Throws SAL-3048 (nothing written) for a row the exchange cannot carry; otherwise the rows as passed on. */
export function bankItemRows(rows: ReadonlyArray<BankItemRow>, locale: Locale): CheckedBankItem[] {
  return rows.map((r, i) => {
    const named = typeof r?.statement_id === 'string' && typeof r?.item_ref === 'string' && r.statement_id && r.item_ref;
    const key = named ? `${r.statement_id}/${r.item_ref}`.slice(0, 140) : `#${i + 1}`;
    const bad = (detail: string): never => {
      throw new ProblemError(problem('SAL-3048', locale, { key, detail }));
    };
    if (typeof r.statement_id !== 'string' || r.statement_id.length === 0 || r.statement_id.length > BANK_STATEMENT_ID_MAX || !KEY.test(r.statement_id)) {
      bad(`the statement id must be 1–${BANK_STATEMENT_ID_MAX} printable ASCII characters`);
    }
    if (typeof r.item_ref !== 'string' || r.item_ref.length === 0 || r.item_ref.length > BANK_ITEM_REF_MAX || !KEY.test(r.item_ref)) {
      bad(`the item reference must be 1–${BANK_ITEM_REF_MAX} printable ASCII characters`);
    }
    // On SQL Server the booked payment's external_ref is statement_id + '/' + item_ref: a '/' in the
    // statement id could make two different pairs one reference.
    if (r.statement_id.includes('/')) bad('the statement id must not contain "/"');
    if (typeof r.account_no !== 'string' || r.account_no.length === 0 || r.account_no.length > BANK_ACCOUNT_MAX) bad(`the account number must be 1–${BANK_ACCOUNT_MAX} characters`);
    if (typeof r.booked_on !== 'string' || !isIsoDate(r.booked_on)) bad('the day booked must be a date (YYYY-MM-DD)');
    if (typeof r.amount !== 'number' || !Number.isSafeInteger(r.amount)) bad(`the amount must be whole minor units, not ${typeof r.amount === 'number' ? 'a fraction' : typeof r.amount}`);
    if (r.amount <= 0) bad('the amount must be above zero');
    return {
      statement_id: r.statement_id,
      item_ref: r.item_ref,
      account_no: r.account_no,
      booked_on: r.booked_on,
      amount: r.amount,
      payer: note(r.payer, BANK_PAYER_MAX),
      title: note(r.title, BANK_TITLE_MAX),
    };
  });
}
