// Collected funds by provider on a real demo workspace whose October bills are set, for a few
// premises, to amounts worked out by hand: a grosz over three equal charges, debts and charges in
// proportion, a credit brought forward, 0.01 from an account with no charges, 90 billion złoty, a
// bank reversal, 7 groszy over 5:3:2. The money comes in as portal payments (through the import)
// and matched bank payments (the bank store); the provider amounts are checked to the grosz against
// the hand-worked figures and add up exactly to the money collected. Then the report as a PDF
// (read back with pdftotext), the CSV, the month that is not billed yet, a month with no bill.

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundsSummary } from '../../shared/ipc/contract-accounts';
import { parseDecimal } from '../../shared/domain/money';
import { importPaymentsFromPortal } from '../../main/accounts/payments/import';
import { fundsCsv } from '../../main/accounts/funds/csv';
import { runFunds } from '../../main/accounts/funds/compute';
import { FundsStore } from '../../main/accounts/funds/store';
import { BankStore } from '../../main/bank/store';
import { createBackend, type Backend } from '../../main/engine/backend';
import type { JobContext } from '../../main/engine/jobs';
import { openPortal } from '../../main/portal/open';
import type { FeedPayment } from '../../main/portal/port';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
const P = '2026-10';
/** The accounts of the scenario, by role. */
const acc: Record<'A' | 'B' | 'C' | 'E' | 'F' | 'G', string> = { A: '', B: '', C: '', E: '', F: '', G: '' };
const NO_CHARGES = 'ZZ-NO-CHARGES';

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {} });
const session = () => ({ session: { actor: b.ws.operators.find('admin') }, trustedSender: true });

async function job<T>(channel: string, req: object): Promise<{ status: string; result?: T; error?: { code: string } }> {
  const r = await b.dispatcher.handle(channel, req, session());
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return (await b.jobs.wait((r.value as { jobId: string }).jobId))! as never;
}

/** Sets a premises' October bill: [service code, debt brought forward, amount] in minor units. */
function setBill(db: Database.Database, account: string, lines: Array<[string, number, number]>): void {
  const premises = db.prepare(`SELECT premises_id FROM premises WHERE account_no = ?`).pluck().get(account) as number;
  db.prepare(`DELETE FROM charges WHERE period = ? AND premises_id = ?`).run(P, premises);
  for (const [code, debt, amount] of lines) {
    const service = db.prepare(`SELECT service_id FROM services WHERE code = ?`).pluck().get(code) as number;
    db.prepare(`INSERT INTO charges (period, premises_id, service_id, debt_bf, quantity, tariff, amount, recalculation) VALUES (?, ?, ?, ?, '1', '1', ?, 0)`).run(P, premises, service, debt, amount);
  }
}

/** Matched bank items as the bank import books them (a booked statement of a bank-import run). */
function bankItems(items: Array<{ account: string; amount: number; day: string; currency?: string }>): void {
  const store = new BankStore(b.ws.db);
  const runId = b.ws.journal.start({ operator: 'admin', kind: 'bank-import' });
  b.ws.db.transaction(() => {
    const fileId = store.insertFile({ runId, name: 'funds-test.sta', sha256: 'f'.repeat(64), size: 1, format: 'mt940', encoding: 'utf-8', booked: true, duplicate: false, problems: [] });
    const stmt = store.insertStatement({
      file_id: fileId, run_id: runId, seq: 1, stmt_key: 'funds-test', format: 'mt940', statement_id: 'FT', number: '1', account: 'PL00', currency: 'PLN',
      opening: 0, opening_date: `${P}-01`, closing: 0, closing_date: `${P}-31`, computed: 0, credit: 0, debit: 0, entries: items.length, check_result: 'pass', booked: 1, duplicate: 0,
    });
    const insert = store.itemInserter();
    items.forEach((it, i) =>
      insert({
        run_id: runId, statement_id: stmt, seq: i + 1, booking_date: it.day, value_date: it.day, amount: it.amount, currency: it.currency ?? 'PLN', title: 'test', payer_name: null, payer_account: null,
        virtual_account: null, bank_reference: `FT-${i}`, ref_key: `FT-${i}`, type_code: null, line: null, status: 'matched', account_no: it.account, premises_kind: 'residential', address: null,
        method: 'operator', suggestion_account: null, suggestion_reason: null, problems: [],
      }),
    );
  })();
  b.ws.journal.finish(runId, { status: 'completed', counts: {}, totals: {}, problems: [] });
}

