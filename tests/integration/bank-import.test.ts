// The bank import service on a real demo workspace, through the dispatcher (the window's path):
// statement files built after the published layouts, matched to the demo premises and stored;
// processed twice is not booked twice; a file that does not add up books nothing; the operator's
// assignment and the payer history it feeds; cancel between files; permissions.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRow } from '../../shared/domain/accounting';
import { makeNrb } from '../../shared/domain/iban';
import type { Operator } from '../../shared/domain/permissions';
import type { JobFinished } from '../../shared/ipc/contract';
import type { BankImportSummary, BankItemView, BankItemsPage, StatementView } from '../../shared/ipc/contract-bank';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';
import { STATEMENT_ACCOUNT, camt053, demoAccounts, mbankMt940, payerNrb, pkoMt940, type TestEntry } from '../support/bank';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let rows: AccountRow[];
let cancelOnProgress: ((jobId: string, done: number) => void) | null = null;

const admin = () => b.ws.operators.find('admin') as Operator;

async function call<T>(channel: string, req: unknown, who = 'admin'): Promise<T> {
  const r = await b.dispatcher.handle(channel, req, { session: { actor: b.ws.operators.find(who) }, trustedSender: true });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { problem: r.error });
  return r.value as T;
}

async function importFiles(files: Array<{ name: string; bytes: Uint8Array }>, extra: Record<string, unknown> = {}): Promise<{ fin: JobFinished; s: BankImportSummary }> {
  const { jobId } = await call<{ jobId: string }>('bank.import', { files: files.map((f) => ({ fileName: f.name, content: Buffer.from(f.bytes).toString('base64') })), ...extra });
  const fin = (await b.jobs.wait(jobId))!;
  return { fin, s: fin.result as BankImportSummary };
}

const items = (req: Record<string, unknown>) => call<BankItemsPage>('bank.items', { limit: 5000, ...req });
const countItems = () => (b.ws.db.prepare('SELECT COUNT(*) AS n FROM bank_items').get() as { n: number }).n;

// Premises whose number no other premises shares (the demo plants one duplicate number).
const residential = () => rows.filter((r) => r.account_no && r.premises_kind === 'residential' && r.status === 'active' && rows.filter((x) => x.account_no === r.account_no).length === 1);
const commercial = () => rows.filter((r) => r.account_no && r.premises_kind === 'commercial' && r.status === 'active');

let refNo = 1000;
const ref = () => `REF${++refNo}`;

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 120, months: 2, seed: 'bank-import' });
  rows = await demoAccounts(ws.dir, ws.period);
  b = createBackend(ws.configFile, {
    ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } },
    emit: (event, payload) => {
      const p = payload as { jobId: string; done: number };
      if (event === 'job.progress' && cancelOnProgress) cancelOnProgress(p.jobId, p.done);
    },
    throttleMs: 0,
  });
  b.ws.operators.add({ name: 'audrey', displayName: 'Au', role: 'auditor' });
  b.ws.operators.add({ name: 'olek', displayName: 'O', role: 'operator' });
});
afterAll(async () => {
  await b?.close();
  ws?.cleanup();
});

