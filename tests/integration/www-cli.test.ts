// `saldo www send` and `saldo www notice` as operators' scripts use them: the stable --json shape
// and the exit codes (3 when a guard stopped the send).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
const saldo = (...args: string[]) =>
  spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), '--config', ws.configFile, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, SALDO_LANG: 'en' } });

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 150, months: 2, seed: 'cli-www' });
});
afterAll(() => ws?.cleanup());

describe('saldo www', () => {
  it('send --dry-run previews in the documented JSON shape and writes nothing', () => {
    const r = saldo('www', 'send', '--period', ws.period, '--mode', 'all', '--dry-run', '--json');
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(Object.keys(s).sort()).toEqual(['categories', 'dryRun', 'errors', 'mode', 'period', 'runId', 'status'].sort());
    expect(s).toMatchObject({ status: 'completed', period: ws.period, mode: 'all', dryRun: true });
    for (const c of ['accounts', 'services', 'providers', 'residents', 'beneficiaries', 'balances', 'charges', 'meters']) {
      for (const k of ['sent', 'unchanged', 'skipped', 'notInBilling', 'errors']) expect(s.categories[c], `${c}.${k}`).toHaveProperty(k);
    }
    expect(s.categories.accounts.errors[0]).toMatchObject({ code: expect.stringMatching(/^SAL-10/), severity: expect.any(String), message: expect.any(String), hint: expect.any(String) });
    expect(existsSync(join(ws.dir, 'portal', 'outbox', 'manifest.jsonl'))).toBe(false);
  });

  it('sends all, then changed sends nothing; --categories and --accounts narrow it', () => {
    const all = JSON.parse(saldo('www', 'send', '--period', ws.period, '--mode', 'all', '--json').stdout);
    expect(all.status).toBe('completed');
    expect(all.categories.accounts.sent).toBeGreaterThan(50);
    const changed = JSON.parse(saldo('--json', 'www', 'send', '--mode', 'changed', '--period', ws.period).stdout);
    expect(Object.values(changed.categories).every((c) => (c as { sent: number }).sent === 0)).toBe(true);
    const db = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    const [a, b] = db.prepare(`SELECT account_no FROM premises WHERE www = 1 AND account_no IS NOT NULL ORDER BY premises_id LIMIT 2 OFFSET 10`).pluck().all() as string[];
    db.close();
    const sel = JSON.parse(saldo('www', 'send', '--period', ws.period, '--mode', 'selected', '--accounts', `${a},${b}`, '--categories', 'accounts,charges', '--json').stdout);
    expect(Object.keys(sel.categories).sort()).toEqual(['accounts', 'charges']);
    expect(sel.categories.accounts.sent).toBe(2);
  });

  it('exits 3 when a guard stops the send, and 0 when the drop is confirmed', () => {
    const db = new Database(join(ws.dir, 'accounting.sqlite'));
    db.prepare(`UPDATE premises SET www = 0 WHERE premises_id IN (SELECT premises_id FROM premises WHERE www = 1 LIMIT 30)`).run();
    db.close();
    const stopped = saldo('www', 'send', '--period', ws.period, '--mode', 'all', '--json');
    expect(stopped.status).toBe(3);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ status: 'stopped', errors: [{ code: 'SAL-1020' }] });
    const human = saldo('www', 'send', '--period', ws.period, '--mode', 'all');
    expect(human.status).toBe(3);
    expect(human.stderr).toContain('SAL-1020');
    const ok = saldo('www', 'send', '--period', ws.period, '--mode', 'all', '--confirm-drop', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).categories.accounts.notInBilling).toBeGreaterThanOrEqual(25);
  });

  it('sends a notice to a group; refuses bad usage with exit 2', () => {
    const body = join(ws.dir, 'notice.txt');
    writeFileSync(body, 'Szanowni Państwo, 12 grudnia odbędzie się zebranie wspólnoty.\n');
    const r = saldo('www', 'notice', '--audience', 'members', '--title', 'Zebranie', '--body-file', body, '--json');
    expect(r.status, r.stderr).toBe(0);
    const n = JSON.parse(r.stdout);
    expect(n.recipients).toBeGreaterThan(10);
    const files = readFileSync(join(ws.dir, 'portal', 'outbox', 'manifest.jsonl'), 'utf8');
    expect(files).toContain('notices');
    expect(saldo('www', 'send', '--period', ws.period, '--mode', 'sometimes').status).toBe(2);
    expect(saldo('www', 'notice', '--audience', 'members', '--title', 'X', '--body-file', join(ws.dir, 'missing.txt')).status).toBe(2);
  });
});