let summary: FundsSummary;

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 200, months: 3, seed: 'funds' });
  const db = new Database(join(demo.dir, 'accounting.sqlite'));
  const accounts = db
    .prepare(`SELECT account_no FROM premises WHERE status = 'active' AND account_no <> '' AND account_no IN (SELECT account_no FROM premises GROUP BY account_no HAVING COUNT(*) = 1) ORDER BY premises_id LIMIT 6`)
    .pluck()
    .all() as string[];
  (['A', 'B', 'C', 'E', 'F', 'G'] as const).forEach((k, i) => (acc[k] = accounts[i]));
  setBill(db, acc.A, [['ZW', 0, 4200], ['CO', 0, 4200], ['SMI', 0, 4200]]);
  setBill(db, acc.B, [['CO', 3000, 10000], ['SMI', 1000, 5000], ['ZW', 0, 5000]]);
  setBill(db, acc.C, [['CO', -5000, 10000], ['ZW', 2000, 3000]]);
  setBill(db, acc.E, [['CO', 0, 10000]]);
  setBill(db, acc.G, [['CO', 0, 500], ['SMI', 0, 300], ['ZW', 0, 200]]);
  db.close();
  b = createBackend(demo.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(demo.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });

  // Portal payments of October, through the import (the demo's November ones come along; they are another month).
  const pay = (id: string, account: string, amount: number): FeedPayment => ({ id, account_no: account, amount, currency: 'PLN', paid_at: `${P}-15T10:00:00+02:00`, reference: 'test' });
  const inbox = join(demo.dir, 'portal', 'inbox', 'payments');
  writeFileSync(join(inbox, '.t.tmp'), JSON.stringify({ items: [pay('F-A', acc.A, 1), pay('F-B', acc.B, 14_000), pay('F-E', acc.E, 9_000_000_000_000)] }));
  renameSync(join(inbox, '.t.tmp'), join(inbox, '2026-10-31-funds-test.json'));
  const imported = await importPaymentsFromPortal(b.ws, b.ws.operators.find('admin')!, ctx(), () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()));
  expect(imported.status).toBe('completed');
  // Matched bank payments of October: C, 0.01 from an account with no charges, F's reversal, G, one in euro, one in November.
  bankItems([
    { account: acc.C, amount: 10_000, day: `${P}-20` },
    { account: NO_CHARGES, amount: 1, day: `${P}-21` },
    { account: acc.F, amount: -2_500, day: `${P}-22` },
    { account: acc.G, amount: 7, day: `${P}-31` },
    { account: acc.G, amount: 999, day: `${P}-12`, currency: 'EUR' },
    { account: acc.G, amount: 555, day: '2026-11-01' },
  ]);
  const fin = await job<FundsSummary>('accounts.funds', { period: P });
  expect(fin.status).toBe('completed');
  summary = fin.result!;
});
afterAll(async () => {
  await b?.close();
  demo?.cleanup();
});

const line = (code: string | null) => summary.lines.find((l) => (code === null ? l.kind === 'overpayment' : l.providerCode === code))!;
const cents = (s: string) => parseDecimal(s);

