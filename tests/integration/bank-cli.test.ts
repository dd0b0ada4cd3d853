// `saldo bank …` as operators' scripts use it: real processes, real files, the issue's stable
// JSON shape, exit codes; `saldo bank watch` stopped by SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNrb } from '../../shared/domain/iban';
import type { AccountRow } from '../../shared/domain/accounting';
import { Operators } from '../../main/store/operators';
import { openStore } from '../../main/store/store';
import { demoAccounts, payerNrb, pkoMt940 } from '../support/bank';

const root = mkdtempSync(join(tmpdir(), 'saldo-bank-cli-'));
const W = join(root, 'W');
const cfg = join(W, 'saldo.json');
let rows: AccountRow[];

function saldo(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), '--config', cfg, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SALDO_LANG: '', ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function statementFile(name: string, n: number, closing?: number): string {
  // Premises whose number no other premises shares (the demo plants one duplicate number).
  const res = rows.filter((r) => r.account_no && r.premises_kind === 'residential' && r.status === 'active' && rows.filter((x) => x.account_no === r.account_no).length === 1);
  const file = join(root, name);
  writeFileSync(
    file,
    pkoMt940([
      {
        account: makeNrb('10901014', String(9_000_000_000 + n).padStart(16, '0')),
        number: `${String(n).padStart(5, '0')}/001`,
        opening: 50_000,
        openDate: '2026-11-12',
        closeDate: '2026-11-13',
        closing,
        entries: [
          { amount: 31_415, date: '2026-11-13', title: `CZYNSZ ${res[n].account_no}`, payerName: 'JAN KOWALSKI', payerAccount: payerNrb(n), ref: `CLI${n}A` },
          { amount: 2_718, date: '2026-11-13', title: 'WPŁATA', payerName: 'ANNA NOWAK', payerAccount: payerNrb(n + 1), ref: `CLI${n}B` },
          { amount: -10_000, date: '2026-11-13', title: 'FAKTURA', ref: `CLI${n}C` },
        ],
      },
    ]),
  );
  return file;
}

beforeAll(async () => {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), 'demo', 'init', '--dir', W, '--premises', '80', '--months', '2', '--end-period', '2026-10', '--seed', 'bank-cli'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(r.stderr + r.stdout);
  rows = await demoAccounts(W, '2026-10');
  const db = openStore(join(W, 'store.sqlite'));
  new Operators(db).add({ name: 'audrey', displayName: 'Au', role: 'auditor' });
  db.close();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const AMOUNT = /^-?\d+\.\d{2}$/;

describe('saldo bank import', () => {
  it('--json gives the issue’s stable shape with decimal strings, and --out writes the output files', () => {
    const file = statementFile('one.sta', 3);
    const out = join(root, 'out');
    const r = saldo(['--json', 'bank', 'import', file, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['runId', 'status', 'files', 'outputs']));
    expect(s.status).toBe('completed');
    const f = s.files[0];
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['file', 'format', 'encoding', 'statements', 'entries', 'balanceCheck', 'moneyIn', 'moneyOut', 'matched', 'suggested', 'unmatched', 'duplicate', 'errors']));
    expect(f).toMatchObject({ file: 'one.sta', format: 'mt940', encoding: 'windows-1250', statements: 1, entries: 3, balanceCheck: 'ok', duplicate: false, errors: [] });
    expect(f.moneyIn).toEqual({ count: 2, amount: '341.33' });
    expect(f.moneyOut).toEqual({ count: 1, amount: '100.00' });
    expect(f.matched).toEqual({ residential: { count: 1, amount: '314.15' }, commercial: { count: 0, amount: '0.00' } });
    expect(f.unmatched).toEqual({ count: 1, amount: '27.18' });
    for (const v of [f.moneyIn, f.moneyOut, f.matched.residential, f.matched.commercial, f.suggested, f.unmatched]) expect(v.amount).toMatch(AMOUNT);
    expect(s.outputs).toHaveLength(3);
    for (const o of s.outputs) expect(existsSync(o)).toBe(true);
    expect(readdirSync(out).sort()).toEqual([`bank-${s.runId}-commercial.csv`, `bank-${s.runId}-residential.csv`, `bank-${s.runId}-unmatched.csv`]);

    // The same file again: exit 0, recognised, nothing booked twice, no output files.
    const again = JSON.parse(saldo(['--json', 'bank', 'import', file, '--out', out]).out);
    expect(again.files[0]).toMatchObject({ duplicate: true, booked: false });
    expect(again.files[0].errors[0].code).toBe('SAL-3050');
    expect(again.outputs).toEqual([]);
  });

  it('prints a summary in the operator’s language; a mismatch is reported on stderr with its code', () => {
    const good = statementFile('two.sta', 5);
    const bad = statementFile('bad.sta', 7, 1);
    const r = saldo(['bank', 'import', good, bad], { SALDO_LANG: 'pl' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('two.sta: mt940, windows-1250; wyciągi 1, operacje 3; kontrola salda: zgodna');
    expect(r.out).toContain('bad.sta: mt940, windows-1250; wyciągi 1, operacje 3; kontrola salda: NIEZGODNA — nic nie zaksięgowano');
    expect(r.out).toContain('mieszkalne 1 / 314,15');
    expect(r.err).toMatch(/Błąd SAL-3053 \(bad\.sta\): Z pliku bad\.sta nic nie zaksięgowano/);
  });

  it('exit codes: 2 for a missing file or a bad option, 1 for an operator without the permission', () => {
    expect(saldo(['bank', 'import', join(root, 'nope.sta')]).code).toBe(2);
    expect(saldo(['bank', 'import', statementFile('x.sta', 9), '--encoding', 'ebcdic']).code).toBe(2);
    const denied = saldo(['--json', '--operator', 'audrey', 'bank', 'import', statementFile('y.sta', 11)]);
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.out).errors[0].code).toBe('SAL-6003');
  });
});