describe('import: parse, check, match, store', () => {
  it('books an MT940 (PKO, account numbers in titles), an mBank MT940 (ID IPH) and a camt.053 (virtual accounts)', async () => {
    const [r1, r2, r3, r4] = residential();
    const c1 = commercial()[0];
    const pko = pkoMt940([
      {
        account: STATEMENT_ACCOUNT,
        number: '00101/001',
        opening: 1_000_000,
        openDate: '2026-11-01',
        closeDate: '2026-11-02',
        entries: [
          { amount: 45_050, date: '2026-11-02', title: `CZYNSZ ZA LISTOPAD LOKAL ${r1.account_no} ŻÓŁTA 5`, payerName: 'GRZEGORZ BRZĘCZYSZCZYKIEWICZ', payerAccount: payerNrb(1), ref: ref() },
          { amount: 12_000, date: '2026-11-02', title: 'WPŁATA BEZ NUMERU', payerName: 'ANNA NOWAK', payerAccount: payerNrb(2), ref: ref() },
          { amount: -250_000, date: '2026-11-02', title: 'FAKTURA 12/2026 WODOCIĄGI', payerName: 'MPWIK', payerAccount: payerNrb(3), ref: ref() },
          { amount: -1_500, date: '2026-11-02', title: 'OPŁATA ZA PROWADZENIE RACHUNKU', ref: ref(), typeCode: 'NCHG' },
        ],
      },
    ]);
    const mbank = mbankMt940([
      {
        account: makeAccount(2),
        number: '00202/1',
        opening: 500_000,
        openDate: '2026-11-01',
        closeDate: '2026-11-02',
        entries: [{ amount: 60_000, date: '2026-11-02', title: 'OPŁATA ZA LOKAL', payerName: 'JAN KOWALSKI', payerAccount: payerNrb(4), virtual: r2.virtual_account, ref: ref() }],
      },
    ]);
    const camt = camt053({
      account: makeAccount(3),
      number: '301',
      opening: 200_000,
      openDate: '2026-11-01',
      closeDate: '2026-11-02',
      entries: [
        { amount: 70_010, date: '2026-11-02', title: 'Czynsz', payerName: 'Łucja Źdźbło', payerAccount: payerNrb(5), virtual: r3.virtual_account, ref: ref() },
        { amount: 300_000, date: '2026-11-02', title: 'Najem', payerName: 'Sklep Sp. z o.o.', payerAccount: payerNrb(6), virtual: c1.virtual_account, ref: ref() },
        { amount: 33_333, date: '2026-11-02', title: `dopłata ${r4.account_no}`, payerName: 'X', payerAccount: payerNrb(7), ref: ref() },
      ],
    });
    const { fin, s } = await importFiles([
      { name: 'pko.sta', bytes: pko },
      { name: 'mbank.sta', bytes: mbank },
      { name: 'camt.xml', bytes: camt },
    ]);
    expect(fin.status).toBe('completed');
    expect(s.status).toBe('completed');
    expect(s.files.map((f) => [f.file, f.format, f.encoding, f.balanceCheck, f.booked, f.duplicate])).toEqual([
      ['pko.sta', 'mt940', 'windows-1250', 'ok', true, false],
      ['mbank.sta', 'mt940', 'windows-1250', 'ok', true, false],
      ['camt.xml', 'camt.053', 'utf-8', 'ok', true, false],
    ]);
    expect(s.files[0]).toMatchObject({ statements: 1, entries: 4, moneyIn: { count: 2, amount: '570.50' }, moneyOut: { count: 2, amount: '2515.00' } });
    expect(s.files[0].matched.residential).toEqual({ count: 1, amount: '450.50' });
    expect(s.files[0].unmatched).toEqual({ count: 1, amount: '120.00' });
    expect(s.files[2].matched).toEqual({ residential: { count: 2, amount: '1033.43' }, commercial: { count: 1, amount: '3000.00' } });
    expect(s).toMatchObject({ statements: 3, entries: 8, matched: 5, suggested: 0, unmatched: 1, outgoing: 1, fees: 1, duplicates: 0 });
    expect(s.totals).toEqual({ matched: '5083.93', suggested: '0.00', unmatched: '120.00', outgoing: '-2500.00', fees: '-15.00' });

    const st = await call<StatementView[]>('bank.statements', { runId: s.runId });
    expect(st.map((x) => [x.file, x.check, x.opening, x.closing, x.computedClosing, x.credit, x.debit, x.entries])).toEqual([
      ['pko.sta', 'pass', '10000.00', '8055.50', '8055.50', '570.50', '2515.00', 4],
      ['mbank.sta', 'pass', '5000.00', '5600.00', '5600.00', '600.00', '0.00', 1],
      ['camt.xml', 'pass', '2000.00', '6033.43', '6033.43', '4033.43', '0.00', 3],
    ]);

    const all = (await items({ runId: s.runId })).rows;
    const byAccount = (no: string | null) => all.find((i) => i.accountNo === no)!;
    expect(byAccount(r1.account_no)).toMatchObject({ status: 'matched', method: 'title', premisesKind: 'residential', amount: '450.50', payerName: 'GRZEGORZ BRZĘCZYSZCZYKIEWICZ' });
    expect(byAccount(r1.account_no).title).toContain('ŻÓŁTA');
    expect(byAccount(r2.account_no)).toMatchObject({ status: 'matched', method: 'virtual-account', amount: '600.00' });
    expect(byAccount(r3.account_no)).toMatchObject({ status: 'matched', method: 'virtual-account', payerName: 'Łucja Źdźbło' });
    expect(byAccount(c1.account_no)).toMatchObject({ status: 'matched', premisesKind: 'commercial' });
    expect(byAccount(r4.account_no)).toMatchObject({ method: 'title' });
    const unmatched = (await items({ runId: s.runId, status: 'unmatched' })).rows;
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0].problems.map((p) => p.code)).toEqual(['SAL-3057']);
    expect((await items({ runId: s.runId, status: 'fee' })).rows.map((i) => i.amount)).toEqual(['-15.00']);
    expect((await items({ runId: s.runId, kind: 'commercial' })).total).toBe(1);
    expect((await items({ runId: s.runId, search: 'brzęczy' })).total + (await items({ runId: s.runId, search: 'BRZĘCZY' })).total).toBeGreaterThan(0);

    const run = b.ws.journal.get(s.runId)!;
    expect(run).toMatchObject({ kind: 'bank-import', status: 'completed' });
    expect(run.counts).toMatchObject({ bank_files: 3, bank_entries: 8, bank_matched: 5, bank_unmatched: 1, bank_fees: 1, bank_outgoing: 1 });
    expect(run.totals.bank_matched).toBe('5083.93');
  });

  it('a statement without a closing balance is booked with its check "unavailable", never "pass"', async () => {
    const r = residential()[20];
    const { s } = await importFiles([
      {
        name: 'no-closing.sta',
        bytes: pkoMt940([{ account: makeAccount(9), number: '00001/001', opening: 0, openDate: '2026-11-05', closeDate: '2026-11-05', closing: null, entries: [{ amount: 10_000, date: '2026-11-05', title: `CZYNSZ ${r.account_no}`, ref: ref() }] }]),
      },
    ]);
    expect(s.files[0]).toMatchObject({ balanceCheck: 'unavailable', booked: true });
    const st = await call<StatementView[]>('bank.statements', { runId: s.runId });
    expect(st[0].check).toBe('unavailable');
    expect(st[0].closing).toBeUndefined();
  });
});

