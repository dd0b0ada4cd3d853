// Matching bank entries to premises (issue 6 point 2) against the premises of a real demo
// accounting database: each strategy, and the cases that must NOT match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRow } from '../../shared/domain/accounting';
import { makeNrb } from '../../shared/domain/iban';
import { MemoryPayerHistory, matchEntries, makeMatcher } from '../../main/bank/match';
import { PremisesIndex } from '../../main/bank/premises';
import { DEFAULT_TITLE_PATTERN } from '../../main/bank/settings';
import type { StatementEntry } from '../../main/bank/types';
import { makeDemoWorkspace } from '../support/workspace';
import { demoAccounts, payerNrb } from '../support/bank';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let rows: AccountRow[];
let index: PremisesIndex;
const opts = { titlePattern: DEFAULT_TITLE_PATTERN, locale: 'en' as const };

let seq = 0;
function entry(over: Partial<StatementEntry>): StatementEntry {
  return { seq: ++seq, amount: 50000, currency: 'PLN', valueDate: '2026-11-02', mark: 'C', reversal: false, title: 'CZYNSZ', counterparty: {}, ...over };
}

const residential = () => rows.filter((r) => r.account_no && r.premises_kind === 'residential' && r.status === 'active' && !bad().some((b) => b.account_no === r.account_no));
const commercial = () => rows.filter((r) => r.account_no && r.premises_kind === 'commercial' && r.status === 'active');
const bad = () => ws.generated.defects.filter((d) => d.kind === 'bad_virtual_account_checksum').map((d) => rows.find((r) => r.account_no === d.key)!);
const duplicateNo = () => ws.generated.defects.find((d) => d.kind === 'duplicate_account_no')!.key;

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 120, months: 2, seed: 'match' });
  rows = await demoAccounts(ws.dir, ws.period);
  index = new PremisesIndex(ws.period);
  for (const r of rows) index.add(r);
});
afterAll(() => ws?.cleanup());

describe('1. by the virtual account the money was paid to', () => {
  it('matches a whole NRB, with or without PL and spaces, to its premises and kind', () => {
    const r = residential()[3];
    const c = commercial()[0];
    const spaced = `PL${r.virtual_account}`.replace(/(.{4})/g, '$1 ');
    const [a, b] = matchEntries([entry({ virtualAccount: spaced }), entry({ virtualAccount: c.virtual_account, title: `CZYNSZ ${residential()[5].account_no}` })], 'S1', index, new MemoryPayerHistory(), opts);
    expect(a).toMatchObject({ status: 'matched', accountNo: r.account_no, premisesKind: 'residential', method: 'virtual-account', problems: [] });
    // The virtual account wins over a number in the title.
    expect(b).toMatchObject({ status: 'matched', accountNo: c.account_no, premisesKind: 'commercial', method: 'virtual-account' });
  });

  it('a virtual account with a wrong checksum never matches, even though the accounting data lists it', () => {
    const defect = bad()[0];
    expect(defect).toBeTruthy();
    const [m] = matchEntries([entry({ virtualAccount: defect.virtual_account })], 'S1', index, new MemoryPayerHistory(), opts);
    expect(m.status).toBe('unmatched');
    expect(m.accountNo).toBeUndefined();
    expect(m.problems.map((p) => p.code)).toEqual(['SAL-3054', 'SAL-3057']);
    // A one-digit typo of a real virtual account fails the checksum too.
    const real = residential()[0].virtual_account;
    const typo = real.slice(0, 20) + String((Number(real[20]) + 1) % 10) + real.slice(21);
    const [t] = matchEntries([entry({ virtualAccount: typo })], 'S1', index, new MemoryPayerHistory(), opts);
    expect(t.status).toBe('unmatched');
    expect(t.problems[0].code).toBe('SAL-3054');
  });

  it('a valid account that is nobody’s virtual account is reported and not matched', () => {
    const [m] = matchEntries([entry({ virtualAccount: makeNrb('10205558', '1234567890123456') })], 'S1', index, new MemoryPayerHistory(), opts);
    expect(m.status).toBe('unmatched');
    expect(m.problems[0].code).toBe('SAL-3055');
  });

  it('a short virtual-account id (mBank ID IPH) matches the one virtual account ending with it', () => {
    const r = residential()[7];
    const [m] = matchEntries([entry({ virtualAccount: r.virtual_account.slice(-12) })], 'S1', index, new MemoryPayerHistory(), opts);
    expect(m).toMatchObject({ status: 'matched', accountNo: r.account_no, method: 'virtual-account' });
  });
});

