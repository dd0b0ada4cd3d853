// importBankItems on the SQLite demo, read back from the file itself (the contract suite judges the
// answers; this checks what lands in bank_payments): one transaction per call, written / already /
// refused, notes cut to their columns, nothing of a call that cannot be carried or that fails in its
// middle, and a demo file made before bank_payments existed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BankItemRow } from '../../main/accounting/bank-item-rows';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { generateAccountingDb } from '../../main/demo/generator';
import { ProblemError } from '../../shared/errors/problem';

const dir = mkdtempSync(join(tmpdir(), 'saldo-bank-items-'));
const path = join(dir, 'accounting.sqlite');
const PERIOD = '2026-10';
let accounts: Array<{ account_no: string; premises_id: number }>;
let gw: SqliteAccountingGateway;

const item = (ref: string, i: number, amount: number, over: Partial<BankItemRow> = {}): BankItemRow => ({
  statement_id: '61109010140000071219812874|ST|00007',
  item_ref: ref,
  account_no: accounts[i].account_no,
  booked_on: '2026-11-13',
  amount,
  payer: 'Józef Łęcki',
  title: `Czynsz ${accounts[i].account_no}`,
  ...over,
});

function table(): Array<Record<string, unknown>> {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT statement_id, item_ref, premises_id, period, paid_on, amount, payer, title FROM bank_payments ORDER BY statement_id, item_ref').all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

async function refusal(rows: BankItemRow[]): Promise<ProblemError> {
  const e = await gw.importBankItems(rows).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ProblemError);
  return e as ProblemError;
}

beforeAll(async () => {
  await generateAccountingDb(path, { premises: 60, months: 2, locale: 'pl', seed: 'bank-items', endPeriod: PERIOD });
  const db = new Database(path, { readonly: true });
  accounts = db
    .prepare(`SELECT account_no, MIN(premises_id) AS premises_id FROM premises WHERE account_no <> '' GROUP BY account_no HAVING COUNT(*) = 1 ORDER BY account_no LIMIT 10`)
    .all() as typeof accounts;
  db.close();
  gw = SqliteAccountingGateway.open(path);
});
afterAll(async () => {
  await gw?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importBankItems on the SQLite demo', () => {
  it('writes each item once, under its premises and the month it was booked in; a later call answers already', async () => {
    const rows = [item('A1', 0, 31_415), item('A2', 1, 2_718, { payer: null, title: '   ' }), item('A1', 0, 31_415)];
    expect((await gw.importBankItems(rows)).map((r) => r.status)).toEqual(['written', 'written', 'already']);
    expect(table()).toEqual([
      { statement_id: '61109010140000071219812874|ST|00007', item_ref: 'A1', premises_id: accounts[0].premises_id, period: '2026-11', paid_on: '2026-11-13', amount: 31_415, payer: 'Józef Łęcki', title: `Czynsz ${accounts[0].account_no}` },
      { statement_id: '61109010140000071219812874|ST|00007', item_ref: 'A2', premises_id: accounts[1].premises_id, period: '2026-11', paid_on: '2026-11-13', amount: 2_718, payer: null, title: null },
    ]);
    const again = await gw.importBankItems([item('A2', 1, 2_718), item('A1', 2, 99)]);
    expect(again.map((r) => r.status)).toEqual(['already', 'already']);
    expect(table()).toHaveLength(2);
  });

  it('refuses an unknown account without stopping the others; cuts payer and title to their columns', async () => {
    const res = await gw.importBankItems([item('B1', 3, 500, { account_no: 'NO-SUCH' }), item('B2', 3, 600, { payer: 'Ł'.repeat(300), title: 'Ї'.repeat(500) })]);
    expect(res).toEqual([
      { statement_id: '61109010140000071219812874|ST|00007', item_ref: 'B1', status: 'refused', message: 'no account NO-SUCH' },
      { statement_id: '61109010140000071219812874|ST|00007', item_ref: 'B2', status: 'written' },
    ]);
    const b2 = table().find((r) => r.item_ref === 'B2')!;
    expect(b2.payer).toBe('Ł'.repeat(200));
    expect(b2.title).toBe('Ї'.repeat(400));
    expect(table().some((r) => r.item_ref === 'B1')).toBe(false);
  });

  it('a row it cannot carry: SAL-3048 and nothing of the call written', async () => {
    const before = table();
    const e = await refusal([item('C1', 4, 100), item('C2', 4, 100.5)]);
    expect(e.problem).toMatchObject({ code: 'SAL-3048', severity: 'error' });
    expect(e.problem.message).toContain('|ST|00007/C2');
    expect(table()).toEqual(before);
  });

  it('a failure in the middle (a trigger on the 3rd insert): SAL-3047 and nothing of the call written; the same call later writes it whole', async () => {
    const db = new Database(path);
    db.pragma('busy_timeout = 2000');
    db.exec(`CREATE TRIGGER bank_items_test_fail BEFORE INSERT ON bank_payments WHEN NEW.item_ref = 'D3'
             BEGIN SELECT RAISE(ABORT, 'test: the third item is refused by a trigger'); END`);
    const rows = [item('D1', 5, 100), item('D2', 6, 200), item('D3', 7, 300), item('D4', 8, 400)];
    const before = table();
    try {
      const e = await refusal(rows);
      expect(e.problem).toMatchObject({ code: 'SAL-3047', severity: 'error' });
      expect(e.problem.message).toContain('the third item is refused by a trigger');
      expect(e.problem.message).toContain('4');
      expect(table()).toEqual(before); // D1 and D2 were inserted before D3 failed: rolled back
    } finally {
      db.exec('DROP TRIGGER bank_items_test_fail');
      db.close();
    }
    expect((await gw.importBankItems(rows)).map((r) => r.status)).toEqual(['written', 'written', 'written', 'written']);
    expect(table().filter((r) => String(r.item_ref).startsWith('D')).map((r) => r.amount)).toEqual([100, 200, 300, 400]);
  });

  it('a demo file made before bank_payments existed gets it on the first booking', async () => {
    const old = join(dir, 'old.sqlite');
    await generateAccountingDb(old, { premises: 30, months: 2, locale: 'uk', seed: 'old-bank', endPeriod: PERIOD });
    const db = new Database(old);
    db.exec('DROP TABLE bank_payments');
    const account = db.prepare(`SELECT account_no FROM premises WHERE account_no <> '' ORDER BY premises_id LIMIT 1`).pluck().get() as string;
    db.close();
    const g = SqliteAccountingGateway.open(old);
    try {
      const row = { statement_id: 'UA213223130000026007233566001|1', item_ref: '#1', account_no: account, booked_on: '2026-11-02', amount: 150_000 };
      expect(await g.importBankItems([row])).toEqual([{ statement_id: row.statement_id, item_ref: '#1', status: 'written' }]);
      expect((await g.importBankItems([row]))[0].status).toBe('already');
    } finally {
      await g.close();
    }
    const check = new Database(old, { readonly: true });
    expect(check.prepare('SELECT COUNT(*) FROM bank_payments').pluck().get()).toBe(1);
    check.close();
  });
});
