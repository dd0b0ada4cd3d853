// The hostile-input suite: quotes, SQL injection, path traversal, 10 MB strings and invalid UTF-8
// through every command and channel that takes text. Each must end in a clear coded error (or a
// harmless success), and leave the store and the accounting database untouched. Features add
// their imports (readings, bank statements, portal files) to this suite.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/domain/types';
import { CATALOGUE } from '../../shared/errors/catalogue';
import { API_METHODS, CALLS, JOBS } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';
import { runCli } from '../../main/cli/main';

const TEN_MB = 'Ż'.repeat(5 * 1024 * 1024); // 10 MB of UTF-8
const HOSTILE_STRINGS = [
  "O'Brien",
  '"; DROP TABLE runs; --',
  "x'); DELETE FROM operators; --",
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32\\config\\SAM',
  '\u0000nul',
  '<script>alert(1)</script>',
  '\ud800', // a lone surrogate: not encodable as UTF-8
  TEN_MB,
];

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;

function sha(file: string) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function storeSnapshot() {
  const tables = ['settings', 'connection_profiles', 'operators', 'runs', 'run_records'];
  return Object.fromEntries(tables.map((t) => [t, b.ws.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

function expectCoded(r: Result<unknown>) {
  if (r.ok) return;
  expect(Object.keys(CATALOGUE)).toContain(r.error.code);
  expect(r.error.message.length).toBeLessThan(2000); // never echoes a 10 MB input back
  expect(r.error.hint.length).toBeGreaterThan(5);
}

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 40, months: 2 });
  b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter() }, emit: () => {} });
});
afterAll(async () => {
  await b?.close();
  ws?.cleanup();
});