describe('2. by an account number in the title', () => {
  it('matches a number the pattern finds and the accounting data has', () => {
    const r = residential()[10];
    const [m] = matchEntries([entry({ title: `Czynsz 10/2026 lokal ${r.account_no} Kowalski` })], 'S1', index, new MemoryPayerHistory(), opts);
    expect(m).toMatchObject({ status: 'matched', accountNo: r.account_no, method: 'title', premisesKind: 'residential' });
    expect(m.address).toContain(r.address);
  });

  it('does not match a number that does not exist, nor a title naming two premises, nor a number two premises share', () => {
    const [r1, r2] = [residential()[1], residential()[2]];
    const [none, two, shared] = matchEntries(
      [entry({ title: 'CZYNSZ 9999/999' }), entry({ title: `OPŁATA ${r1.account_no} ORAZ ${r2.account_no}` }), entry({ title: `CZYNSZ ${duplicateNo()}` })],
      'S1',
      index,
      new MemoryPayerHistory(),
      opts,
    );
    expect(none.status).toBe('unmatched');
    expect(none.problems.map((p) => p.code)).toEqual(['SAL-3071', 'SAL-3057']);
    expect(two.status).toBe('unmatched');
    expect(two.problems[0]).toMatchObject({ code: 'SAL-3056', severity: 'review' });
    expect(two.problems[0].message).toContain(r1.account_no!);
    expect(shared.status).toBe('unmatched');
    expect(shared.problems[0].code).toBe('SAL-3056');
  });

  it('the pattern is configurable', () => {
    const r = residential()[4];
    const custom = makeMatcher(index, new MemoryPayerHistory(), { ...opts, titlePattern: 'NR\\s*KONTA\\s*(\\S+)' });
    expect(custom.match(entry({ title: `WPŁATA NR KONTA ${r.account_no}` }), 'S1')).toMatchObject({ status: 'matched', accountNo: r.account_no, method: 'title' });
    // The default pattern does not pick digits out of a longer number (a bank account in the title).
    expect(matchEntries([entry({ title: `z rachunku ${payerNrb(12)}` })], 'S1', index, new MemoryPayerHistory(), opts)[0].status).toBe('unmatched');
  });
});

describe('3. suggested from payer history', () => {
  it('the same payer account that paid for exactly one premises before gives a suggestion, never a booking', () => {
    const r = residential()[12];
    const payer = payerNrb(777);
    const history = new MemoryPayerHistory();
    const [first, second] = matchEntries(
      [entry({ virtualAccount: r.virtual_account, counterparty: { account: payer, name: 'Jan Kowalski' } }), entry({ title: 'WPŁATA', counterparty: { account: `PL${payer}`, name: 'Jan Kowalski' } })],
      'S1',
      index,
      history,
      opts,
    );
    expect(first.status).toBe('matched');
    expect(second.status).toBe('suggested');
    expect(second.accountNo).toBeUndefined();
    expect(second.suggestion).toEqual({ accountNo: r.account_no, payments: 1 });
    expect(second.problems.map((p) => p.code)).toEqual(['SAL-3058']);
  });

  it('a payer who paid for two premises before gives no suggestion (ambiguous history)', () => {
    const [a, b] = [residential()[14], residential()[15]];
    const payer = payerNrb(888);
    const history = new MemoryPayerHistory((k) => (k === payer ? new Map([[a.account_no!, 3], [b.account_no!, 1]]) : undefined));
    const [m] = matchEntries([entry({ title: 'WPŁATA', counterparty: { account: payer } })], 'S1', index, history, opts);
    expect(m.status).toBe('unmatched');
    expect(m.suggestion).toBeUndefined();
    expect(m.problems.map((p) => p.code)).toEqual(['SAL-3059', 'SAL-3057']);
  });
});

describe('money out and fees are listed apart', () => {
  it('outgoing payments and fees are never matched; a reversal of a credit naming a premises is matched negative', () => {
    const r = residential()[6];
    const [out, fee, rc] = matchEntries(
      [
        entry({ amount: -120000, mark: 'D', title: `FAKTURA dla ${r.account_no}` }),
        entry({ amount: -1500, mark: 'D', fee: true, title: 'OPŁATA ZA PROWADZENIE RACHUNKU' }),
        entry({ amount: -50000, mark: 'RC', reversal: true, virtualAccount: r.virtual_account, title: 'ZWROT' }),
      ],
      'S1',
      index,
      new MemoryPayerHistory(),
      opts,
    );
    expect(out).toMatchObject({ status: 'outgoing', problems: [] });
    expect(out.accountNo).toBeUndefined();
    expect(fee.status).toBe('fee');
    expect(rc).toMatchObject({ status: 'matched', accountNo: r.account_no, method: 'virtual-account' });
    expect(rc.entry.amount).toBe(-50000);
  });
});
