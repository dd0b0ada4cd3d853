// What a matched bank item is booked under in accounting: the row checks of the exchange
// (bank-item-rows.ts, bank_item_tt's columns) and the keys made from the stored statement and item
// (booking-keys.ts) — stable, within their columns, and never the same for two different items.

import { describe, expect, it } from 'vitest';
import { bankItemRows, cutTo, type BankItemRow } from '../../../main/accounting/bank-item-rows';
import { bookingItemRef, bookingStatementId, refIdentity } from '../../../main/bank/booking-keys';
import { ProblemError } from '../../../shared/errors/problem';

const row = (over: Partial<BankItemRow> = {}): BankItemRow => ({
  statement_id: '61109010140000071219812874|ST|00001-001',
  item_ref: 'REF1',
  account_no: '0012/034',
  booked_on: '2026-11-13',
  amount: 31_415,
  payer: 'Jan Kowalski',
  title: 'Czynsz',
  ...over,
});

function refusal(rows: BankItemRow[]): ProblemError {
  try {
    bankItemRows(rows, 'pl');
  } catch (e) {
    return e as ProblemError;
  }
  throw new Error('no refusal');
}

describe('bank item rows (bank_item_tt)', () => {
  it('passes good rows on; payer and title are notes: trimmed, empty → null, cut to nvarchar(200)/(400)', () => {
    const [a, b] = bankItemRows([row(), row({ item_ref: 'REF2', payer: '  ', title: `  ${'ś'.repeat(401)}  ` })], 'en');
    expect(a).toEqual({ statement_id: '61109010140000071219812874|ST|00001-001', item_ref: 'REF1', account_no: '0012/034', booked_on: '2026-11-13', amount: 31_415, payer: 'Jan Kowalski', title: 'Czynsz' });
    expect(b.payer).toBeNull();
    expect(b.title).toBe('ś'.repeat(400));
    expect(bankItemRows([row({ payer: undefined, title: null })], 'en')[0]).toMatchObject({ payer: null, title: null });
  });

  it('never cuts a character in half', () => {
    expect(cutTo(`${'a'.repeat(199)}😀`, 200)).toBe('a'.repeat(199));
    expect(cutTo(`${'a'.repeat(198)}😀b`, 200)).toBe(`${'a'.repeat(198)}😀`);
    expect(cutTo('abc', 200)).toBe('abc');
  });

  it('refuses the whole call (SAL-3048, naming the row) for a row the exchange cannot carry', () => {
    const cases: Array<[Partial<BankItemRow>, RegExp]> = [
      [{ amount: 12.5 }, /whole minor units/],
      [{ amount: 0 }, /above zero/],
      [{ amount: -1 }, /above zero/],
      [{ amount: '100' as unknown as number }, /whole minor units, not string/],
      [{ booked_on: '2026-02-29' }, /date/],
      [{ booked_on: '13.11.2026' }, /date/],
      [{ item_ref: 'R'.repeat(65) }, /item reference must be 1–64/],
      [{ item_ref: '' }, /item reference/],
      [{ item_ref: 'Żółw' }, /printable ASCII/],
      [{ statement_id: 'S'.repeat(65) }, /statement id must be 1–64/],
      [{ statement_id: 'A/B' }, /must not contain "\/"/],
      [{ account_no: '1'.repeat(33) }, /account number must be 1–32/],
      [{ account_no: '' }, /account number/],
    ];
    for (const [over, detail] of cases) {
      const e = refusal([row(), row({ item_ref: 'BAD', ...over })]);
      expect(e, JSON.stringify(over)).toBeInstanceOf(ProblemError);
      expect(e.problem).toMatchObject({ code: 'SAL-3048', severity: 'error' });
      expect(e.problem.message, JSON.stringify(over)).toMatch(detail);
      if (over.item_ref === undefined && over.statement_id === undefined) expect(e.problem.message).toContain('/BAD');
    }
    // Exactly at the column sizes: carried.
    expect(bankItemRows([row({ statement_id: 'S'.repeat(64), item_ref: 'R'.repeat(64), account_no: '1'.repeat(32) })], 'en')).toHaveLength(1);
  });
});

