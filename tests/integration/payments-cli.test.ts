// `saldo portal payments import`, `saldo report funds` and the cycle's portal-payments step through
// the CLI (runCli, what bin/saldo.js runs): the --json shapes, translated human output, the files
// written, and the exit codes (0 completed, 1 failed, 2 bad usage) — with `saldo report <kind>
// --run` unchanged for the other kinds.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;

async function saldo(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['--config', ws.configFile, ...args], { out: (x) => void (stdout += x), err: (x) => void (stderr += x), isTTY: false });
  return { status, stdout, stderr };
}
const json = async (...args: string[]) => {
  const r = await saldo('--json', ...args);
  return { ...r, body: JSON.parse(r.stdout) };
};

const IMPORT_KEYS = ['runId', 'status', 'currency', 'read', 'booked', 'written', 'already', 'rejected', 'duplicates', 'bookedAmount', 'acknowledged', 'pendingAcks', 'notBooked', 'notBookedTotal', 'errors'];
const FUNDS_KEYS = ['runId', 'status', 'period', 'basis', 'currency', 'collected', 'portal', 'bank', 'overpayment', 'charged', 'premises', 'payments', 'lines', 'errors', 'pdf', 'csv'];

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 120, months: 3, seed: 'payments-cli' });
});
afterAll(() => ws?.cleanup());

describe('saldo portal payments import', () => {
  it('--json prints the summary shape, listing what could not be booked with its code; exit 0', async () => {
    const r = await json('portal', 'payments', 'import');
    expect(r.status).toBe(0);
    expect(Object.keys(r.body)).toEqual(IMPORT_KEYS);
    expect(r.body).toMatchObject({ status: 'completed', rejected: 1, duplicates: 1, currency: 'PLN', pendingAcks: 0 });
    expect(r.body.bookedAmount).toMatch(/^\d+\.\d\d$/);
    expect(r.body.notBooked).toHaveLength(1);
    expect(Object.keys(r.body.notBooked[0])).toEqual(['id', 'accountNo', 'amount', 'currency', 'paidAt', 'paidOn', 'period', 'reference', 'outcome', 'written', 'code', 'problem', 'runId', 'processedAt', 'ack']);
    expect(r.body.notBooked[0]).toMatchObject({ accountNo: '99-9999-99', amount: '123.45', outcome: 'rejected', code: 'SAL-4150' });
  });

  it('human output is in the workspace’s language and lists the payments not booked', async () => {
    const r = await saldo('portal', 'payments', 'import');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Przebieg \d+ \(płatności z portalu\): zakończony$/m);
    expect(r.stdout).toContain('Odczytano 0');
  });
});

describe('saldo report funds', () => {
  it('--period makes a funds run, writes the PDF and the CSV; --json prints the summary and the files', async () => {
    const pdf = join(ws.dir, 'funds.pdf');
    const csv = join(ws.dir, 'funds.csv');
    const r = await json('report', 'funds', '--period', '2026-11', '--pdf', pdf, '--csv', csv);
    expect(r.status).toBe(0);
    expect(Object.keys(r.body)).toEqual(FUNDS_KEYS);
    expect(r.body).toMatchObject({ status: 'completed', period: '2026-11', basis: '2026-10', pdf, csv });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(csv).subarray(0, 3).toString('hex')).toBe('efbbbf');
    const sum = (r.body.lines as Array<{ collected: string }>).reduce((t, l) => t + BigInt(l.collected.replace('.', '')), 0n);
    expect(sum).toBe(BigInt(r.body.collected.replace('.', '')));
    expect(r.body.errors.map((p: { code: string }) => p.code)).toContain('SAL-4175');
    // The same run again, by its number, prints the same report.
    const again = await json('report', 'funds', '--run', String(r.body.runId), '--pdf', join(ws.dir, 'again.pdf'));
    expect(again.status).toBe(0);
    expect(again.body).toMatchObject({ runId: r.body.runId, pdf: join(ws.dir, 'again.pdf'), csv: null });
  });

  it('human output names the month, the bill it was allocated to and the providers', async () => {
    const r = await saldo('report', 'funds', '--period', '2026-11', '--pdf', join(ws.dir, 'h.pdf'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Pieniądze zebrane w 2026-11, przypisane do naliczeń za 2026-10');
    expect(r.stdout).toContain('Nadpłaty i zaliczki');
    expect(r.stdout).toMatch(/\d,\d\d %/);
  });

  it('bad usage is exit 2: neither or both of --period and --run; --period or --csv with another kind; no --run for another kind', async () => {
    const pdf = join(ws.dir, 'x.pdf');
    for (const args of [
      ['report', 'funds', '--pdf', pdf],
      ['report', 'funds', '--period', '2026-11', '--run', '1', '--pdf', pdf],
      ['report', 'funds', '--period', '2026-13', '--pdf', pdf],
      ['report', 'run-summary', '--period', '2026-11', '--pdf', pdf],
      ['report', 'run-summary', '--run', '1', '--csv', join(ws.dir, 'x.csv'), '--pdf', pdf],
      ['report', 'run-summary', '--pdf', pdf],
    ]) {
      const r = await saldo(...args);
      expect(r.status, args.join(' ')).toBe(2);
    }
    expect(existsSync(pdf)).toBe(false);
  });

  it('a run that is not a funds run is SAL-4174 (exit 1); other kinds print with --run as before', async () => {
    const bad = await json('report', 'funds', '--run', '1', '--pdf', join(ws.dir, 'y.pdf'));
    expect(bad.status).toBe(1);
    expect(bad.body.errors[0].code).toBe('SAL-4174');
    const ok = await json('report', 'run-summary', '--run', '1', '--pdf', join(ws.dir, 'summary.pdf'));
    expect(ok.status).toBe(0);
    expect(ok.body).toMatchObject({ status: 'completed', kind: 'run-summary', runId: 1 });
  });
});

describe('saldo cycle', () => {
  it('gains the portal-payments step: payments sent to the portal after the last import are booked by the cycle', async () => {
    const dir = join(ws.dir, 'portal', 'inbox', 'payments');
    const { writeFileSync, renameSync } = await import('node:fs');
    const item = { id: 'CYCLE-1', account_no: JSON.parse(readFileSync(join(dir, 'read', '2026-11-01-payments.json'), 'utf8')).items[0].account_no, amount: 4242, currency: 'PLN', paid_at: '2026-11-28T09:00:00+01:00', reference: 'cycle' };
    writeFileSync(join(dir, '.c.tmp'), JSON.stringify({ items: [item] }));
    renameSync(join(dir, '.c.tmp'), join(dir, '2026-11-28-cycle.json'));
    const r = await json('cycle', '--period', '2026-10');
    expect(r.status).toBe(0);
    expect(r.body.counts).toMatchObject({ 'portalPayments.read': 1, 'portalPayments.booked': 1 });
    expect(r.body.totals).toMatchObject({ portal_payments_booked: '42.42' });
  });
});
