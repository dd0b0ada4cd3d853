// The output files for the accounting system (issue 6 point 3): one file for residential premises,
// one for commercial, one for unmatched payments, in the configured CSV or fixed-width layout and
// encoding — checked byte by byte — written atomically.
import iconv from 'iconv-lite';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRow } from '../../shared/domain/accounting';
import { makeNrb } from '../../shared/domain/iban';
import type { BankImportSummary, BankWriteResult } from '../../shared/ipc/contract-bank';
import { OutputLayoutSchema } from '../../main/bank/output/layout';
import { renderOutput, type OutputRow } from '../../main/bank/output/render';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';
import { camt053, demoAccounts, payerNrb } from '../support/bank';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let rows: AccountRow[];
let baseConfig: Record<string, unknown>;
let runId: number;
let firstRes: AccountRow;

function open(bank?: Record<string, unknown>): Backend {
  writeFileSync(ws.configFile, JSON.stringify(bank ? { ...baseConfig, bank } : baseConfig, null, 2));
  return createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
}

async function call<T>(b: Backend, channel: string, req: unknown): Promise<T> {
  const r = await b.dispatcher.handle(channel, req, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { problem: r.error });
  return r.value as T;
}

async function writeWith(bank: Record<string, unknown> | undefined): Promise<BankWriteResult> {
  const b = open(bank);
  try {
    return await call<BankWriteResult>(b, 'bank.write', { runId });
  } finally {
    await b.close();
  }
}

const fileOf = (res: BankWriteResult, kind: string) => res.files.find((f) => f.kind === kind)!;

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 120, months: 2, seed: 'bank-output' });
  baseConfig = JSON.parse(readFileSync(ws.configFile, 'utf8'));
  rows = await demoAccounts(ws.dir, ws.period);
  const res = rows.filter((r) => r.account_no && r.premises_kind === 'residential' && r.status === 'active' && rows.filter((x) => x.account_no === r.account_no).length === 1);
  const com = rows.filter((r) => r.account_no && r.premises_kind === 'commercial' && r.status === 'active');
  firstRes = res[0];
  const b = open();
  const file = camt053({
    account: makeNrb('10901014', '0000000000000042'),
    number: '42',
    opening: 0,
    openDate: '2026-11-02',
    closeDate: '2026-11-03',
    entries: [
      { amount: 12_345, date: '2026-11-03', title: 'Czynsz; listopad "2026"', payerName: 'Zażółć Gęślą', payerAccount: payerNrb(1), virtual: res[0].virtual_account, ref: 'OUT0001' },
      { amount: 100_000, date: '2026-11-03', title: `Czynsz ${res[1].account_no}`, payerName: 'Józef Łęcki', payerAccount: payerNrb(2), ref: 'OUT0002' },
      { amount: 250_050, date: '2026-11-03', title: 'Najem', payerName: 'Sklep „Źródło”', payerAccount: payerNrb(3), virtual: com[0].virtual_account, ref: 'OUT0003' },
      { amount: 777, date: '2026-11-03', title: '=HYPERLINK("http://x")', payerName: '@nieznany', payerAccount: payerNrb(4), ref: 'OUT0004' },
      { amount: -5_000, date: '2026-11-03', title: 'Wypłata', payerAccount: payerNrb(5), ref: 'OUT0005' },
    ],
  });
  try {
    const r = await b.dispatcher.handle('bank.import', { files: [{ fileName: 'out.xml', content: Buffer.from(file).toString('base64') }] }, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
    if (!r.ok) throw new Error(r.error.message);
    const fin = (await b.jobs.wait((r.value as { jobId: string }).jobId))!;
    const s = fin.result as BankImportSummary;
    runId = s.runId;
    expect(s).toMatchObject({ matched: 3, unmatched: 1, outgoing: 1 });
  } finally {
    await b.close();
  }
});
afterAll(() => ws?.cleanup());

describe('the default layout: semicolon CSV in Windows-1250', () => {
  it('splits residential, commercial and unmatched into three files with exact totals, in Windows-1250 bytes', async () => {
    const res = await writeWith(undefined);
    expect(res.files.map((f) => [f.kind, f.rows, f.total])).toEqual([
      ['residential', 2, '1123.45'],
      ['commercial', 1, '2500.50'],
      ['unmatched', 1, '7.77'],
    ]);
    for (const f of res.files) expect(f.file.startsWith(join(ws.dir, 'bank-out'))).toBe(true);
    const bytes = readFileSync(fileOf(res, 'residential').file);
    // Polish letters as Windows-1250 single bytes: ż = 0xBF, ó = 0xF3, ł = 0xB3, ć = 0xE6, ę = 0xEA.
    expect([...bytes].includes(0xbf) && [...bytes].includes(0xb3) && [...bytes].includes(0xea)).toBe(true);
    expect(bytes.includes(0xc5)).toBe(false); // no UTF-8 lead byte of ż/ł
    const text = iconv.decode(bytes, 'windows-1250');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('accountNo;bookingDate;amount;payerName;title;bankReference');
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain(`${firstRes.account_no};2026-11-03;123,45;Zażółć Gęślą;"Czynsz; listopad ""2026""";OUT0001`);
    const com = iconv.decode(readFileSync(fileOf(res, 'commercial').file), 'windows-1250');
    expect(com).toContain(';2500,50;Sklep „Źródło”;Najem;OUT0003');
    const unm = iconv.decode(readFileSync(fileOf(res, 'unmatched').file), 'windows-1250').split('\r\n');
    // Text that looks like a spreadsheet formula stays text; no account number; money out is in no file.
    expect(unm[1]).toBe(`;2026-11-03;7,77;'@nieznany;"'=HYPERLINK(""http://x"")";OUT0004`);
    expect([...res.files.map((f) => readFileSync(f.file, 'latin1'))].join('')).not.toContain('OUT0005');
    const rec = (b: Backend) => b.ws.db.prepare('SELECT kind, rows, total FROM bank_outputs WHERE run_id = ? ORDER BY id').all(runId);
    const b = open();
    expect(rec(b).slice(0, 3)).toEqual([
      { kind: 'residential', rows: 2, total: 112345 },
      { kind: 'commercial', rows: 1, total: 250050 },
      { kind: 'unmatched', rows: 1, total: 777 },
    ]);
    expect(b.ws.audit.list(5).some((a) => a.action === 'bank.write' && a.target === `run:${runId}`)).toBe(true);
    await b.close();
  });
});

