// Portal payments over the folder transport (the embedded default), against a real demo workspace:
// the demo month booked in the SQLite accounting database once each — the payment sent twice once,
// the one for an unknown account rejected with its code — every id acknowledged in the outbox; a
// later repeat (the same, or with other data) never booked again; a wrong currency, a closed account;
// accounting refusing a page in its middle (nothing of it booked, the cursor kept, a re-run books
// it whole); a crash between booking and recording (found booked, never doubled); the permission.

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentsImportSummary, PortalPaymentsPage } from '../../shared/ipc/contract-accounts';
import { importPaymentsFromPortal } from '../../main/accounts/payments/import';
import { DEMO_UNKNOWN_ACCOUNT } from '../../main/accounts/payments-demo';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { createBackend, type Backend } from '../../main/engine/backend';
import type { JobContext } from '../../main/engine/jobs';
import { openPortal } from '../../main/portal/open';
import type { FeedPayment } from '../../main/portal/port';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { generateAccountingDb } from '../../main/demo/generator';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let demoItems: FeedPayment[];
let resent: FeedPayment;
let accountingFile: string;
let fileNo = 10;

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {} });
const admin = () => b.ws.operators.find('admin')!;
const run = (pageSize?: number): Promise<PaymentsImportSummary> => importPaymentsFromPortal(b.ws, admin(), ctx(), () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()), pageSize ? { pageSize } : {});
const inbox = () => join(demo.dir, 'portal', 'inbox', 'payments');

/** A feed file as the portal writes it: under a temporary name, renamed; names sort after the demo's. */
function feed(items: FeedPayment[]): void {
  const name = `2026-12-${String(++fileNo).padStart(2, '0')}-test.json`;
  const tmp = join(inbox(), `.${name}.tmp`);
  writeFileSync(tmp, JSON.stringify({ items }));
  renameSync(tmp, join(inbox(), name));
}

