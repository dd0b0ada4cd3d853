// saldo.json bank.deliver = accounting (issue 6 point 3, "rows through the accounting exchange
// contract"): the demo workspace's statements imported, the run delivered — the matched payments
// booked in the demo accounting database (bank_payments, read back from the file), only the
// unmatched file written — then delivered again (nothing booked twice, also when Saldo lost its own
// record of the answers), an assigned payment booked by the next delivery, a refusal sent again,
// another currency, a cancel between batches, the report's column, the watcher and the cycle step.

import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDecimal, toDecimalString } from '../../shared/domain/money';
import type { SourceCheckResult } from '../../shared/ipc/contract';
import type { BankImportSummary, BankItemView, BankItemsPage, BankWriteResult, PremisesHit } from '../../shared/ipc/contract-bank';
import { deliverRun } from '../../main/bank/deliver';
import { StatementWatcher } from '../../main/bank/watch';
import { BANK_REPORT_KINDS } from '../../main/bank/report-kinds';
import { renderReportHtml } from '../../main/reports/html';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';
import { camt053, demoAccounts, payerNrb } from '../support/bank';
import { makeNrb } from '../../shared/domain/iban';

type Ws = Awaited<ReturnType<typeof makeDemoWorkspace>>;
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

async function accountingWorkspace(seed: string, locale: 'pl' | 'uk' = 'pl'): Promise<{ ws: Ws; b: Backend }> {
  const ws = await makeDemoWorkspace({ premises: 120, months: 2, locale, seed });
  cleanups.push(ws.cleanup);
  const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
  writeFileSync(ws.configFile, JSON.stringify({ ...cfg, bank: { deliver: 'accounting' } }, null, 2));
  const b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
  return { ws, b };
}

async function call<T>(b: Backend, channel: string, req: unknown): Promise<T> {
  const r = await b.dispatcher.handle(channel, req, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { problem: r.error });
  return r.value as T;
}

async function importDemoStatements(ws: Ws, b: Backend): Promise<BankImportSummary> {
  const dir = join(ws.dir, 'statements');
  const files = readdirSync(dir)
    .filter((n) => !['processed', 'failed'].includes(n))
    .map((n) => ({ fileName: n, content: readFileSync(join(dir, n)).toString('base64') }));
  const { jobId } = await call<{ jobId: string }>(b, 'bank.import', { files });
  const fin = (await b.jobs.wait(jobId))!;
  expect(fin.status, JSON.stringify(fin.error)).toBe('completed');
  return fin.result as BankImportSummary;
}

/** bank_payments as the demo accounting database holds it, with each row's premises account number. */
function booked(ws: Ws): Array<{ statement_id: string; item_ref: string; account_no: string; amount: number; paid_on: string }> {
  const db = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
  try {
    return db
      .prepare(`SELECT b.statement_id, b.item_ref, p.account_no, b.amount, b.paid_on FROM bank_payments b JOIN premises p ON p.premises_id = b.premises_id ORDER BY b.statement_id, b.item_ref`)
      .all() as ReturnType<typeof booked>;
  } finally {
    db.close();
  }
}

const sum = (xs: Array<{ amount: number }>) => xs.reduce((t, x) => t + x.amount, 0);
const minor = (items: BankItemView[]) => items.reduce((t, i) => t + parseDecimal(i.amount), 0);