describe('hostile input through every channel', () => {
  it('answers each hostile value in each string field with a coded value, and changes nothing', async () => {
    const accountingBefore = sha(join(ws.dir, 'accounting.sqlite'));
    const storeBefore = storeSnapshot();
    const channels = [...Object.keys(CALLS), ...Object.keys(JOBS)];
    expect(channels.length).toBe(Object.keys(API_METHODS).length);
    const session = { actor: b.ws.operators.find('admin') };
    const fields = ['name', 'password', 'displayName', 'url', 'kind', 'period', 'jobId', 'locale', 'runId', 'limit', 'role'];
    let calls = 0;
    for (const channel of channels) {
      if (channel === 'session.signIn' || channel === 'session.setupAdmin') continue; // below: they audit attempts by design
      for (const value of HOSTILE_STRINGS) {
        for (const field of fields) {
          const r = await b.dispatcher.handle(channel, { [field]: value }, { session, trustedSender: true });
          calls++;
          expect(r.ok, `${channel}.${field}`).toBe(false);
          expectCoded(r);
        }
        // The whole request as a hostile string, not an object.
        expectCoded(await b.dispatcher.handle(channel, value, { session, trustedSender: true }));
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(sha(join(ws.dir, 'accounting.sqlite'))).toBe(accountingBefore);
    expect(storeSnapshot()).toEqual(storeBefore);
  });

  it('a hostile sign-in is audited without storing what was typed', async () => {
    for (const value of HOSTILE_STRINGS) {
      const r = await b.dispatcher.handle('session.signIn', { name: value.slice(0, 64), password: value.slice(0, 256) || 'x' }, { session: { actor: null }, trustedSender: true });
      expect(r.ok).toBe(false);
      expectCoded(r);
    }
    const audit = JSON.stringify(b.ws.audit.list(100));
    for (const v of ['DROP TABLE', 'DELETE FROM', '/etc/passwd', '<script>']) expect(audit).not.toContain(v);
    expect(b.ws.operators.views().map((o) => o.name)).toEqual(['admin']);
  });
});

describe('hostile input through every CLI command', () => {
  const saldo = (args: string[], input?: Buffer | string) =>
    spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), ...args], { encoding: 'utf8', input, timeout: 60_000, env: { ...process.env, SALDO_LANG: 'en' } });
  const ARG_STRINGS = HOSTILE_STRINGS.filter((s) => s.length < 100_000 && !s.includes('\u0000') && !s.includes('\ud800'));

  // In-process (runCli is what bin/saldo.js calls) so that ~70 cases take seconds, not a minute of
  // process start-ups; the stdin cases below run real processes.
  async function inProcess(args: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(args, { out: (x) => void (out += x), err: (x) => void (err += x), isTTY: false });
    return { status: code, stdout: out, stderr: err };
  }

  it('refuses hostile arguments with a usage error or a coded problem, leaving the workspace as it was', async () => {
    const accountingBefore = sha(join(ws.dir, 'accounting.sqlite'));
    const runsBefore = (b.ws.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
    const cfg = ws.configFile;
    for (const v of ARG_STRINGS) {
      const cases: string[][] = [
        ['--config', cfg, 'cycle', '--period', v],
        ['--config', cfg, '--operator', v, 'journal'],
        ['--config', cfg, 'report', v, '--run', '1', '--pdf', join(ws.dir, 'x.pdf')],
        ['--config', cfg, 'report', 'run-summary', '--run', v, '--pdf', join(ws.dir, 'x.pdf')],
        ['--config', cfg, 'journal', '--limit', v],
        ['--config', v, 'journal'],
        ['--config', cfg, 'operators', 'add', v, '--role', 'operator'],
        ['--config', cfg, 'operators', 'add', 'zed', '--role', v],
        ['--config', cfg, '--lang', v, 'journal'],
      ];
      for (const args of cases) {
        const r = await inProcess([...args, '--json']);
        expect([1, 2], `${args.join(' ')} → ${r.stderr}`).toContain(r.status);
        if (r.status === 1) {
          const err = JSON.parse(r.stdout).errors[0];
          expect(Object.keys(CATALOGUE)).toContain(err.code);
        }
      }
    }
    expect(sha(join(ws.dir, 'accounting.sqlite'))).toBe(accountingBefore);
    expect((b.ws.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n).toBe(runsBefore);
    expect(b.ws.operators.views().map((o) => o.name)).toEqual(['admin']);
  });

  it('refuses a password with invalid UTF-8 or one that is 10 MB long from standard input', () => {
    const bad = saldo(['--config', ws.configFile, '--json', 'operators', 'add', 'zed', '--role', 'operator', '--password-stdin'], Buffer.from([0x61, 0xff, 0xfe, 0x62]));
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0].code).toMatch(/^SAL-/);
    const big = saldo(['--config', ws.configFile, '--json', 'operators', 'add', 'zed', '--role', 'operator', '--password-stdin'], 'x'.repeat(10 * 1024 * 1024));
    expect(big.status).toBe(1);
    expect(b.ws.operators.views().map((o) => o.name)).toEqual(['admin']);
  });

  it('reads a config with invalid UTF-8, a 10 MB name or NULs in a path as a clear SAL-6002', () => {
    const good = JSON.parse(readFileSync(ws.configFile, 'utf8'));
    const variants: Array<[string, Buffer]> = [
      ['bad-utf8.json', Buffer.concat([Buffer.from('{"version":1,"organisation":{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}}')])],
      ['huge-name.json', Buffer.from(JSON.stringify({ ...good, organisation: { name: TEN_MB.slice(0, 300_000) } }))],
      ['nul-path.json', Buffer.from(JSON.stringify({ ...good, store: 'store\u0000.sqlite' }))],
      ['traversal.json', Buffer.from(JSON.stringify({ ...good, accounting: { kind: 'sqlite', path: '../../../../etc/passwd' } }))],
    ];
    for (const [name, bytes] of variants) {
      const f = join(ws.dir, name);
      writeFileSync(f, bytes);
      const r = saldo(['--config', f, '--json', 'cycle', '--period', ws.period]);
      expect(r.status, name).toBe(1);
      const code = JSON.parse(r.stdout).errors[0].code;
      expect(name === 'traversal.json' ? ['SAL-5001', 'SAL-6002'] : ['SAL-6002'], `${name}: ${code}`).toContain(code);
    }
  });
});

