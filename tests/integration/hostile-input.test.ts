// The hostile-input suite: quotes, SQL injection, path traversal, 10 MB strings and invalid UTF-8
// through every command and channel that takes text. Each must end in a clear coded error (or a
// harmless success), and leave the store and the accounting database untouched. Features add
// their imports (readings, bank statements, portal files) to this suite.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