describe('booking keys', () => {
  it('the statement key as it is when it fits, with %, # and / escaped one-to-one', () => {
    expect(bookingStatementId('61109010140000071219812874|STMT1|00042')).toBe('61109010140000071219812874|STMT1|00042');
    expect(bookingStatementId('61109010140000071219812874|ST|00042/001')).toBe('61109010140000071219812874|ST|00042%2F001');
    // '/' and its escape must not meet: the escape of '%' keeps them apart.
    expect(bookingStatementId('A|x%2F')).toBe('A|x%252F');
    expect(bookingStatementId('A|x/')).toBe('A|x%2F');
    expect(bookingStatementId('A|#1')).toBe('A|%231');
  });

  it('a statement key too long, or not ASCII, becomes the account and a digest — within 64, stable, no /', () => {
    const long = `UA213223130000026007233566001|${'MSGID-'.repeat(10)}|2026-11-01|100|2026-11-30|200|5`;
    const id = bookingStatementId(long);
    expect(id).toMatch(/^UA213223130000026007233566001\|#[0-9a-f]{24}$/);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(bookingStatementId(long)).toBe(id);
    expect(bookingStatementId(long + 'x')).not.toBe(id);
    expect(bookingStatementId('61109010140000071219812874|Виписка|1')).toMatch(/^61109010140000071219812874\|#[0-9a-f]{24}$/);
    for (const k of [long, '61109010140000071219812874|Виписка|1', 'a/b|c/d']) expect(() => bankItemRows([row({ statement_id: bookingStatementId(k) })], 'en')).not.toThrow();
  });

  it('the bank reference when it names one item; with the position when it does not; the position alone without one', () => {
    expect(bookingItemRef('CLI3A', 1, false)).toBe('CLI3A');
    expect(bookingItemRef(' CLI3A ', 1, false)).toBe('CLI3A');
    expect(bookingItemRef('NONREF', 4, true)).toBe('NONREF#4');
    expect(bookingItemRef('NONREF', 5, true)).toBe('NONREF#5');
    expect(bookingItemRef(null, 7, false)).toBe('#7');
    expect(bookingItemRef('   ', 7, false)).toBe('#7');
    expect(bookingItemRef('REF#1', 2, false)).toBe('REF%231'); // a raw '#' marks generated forms only
    expect(bookingItemRef('R'.repeat(64), 3, false)).toBe('R'.repeat(64));
    expect(bookingItemRef('R'.repeat(65), 3, false)).toMatch(/^[0-9a-f]{32}#3$/);
    expect(bookingItemRef('R'.repeat(62), 3, true)).toBe(`${'R'.repeat(62)}#3`);
    expect(bookingItemRef('R'.repeat(63), 3, true)).toMatch(/^[0-9a-f]{32}#3$/);
    expect(bookingItemRef('Łódź-1', 3, false)).toMatch(/^[0-9a-f]{32}#3$/);
    expect(refIdentity(' ref-1 ')).toBe(refIdentity('REF-1'));
  });

  it('no two items of a statement get the same reference, whatever their bank references', () => {
    const refs = ['A', 'a', 'A ', null, null, 'B#1', 'B', '#1', 'NONREF', 'NONREF', 'x'.repeat(80), 'x'.repeat(80), 'Ж'];
    const counts = new Map<string, number>();
    for (const r of refs) if (r !== null && r.trim()) counts.set(refIdentity(r), (counts.get(refIdentity(r)) ?? 0) + 1);
    const keys = refs.map((r, i) => bookingItemRef(r, i + 1, r !== null && (counts.get(refIdentity(r)) ?? 0) > 1));
    // As SQL Server compares them: ignoring case and trailing spaces.
    expect(new Set(keys.map(refIdentity)).size).toBe(refs.length);
    for (const k of keys) expect(() => bankItemRows([row({ item_ref: k })], 'en')).not.toThrow();
  });
});
