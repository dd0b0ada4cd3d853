// Each role's limits, proven through the dispatcher (every channel of the contract) and through
// the CLI (the same rules without a window).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Operator, type Permission } from '../../shared/domain/permissions';
import { CALLS, JOBS } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { Operators } from '../../main/store/operators';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;

// A valid request for every channel that needs an operator. Answers other than SAL-6003 (e.g.
// "run not found") show the permission check let the call through.
const SAMPLES: Record<string, unknown> = {
  'app.status': {},
  'settings.setLocale': { locale: 'pl' },
  'journal.list': { limit: 1 },
  'journal.get': { runId: 999_999 },
  'report.pdf': { kind: 'run-summary', runId: 999_999 },
  'report.print': { kind: 'run-summary', runId: 999_999 },
  'job.cancel': { jobId: 'job-999999' },
  'operators.list': {},
  'operators.save': { name: 'zz-probe', displayName: 'Probe', role: 'auditor', grants: [] },
  'audit.list': { limit: 1 },
  'audit.pdf': { limit: 1 },
  'profiles.list': {},
  'profiles.test': { name: 'no-such-profile' },
  'links.open': { url: 'http://plain.example/' },
  'secrets.list': {},
  'www.send': { period: '1999-01', mode: 'changed', dryRun: true },
  'www.notice': { audience: { kind: 'accounts', accounts: ['NO-SUCH'] }, title: 'T', body: 'B', period: '1999-01' },
  'www.premises': { period: '1999-01', limit: 1 },
  'secrets.set': { name: 'probe', value: 'probe-value' },
  'secrets.delete': { name: 'probe' },
  'source.check': { period: '1999-01' },
  'cycle.run': { period: '1999-01' },
  // Meter readings (readings.process): a tiny wmbusmeters JSON file, an unknown run and key, a mapping.
  'readings.import': { source: 'file', fileName: 'probe.json', content: Buffer.from('{"id":"99999999","timestamp":"2026-11-02T08:00:00Z","total_m3":1.5}\n').toString('base64'), format: 'wmbus-json' },
  'readings.recheck': { runId: 999_999 },
  'readings.list': { limit: 1 },
  'readings.review': { keys: ['999999'], decision: 'reject', note: 'probe' },
  'readings.history': { meterId: 'NO-SUCH' },
  'readings.mappings': {},
  'readings.saveMapping': { mapping: { name: 'probe', header: true, columns: { serial: 'serial', date: 'date', value: 'value' } } },
  // Bank statements (bank.process): an empty statement file, an unknown run, item and premises.
  'bank.import': { files: [{ fileName: 'probe.sta', content: '' }] },
  'bank.statements': { runId: 999_999 },
  'bank.items': { limit: 1 },
  'bank.assign': { itemKey: '999999', accountNo: 'NO-SUCH' },
  'bank.premises': { query: 'probe', limit: 1 },
  'bank.write': { runId: 999_999 },
  // Portal accounts (exchange.run to create codes and to sync registrations; source.read to list who
  // registered): an account the accounting data does not know (nothing is sent), the demo folder's feed.
  'accounts.create': { accounts: ['NO-SUCH-ACCOUNT'] },
  'accounts.registrationsSync': {},
  'accounts.registrations': { limit: 1 },
  // Portal payments (exchange.run to import; source.read to list) and collected funds (source.read to
  // compute, reports.print for the CSV): the demo folder's payments, a month with no bill, an unknown run.
  'accounts.paymentsImport': {},
  'accounts.payments': { limit: 1 },
  'accounts.funds': { period: '1999-01' },
  'accounts.fundsCsv': { runId: 999_999 },
};

const ROLES: Record<string, Operator> = {
  admin: { name: 'admin', displayName: 'A', role: 'administrator', grants: [] },
  olek: { name: 'olek', displayName: 'O', role: 'operator', grants: [] },
  kasia: { name: 'kasia', displayName: 'K', role: 'operator', grants: ['exchange.run'] },
  audrey: { name: 'audrey', displayName: 'Au', role: 'auditor', grants: [] },
};

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 40, months: 2 });
  b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'secret.key') } }, emit: () => {} });
  const ops = new Operators(b.ws.db);
  for (const op of Object.values(ROLES)) if (op.name !== 'admin') ops.add(op);
});
afterAll(async () => {
  await b?.close();
  ws?.cleanup();
});

describe('permissions through the dispatcher', () => {
  const channels = [...Object.entries(CALLS), ...Object.entries(JOBS)].filter(([, spec]) => !('public' in spec && spec.public));

  it('has a sample request for every channel that needs an operator', () => {
    expect(channels.map(([c]) => c).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const [who, op] of Object.entries(ROLES)) {
    it(`${who} (${op.role}${op.grants.length ? ' + ' + op.grants.join(',') : ''}) gets exactly its permissions`, async () => {
      for (const [channel, spec] of channels) {
        const r = await b.dispatcher.handle(channel, SAMPLES[channel], { session: { actor: b.ws.operators.find(who) }, trustedSender: true });
        const denied = !r.ok && r.error.code === 'SAL-6003';
        const allowed = spec.permission === null || can(op, spec.permission as Permission);
        expect({ channel, denied }).toEqual({ channel, denied: !allowed });
        if (r.ok && 'jobId' in (r.value as object)) await b.jobs.wait((r.value as { jobId: string }).jobId);
      }
    });
  }
});

describe('permissions through the CLI', () => {
  const saldo = (...args: string[]) =>
    spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), '--config', ws.configFile, '--json', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('an auditor can read the journal and the audit log but cannot run the exchange or manage operators', () => {
    expect(saldo('--operator', 'audrey', 'journal').status).toBe(0);
    const audit = saldo('--operator', 'audrey', 'audit', '--limit', '5');
    expect(audit.status).toBe(0);
    expect(Array.isArray(JSON.parse(audit.stdout))).toBe(true);
    for (const args of [['cycle', '--period', ws.period], ['operators', 'list'], ['operators', 'add', 'mallory', '--role', 'administrator']]) {
      const r = saldo('--operator', 'audrey', ...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(JSON.parse(r.stdout).errors[0].code).toBe('SAL-6003');
    }
  });

  it('an operator cannot read the audit log; an administrator can do all of it', () => {
    expect(JSON.parse(saldo('--operator', 'olek', 'audit').stdout).errors[0].code).toBe('SAL-6003');
    expect(saldo('--operator', 'admin', 'operators', 'list').status).toBe(0);
    expect(saldo('--operator', 'admin', 'audit', '--limit', '3').status).toBe(0);
  });
});