describe('bank.deliver = accounting', () => {
  let ws: Ws;
  let b: Backend;
  let summary: BankImportSummary;
  let first: BankWriteResult;
  let items: () => Promise<BankItemView[]>;

  beforeAll(async () => {
    ({ ws, b } = await accountingWorkspace('bank-deliver'));
    items = async () => (await call<BankItemsPage>(b, 'bank.items', { runId: summary.runId, limit: 5000 })).rows;
    summary = await importDemoStatements(ws, b);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('books exactly the matched payments in accounting and writes only the unmatched file', async () => {
    expect(booked(ws)).toEqual([]);
    first = await call<BankWriteResult>(b, 'bank.write', { runId: summary.runId });

    // The import's own figures: matched residential + commercial, counted and summed per file.
    let count = 0;
    let amount = 0;
    for (const f of summary.files) for (const k of ['residential', 'commercial'] as const) {
      count += f.matched[k].count;
      amount += parseDecimal(f.matched[k].amount);
    }
    const matched = (await items()).filter((i) => i.status === 'matched');
    expect(matched.length).toBe(count);
    expect(minor(matched)).toBe(amount);
    expect(count).toBeGreaterThanOrEqual(8);

    // The demo's reversal is matched to its premises as a negative amount: the exchange takes
    // payments only, so it is refused here (SAL-3044), everything else is written.
    const reversals = matched.filter((i) => i.amount.startsWith('-'));
    expect(reversals).toHaveLength(1);
    const rows = booked(ws);
    expect(rows).toHaveLength(count - 1);
    expect(sum(rows)).toBe(amount - parseDecimal(reversals[0].amount));
    expect(first.booked).toEqual({
      written: { count: count - 1, amount: toDecimalString(amount - parseDecimal(reversals[0].amount)) },
      already: { count: 0, amount: '0.00' },
      refused: { count: 1, amount: reversals[0].amount },
      errors: [expect.objectContaining({ code: 'SAL-3044', severity: 'error', key: reversals[0].bankReference })],
    });
    expect(first.booked!.errors[0].message).toContain(reversals[0].accountNo!);

    // Every booked row is one matched item, to its premises, for its amount, on its day.
    const positive = matched.filter((i) => !i.amount.startsWith('-'));
    expect(rows.map((r) => `${r.account_no} ${r.amount} ${r.paid_on}`).sort()).toEqual(positive.map((i) => `${i.accountNo} ${parseDecimal(i.amount)} ${i.bookingDate ?? i.valueDate}`).sort());
    for (const r of rows) {
      expect(r.statement_id.length).toBeLessThanOrEqual(64);
      expect(r.item_ref.length).toBeLessThanOrEqual(64);
    }

    // Only the unmatched file; its rows are the unmatched and suggested payments.
    expect(first.files.map((f) => f.kind)).toEqual(['unmatched']);
    expect(readdirSync(join(ws.dir, 'bank-out'))).toEqual([`bank-${summary.runId}-unmatched.csv`]);
    const notMatched = (await items()).filter((i) => i.status === 'unmatched' || i.status === 'suggested');
    expect(first.files[0]).toMatchObject({ rows: notMatched.length, total: toDecimalString(minor(notMatched)) });

    // Per item: what accounting answered, kept in the store and shown to the window.
    const after = (await items()).filter((i) => i.status === 'matched');
    expect(after.filter((i) => i.booking?.status === 'written')).toHaveLength(count - 1);
    expect(after.find((i) => i.amount.startsWith('-'))!.booking).toMatchObject({ status: 'refused' });
    expect(b.ws.audit.list(5).find((a) => a.action === 'bank.write' && a.target === `run:${summary.runId}`)).toBeTruthy();

    // The booked-payments report says per payment whether accounting has it.
    const input = { run: b.ws.journal.get(summary.runId)!, organisation: { name: 'SM', address: '' }, locale: 'en' as const, printedAt: new Date(), operator: 'admin' };
    const html = renderReportHtml(BANK_REPORT_KINDS['bank-booked'](input, b.ws));
    expect(html).toContain('In accounting');
    expect(html.match(/<td[^>]*>booked<\/td>/g)).toHaveLength(count - 1);
    expect(html).toContain('refused: a reversal (negative amount); the exchange carries payments only');
  });

  it('delivering again books nothing twice: all already, the table unchanged', async () => {
    const before = booked(ws);
    const again = await call<BankWriteResult>(b, 'bank.write', { runId: summary.runId });
    expect(again.booked).toMatchObject({ written: { count: 0, amount: '0.00' }, already: first.booked!.written, refused: first.booked!.refused });
    expect(booked(ws)).toEqual(before);
  });

  it('when Saldo lost its record of the answers, the same keys are sent and accounting answers already', async () => {
    const before = booked(ws);
    b.ws.db.prepare(`UPDATE bank_items SET booking = NULL, booked_at = NULL, booking_message = NULL, booking_statement = NULL, booking_item = NULL WHERE run_id = ?`).run(summary.runId);
    const again = await call<BankWriteResult>(b, 'bank.write', { runId: summary.runId });
    expect(again.booked).toMatchObject({ written: { count: 0, amount: '0.00' }, already: first.booked!.written });
    expect(booked(ws)).toEqual(before);
    expect((await items()).filter((i) => i.booking?.status === 'already')).toHaveLength(first.booked!.written.count);
  });

  it('a payment assigned afterwards is booked by the next delivery, exactly that one; a booked one cannot be moved', async () => {
    const before = booked(ws);
    const unmatched = (await items()).find((i) => i.status === 'unmatched' && !i.amount.startsWith('-'))!;
    const taken = new Set(before.map((r) => r.account_no));
    const hit = (await call<PremisesHit[]>(b, 'bank.premises', { query: '0', limit: 200 })).find((h) => h.kind === 'residential' && !taken.has(h.accountNo))!;
    await call(b, 'bank.assign', { itemKey: unmatched.key, accountNo: hit.accountNo });
    const res = await call<BankWriteResult>(b, 'bank.write', { runId: summary.runId });
    expect(res.booked!.written).toEqual({ count: 1, amount: unmatched.amount });
    expect(res.booked!.already.count).toBe(first.booked!.written.count);
    const now = booked(ws);
    expect(now).toHaveLength(before.length + 1);
    const added = now.filter((r) => !before.some((x) => x.statement_id === r.statement_id && x.item_ref === r.item_ref));
    expect(added).toEqual([expect.objectContaining({ account_no: hit.accountNo, amount: parseDecimal(unmatched.amount) })]);

    // Booked: moving it to another premises would leave accounting with the old one.
    const other = (await call<PremisesHit[]>(b, 'bank.premises', { query: '0', limit: 200 })).find((h) => h.accountNo !== hit.accountNo)!;
    await expect(call(b, 'bank.assign', { itemKey: unmatched.key, accountNo: other.accountNo })).rejects.toMatchObject({ problem: { code: 'SAL-3049' } });
  });

  it('a payment accounting refuses is listed with its key and sent again by the next delivery', async () => {
    const unmatched = (await items()).find((i) => i.status === 'unmatched' && !i.amount.startsWith('-'))!;
    const hit = (await call<PremisesHit[]>(b, 'bank.premises', { query: '0', limit: 200 })).find((h) => h.kind === 'commercial')!;
    await call(b, 'bank.assign', { itemKey: unmatched.key, accountNo: hit.accountNo });
    // Accounting renumbers the premises before the delivery: it has no such account any more.
    const acc = new Database(join(ws.dir, 'accounting.sqlite'));
    acc.pragma('busy_timeout = 2000');
    acc.prepare(`UPDATE premises SET account_no = ? WHERE account_no = ?`).run(`${hit.accountNo}-X`, hit.accountNo);
    try {
      const res = await call<BankWriteResult>(b, 'bank.write', { runId: summary.runId });
      expect(res.booked!.written.count).toBe(0);
      expect(res.booked!.refused.count).toBe(2); // the reversal and this one
      const p = res.booked!.errors.find((e) => e.code === 'SAL-3046')!;
      expect(p).toMatchObject({ severity: 'error', key: unmatched.bankReference ?? expect.any(String) });
      expect(p.message).toContain(`no account ${hit.accountNo}`);
      expect((await items()).find((i) => i.key === unmatched.key)!.booking).toMatchObject({ status: 'refused', message: `no account ${hit.accountNo}` });
    } finally {
      acc.prepare(`UPDATE premises SET account_no = ? WHERE account_no = ?`).run(hit.accountNo, `${hit.accountNo}-X`);
      acc.close();
    }
    const res = await call<BankWriteResult>(b, 'bank.write', { runId: summary.runId });
    expect(res.booked!.written).toEqual({ count: 1, amount: unmatched.amount });
    expect(booked(ws).filter((r) => r.account_no === hit.accountNo && r.amount === parseDecimal(unmatched.amount))).toHaveLength(1);
  });

  it('a payment in another currency than the accounts’ is not sent: SAL-3045, for the operator to book by hand', async () => {
    const accounts = await demoAccounts(ws.dir, ws.period);
    const r = accounts.find((a) => a.account_no && a.status === 'active' && accounts.filter((x) => x.account_no === a.account_no).length === 1)!;
    const file = camt053({
      account: makeNrb('10901014', '0000000000000777'),
      number: '77',
      currency: 'EUR',
      opening: 0,
      openDate: '2026-11-02',
      closeDate: '2026-11-03',
      entries: [{ amount: 5_000, date: '2026-11-03', title: 'Rent', payerName: 'John Smith', payerAccount: payerNrb(77), virtual: r.virtual_account, ref: 'EUR0001' }],
    });
    const { jobId } = await call<{ jobId: string }>(b, 'bank.import', { files: [{ fileName: 'eur.xml', content: Buffer.from(file).toString('base64') }] });
    const s = (await b.jobs.wait(jobId))!.result as BankImportSummary;
    expect(s.matched).toBe(1);
    const before = booked(ws);
    const res = await call<BankWriteResult>(b, 'bank.write', { runId: s.runId });
    expect(res.booked).toMatchObject({ written: { count: 0 }, refused: { count: 1, amount: '50.00' } });
    expect(res.booked!.errors).toEqual([expect.objectContaining({ code: 'SAL-3045', key: 'EUR0001', message: expect.stringContaining('EUR') })]);
    expect(booked(ws)).toEqual(before);
  });

  it('moves the progress per batch and stops between batches on cancel; the next delivery books the rest', async () => {
    const { ws: w2, b: b2 } = await accountingWorkspace('bank-deliver-cancel');
    try {
      const s = await importDemoStatements(w2, b2);
      const progress: Array<[string, number, number]> = [];
      const ctrl = new AbortController();
      const admin = b2.ws.operators.find('admin')!;
      const err = await deliverRun(b2.ws, admin, s.runId, join(w2.dir, 'out'), {
        batchSize: 3,
        signal: ctrl.signal,
        progress: (phase, done, total) => {
          progress.push([phase, done, total]);
          if (done === 3) ctrl.abort(new DOMException('cancelled by the operator', 'AbortError'));
        },
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((err as Error).name).toBe('AbortError');
      expect(progress[0]).toEqual(['bank.book', 0, progress[0][2]]);
      expect(progress[1]).toEqual(['bank.book', 3, progress[0][2]]);
      expect(progress).toHaveLength(2);
      expect(booked(w2)).toHaveLength(3); // the first batch only: committed and recorded
      const rest = await deliverRun(b2.ws, admin, s.runId, join(w2.dir, 'out'), { batchSize: 3 });
      expect(rest.booked!.already.count).toBe(3);
      expect(booked(w2)).toHaveLength(3 + rest.booked!.written.count);
      expect(rest.booked!.written.count).toBe(progress[0][2] - 3);
    } finally {
      await b2.close();
    }
  });
});

describe('the watcher with bank.deliver = accounting', () => {
  it('books each new file’s matched payments and writes its unmatched file; the file goes to processed/', async () => {
    const { ws, b } = await accountingWorkspace('bank-deliver-watch');
    try {
      const inDir = join(ws.dir, 'watch-in');
      const outDir = join(ws.dir, 'watch-out');
      mkdirSync(inDir);
      const name = readdirSync(join(ws.dir, 'statements')).find((n) => n.startsWith('camt053'))!;
      copyFileSync(join(ws.dir, 'statements', name), join(inDir, name));
      const done: BankImportSummary[] = [];
      const w = new StatementWatcher(b.ws, b.ws.operators.find('admin')!, { inDir, outDir, stableMs: 100, scanMs: 300, onFile: (_n, _m, s) => done.push(s) });
      await w.start();
      const end = Date.now() + 20_000;
      while (!done.length && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      await w.stop();
      expect(done).toHaveLength(1);
      const s = done[0];
      expect(s.status).toBe('completed');
      const matched = (await call<BankItemsPage>(b, 'bank.items', { runId: s.runId, status: 'matched', limit: 5000 })).rows.filter((i) => !i.amount.startsWith('-'));
      expect(matched.length).toBeGreaterThan(0);
      expect(s.booked.written).toEqual({ count: matched.length, amount: toDecimalString(minor(matched)) });
      expect(booked(ws)).toHaveLength(matched.length);
      expect(readdirSync(outDir)).toEqual([`bank-${s.runId}-unmatched.csv`]);
      expect(readdirSync(join(inDir, 'processed')).filter((n) => !n.endsWith('.json'))).toEqual([name]);
    } finally {
      await b.close();
    }
  });
});

describe('the cycle step with bank.deliver = accounting', () => {
  it('books the matched payments of the statements folder and writes only the unmatched file', async () => {
    const { ws, b } = await accountingWorkspace('bank-deliver-cycle', 'uk');
    try {
      const { jobId } = await call<{ jobId: string }>(b, 'cycle.run', { period: ws.period });
      const fin = (await b.jobs.wait(jobId))!;
      expect(fin.status, JSON.stringify(fin.error)).toBe('completed');
      const res = fin.result as SourceCheckResult;
      const matched = (await call<BankItemsPage>(b, 'bank.items', { runId: res.runId, status: 'matched', limit: 5000 })).rows;
      const positive = matched.filter((i) => !i.amount.startsWith('-'));
      expect(positive.length).toBeGreaterThanOrEqual(8);
      expect(booked(ws)).toHaveLength(positive.length);
      expect(sum(booked(ws))).toBe(minor(positive));
      expect(res.counts.bank_booked_written).toBe(positive.length);
      expect(res.counts.bank_booked_refused).toBe(matched.length - positive.length);
      expect(readdirSync(join(ws.dir, 'bank-out'))).toEqual([`bank-${res.runId}-unmatched.csv`]);
    } finally {
      await b.close();
    }
  });
});