describe('a file that does not add up, or is broken, books nothing', () => {
  it('one mismatching statement keeps the whole file (both statements) out', async () => {
    const before = countItems();
    const r = residential()[21];
    const good = { account: makeAccount(4), number: '00010/001', opening: 0, openDate: '2026-11-06', closeDate: '2026-11-06', entries: [{ amount: 10_000, date: '2026-11-06', title: `CZYNSZ ${r.account_no}`, ref: ref() }] };
    const bad = { ...good, number: '00011/001', closing: 99_999, entries: [{ amount: 20_000, date: '2026-11-06', title: `CZYNSZ ${r.account_no}`, ref: ref() }] };
    const { s } = await importFiles([{ name: 'mismatch.sta', bytes: pkoMt940([good, bad]) }]);
    expect(s.status).toBe('completed');
    expect(s.files[0]).toMatchObject({ balanceCheck: 'mismatch', booked: false, duplicate: false, statements: 2, entries: 2 });
    expect(s.files[0].errors.some((p) => p.code === 'SAL-3053' && p.severity === 'error')).toBe(true);
    expect(s.files[0].errors.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(2); // the parser's mismatch too
    expect(countItems()).toBe(before);
    const st = await call<StatementView[]>('bank.statements', { runId: s.runId });
    expect(st.map((x) => x.check)).toEqual(['pass', 'mismatch']);
    // Fixed and sent again, the same statements are booked (a failed file is not "processed").
    const fixed = await importFiles([{ name: 'mismatch.sta', bytes: pkoMt940([good, { ...bad, closing: undefined }]) }]);
    expect(fixed.s.files[0]).toMatchObject({ balanceCheck: 'ok', booked: true });
    expect(countItems()).toBe(before + 2);
  });

  it('a truncated MT940 (cut inside an entry) and a malformed camt book nothing and say where', async () => {
    const before = countItems();
    const whole = new TextDecoder('windows-1250').decode(pkoMt940([{ account: makeAccount(5), number: '00001/001', opening: 0, openDate: '2026-11-07', closeDate: '2026-11-07', entries: [{ amount: 5_000, date: '2026-11-07', title: 'CZYNSZ', ref: ref() }, { amount: 6_000, date: '2026-11-07', title: 'CZYNSZ', ref: ref() }] }]));
    const cut = whole.slice(0, whole.lastIndexOf(':61:') + 12);
    const broken = new TextEncoder().encode(new TextDecoder().decode(camt053({ account: makeAccount(6), number: '9', opening: 0, openDate: '2026-11-07', closeDate: '2026-11-07', entries: [] })).replace('</Stmt>', ''));
    const { s } = await importFiles([
      { name: 'cut.sta', bytes: new TextEncoder().encode(cut) },
      { name: 'broken.xml', bytes: broken },
    ]);
    for (const f of s.files) {
      expect(f.booked).toBe(false);
      const err = f.errors.find((p) => p.severity === 'error' && p.code !== 'SAL-3053')!;
      expect(err.file).toBe(f.file);
      expect(err.line).toBeGreaterThan(0);
    }
    expect(countItems()).toBe(before);
  });
});

describe('a statement processed twice is not booked twice', () => {
  const stmt = () => ({
    account: makeAccount(7),
    number: '00077/001',
    opening: 100_000,
    openDate: '2026-11-08',
    closeDate: '2026-11-08',
    entries: [
      { amount: 11_100, date: '2026-11-08', title: `CZYNSZ ${residential()[30].account_no}`, payerAccount: payerNrb(30), ref: 'DUPREF0001' },
      { amount: 22_200, date: '2026-11-08', title: 'BEZ NUMERU', payerAccount: payerNrb(31), ref: 'DUPREF0002' },
    ] as TestEntry[],
  });

  it('the same bytes again: recognised by content', async () => {
    const bytes = pkoMt940([stmt()]);
    const first = await importFiles([{ name: 'a.sta', bytes }]);
    expect(first.s.files[0].booked).toBe(true);
    const before = countItems();
    const again = await importFiles([{ name: 'a-copy.sta', bytes }]);
    expect(again.s.files[0]).toMatchObject({ duplicate: true, booked: false });
    expect(again.s.files[0].errors.map((p) => p.code)).toEqual(['SAL-3050']);
    expect(again.s.files[0].errors[0].message).toContain(`(${b.ws.locale() === 'en' ? 'run' : 'przebieg'} ${first.s.runId})`);
    expect(again.s.duplicates).toBe(1);
    expect(countItems()).toBe(before);
  });

  it('the same statement in other bytes (downloaded again in UTF-8): recognised by account, id and number', async () => {
    const before = countItems();
    const { s } = await importFiles([{ name: 'a-utf8.sta', bytes: pkoMt940([stmt()], 'utf-8') }]);
    expect(s.files[0]).toMatchObject({ duplicate: true, booked: false });
    expect(s.files[0].errors.map((p) => p.code)).toEqual(['SAL-3051']);
    expect(countItems()).toBe(before);
  });

  it('an entry the bank lists again in another statement (same reference, amount and date) is skipped alone', async () => {
    const before = countItems();
    const next = stmt();
    next.number = '00078/001';
    next.entries.push({ amount: 33_300, date: '2026-11-08', title: 'NOWA', payerAccount: payerNrb(32), ref: 'DUPREF0003' });
    const { s } = await importFiles([{ name: 'b.sta', bytes: pkoMt940([next]) }]);
    expect(s.files[0]).toMatchObject({ duplicate: false, booked: true, entries: 3 });
    expect(s.files[0].errors.filter((p) => p.code === 'SAL-3052').map((p) => p.key)).toEqual(['DUPREF0001', 'DUPREF0002']);
    expect(countItems()).toBe(before + 1);
  });
});

describe('the operator assigns; the history suggests', () => {
  it('assigns an unmatched payment, records who and why, and the payer’s next payment is a suggestion to confirm', async () => {
    const r = residential()[40];
    const payer = payerNrb(4040);
    const st = (n: string, amount: number, reference: string) => ({ account: makeAccount(8), number: n, opening: 0, openDate: '2026-11-09', closeDate: '2026-11-09', entries: [{ amount, date: '2026-11-09', title: 'OPŁATA', payerName: 'EWA MAŁA', payerAccount: payer, ref: reference }] });
    const first = await importFiles([{ name: 'h1.sta', bytes: pkoMt940([st('00001/001', 41_000, 'HIST0001')]) }]);
    const [item] = (await items({ runId: first.s.runId, status: 'unmatched' })).rows;
    const assigned = await call<BankItemView>('bank.assign', { itemKey: item.key, accountNo: r.account_no, note: 'telefon od mieszkanki' }, 'olek');
    expect(assigned).toMatchObject({ status: 'matched', accountNo: r.account_no, method: 'operator', assignedBy: 'olek', note: 'telefon od mieszkanki', premisesKind: 'residential', problems: [] });
    const audit = b.ws.audit.list(20).find((a) => a.action === 'bank.assign' && a.target === `item:${item.key}`)!;
    expect(audit.operator).toBe('olek');
    expect(audit.detail).toMatchObject({ to: r.account_no, amount: '410.00', note: 'telefon od mieszkanki' });

    const second = await importFiles([{ name: 'h2.sta', bytes: pkoMt940([st('00002/001', 42_000, 'HIST0002')]) }]);
    expect(second.s.suggested).toBe(1);
    const [sug] = (await items({ runId: second.s.runId, status: 'suggested' })).rows;
    expect(sug.suggestion?.accountNo).toBe(r.account_no);
    expect(sug.accountNo).toBeUndefined();
    const confirmed = await call<BankItemView>('bank.assign', { itemKey: sug.key, accountNo: r.account_no });
    expect(confirmed).toMatchObject({ status: 'matched', method: 'payer-history', assignedBy: 'admin' });
    expect(confirmed.suggestion).toBeUndefined();
  });

  it('refuses money out, unknown premises and unknown items; an auditor may not assign or import', async () => {
    const out = (await items({ status: 'outgoing' })).rows[0];
    const unm = (await items({ status: 'unmatched' })).rows[0];
    const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { problem: { code: string } }) => e.problem.code);
    expect(await code(call('bank.assign', { itemKey: out.key, accountNo: residential()[0].account_no }))).toBe('SAL-3062');
    expect(await code(call('bank.assign', { itemKey: unm.key, accountNo: 'NO/SUCH' }))).toBe('SAL-3061');
    expect(await code(call('bank.assign', { itemKey: '99999999', accountNo: residential()[0].account_no }))).toBe('SAL-3060');
    expect(await code(call('bank.assign', { itemKey: unm.key, accountNo: residential()[0].account_no }, 'audrey'))).toBe('SAL-6003');
    expect(await code(call('bank.import', { files: [{ fileName: 'x.sta', content: '' }] }, 'audrey'))).toBe('SAL-6003');
    expect(await code(call('bank.statements', { runId: 999_999 }))).toBe('SAL-3063');
  });

  it('searches premises by account number, address or owner', async () => {
    const r = residential()[50];
    const byNo = await call<Array<{ accountNo: string }>>('bank.premises', { query: r.account_no });
    expect(byNo[0].accountNo).toBe(r.account_no);
    const lastName = r.owner_name.split(' ').at(-1)!;
    const byName = await call<Array<{ accountNo: string; owner: string }>>('bank.premises', { query: lastName.toLowerCase(), limit: 200 });
    expect(byName.some((h) => h.accountNo === r.account_no)).toBe(true);
    const street = r.address.split(',')[0];
    const byAddress = await call<Array<{ address: string }>>('bank.premises', { query: street, limit: 5 });
    expect(byAddress.length).toBeGreaterThan(0);
    expect(byAddress.every((h) => h.address.includes(street))).toBe(true);
  });
});

