// The `saldo` CLI as operators' scripts use it: real processes, real files, exit codes and JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store/store';
import { Operators } from '../../main/store/operators';

const root = mkdtempSync(join(tmpdir(), 'saldo-cli-'));
const W = join(root, 'W');
const cfg = join(W, 'saldo.json');
const PERIOD = '2026-10';

function saldo(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SALDO_LANG: '', ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  const r = saldo(['demo', 'init', '--dir', W, '--premises', '400', '--months', '3', '--end-period', PERIOD, '--seed', 'cli']);
  if (r.code !== 0) throw new Error(r.err + r.out);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('saldo CLI', () => {
  it('demo init writes a complete workspace and lists the planted defects', () => {
    for (const f of ['saldo.json', 'accounting.sqlite', 'store.sqlite', 'demo-defects.json', 'portal/outbox', 'portal/inbox', 'logs', 'reports']) {
      expect(existsSync(join(W, f)), f).toBe(true);
    }
    const conf = JSON.parse(readFileSync(cfg, 'utf8'));
    expect(conf).toMatchObject({ version: 1, locale: 'pl', operator: 'admin', accounting: { kind: 'sqlite' }, portal: { transport: 'folder' } });
    const defects = JSON.parse(readFileSync(join(W, 'demo-defects.json'), 'utf8'));
    expect(defects.defects.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['duplicate_account_no', 'missing_account_no', 'bad_virtual_account_checksum', 'expired_meter']),
    );
    expect(saldo(['demo', 'init', '--dir', W]).code).toBe(1); // not empty: SAL-6007
  });

  it('cycle → journal --json → report run-summary, with --config and --json before or after the subcommand', () => {
    const c = saldo(['--config', cfg, 'cycle', '--period', PERIOD, '--json']);
    expect(c.code, c.err).toBe(0);
    const summary = JSON.parse(c.out);
    expect(summary).toMatchObject({ status: 'completed', period: PERIOD });
    expect(summary.counts.accounts).toBeGreaterThan(390);
    expect(summary.totals.charges_total).toMatch(/^\d+\.\d{2}$/);
    // The run summary, and the error report of the planted defects the send found.
    expect(summary.problems).toBeGreaterThan(0);
    expect(summary.reports).toHaveLength(2);
    expect(summary.reports[1]).toMatch(/www-errors/);
    expect(readFileSync(summary.reports[0]).subarray(0, 4).toString()).toBe('%PDF');

    const j = saldo(['journal', '--json', '--config', cfg, '--limit', '5']);
    expect(j.code).toBe(0);
    const runs = JSON.parse(j.out);
    const run = runs.find((r: { id: number }) => r.id === summary.runId);
    expect(run).toMatchObject({ kind: 'cycle', period: PERIOD, status: 'completed', operator: 'admin' });
    for (const k of ['id', 'started', 'finished', 'operator', 'kind', 'period', 'mode', 'status', 'counts']) expect(run).toHaveProperty(k);

    const out = join(root, 'out.pdf');
    const rep = saldo(['--config', cfg, 'report', 'run-summary', '--run', String(summary.runId), '--pdf', out]);
    expect(rep.code, rep.err).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const org = JSON.parse(readFileSync(cfg, 'utf8')).organisation.name as string;
    expect(text).toContain(org.replace(/\s+/g, ' '));
    expect(text).toContain(PERIOD);
  });

  it('prints a human summary in the workspace language', () => {
    const c = saldo(['--config', cfg, 'cycle', '--period', PERIOD]);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/Przebieg \d+ \(cycle, 2026-10\): zakończony/);
    expect(c.out).toContain('Zapisane raporty:');
  });

  it('uses the DESIGN exit codes: 2 for bad usage, 1 for a failure with a coded error', () => {
    expect(saldo(['--config', cfg, 'cycle', '--period', '2026-13']).code).toBe(2);
    expect(saldo(['--config', cfg, 'cycle']).code).toBe(2);
    expect(saldo(['frobnicate']).code).toBe(2);
    const missing = saldo(['--config', join(root, 'nope.json'), 'journal', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).errors[0].code).toBe('SAL-6001');
    const noData = saldo(['--config', cfg, 'cycle', '--period', '1999-01', '--json']);
    expect(noData.code).toBe(1);
    expect(JSON.parse(noData.out)).toMatchObject({ status: 'failed', errors: [{ code: 'SAL-5003' }] });
    expect(saldo(['--help']).code).toBe(0);
  });

  it('acts as a named operator and is held to that operator’s permissions', () => {
    const db = openStore(join(W, 'store.sqlite'));
    new Operators(db).add({ name: 'audrey', displayName: 'Audrey', role: 'auditor' });
    db.close();
    const denied = saldo(['--config', cfg, '--operator', 'audrey', 'cycle', '--period', PERIOD, '--json']);
    expect(denied.code).toBe(1);
    expect(JSON.parse(denied.out).errors[0]).toMatchObject({ code: 'SAL-6003' });
    expect(saldo(['--config', cfg, '--operator', 'audrey', 'journal', '--json']).code).toBe(0);
    const unknown = saldo(['--config', cfg, '--operator', 'ghost', 'journal', '--json']);
    expect(JSON.parse(unknown.out).errors[0].code).toBe('SAL-6004');
  });

  it('writes one log file per module', () => {
    expect(existsSync(join(W, 'logs', 'cycle.log'))).toBe(true);
    expect(readFileSync(join(W, 'logs', 'cycle.log'), 'utf8')).toMatch(/\[\d{4}-\d{2}-\d{2}T[\d:.]+[+-]\d{2}:?\d{2}\] \[info\]\s+run \d+ started by admin/);
  });
});