describe('saldo bank assign', () => {
  it('assigns an unmatched entry by its bank reference', () => {
    const s = JSON.parse(saldo(['--json', 'bank', 'import', statementFile('assign.sta', 13)]).out);
    const target = rows.find((r) => r.account_no && r.premises_kind === 'commercial' && r.status === 'active')!;
    const r = saldo(['--json', 'bank', 'assign', '--run', String(s.runId), '--entry', 'CLI13B', '--account', target.account_no!, '--note', 'from the phone']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).item).toMatchObject({ status: 'matched', accountNo: target.account_no, premisesKind: 'commercial', method: 'operator', assignedBy: 'admin', note: 'from the phone', amount: '27.18' });
    const missing = saldo(['--json', 'bank', 'assign', '--run', String(s.runId), '--entry', 'NO-SUCH', '--account', target.account_no!]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).errors[0].code).toBe('SAL-3060');
  });
});

describe('saldo bank watch', () => {
  it('processes a file dropped into the folder and stops cleanly on SIGTERM (exit 0)', async () => {
    const inDir = join(root, 'watch-in');
    const outDir = join(root, 'watch-out');
    mkdirSync(inDir);
    const child = spawn(process.execPath, [join(process.cwd(), 'bin/saldo.js'), '--config', cfg, '--json', 'bank', 'watch', inDir, '--out', outDir], { cwd: root, env: { ...process.env, SALDO_LANG: '' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const end = Date.now() + 60_000;
      while (!existsSync(join(inDir, 'processed'))) {
        if (Date.now() > end) throw new Error('watch did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      writeFileSync(join(inDir, 'drop.sta'), readFileSync(statementFile('drop-src.sta', 15)));
      while (!stdout.includes('"event":"file"')) {
        if (Date.now() > end) throw new Error(`no file event: ${stdout}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const events = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ event: 'file', file: 'drop.sta', summary: { status: 'completed' } });
    expect(events[0].movedTo).toBe(join(inDir, 'processed', 'drop.sta'));
    expect(events.at(-1)).toEqual({ event: 'stopped', processed: 1 });
    expect(readdirSync(outDir)).toHaveLength(3);
    expect(existsSync(join(W, 'logs', 'bank-watch.log'))).toBe(true);
  }, 90_000);
});