describe('configurable layouts', () => {
  it('CSV with a chosen separator, columns, decimal point, date format, UTF-8 and no header', async () => {
    const res = await writeWith({ outDir: 'exports', output: { encoding: 'utf-8', lineEnding: 'lf', decimalMark: '.', dateFormat: 'DD.MM.YYYY', fileName: 'wplaty-{kind}-{run}.{ext}', csv: { separator: ',', header: false, columns: ['amount', 'accountNo', 'valueDate', 'premisesKind', 'method'] } } });
    const f = fileOf(res, 'commercial').file;
    expect(f).toBe(join(ws.dir, 'exports', `wplaty-commercial-${runId}.csv`));
    const com = rows.find((r) => r.account_no && r.premises_kind === 'commercial' && r.status === 'active')!;
    expect(readFileSync(f, 'utf8')).toBe(`2500.50,${com.account_no},03.11.2026,commercial,virtual-account\n`);
  });

  it('fixed width: each field padded and aligned to its width, every line the same length', async () => {
    const fields = [
      { column: 'accountNo', width: 10 },
      { column: 'bookingDate', width: 8 },
      { column: 'amount', width: 12, align: 'right', pad: '0' },
      { column: 'payerName', width: 15 },
    ];
    const res = await writeWith({ output: { kind: 'fixed', encoding: 'windows-1250', dateFormat: 'YYYYMMDD', decimalMark: ',', fixed: { fields } } });
    const f = fileOf(res, 'residential').file;
    expect(f.endsWith('.txt')).toBe(true);
    const lines = iconv.decode(readFileSync(f), 'windows-1250').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBe(45);
    const line = lines.find((l) => l.includes('Zażółć'))!;
    expect(line.slice(10, 18)).toBe('20261103');
    expect(line.slice(18, 30)).toBe('000000123,45');
    expect(line.slice(30)).toBe('Zażółć Gęślą   ');
    expect(readFileSync(f).length).toBe(2 * 47); // single-byte encoding, CRLF
  });

  it('an amount that does not fit its field fails the lot and leaves the earlier files as they were', async () => {
    const earlier = await writeWith(undefined);
    const before = earlier.files.map((f) => readFileSync(f.file));
    const fields = [{ column: 'amount', width: 5, align: 'right', pad: ' ' }];
    const b = open({ output: { kind: 'fixed', fileName: 'bank-{run}-{kind}.csv', fixed: { fields } } });
    try {
      const r = await b.dispatcher.handle('bank.write', { runId }, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('SAL-3065');
    } finally {
      await b.close();
    }
    earlier.files.forEach((f, i) => expect(readFileSync(f.file).equals(before[i])).toBe(true));
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(join(ws.dir, 'bank-out')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('encodes Ukrainian letters in Windows-1251 (ї є ґ і) and refuses nothing silently in UTF-8', () => {
    const layout = OutputLayoutSchema.parse({ encoding: 'windows-1251', csv: { columns: ['accountNo', 'amount', 'payerName'] } });
    const row = { accountNo: '0012034', amount: 150_000, payerName: 'Їжаченко Євгенія Ґаврилівна, Київ' } as OutputRow;
    const bytes = renderOutput([row], layout, 'uk');
    const body = Buffer.from(bytes).subarray(Buffer.from(bytes).indexOf(0x0a) + 1);
    expect([...body.subarray(0, 15)]).toEqual([...Buffer.from('0012034;1500,00', 'latin1')]);
    // Ї = 0xAF, Є = 0xAA, Ґ = 0xA5, і = 0xB3 in Windows-1251.
    expect(body.includes(0xaf) && body.includes(0xaa) && body.includes(0xa5) && body.includes(0xb3)).toBe(true);
    expect(iconv.decode(body, 'windows-1251')).toBe('0012034;1500,00;Їжаченко Євгенія Ґаврилівна, Київ\r\n');
    // A negative amount (a reversal) zero-padded keeps its sign in front.
    const fixed = OutputLayoutSchema.parse({ kind: 'fixed', encoding: 'utf-8', lineEnding: 'lf', fixed: { fields: [{ column: 'amount', width: 10, align: 'right', pad: '0' }] } });
    expect(new TextDecoder().decode(renderOutput([{ amount: -1250 } as OutputRow], fixed, 'pl'))).toBe('-000012,50\n');
    // A letter the code page lacks is an error naming it, never a silent "?".
    expect(() => renderOutput([{ ...row, payerName: 'Łukasz Ґонта' } as OutputRow], layout, 'uk')).toThrow(/SAL-3073.*Ł/);
    const utf = renderOutput([row], OutputLayoutSchema.parse({ encoding: 'utf-8-bom', csv: { header: false, columns: ['payerName'] } }), 'uk');
    expect([...utf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(existsSync(ws.dir)).toBe(true);
  });
});
