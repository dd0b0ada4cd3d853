// The keys a matched bank item is booked under in accounting (import_bank_items: statement_id +
// item_ref, the procedure's idempotency key). They must never change for the same item: an item
// delivered again (after an assignment, a retry, a crash before the answer was recorded) must be
// answered `already`, never booked twice. So they are made only from what the import stored and
// never changes — the statement's identity (the same one that recognises a statement downloaded
// twice) and the item's bank reference or position — and the store keeps the keys of an item's
// first delivery and sends those ever after.
//
// Both go into varchar(64) columns that SQL Server compares case-insensitively and without trailing
// spaces, and the booked payment's external_ref is statement_id + '/' + item_ref. Hence: printable
// ASCII, no raw '/' in a statement id, a reference used plainly only when it is unique in its
// statement (ignoring case), and a long or non-ASCII value replaced by a digest.

import { createHash } from 'node:crypto';
import { BANK_ITEM_REF_MAX, BANK_STATEMENT_ID_MAX } from '../accounting/bank-item-rows';

const digest = (s: string, chars: number) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, chars);

const PRINTABLE = /^[\x20-\x7e]+$/;

/**
 * '%' and '#' (and '/' in a statement id) written as %25, %23, %2F: one-to-one, so two different
 * values never give the same key, and a raw '#' is left to mark the generated forms below.
 */
const escape = (s: string, chars: RegExp) => s.replace(chars, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/**
 * statement_id: the store's statement key (account | :20: id | :28C: number, or the balances and
 * dates when the statement has no number), escaped, when it fits; else the account and a digest.
 */
export function bookingStatementId(stmtKey: string): string {
  const plain = escape(stmtKey, /[%#/]/g);
  if (plain.length <= BANK_STATEMENT_ID_MAX && PRINTABLE.test(plain) && plain === plain.trim()) return plain;
  const account = (stmtKey.split('|')[0] ?? '').replace(/[^0-9A-Za-z]/g, '').slice(0, 34);
  return `${account}|#${digest(stmtKey, 24)}`;
}

/** The reference as SQL Server would compare it (case-insensitive collation, trailing spaces ignored). */
export const refIdentity = (ref: string) => ref.trim().toUpperCase();

/**
 * item_ref: the bank's reference (escaped) when it names one item of its statement only; else the
 * reference (or its digest) with the item's position, `#<seq>` when there is no reference.
 * `duplicated` tells whether another item of the same statement has the same reference (refIdentity).
 */
export function bookingItemRef(ref: string | null, seq: number, duplicated: boolean): string {
  const r = ref?.trim() ?? '';
  if (!r) return `#${seq}`;
  const plain = escape(r, /[%#]/g);
  const fits = plain.length <= BANK_ITEM_REF_MAX && PRINTABLE.test(plain);
  if (!duplicated && fits) return plain;
  const tail = `#${seq}`;
  return `${fits && plain.length + tail.length <= BANK_ITEM_REF_MAX ? plain : digest(r, 32)}${tail}`;
}