function accounting<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(accountingFile, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const booked = () => accounting((db) => db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS sum FROM portal_payments`).get() as { n: number; sum: number });

/** Every acknowledgement of the payments feed the outbox holds, in manifest order (oldest first). */
function acks(): Array<{ id: string; outcome: string; code?: string; message?: string }> {
  const outbox = join(demo.dir, 'portal', 'outbox');
  if (!existsSync(join(outbox, 'manifest.jsonl'))) return [];
  const lines = readFileSync(join(outbox, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind?: string; feed?: string; file: string; items: number });
  const entries = lines.filter((m) => m.kind === 'acks' && m.feed === 'payments');
  const items = entries.flatMap((m) => (JSON.parse(readFileSync(join(outbox, m.file), 'utf8')) as { items: Array<{ id: string; outcome: string; code?: string; message?: string }> }).items);
  expect(items.length).toBe(entries.reduce((t, m) => t + m.items, 0));
  return items;
}
const lastAck = (id: string) => acks().filter((a) => a.id === id).at(-1);

const base = (over: Partial<FeedPayment>): FeedPayment => ({ id: 'T-0', account_no: demoItems[0].account_no, amount: 100, currency: 'PLN', paid_at: '2026-12-02T10:00:00+01:00', reference: 'test', ...over });

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 200, months: 3, seed: 'payments-folder' });
  accountingFile = join(demo.dir, 'accounting.sqlite');
  const files = readdirSync(inbox()).filter((f) => f.endsWith('.json')).sort();
  expect(files).toHaveLength(2);
  demoItems = JSON.parse(readFileSync(join(inbox(), files[0]), 'utf8')).items;
  resent = JSON.parse(readFileSync(join(inbox(), files[1]), 'utf8')).items[0];
  b = createBackend(demo.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(demo.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
});
afterAll(async () => {
  await b?.close();
  demo?.cleanup();
});

describe('portal payments over the folder transport', () => {
  let first: PaymentsImportSummary;

  it('books the demo month once each: the payment sent twice once, the unknown account rejected with its code; every id acknowledged', async () => {
    const before = booked();
    expect(before.n).toBe(0);
    first = await run();
    expect(first.status).toBe('completed');
    const unknown = demoItems.filter((i) => i.account_no === DEMO_UNKNOWN_ACCOUNT);
    expect(unknown).toHaveLength(1);
    expect(demoItems.some((i) => i.id === resent.id)).toBe(true);
    expect(first).toMatchObject({ read: demoItems.length + 1, booked: demoItems.length - 1, written: demoItems.length - 1, already: 0, rejected: 1, duplicates: 1, currency: 'PLN', pendingAcks: 0 });
    expect(first.notBooked.map((p) => [p.id, p.code])).toEqual([[unknown[0].id, 'SAL-4150']]);
    expect(first.notBookedTotal).toBe(1);

    // In accounting: each booked payment once, the amounts exact.
    const after = booked();
    const want = demoItems.filter((i) => i.account_no !== DEMO_UNKNOWN_ACCOUNT);
    expect(after.n).toBe(want.length);
    expect(after.sum).toBe(want.reduce((t, i) => t + i.amount, 0));
    expect(first.bookedAmount).toBe((after.sum / 100).toFixed(2));
    expect(accounting((db) => db.prepare(`SELECT COUNT(*) FROM portal_payments WHERE payment_id = ?`).pluck().get(resent.id))).toBe(1);
    expect(accounting((db) => db.prepare(`SELECT COUNT(*) FROM portal_payments WHERE payment_id = ?`).pluck().get(unknown[0].id))).toBe(0);

    // Acknowledged: every id, accepted — the unknown one rejected with its code, in the residents' language.
    const a = acks();
    expect(new Set(a.map((x) => x.id))).toEqual(new Set(demoItems.map((i) => i.id)));
    expect(lastAck(unknown[0].id)).toMatchObject({ outcome: 'rejected', code: 'SAL-4150', message: expect.stringContaining('nie ma w danych księgowych') });
    for (const x of a.filter((y) => y.id !== unknown[0].id)) expect(x).toEqual({ id: x.id, outcome: 'accepted' });

    // A payment at 23:40 UTC on 30 November is paid on 1 December in Warsaw: that is its day and month.
    const late = demoItems.find((i) => i.paid_at.endsWith('T23:40:00Z'))!;
    expect(b.ws.db.prepare(`SELECT paid_on, period FROM portal_payments WHERE payment_id = ?`).get(late.id)).toEqual({ paid_on: '2026-12-01', period: '2026-12' });
    expect(accounting((db) => db.prepare(`SELECT paid_on, period FROM portal_payments WHERE payment_id = ?`).get(late.id))).toEqual({ paid_on: '2026-12-01', period: '2026-12' });

    // A journaled run with per-record outcomes.
    const runRec = b.ws.journal.get(first.runId)!;
    expect(runRec).toMatchObject({ kind: 'portal-payments', status: 'completed' });
    expect(runRec.counts).toMatchObject({ 'portalPayments.read': demoItems.length + 1, 'portalPayments.booked': want.length, 'portalPayments.rejected': 1, 'portalPayments.duplicates': 1 });
    expect(runRec.totals).toMatchObject({ portal_payments_booked: first.bookedAmount, portal_payments_rejected: '123.45' });
    const records = b.ws.journal.records(first.runId);
    expect(records.filter((r) => r.outcome === 'booked')).toHaveLength(want.length);
    expect(records.find((r) => r.key === unknown[0].id)).toMatchObject({ outcome: 'error', code: 'SAL-4150' });
    expect(records.find((r) => r.key === resent.id && r.code === 'SAL-4151')).toBeTruthy();
  });

  it('a second import reads nothing new, books nothing and acknowledges nothing again', async () => {
    const ackCount = acks().length;
    const s = await run();
    expect(s).toMatchObject({ status: 'completed', read: 0, booked: 0, rejected: 0, duplicates: 0, acknowledged: 0 });
    expect(booked().n).toBe(first.booked);
    expect(acks()).toHaveLength(ackCount);
  });

  it('a payment sent again later — the same, or with other data — is never booked twice; the portal hears the first outcome again', async () => {
    const before = booked();
    const known = demoItems[5];
    const unknown = demoItems.find((i) => i.account_no === DEMO_UNKNOWN_ACCOUNT)!;
    feed([known, { ...demoItems[6], amount: demoItems[6].amount + 1 }, unknown]);
    const s = await run();
    expect(s).toMatchObject({ status: 'completed', read: 3, booked: 0, rejected: 0, duplicates: 3 });
    expect(booked()).toEqual(before);
    const codes = Object.fromEntries(s.errors.filter((p) => p.key).map((p) => [p.key, p.code]));
    expect(codes).toEqual({ [known.id]: 'SAL-4151', [demoItems[6].id]: 'SAL-4152', [unknown.id]: 'SAL-4151' });
    expect(s.errors.find((p) => p.code === 'SAL-4152')!.message).toMatch(/amount \d+\.\d\d → \d+\.\d\d/);
    // the conflicting repeat is listed as not booked; the plain repeats are not (their first outcome stands)
    expect(s.notBooked.map((p) => [p.id, p.outcome, p.code])).toEqual([[demoItems[6].id, 'duplicate', 'SAL-4152']]);
    expect(lastAck(known.id)).toEqual({ id: known.id, outcome: 'accepted' });
    expect(lastAck(demoItems[6].id)).toEqual({ id: demoItems[6].id, outcome: 'accepted' });
    expect(lastAck(unknown.id)).toMatchObject({ outcome: 'rejected', code: 'SAL-4150' });
    const page = (await b.dispatcher.handle('accounts.payments', { outcome: 'duplicate' }, { session: { actor: admin() }, trustedSender: true })) as { ok: true; value: PortalPaymentsPage };
    expect(page.ok).toBe(true);
    expect(page.value.total).toBe(4); // the demo's own repeat and these three
    expect(new Set(page.value.rows.map((r) => r.id))).toEqual(new Set([resent.id, known.id, demoItems[6].id, unknown.id]));
  });

  it('a payment in another currency is rejected; one for a closed account is booked with a warning', async () => {
    // A premises the accounting system has closed (its account number used by no other premises).
    const w = new Database(accountingFile);
    const closed = w
      .prepare(`SELECT account_no FROM premises WHERE account_no <> '' AND account_no IN (SELECT account_no FROM premises GROUP BY account_no HAVING COUNT(*) = 1) ORDER BY premises_id DESC LIMIT 1`)
      .pluck()
      .get() as string;
    w.prepare(`UPDATE premises SET status = 'closed', closed_on = '2026-09-30' WHERE account_no = ?`).run(closed);
    w.close();
    feed([base({ id: 'T-UAH', currency: 'UAH', amount: 5000 }), base({ id: 'T-CLOSED', account_no: closed, amount: 4321 })]);
    const before = booked();
    const s = await run();
    expect(s).toMatchObject({ status: 'completed', read: 2, booked: 1, rejected: 1 });
    expect(s.notBooked.map((p) => [p.id, p.code])).toEqual([['T-UAH', 'SAL-4153']]);
    expect(s.errors.find((p) => p.key === 'T-CLOSED')).toMatchObject({ code: 'SAL-4157', severity: 'warning' });
    expect(booked()).toEqual({ n: before.n + 1, sum: before.sum + 4321 });
    expect(lastAck('T-UAH')).toMatchObject({ outcome: 'rejected', code: 'SAL-4153' });
    expect(lastAck('T-CLOSED')).toEqual({ id: 'T-CLOSED', outcome: 'accepted' });
  });

  it('accounting refuses a page in its middle: nothing of it is booked, the cursor stays, the run fails; a re-run books it whole', async () => {
    const items = [1, 2, 3, 4, 5].map((n) => base({ id: `T-MID-${n}`, account_no: demoItems[n].account_no, amount: n === 3 ? 77_777 : 1000 + n }));
    feed(items);
    const cursor = b.ws.db.prepare(`SELECT cursor FROM portal_payments_cursor`).pluck().get();
    const before = booked();
    const w = new Database(accountingFile);
    w.prepare(`CREATE TRIGGER t_fail BEFORE INSERT ON portal_payments WHEN NEW.amount = 77777 BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END`).run();
    try {
      const s = await run();
      expect(s.status).toBe('failed');
      expect(s.errors.at(-1)).toMatchObject({ code: 'SAL-4155', message: expect.stringContaining('refused by a test trigger') });
      expect(booked()).toEqual(before); // items 1 and 2 were inserted before 3 failed: rolled back
      expect(b.ws.db.prepare(`SELECT cursor FROM portal_payments_cursor`).pluck().get()).toBe(cursor);
      expect(b.ws.db.prepare(`SELECT COUNT(*) FROM portal_payments WHERE payment_id LIKE 'T-MID-%'`).pluck().get()).toBe(0);
      expect(acks().some((a) => a.id.startsWith('T-MID-'))).toBe(false);
    } finally {
      w.prepare('DROP TRIGGER t_fail').run();
      w.close();
    }
    const again = await run();
    expect(again).toMatchObject({ status: 'completed', read: 5, booked: 5, written: 5, already: 0 });
    expect(booked()).toEqual({ n: before.n + 5, sum: before.sum + items.reduce((t, i) => t + i.amount, 0) });
    for (const i of items) expect(lastAck(i.id)).toEqual({ id: i.id, outcome: 'accepted' });
  });

  it('booked in accounting but not recorded (Saldo stopped in between): the page is read again, found booked, never doubled', async () => {
    const items = [7, 8, 9].map((n) => base({ id: `T-CRASH-${n}`, account_no: demoItems[n].account_no, amount: 2000 + n }));
    feed(items);
    // The earlier run's booking of the first two, as the accounting database keeps it.
    const gw = SqliteAccountingGateway.open(accountingFile);
    expect((await gw.importPortalPayments(items.slice(0, 2).map((i) => ({ payment_id: i.id, account_no: i.account_no, paid_on: '2026-12-02', amount: i.amount })))).map((r) => r.status)).toEqual(['written', 'written']);
    await gw.close();
    const before = booked();
    const s = await run();
    expect(s).toMatchObject({ status: 'completed', read: 3, booked: 3, written: 1, already: 2 });
    expect(booked()).toEqual({ n: before.n + 1, sum: before.sum + items[2].amount });
    const list = (await b.dispatcher.handle('accounts.payments', { runId: s.runId }, { session: { actor: admin() }, trustedSender: true })) as { ok: true; value: PortalPaymentsPage };
    expect(list.value.rows.map((r) => [r.id, r.outcome, r.written]).sort()).toEqual([
      ['T-CRASH-7', 'booked', 'already'],
      ['T-CRASH-8', 'booked', 'already'],
      ['T-CRASH-9', 'booked', 'written'],
    ]);
  });

  it('Cancel stops between pages: what was booked is recorded and acknowledged, the rest is read by the next import', async () => {
    const items = [1, 2, 3, 4, 5, 6].map((n) => base({ id: `T-CANCEL-${n}`, account_no: demoItems[n + 10].account_no, amount: 3000 + n }));
    feed(items);
    const before = booked();
    const c = new AbortController();
    const s = await importPaymentsFromPortal(
      b.ws,
      admin(),
      { signal: c.signal, progress: (phase) => phase === 'payments' && c.abort(new DOMException('cancelled by the operator', 'AbortError')) },
      () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()),
      { pageSize: 2 },
    );
    expect(s.status).toBe('cancelled');
    expect(s.booked).toBe(2);
    expect(booked().n).toBe(before.n + 2);
    expect(b.ws.journal.get(s.runId)).toMatchObject({ kind: 'portal-payments', status: 'cancelled' });
    const next = await run();
    expect(next).toMatchObject({ status: 'completed', read: 4, booked: 4, already: 0 });
    expect(booked()).toEqual({ n: before.n + 6, sum: before.sum + items.reduce((t, i) => t + i.amount, 0) });
    for (const i of items) expect(lastAck(i.id)).toEqual({ id: i.id, outcome: 'accepted' });
  });

  it('lists payments for the window: by outcome and run, newest first; a search is literal text', async () => {
    const call = async (req: object) => ((await b.dispatcher.handle('accounts.payments', req, { session: { actor: admin() }, trustedSender: true })) as { ok: true; value: PortalPaymentsPage }).value;
    const rejected = await call({ outcome: 'rejected' });
    expect(rejected.rows.map((r) => r.code).sort()).toEqual(['SAL-4150', 'SAL-4153']);
    expect(rejected.rows.every((r) => r.problem && r.problem.hint.length > 10)).toBe(true);
    const all = await call({ limit: 5000 });
    expect(all.total).toBe(b.ws.db.prepare(`SELECT (SELECT COUNT(*) FROM portal_payments) + (SELECT COUNT(*) FROM portal_payment_repeats)`).pluck().get());
    expect((await call({ search: DEMO_UNKNOWN_ACCOUNT })).rows.map((r) => r.outcome).sort()).toEqual(['duplicate', 'rejected']);
    expect((await call({ search: '%' })).total).toBe(0);
    expect((await call({ search: 'T-CRASH' })).total).toBe(3);
  });

  it('an operator without the exchange right cannot import portal payments (seed 000), but may list them', async () => {
    b.ws.operators.add({ name: 'olek', displayName: 'Olek', role: 'operator' });
    const olek = b.ws.operators.find('olek')!;
    const r = await b.dispatcher.handle('accounts.paymentsImport', {}, { session: { actor: olek }, trustedSender: true });
    expect(!r.ok && r.error.code).toBe('SAL-6003');
    await expect(importPaymentsFromPortal(b.ws, olek, ctx(), () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()))).rejects.toMatchObject({ problem: { code: 'SAL-6003' } });
    const list = await b.dispatcher.handle('accounts.payments', { limit: 1 }, { session: { actor: olek }, trustedSender: true });
    expect(list.ok).toBe(true);
  });
});

describe('the SQLite demo before portal payments existed', () => {
  it('gets the portal_payments table on its first booking', async () => {
    const dir = join(demo.dir, 'old');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'old-demo.sqlite');
    await generateAccountingDb(path, { premises: 30, months: 2, locale: 'pl', seed: 'old-payments', endPeriod: '2026-10' });
    const old = new Database(path);
    old.exec('DROP TABLE portal_payments');
    const account = old.prepare(`SELECT account_no FROM premises WHERE account_no <> '' LIMIT 1`).pluck().get() as string;
    old.close();
    const gw = SqliteAccountingGateway.open(path);
    const row = { payment_id: 'old-1', account_no: account, paid_on: '2026-10-05', amount: 100 };
    expect(await gw.importPortalPayments([row])).toEqual([{ payment_id: 'old-1', status: 'written' }]);
    expect((await gw.importPortalPayments([row]))[0].status).toBe('already');
    await gw.close();
  });
});
