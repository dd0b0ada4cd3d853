// The balance check every statement gets: opening + Σ entries = closing, in exact integers; and
// the file's own totals when it gives them (1C ВсегоПоступило/ВсегоСписано, camt TxsSummry, MT942
// :90C:/:90D:). A statement without a closing balance is `unavailable` — never a pass, even when
// its totals agree, because totals say nothing about entries missing from both sides.

import type { BalanceCheck, Statement } from '../types';
import { minorToDecimal } from './amounts';
import type { Problems } from './problems';

export function checkStatement(st: Statement, problems: Problems): BalanceCheck {
  let sum = 0;
  let credit = 0;
  let debit = 0;
  for (const e of st.entries) {
    sum += e.amount;
    if (e.amount >= 0) credit += e.amount;
    else debit -= e.amount;
  }
  const key = st.id;
  const where = { key, ...(st.line !== undefined ? { line: st.line } : {}) };

  for (const b of [st.opening, st.closing]) {
    if (b && b.currency && st.currency && b.currency !== st.currency) {
      problems.add('SAL-3020', { statement: st.id, currency: b.currency, expected: st.currency }, where);
    }
  }

  const t = st.totals;
  if (t) {
    const checks: Array<['credit' | 'debit' | 'count', number | undefined, number]> = [
      ['credit', t.credit, credit],
      ['debit', t.debit, debit],
      ['count', t.count, st.entries.length],
    ];
    for (const [what, expected, computed] of checks) {
      if (expected === undefined || expected === computed) continue;
      const show = (n: number) => (what === 'count' ? String(n) : minorToDecimal(n));
      problems.add('SAL-3005', { statement: st.id, what, expected: show(expected), computed: show(computed) }, where);
      return { result: 'mismatch', expected, computed, what };
    }
  }

  if (!st.closing) {
    problems.add('SAL-3006', { statement: st.id, account: st.account }, where);
    return { result: 'unavailable' };
  }
  if (!st.opening) {
    problems.add('SAL-3022', { statement: st.id }, where);
    return { result: 'unavailable' };
  }
  const computed = st.opening.amount + sum;
  if (!Number.isSafeInteger(computed) || computed !== st.closing.amount) {
    problems.add(
      'SAL-3004',
      {
        statement: st.id,
        account: st.account,
        opening: minorToDecimal(st.opening.amount),
        entries: minorToDecimal(sum),
        computed: minorToDecimal(computed),
        closing: minorToDecimal(st.closing.amount),
      },
      where,
    );
    return { result: 'mismatch', expected: st.closing.amount, computed, what: 'closing' };
  }
  return { result: 'pass' };
}