describe('cancel', () => {
  it('a cancel between files leaves whole files booked and the rest untouched', async () => {
    const before = countItems();
    const file = (n: number) => ({
      name: `c${n}.sta`,
      bytes: pkoMt940([{ account: makeAccount(20 + n), number: `0000${n}/001`, opening: 0, openDate: '2026-11-10', closeDate: '2026-11-10', entries: Array.from({ length: 50 }, (_, i) => ({ amount: 1_000 + i, date: '2026-11-10', title: 'X', ref: `CANCEL${n}-${i}` })) }]),
    });
    cancelOnProgress = (jobId, done) => {
      if (done >= 1) b.jobs.cancel(jobId);
    };
    const { fin, s } = await importFiles([file(1), file(2), file(3)]);
    cancelOnProgress = null;
    expect(fin.status).toBe('cancelled');
    expect(s.status).toBe('cancelled');
    expect(b.ws.journal.get(s.runId)!.status).toBe('cancelled');
    const booked = countItems() - before;
    expect(booked % 50).toBe(0);
    expect(booked).toBeLessThan(150);
    expect(s.files.filter((f) => f.booked).length * 50).toBe(booked);
  });
});

/** Another valid NRB of the cooperative (each test file its own statement account). */
function makeAccount(n: number): string {
  return makeNrb('10901014', String(7_000_000_000 + n).padStart(16, '0'));
}