describe('collected funds by provider', () => {
  it('allocates each premises by the rule: provider amounts to the grosz, as worked out by hand', () => {
    expect(summary).toMatchObject({ period: P, basis: P, currency: 'PLN' });
    // CO is P03, SMI P04, ZW P02 (the demo's services).
    // P03 (CO): A 0.01 (the grosz, smallest code) + B 30.00+50.00 + C 0+50.00 + E 100.00 + G 0.04 (3.5 → 4)
    expect(cents(line('P03').collected)).toBe(1 + 8_000 + 5_000 + 10_000 + 4);
    expect(cents(line('P03').debtPart)).toBe(3_000);
    // P04 (SMI): B 10.00+25.00 + G 0.02 (2.1)
    expect(cents(line('P04').collected)).toBe(3_500 + 2);
    // P02 (ZW): B 25.00 + C 20.00+30.00 + G 0.01 (1.4)
    expect(cents(line('P02').collected)).toBe(2_500 + 5_000 + 1);
    expect(cents(line('P02').debtPart)).toBe(2_000);
    // Nobody paid for P01, P05, P06 in October: listed with their charges, nothing collected.
    for (const p of ['P01', 'P05', 'P06']) expect(cents(line(p).collected)).toBe(0);
    // Overpayments: E's 90 billion less its 100.00, the 0.01 without charges, F's reversal of 25.00.
    expect(cents(line(null).collected)).toBe(8_999_999_990_000 + 1 - 2_500);
  });

  it('the provider amounts and the overpayments add up exactly to the money collected; the shares to 100.00', () => {
    const collected = 1 + 14_000 + 9_000_000_000_000 + 10_000 + 1 - 2_500 + 7;
    expect(cents(summary.collected)).toBe(collected);
    expect(cents(summary.portal)).toBe(1 + 14_000 + 9_000_000_000_000);
    expect(cents(summary.bank)).toBe(10_000 + 1 - 2_500 + 7); // the euro and the November items are not October's money
    expect(summary.lines.reduce((t, l) => t + BigInt(cents(l.collected)), 0n)).toBe(BigInt(collected));
    expect(summary.lines.reduce((t, l) => t + Math.round(Number(l.shareOfTotal) * 100), 0)).toBe(10_000);
    expect(cents(summary.overpayment)).toBe(cents(line(null).collected));
    expect(summary.payments).toBe(7);
    const codes = summary.errors.map((p) => [p.code, p.key ?? null]);
    expect(codes).toContainEqual(['SAL-4171', NO_CHARGES]);
    expect(codes).toContainEqual(['SAL-4176', acc.F]);
    expect(codes).toContainEqual(['SAL-4173', null]);
    // What the run counted is kept with it.
    const inputs = new FundsStore(b.ws.db).inputs(summary.runId);
    expect(inputs.reduce((t, p) => t + p.amount, 0)).toBe(collected);
    expect(b.ws.journal.get(summary.runId)).toMatchObject({ kind: 'funds', period: P, status: 'completed', totals: { funds_collected: summary.collected } });
  });

  it("each provider's charges are all premises' charges of its services; % of charges is collected / charged, exact", () => {
    const db = new Database(join(demo.dir, 'accounting.sqlite'), { readonly: true });
    const charged = db
      .prepare(
        `SELECT s.provider_code AS code, SUM(c.amount + c.recalculation) AS sum FROM charges c JOIN services s ON s.service_id = c.service_id
         JOIN premises p ON p.premises_id = c.premises_id WHERE c.period = ? AND p.account_no IS NOT NULL AND p.account_no <> '' GROUP BY s.provider_code`,
      )
      .all(P) as Array<{ code: string; sum: number }>;
    db.close();
    for (const c of charged) {
      const l = line(c.code);
      expect(cents(l.charged), c.code).toBe(c.sum);
      const exact = (BigInt(cents(l.collected)) * 10_000n * 2n + BigInt(c.sum)) / (2n * BigInt(c.sum)); // half up
      expect(Math.round(Number(l.shareOfCharges) * 100), c.code).toBe(Number(exact));
    }
    expect(cents(summary.charged)).toBe(charged.reduce((t, c) => t + c.sum, 0));
  });

  it('prints the report: the providers with tax code, bank and account, the overpayments line and the totals', async () => {
    const saved = await b.dispatcher.handle('report.pdf', { kind: 'funds', runId: summary.runId }, session());
    expect(saved.ok).toBe(true);
    const file = (saved as { ok: true; value: { file: string } }).value.file;
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zebrane środki według dostawców');
    expect(text).toContain('Nadpłaty i zaliczki');
    expect(text).toMatch(/Ogółem\s+90\s000\s000\s215,09\s+100,00/);
    const p03 = summary.lines.find((l) => l.providerCode === 'P03')!;
    expect(text).toContain(p03.taxCode!);
    expect(text).toContain(p03.bank!);
    const plain = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(plain.replace(/\s+/g, '')).toContain(p03.account!); // printed in groups of four, wrapped within its cell
    expect(plain).toContain(`${p03.account!.slice(0, 2)} ${p03.account!.slice(2, 6)} `);
    expect(text).toContain('Jak przypisano pieniądze');
    expect(text).toContain('metodą największych reszt');
  });

  it('exports the CSV: UTF-8 with BOM, ";", decimal comma, the same figures as the report', async () => {
    const r = await b.dispatcher.handle('accounts.fundsCsv', { runId: summary.runId }, session());
    expect(r.ok).toBe(true);
    const bytes = readFileSync((r as { ok: true; value: { file: string } }).value.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(summary.lines.length + 2);
    expect(lines[0].split(';')).toHaveLength(11);
    const rows = lines.slice(1, -1).map((l) => l.split(';'));
    const sum = rows.reduce((t, c) => t + BigInt(parseDecimal(c[5])), 0n);
    expect(sum).toBe(BigInt(cents(summary.collected)));
    expect(lines.at(-1)!.split(';')[5]).toBe('90000000215,09');
    expect(lines.at(-1)!.split(';')[8]).toBe('100,00');
    expect(rows.find((c) => c[0] === 'P03')![5]).toBe(line('P03').collected.replace('.', ','));
  });

  it('a month not billed yet is allocated to the last bill (a warning); a month with no bill before it fails with its code', async () => {
    const next = await job<FundsSummary>('accounts.funds', { period: '2026-11' });
    expect(next.status).toBe('completed');
    expect(next.result).toMatchObject({ period: '2026-11', basis: P });
    expect(next.result!.errors.map((p) => p.code)).toContain('SAL-4175');
    expect(cents(next.result!.bank)).toBeGreaterThanOrEqual(555); // G's November payment
    expect(next.result!.lines.reduce((t, l) => t + BigInt(cents(l.collected)), 0n)).toBe(BigInt(cents(next.result!.collected)));
    const none = await job<FundsSummary>('accounts.funds', { period: '1999-01' });
    expect(none.status).toBe('failed');
    expect(none.error!.code).toBe('SAL-4170');
  });

  it('Cancel stops a funds run: cancelled, and nothing of it kept to print', async () => {
    const c = new AbortController();
    let charges = 0;
    const s = await runFunds(b.ws, b.ws.operators.find('admin')!, P, {
      signal: c.signal,
      progress: (phase) => {
        // Cancel while the month's charges stream in.
        if (phase === 'funds.charges' && ++charges === 1) c.abort(new DOMException('cancelled by the operator', 'AbortError'));
      },
    });
    expect(s.status).toBe('cancelled');
    expect(b.ws.journal.get(s.runId)).toMatchObject({ kind: 'funds', status: 'cancelled' });
    expect(new FundsStore(b.ws.db).load(s.runId)).toBeNull();
  });

  it('prints funds only from a funds run (SAL-4174)', async () => {
    const r = await b.dispatcher.handle('report.pdf', { kind: 'funds', runId: 1 }, session());
    expect(!r.ok && r.error.code).toBe('SAL-4174');
  });

  it('a provider name from the database never runs as a formula in the CSV', () => {
    const data = new FundsStore(b.ws.db).load(summary.runId)!;
    const hostile = { ...data, lines: data.lines.map((l, i) => (i === 0 ? { ...l, name: '=HYPERLINK("http://x";"y")', account: '+48 1;2' } : l)) };
    const csv = fundsCsv(hostile, 'en');
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"";""y"")"`);
    expect(csv).toContain(`"'+48 1;2"`);
    expect(csv.split('\r\n')[2].split(';')[5]).toMatch(/^\d+\.\d\d$/); // en: a decimal point
  });
});
