// A planted, recognisable secret must never appear in a log, report, journal, store file or any
// command's output — only inside the encrypted secrets file, and there not in clear.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';

const SECRET = 'Pl4nted-S3cret-Żółw-7f3a9c';
const FORMS = [SECRET, Buffer.from(SECRET).toString('base64'), Buffer.from(SECRET).toString('hex'), encodeURIComponent(SECRET)];

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let keyDir: string;
const outputs: string[] = [];

function saldo(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), '--config', ws.configFile, ...args], {
    encoding: 'utf8',
    input,
    timeout: 90_000,
    env: { ...process.env, SALDO_KEY_FILE: join(keyDir, 'saldo', 'secret.key') },
  });
  outputs.push(r.stdout, r.stderr);
  return r;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 60, months: 2 });
  keyDir = mkdtempSync(join(tmpdir(), 'saldo-keys-'));
});
afterAll(() => {
  ws?.cleanup();
  rmSync(keyDir, { recursive: true, force: true });
});

describe('a planted secret', () => {
  // Fifteen CLI processes, three of them full cycles (readings, bank, registrations, payments):
  // give it room on a busy two-core machine.
  it('is stored through standard input and never shows again', { timeout: 240_000 }, async () => {
    expect(saldo(['secrets', 'set', 'mssql'], SECRET + '\n').status).toBe(0);
    expect(saldo(['secrets', 'set', 'portal-token'], SECRET + '\n').status).toBe(0);
    const list = saldo(['--json', 'secrets', 'list']);
    expect(JSON.parse(list.stdout).map((s: { name: string }) => s.name)).toEqual(['mssql', 'portal-token']);

    // Every command, with and without --json.
    const cycle = saldo(['--json', 'cycle', '--period', ws.period]);
    expect(cycle.status).toBe(0);
    const runId = String(JSON.parse(cycle.stdout).runId);
    for (const json of [[], ['--json']]) {
      saldo([...json, 'cycle', '--period', ws.period]);
      saldo([...json, 'journal']);
      saldo([...json, 'report', 'run-summary', '--run', runId, '--pdf', join(ws.dir, `r${json.length}.pdf`)]);
      saldo([...json, 'audit', '--pdf', join(ws.dir, `a${json.length}.pdf`)]);
      saldo([...json, 'operators', 'list']);
      saldo([...json, 'secrets', 'list']);
    }
    saldo(['operators', 'add', 'kasia', '--role', 'operator', '--password-stdin'], 'kasia-has-a-long-password\n');

    // The test-connection step reads the secret and hands it to the driver; point it at a closed
    // loopback port so the driver fails, and make sure its errors do not carry the password.
    const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
    const mssqlConfig = join(ws.dir, 'mssql.json');
    writeFileSync(
      mssqlConfig,
      JSON.stringify({ ...cfg, accounting: { kind: 'mssql', server: '127.0.0.1', port: 9, database: 'Czynsze', authentication: { type: 'sql', user: 'saldo', passwordSecret: 'mssql' }, connectTimeoutMs: 2000 } }),
    );
    const b = createBackend(mssqlConfig, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(keyDir, 'saldo', 'secret.key') } }, emit: () => {} });
    try {
      const admin = { actor: b.ws.operators.find('admin') };
      const profiles = await b.dispatcher.handle('profiles.list', {}, { session: admin, trustedSender: true });
      expect(profiles).toMatchObject({ ok: true, value: [{ name: 'accounting', adapter: 'mssql', secrets: [{ name: 'mssql', set: true }] }, { name: 'portal' }] });
      const test = await b.dispatcher.handle('profiles.test', { name: 'accounting' }, { session: admin, trustedSender: true });
      expect(test.ok).toBe(true);
      outputs.push(JSON.stringify(profiles), JSON.stringify(test));
      expect(JSON.stringify(test)).toMatch(/SAL-50\d\d/);
      const status = await b.dispatcher.handle('app.status', {}, { session: admin, trustedSender: true });
      outputs.push(JSON.stringify(status));
    } finally {
      await b.close();
    }
  });

  it('is found nowhere: not in output, logs, reports, the journal, the audit log or the store', () => {
    const haystacks: Array<[string, Buffer]> = outputs.map((o, i) => [`output ${i}`, Buffer.from(o)]);
    for (const f of filesUnder(ws.dir)) {
      haystacks.push([f, readFileSync(f)]);
      if (f.endsWith('.pdf')) haystacks.push([`${f} (text)`, Buffer.from(execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }))]);
    }
    expect(haystacks.filter(([f]) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(4);
    expect(haystacks.some(([f]) => f.endsWith('.log'))).toBe(true);
    expect(haystacks.some(([f]) => f.endsWith('secrets.json'))).toBe(true);
    for (const [where, bytes] of haystacks) {
      for (const form of FORMS) expect(bytes.includes(Buffer.from(form)), `${form} in ${where}`).toBe(false);
    }
    // The password given to `operators add` on standard input is not kept either.
    for (const [where, bytes] of haystacks) expect(bytes.includes(Buffer.from('kasia-has-a-long-password')), where).toBe(false);
  });

  it('is never accepted on the command line', () => {
    const r = saldo(['secrets', 'set', 'mssql', SECRET]);
    expect(r.status).toBe(2);
  });
});