describe('hostile meter readings files and requests', () => {
  const admin = () => ({ actor: b.ws.operators.find('admin') });
  async function importFile(content: Buffer, extra: Record<string, unknown> = {}) {
    const r = await b.dispatcher.handle('readings.import', { source: 'file', fileName: 'hostile.csv', content: content.toString('base64'), format: 'csv', mapping: { name: 'hostile', header: true, delimiter: ';', columns: { serial: 'serial', date: 'date', value: 'value' } }, ...extra }, { session: admin(), trustedSender: true });
    if (!r.ok) return { refused: r };
    const fin = (await b.jobs.wait((r.value as { jobId: string }).jobId))!;
    return { fin };
  }
  const readingsInAccounting = () => {
    const db = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM meter_readings').pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it('hostile values in a file are judged as readings (rejected, coded), stored as plain text, and write nothing', async () => {
    const before = readingsInAccounting();
    for (const v of HOSTILE_STRINGS.filter((s) => s.length < 100_000 && !s.includes('\u0000') && !s.includes('\ud800'))) {
      const cell = `"${v.replace(/"/g, '""')}"`;
      const csv = `serial;date;value\r\n${cell};2026-11-03;12.5\r\nA1;2026-11-03;${cell}\r\n`;
      const { fin } = await importFile(Buffer.from(csv, 'utf8'));
      expect(fin!.status, v).toMatch(/^(completed|failed)$/);
      const s = fin!.result as { status: string; accepted: number; errors: Array<{ code: string; message: string }> };
      expect(s.accepted).toBe(0);
      for (const p of s.errors) {
        expect(Object.keys(CATALOGUE)).toContain(p.code);
        expect(p.message.length).toBeLessThan(2000);
      }
    }
    const page = await b.dispatcher.handle('readings.list', { search: '"; DROP TABLE runs; --' }, { session: admin(), trustedSender: true });
    expect(page.ok && (page.value as { rows: Array<{ serial?: string }> }).rows.map((r) => r.serial)).toEqual(['"; DROP TABLE runs; --']);
    expect(b.ws.db.prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBeGreaterThan(0);
    expect(readingsInAccounting()).toBe(before);
  });

  it('binary garbage, invalid UTF-8, NUL bytes, a 10 MB line and an empty file are refused whole with a coded problem', async () => {
    const before = readingsInAccounting();
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const cases: Array<[Buffer, Record<string, unknown>]> = [
      [garbage, {}],
      [Buffer.concat([Buffer.from('serial;date;value\r\nA1;2026-11-03;1'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('\r\n')]), { encoding: 'utf-8' }],
      [Buffer.from('serial;date;value\r\nA\u00001;2026-11-03;1\r\n', 'utf8'), {}],
      [Buffer.from(`serial;date;value\r\n${'x'.repeat(10 * 1024 * 1024)};2026-11-03\r\n`, 'utf8'), {}],
      [Buffer.from('{"id": "1", "timestamp": ', 'utf8'), { format: 'wmbus-json', mapping: undefined }],
    ];
    for (const [bytes, extra] of cases) {
      const { fin } = await importFile(bytes, extra);
      expect(fin!.status).toBe('failed');
      expect(Object.keys(CATALOGUE)).toContain(fin!.error!.code);
      expect(fin!.error!.message.length).toBeLessThan(2000);
    }
    const empty = await b.dispatcher.handle('readings.import', { source: 'file', fileName: 'e.csv', content: '', format: 'wmbus-json' }, { session: admin(), trustedSender: true });
    expect(!empty.ok && empty.error.code).toBe('SAL-6005');
    expect(readingsInAccounting()).toBe(before);
  });

  it('refuses hostile import requests at the contract: file names with folders, content that is not base64, unknown formats, hostile mappings', async () => {
    const good = { source: 'file', fileName: 'r.csv', content: Buffer.from('a').toString('base64'), format: 'wmbus-json' };
    const bad: Array<Record<string, unknown>> = [
      { ...good, fileName: '../../../../etc/passwd' },
      { ...good, fileName: '..\\..\\Windows\\System32\\config\\SAM' },
      { ...good, fileName: 'a\u0000b' },
      { ...good, content: 'not base64 at all!' },
      { ...good, format: 'xls' },
      { ...good, encoding: 'cp437' },
      { ...good, mapping: { name: "x'); DELETE FROM operators; --", header: true, columns: { serial: 1, date: 2, value: 3 } } },
      { ...good, mapping: { name: 'ok', header: true, columns: { serial: 'a\u0000', date: 2, value: 3 } } },
      { source: 'portal', period: "2026-11'; --" },
    ];
    for (const req of bad) {
      const r = await b.dispatcher.handle('readings.import', req, { session: admin(), trustedSender: true });
      expect(r.ok, JSON.stringify(req).slice(0, 80)).toBe(false);
      expect(!r.ok && r.error.code).toBe('SAL-6005');
    }
    for (const v of HOSTILE_STRINGS) {
      for (const req of [{ keys: [v], decision: 'accept', note: 'n' }, { keys: ['1'], decision: 'accept', note: v }]) {
        const r = await b.dispatcher.handle('readings.review', req, { session: admin(), trustedSender: true });
        expectCoded(r);
        if (r.ok) expect((r.value as { accepted: number }).accepted).toBe(0);
      }
      expectCoded(await b.dispatcher.handle('readings.history', { meterId: v }, { session: admin(), trustedSender: true }));
      expectCoded(await b.dispatcher.handle('readings.saveMapping', { mapping: { name: v, header: true, columns: { serial: 1, date: 2, value: 3 } } }, { session: admin(), trustedSender: true }));
    }
  });
});

describe('hostile bank statement files and requests', () => {
  const admin = () => ({ actor: b.ws.operators.find('admin') });
  const bankItems = () => b.ws.db.prepare('SELECT COUNT(*) FROM bank_items').pluck().get() as number;
  async function importStatement(bytes: Buffer, fileName = 'hostile.sta') {
    const r = await b.dispatcher.handle('bank.import', { files: [{ fileName, content: bytes.toString('base64') }] }, { session: admin(), trustedSender: true });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const fin = (await b.jobs.wait((r.value as { jobId: string }).jobId))!;
    return fin.result as { status: string; files: Array<{ booked: boolean; errors: Array<{ code: string; message: string; hint: string }> }> };
  }
  // An MT940 after the SWIFT layout whose :86: title and name carry the hostile value.
  const mt940 = (value: string, n: number) => {
    const amount = `${100 + n},00`;
    return Buffer.from(
      [`:20:HOSTILE${n}`, `:25:/PL61109010140000071219812874`, `:28C:${90000 + n}/001`, ':60F:C261101PLN0,00', `:61:2611021102C${amount}N152NONREF//HOST${n}`, `:86:152~00PRZELEW~20${value}~32${value}`, `:62F:C261102PLN${amount}`, '-', ''].join('\r\n'),
      'utf8',
    );
  };

  it('hostile titles and names are stored and written out as plain text; the store stays whole', async () => {
    const runsBefore = b.ws.db.prepare('SELECT COUNT(*) FROM runs').pluck().get() as number;
    const strings = HOSTILE_STRINGS.filter((s) => s.length < 100_000 && !s.includes('\u0000') && !s.includes('\ud800'));
    for (const [i, v] of strings.entries()) {
      const s = await importStatement(mt940(v, i));
      expect(s.status).toBe('completed');
      for (const p of s.files[0].errors) expect(Object.keys(CATALOGUE)).toContain(p.code);
    }
    const r = await b.dispatcher.handle('bank.items', { search: '"; DROP TABLE runs; --' }, { session: admin(), trustedSender: true });
    expect(r.ok && (r.value as { rows: Array<{ title: string }> }).rows.map((x) => x.title)).toEqual(['"; DROP TABLE runs; --']);
    // LIKE wildcards in a search are literal characters.
    const wild = await b.dispatcher.handle('bank.items', { search: '%' }, { session: admin(), trustedSender: true });
    expect(wild.ok && (wild.value as { total: number }).total).toBe(0);
    expect(b.ws.db.prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBe(runsBefore + strings.length);
    expect(b.ws.operators.views().map((o) => o.name)).toEqual(['admin']);
  });

  it('binary garbage, invalid UTF-8 in a UTF-8 camt, an XML entity bomb, a NUL-laden file and an empty file book nothing, with coded problems', async () => {
    const before = bankItems();
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const camtHead = '<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>';
    const cases: Buffer[] = [
      garbage,
      Buffer.concat([Buffer.from(camtHead), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('</Id></Stmt></BkToCstmrStmt></Document>')]),
      Buffer.from(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "${'x'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${camtHead}&b;</Id></Stmt></BkToCstmrStmt></Document>`),
      Buffer.from(':20:X\r\n:25:/PL61109010140000071219812874\r\n:28C:1\r\n:60F:C261101PLN0,00\r\n\u0000\u0000\u0000:61:\u0000\r\n', 'utf8'),
      Buffer.alloc(0),
      Buffer.from(`:20:X\r\n:86:${'Ż'.repeat(5 * 1024 * 1024)}\r\n`, 'utf8'),
    ];
    for (const bytes of cases) {
      const s = await importStatement(bytes);
      expect(s.status).toBe('completed');
      expect(s.files[0].booked).toBe(false);
      expect(s.files[0].errors.some((p) => p.code === 'SAL-3053' || p.code.startsWith('SAL-30'))).toBe(true);
      for (const p of s.files[0].errors) {
        expect(Object.keys(CATALOGUE)).toContain(p.code);
        expect(p.message.length).toBeLessThan(2000);
        expect(p.hint.length).toBeGreaterThan(5);
      }
    }
    expect(bankItems()).toBe(before);
  });

  it('refuses hostile bank requests at the contract or with a coded problem', async () => {
    const content = mt940('x', 99).toString('base64');
    const refused: Array<[string, Record<string, unknown>]> = [
      ['bank.import', { files: [{ fileName: '../../../../etc/passwd', content }] }],
      ['bank.import', { files: [{ fileName: '..\\..\\Windows\\System32\\config\\SAM', content }] }],
      ['bank.import', { files: [{ fileName: 'a\u0000b', content }] }],
      ['bank.import', { files: [{ fileName: 'ok.sta', content: 'not base64 at all!' }] }],
      ['bank.import', { files: [] }],
      ['bank.import', { files: [{ fileName: 'ok.sta', content }], encoding: 'cp437' }],
      ['bank.import', { files: [{ fileName: 'ok.sta', content }], csvMapping: "x'); DELETE FROM operators; --" }],
      ['bank.assign', { itemKey: "1; DROP TABLE bank_items", accountNo: 'x' }],
      ['bank.items', { runId: "1' OR '1'='1" }],
      ['bank.write', { runId: -1 }],
    ];
    for (const [channel, req] of refused) {
      const r = await b.dispatcher.handle(channel, req, { session: admin(), trustedSender: true });
      expect(r.ok, `${channel} ${JSON.stringify(req).slice(0, 80)}`).toBe(false);
      expect(!r.ok && r.error.code).toBe('SAL-6005');
    }
    for (const v of HOSTILE_STRINGS) {
      expectCoded(await b.dispatcher.handle('bank.assign', { itemKey: '1', accountNo: v }, { session: admin(), trustedSender: true }));
      expectCoded(await b.dispatcher.handle('bank.premises', { query: v }, { session: admin(), trustedSender: true }));
      expectCoded(await b.dispatcher.handle('bank.items', { search: v }, { session: admin(), trustedSender: true }));
    }
    // A CSV mapping by a name that exists nowhere is a coded problem, not a crash.
    const r = await b.dispatcher.handle('bank.import', { files: [{ fileName: 'ok.csv', content }], csvMapping: 'no-such-mapping' }, { session: admin(), trustedSender: true });
    const fin = (await b.jobs.wait((r.ok && (r.value as { jobId: string }).jobId) || ''))!;
    expect(fin.status).toBe('failed');
    expect(fin.error!.code).toBe('SAL-3068');
  });

  it('the CLI refuses hostile statement paths and entries with a usage error or a coded problem', async () => {
    for (const v of ['../../../../etc/no-such-statement', "'; DROP TABLE runs; --", '..\\..\\Windows\\win.ini']) {
      let out = '';
      const code = await runCli(['--config', ws.configFile, '--json', 'bank', 'import', join(ws.dir, v)], { out: (x) => void (out += x), err: () => {}, isTTY: false });
      expect(code).toBe(2);
      expect(Object.keys(CATALOGUE)).toContain(JSON.parse(out).errors[0].code);
      let out2 = '';
      const code2 = await runCli(['--config', ws.configFile, '--json', 'bank', 'assign', '--run', '1', '--entry', v, '--account', v], { out: (x) => void (out2 += x), err: () => {}, isTTY: false });
      expect(code2).toBe(1);
      expect(Object.keys(CATALOGUE)).toContain(JSON.parse(out2).errors[0].code);
    }
  });
});

describe('hostile portal accounts and registrations', () => {
  const admin = () => ({ actor: b.ws.operators.find('admin') });
  const registeredRows = () => {
    const db = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT account_no FROM registered_accounts ORDER BY account_no').pluck().all() as string[];
    } finally {
      db.close();
    }
  };
  const portalAccountFiles = () => {
    const m = join(ws.dir, 'portal', 'outbox', 'manifest.jsonl');
    return existsSync(m) ? readFileSync(m, 'utf8').split('\n').filter((l) => l.includes('"portal-accounts"')).length : 0;
  };

  it('hostile building codes and account numbers send nothing and print nothing: a coded problem each', async () => {
    const before = portalAccountFiles();
    for (const v of HOSTILE_STRINGS) {
      for (const req of [{ building: v }, { accounts: [v] }, { accounts: [v], reissue: true, language: 'uk' }]) {
        const r = await b.dispatcher.handle('accounts.create', req, { session: admin(), trustedSender: true });
        expectCoded(r);
        if (!r.ok) continue;
        const fin = (await b.jobs.wait((r.value as { jobId: string }).jobId))!;
        const s = fin.result as { file: string | null; issued: number; errors: Array<{ code: string }> } | undefined;
        expect(s?.file ?? null).toBeNull();
        expect(s?.issued ?? 0).toBe(0);
        const codes = [...(s?.errors ?? []).map((e) => e.code), ...(fin.error ? [fin.error.code] : [])];
        expect(codes.length).toBeGreaterThan(0);
        for (const c of codes) expect(['SAL-4104', 'SAL-4105', 'SAL-4109']).toContain(c);
      }
    }
    expect(portalAccountFiles()).toBe(before);
    const refused: Array<Record<string, unknown>> = [
      { building: 'B0001', accounts: ['x'] },
      { accounts: [] },
      { language: 'de' },
      { reissue: 'yes' },
      { building: 'a\u0000b' },
    ];
    for (const req of refused) {
      const r = await b.dispatcher.handle('accounts.create', req, { session: admin(), trustedSender: true });
      expect(r.ok, JSON.stringify(req)).toBe(false);
      expect(!r.ok && r.error.code).toBe('SAL-6005');
    }
  });

  it('a hostile registrations feed: injection is plain text, an unknown account is rejected, registered_accounts keeps its shape', async () => {
    const dir = join(ws.dir, 'portal', 'inbox', 'registrations');
    const name = '29991231T235959Z-999999.json';
    const items = [
      { id: "r'1", event: 'registered', account_no: "'; DROP TABLE registered_accounts; --", person: '<script>alert(1)</script>', email: "x'); DELETE FROM operators; --@example.pl", submitted_at: '2026-11-02T10:00:00+01:00' },
      { id: 'r-2', event: 'unregistered', account_no: '../../../../etc/passwd', person: "O'Brien", email: 'a@b', submitted_at: '2026-11-02T10:00:00Z' },
    ];
    writeFileSync(join(dir, name), JSON.stringify({ items }));
    const before = registeredRows();
    const r = await b.dispatcher.handle('accounts.registrationsSync', {}, { session: admin(), trustedSender: true });
    expect(r.ok).toBe(true);
    const fin = (await b.jobs.wait((r as { value: { jobId: string } }).value.jobId))!;
    const s = fin.result as { status: string; rejected: number; errors: Array<{ code: string; key?: string }> };
    expect(s.status).toBe('completed');
    expect(s.errors.filter((e) => e.code === 'SAL-4120').map((e) => e.key).sort()).toEqual(['../../../../etc/passwd', "'; DROP TABLE registered_accounts; --"].sort());
    // Only real premises were registered (the demo feed's), nothing was removed, and the table is whole.
    const acc = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    const known = new Set(acc.prepare(`SELECT account_no FROM premises`).pluck().all() as string[]);
    acc.close();
    const after = registeredRows();
    for (const a of before) expect(after).toContain(a);
    for (const a of after) expect(known.has(a), a).toBe(true);
    const page = await b.dispatcher.handle('accounts.registrations', { search: '<script>' }, { session: admin(), trustedSender: true });
    expect(page.ok).toBe(true);
    const rows = (page as { value: { rows: Array<{ person: string; email: string }> } }).value.rows;
    expect(rows.map((x) => x.person)).toEqual(['<script>alert(1)</script>']);
    expect(rows[0].email).not.toContain('DELETE');
    for (const v of HOSTILE_STRINGS) expectCoded(await b.dispatcher.handle('accounts.registrations', { search: v }, { session: admin(), trustedSender: true }));
    const wild = await b.dispatcher.handle('accounts.registrations', { search: '%' }, { session: admin(), trustedSender: true });
    expect((wild as { value: { rows: unknown[] } }).value.rows).toEqual([]);
    expect(b.ws.operators.views().map((o) => o.name)).toEqual(['admin']);
  });

  it('the CLI refuses hostile portal arguments with a usage error or a coded problem', async () => {
    for (const v of ["'; DROP TABLE runs; --", '../../../../etc/passwd', '..\\..\\Windows\\win.ini']) {
      for (const args of [
        ['portal', 'accounts', 'create', '--building', v, '--letters', join(ws.dir, 'l.pdf')],
        ['portal', 'accounts', 'create', '--accounts', v, '--letters', join(ws.dir, 'l.pdf')],
        ['portal', 'accounts', 'create', '--building', 'B0001', '--accounts', v, '--letters', join(ws.dir, 'l.pdf')],
        ['portal', 'accounts', 'create', '--letters-lang', v, '--letters', join(ws.dir, 'l.pdf')],
      ]) {
        let out = '';
        let err = '';
        const code = await runCli(['--config', ws.configFile, '--json', ...args], { out: (x) => void (out += x), err: (x) => void (err += x), isTTY: false });
        expect([0, 1, 2], `${args.join(' ')}: ${err}`).toContain(code);
        if (code !== 2) {
          const res = JSON.parse(out);
          expect(res.file).toBeNull();
          for (const e of res.errors) expect(Object.keys(CATALOGUE)).toContain(e.code);
        }
      }
    }
    expect(existsSync(join(ws.dir, 'l.pdf'))).toBe(false);
  });
});

describe('hostile portal payments and collected funds', () => {
  const admin = () => ({ actor: b.ws.operators.find('admin') });
  const inbox = () => join(ws.dir, 'portal', 'inbox', 'payments');
  const accounting = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const bookedCount = () => accounting((db) => db.prepare('SELECT COUNT(*) FROM portal_payments').pluck().get() as number);
  let seq = 0;
  /** A feed file as a portal leaves it, old enough that a broken one is judged at once (not left to settle). */
  function feedFile(bytes: Buffer): string {
    const name = `2099-01-01-hostile-${String(++seq).padStart(3, '0')}.json`;
    writeFileSync(join(inbox(), `.${name}.tmp`), bytes);
    renameSync(join(inbox(), `.${name}.tmp`), join(inbox(), name));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(inbox(), name), old, old);
    return name;
  }
  async function importPayments() {
    const r = await b.dispatcher.handle('accounts.paymentsImport', {}, { session: admin(), trustedSender: true });
    expect(r.ok).toBe(true);
    const fin = (await b.jobs.wait((r as { value: { jobId: string } }).value.jobId))!;
    return fin.result as { status: string; read: number; booked: number; rejected: number; errors: Array<{ code: string; key?: string; message: string; hint: string }> };
  }
  const SHORT = HOSTILE_STRINGS.filter((s) => s.length <= 64 && !s.includes('\ud800'));

  it('hostile ids, accounts and references in a payments feed are plain text: unknown accounts rejected with their code, the rest booked as written', async () => {
    expect((await importPayments()).status).toBe('completed'); // the demo month first
    const account = accounting((db) => db.prepare(`SELECT account_no FROM premises WHERE status = 'active' AND account_no <> '' ORDER BY premises_id LIMIT 1`).pluck().get() as string);
    const runsBefore = b.ws.db.prepare('SELECT COUNT(*) FROM runs').pluck().get() as number;
    const before = bookedCount();
    const items = SHORT.flatMap((v, i) => [
      { id: `h-acc-${i}`, account_no: v, amount: 100 + i, currency: 'PLN', paid_at: '2026-11-05T10:00:00+01:00', reference: 'x' },
      { id: v, account_no: account, amount: 200 + i, currency: 'PLN', paid_at: '2026-11-05T10:00:00+01:00', reference: v.slice(0, 140) },
    ]);
    feedFile(Buffer.from(JSON.stringify({ items }), 'utf8'));
    const s = await importPayments();
    expect(s.status).toBe('completed');
    expect(s).toMatchObject({ read: items.length, booked: SHORT.length, rejected: SHORT.length });
    const rejectedKeys = s.errors.filter((e) => e.code === 'SAL-4150').map((e) => e.key).sort();
    expect(rejectedKeys).toEqual(SHORT.map((_, i) => `h-acc-${i}`).sort());
    for (const e of s.errors) {
      expect(Object.keys(CATALOGUE)).toContain(e.code);
      expect(e.message.length).toBeLessThan(2000);
    }
    expect(bookedCount()).toBe(before + SHORT.length);
    // The hostile ids and references reached accounting exactly as written, as data.
    for (const v of SHORT) expect(accounting((db) => db.prepare('SELECT reference FROM portal_payments WHERE payment_id = ?').pluck().get(v))).toBe(v.slice(0, 140));
    expect(b.ws.db.prepare('SELECT COUNT(*) FROM runs').pluck().get()).toBe(runsBefore + 1);
    expect(b.ws.operators.views().map((o) => o.name)).toEqual(['admin']);
    const page = await b.dispatcher.handle('accounts.payments', { search: '<script>' }, { session: admin(), trustedSender: true });
    const i = SHORT.indexOf('<script>alert(1)</script>');
    expect((page as { value: { rows: Array<{ id: string }> } }).value.rows.map((r) => r.id).sort()).toEqual(['<script>alert(1)</script>', `h-acc-${i}`].sort());
    const wild = await b.dispatcher.handle('accounts.payments', { search: '%' }, { session: admin(), trustedSender: true });
    expect((wild as { value: { total: number } }).value.total).toBe(0);
  });

  it('broken payments files — binary garbage, invalid UTF-8, NUL bytes, a 10 MB reference, an amount as text or a fraction, an empty file — book nothing: each moved aside with SAL-4018', async () => {
    const before = bookedCount();
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const ok = { id: 'h-file', account_no: 'x', amount: 100, currency: 'PLN', paid_at: '2026-11-05T10:00:00+01:00', reference: 'r' };
    const files = [
      garbage,
      Buffer.concat([Buffer.from('{"items":[{"id":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}')]),
      Buffer.from('{"items":[\u0000\u0000]}', 'utf8'),
      Buffer.from(JSON.stringify({ items: [{ ...ok, reference: TEN_MB }] })),
      Buffer.from(JSON.stringify({ items: [{ ...ok, amount: '100.00' }] })),
      Buffer.from(JSON.stringify({ items: [{ ...ok, amount: 12.5 }] })),
      Buffer.alloc(0),
    ].map(feedFile);
    const s = await importPayments();
    expect(s.status).toBe('completed');
    expect(s.read).toBe(0);
    const failed = s.errors.filter((e) => e.code === 'SAL-4018');
    expect(failed).toHaveLength(files.length);
    for (const e of failed) {
      expect(e.message.length).toBeLessThan(2000);
      expect(e.hint.length).toBeGreaterThan(5);
    }
    for (const f of files) expect(existsSync(join(inbox(), 'failed', f))).toBe(true);
    expect(bookedCount()).toBe(before);
  });

  it('refuses hostile payments and funds requests at the contract, or answers with a coded problem', async () => {
    const refused: Array<[string, unknown]> = [
      ['accounts.paymentsImport', { pageSize: 1 }],
      ['accounts.payments', { runId: "1' OR '1'='1" }],
      ['accounts.payments', { outcome: "booked'; DROP TABLE portal_payments; --" }],
      ['accounts.payments', { search: 'a\u0000b' }],
      ['accounts.payments', { limit: 10_000_000 }],
      ['accounts.funds', { period: '2026-13' }],
      ['accounts.funds', { period: "2026-10'; --" }],
      ['accounts.fundsCsv', { runId: -1 }],
      ['accounts.fundsCsv', { runId: '../../../../etc/passwd' }],
    ];
    for (const [channel, req] of refused) {
      const r = await b.dispatcher.handle(channel, req, { session: admin(), trustedSender: true });
      expect(r.ok, `${channel} ${JSON.stringify(req)}`).toBe(false);
      expect(!r.ok && r.error.code).toBe('SAL-6005');
    }
    for (const v of HOSTILE_STRINGS) expectCoded(await b.dispatcher.handle('accounts.payments', { search: v }, { session: admin(), trustedSender: true }));
    expectCoded(await b.dispatcher.handle('accounts.fundsCsv', { runId: 999_999 }, { session: admin(), trustedSender: true }));
  });

  it('the CLI refuses hostile funds arguments with a usage error or a coded problem', async () => {
    for (const v of ["'; DROP TABLE runs; --", '../../../../etc/passwd', '2026-1O', '<script>']) {
      for (const args of [
        ['report', 'funds', '--period', v, '--pdf', join(ws.dir, 'f.pdf')],
        ['report', 'funds', '--run', v, '--pdf', join(ws.dir, 'f.pdf')],
        ['portal', 'payments', 'import', '--since', v],
      ]) {
        const code = await runCli(['--config', ws.configFile, '--json', ...args], { out: () => {}, err: () => {}, isTTY: false });
        expect(code, args.join(' ')).toBe(2);
      }
    }
    expect(existsSync(join(ws.dir, 'f.pdf'))).toBe(false);
  });
});
