// `saldo bank import … --out DIR` and `saldo bank write --run ID` with saldo.json bank.deliver =
// accounting, as scripts run them: real processes, real files, the summary's `booked` object (and
// zeros with bank.deliver = files), the human line in the operator's language, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNrb } from '../../shared/domain/iban';
import type { AccountRow } from '../../shared/domain/accounting';
import { demoAccounts, payerNrb, pkoMt940 } from '../support/bank';

const root = mkdtempSync(join(tmpdir(), 'saldo-bank-deliver-cli-'));
const W = join(root, 'W');
const cfg = join(W, 'saldo.json');
let rows: AccountRow[];
let baseConfig: Record<string, unknown>;

function saldo(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), '--config', cfg, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SALDO_LANG: '', ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function deliver(mode: 'files' | 'accounting'): void {
  writeFileSync(cfg, JSON.stringify({ ...baseConfig, bank: { deliver: mode } }, null, 2));
}

function bankPayments(): Array<{ item_ref: string; account_no: string; amount: number }> {
  const db = new Database(join(W, 'accounting.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT b.item_ref, p.account_no, b.amount FROM bank_payments b JOIN premises p ON p.premises_id = b.premises_id ORDER BY b.item_ref`).all() as ReturnType<typeof bankPayments>;
  } finally {
    db.close();
  }
}

/** Two payments naming their premises in the title, one nobody can place, one money out. */
function statementFile(name: string, n: number): { file: string; accounts: string[] } {
  const res = rows.filter((r) => r.account_no && r.premises_kind === 'residential' && r.status === 'active' && rows.filter((x) => x.account_no === r.account_no).length === 1);
  const file = join(root, name);
  writeFileSync(
    file,
    pkoMt940([
      {
        account: makeNrb('10901014', String(8_000_000_000 + n).padStart(16, '0')),
        number: `${String(n).padStart(5, '0')}/001`,
        opening: 50_000,
        openDate: '2026-11-12',
        closeDate: '2026-11-13',
        entries: [
          { amount: 31_415, date: '2026-11-13', title: `CZYNSZ ${res[n].account_no}`, payerName: 'JAN KOWALSKI', payerAccount: payerNrb(n), ref: `DLV${n}A` },
          { amount: 12_000, date: '2026-11-13', title: `CZYNSZ ${res[n + 1].account_no}`, payerName: 'ZOFIA ŻAK', payerAccount: payerNrb(n + 1), ref: `DLV${n}B` },
          { amount: 2_718, date: '2026-11-13', title: 'WPŁATA', payerName: 'ANNA NOWAK', payerAccount: payerNrb(n + 2), ref: `DLV${n}C` },
          { amount: -10_000, date: '2026-11-13', title: 'FAKTURA', ref: `DLV${n}D` },
        ],
      },
    ]),
  );
  return { file, accounts: [res[n].account_no!, res[n + 1].account_no!, res[n + 5].account_no!] };
}

beforeAll(async () => {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), 'demo', 'init', '--dir', W, '--premises', '80', '--months', '2', '--end-period', '2026-10', '--seed', 'bank-deliver-cli'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(r.stderr + r.stdout);
  rows = await demoAccounts(W, '2026-10');
  baseConfig = JSON.parse(readFileSync(cfg, 'utf8'));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('saldo bank import --out with bank.deliver = accounting', () => {
  it('--json keeps every field and adds `booked`; the matched payments are in accounting, only the unmatched file is written', () => {
    deliver('accounting');
    const { file, accounts } = statementFile('one.sta', 3);
    const out = join(root, 'out');
    const r = saldo(['--json', 'bank', 'import', file, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['runId', 'status', 'files', 'outputs', 'booked', 'errors']));
    expect(s.status).toBe('completed');
    expect(s.files[0].matched).toEqual({ residential: { count: 2, amount: '434.15' }, commercial: { count: 0, amount: '0.00' } });
    expect(s.booked).toEqual({ written: { count: 2, amount: '434.15' }, already: { count: 0, amount: '0.00' }, refused: { count: 0, amount: '0.00' }, errors: [] });
    expect(s.outputs).toEqual([join(out, `bank-${s.runId}-unmatched.csv`)]);
    expect(readdirSync(out)).toEqual([`bank-${s.runId}-unmatched.csv`]);
    expect(bankPayments()).toEqual([
      { item_ref: 'DLV3A', account_no: accounts[0], amount: 31_415 },
      { item_ref: 'DLV3B', account_no: accounts[1], amount: 12_000 },
    ]);
  });

  it('prints the booking in the operator’s language', () => {
    deliver('accounting');
    const { file } = statementFile('two.sta', 10);
    const r = saldo(['bank', 'import', file, '--out', join(root, 'out2')], { SALDO_LANG: 'pl' });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Zaksięgowane w systemie czynszowym: zapisane 2 / 434,15; już były 0 / 0,00; odrzucone 0 / 0,00');
    const en = saldo(['--lang', 'en', 'bank', 'import', statementFile('three.sta', 20).file, '--out', join(root, 'out3')]);
    expect(en.out).toContain('Booked to accounting: written 2 / 434.15; already there 0 / 0.00; refused 0 / 0.00');
  });

  it('saldo bank write --run books what was assigned since; --json answers the files and `booked`', () => {
    deliver('accounting');
    const { file, accounts } = statementFile('four.sta', 30);
    const s = JSON.parse(saldo(['--json', 'bank', 'import', file, '--out', join(root, 'out4')]).out);
    expect(s.booked.written.count).toBe(2);
    const assigned = saldo(['--json', 'bank', 'assign', '--run', String(s.runId), '--entry', 'DLV30C', '--account', accounts[2]]);
    expect(assigned.code, assigned.err).toBe(0);
    const w = saldo(['--json', 'bank', 'write', '--run', String(s.runId)]);
    expect(w.code, w.err).toBe(0);
    const res = JSON.parse(w.out);
    expect(res).toMatchObject({ status: 'completed', runId: s.runId, booked: { written: { count: 1, amount: '27.18' }, already: { count: 2, amount: '434.15' }, refused: { count: 0, amount: '0.00' } } });
    expect(res.files).toEqual([expect.objectContaining({ kind: 'unmatched', rows: 0, total: '0.00' })]);
    expect(bankPayments().filter((p) => p.item_ref === 'DLV30C')).toEqual([{ item_ref: 'DLV30C', account_no: accounts[2], amount: 2_718 }]);
    const human = saldo(['--lang', 'en', 'bank', 'write', '--run', String(s.runId)]);
    expect(human.code).toBe(0);
    expect(human.out).toContain('Booked to accounting: written 0 / 0.00; already there 3 / 461.33; refused 0 / 0.00');
  });

  it('with bank.deliver = files: the three files, and `booked` with zeros; nothing goes to accounting', () => {
    deliver('files');
    const before = bankPayments().length;
    const { file } = statementFile('five.sta', 40);
    const out = join(root, 'out5');
    const s = JSON.parse(saldo(['--json', 'bank', 'import', file, '--out', out]).out);
    expect(s.booked).toEqual({ written: { count: 0, amount: '0.00' }, already: { count: 0, amount: '0.00' }, refused: { count: 0, amount: '0.00' }, errors: [] });
    expect(readdirSync(out).sort()).toEqual([`bank-${s.runId}-commercial.csv`, `bank-${s.runId}-residential.csv`, `bank-${s.runId}-unmatched.csv`]);
    expect(bankPayments()).toHaveLength(before);
  });
});
