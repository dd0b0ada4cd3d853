// The dispatcher on a real demo workspace (real SQLite files): validation, sender and permission
// checks, errors as values, long jobs with progress, cancel and the journal.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/domain/types';
import type { JobFinished, SourceCheckResult } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { Operators } from '../../main/store/operators';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
const progress: JobProgress[] = [];
const finished: JobFinished[] = [];

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 300, months: 3 });
  b = createBackend(ws.configFile, {
    ports: { pdf: new ChromiumPdfPrinter() },
    emit: (event, payload) => (event === 'job.progress' ? progress.push(payload as JobProgress) : finished.push(payload as JobFinished)),
    throttleMs: 0,
  });
  const ops = new Operators(b.ws.db);
  ops.add({ name: 'audrey', displayName: 'Audrey Auditor', role: 'auditor' });
  ops.add({ name: 'olek', displayName: 'Olek Operator', role: 'operator' });
});
afterAll(async () => {
  await b?.close();
  ws?.cleanup();
});

const admin = () => b.ws.operators.find('admin')!;
const as = (name: string) => ({ session: { actor: b.ws.operators.find(name)! }, trustedSender: true });

async function waitFor(jobId: string): Promise<JobFinished> {
  const fin = await b.jobs.wait(jobId);
  return fin ?? finished.find((f) => f.jobId === jobId)!;
}

describe('dispatcher', () => {
  it('answers a valid call with a value', async () => {
    const r = await b.dispatcher.handle('app.status', {}, as('admin'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value as any;
    expect(s.accounting).toMatchObject({ kind: 'sqlite', connected: true, label: 'accounting.sqlite' });
    expect(s.periods[0]).toBe(ws.period);
    expect(s.operator.permissions).toContain('exchange.run');
    expect(s.organisation.name).toMatch(/Spółdzielnia|Wspólnota/);
  });

  it('rejects unknown channels, bad arguments and extra fields as values (SAL-6005), never throwing', async () => {
    const unknown = await b.dispatcher.handle('fs.readFile', { path: '/etc/passwd' }, as('admin'));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'SAL-6005' } });
    const badPeriod = await b.dispatcher.handle('source.check', { period: '2026-13' }, as('admin'));
    expect(badPeriod).toMatchObject({ ok: false, error: { code: 'SAL-6005' } });
    if (!badPeriod.ok) expect(badPeriod.error.message).toContain('period');
    const extra = await b.dispatcher.handle('journal.list', { limit: 5, sql: 'DROP TABLE runs' }, as('admin'));
    expect(extra).toMatchObject({ ok: false, error: { code: 'SAL-6005' } });
    const wrongType = await b.dispatcher.handle('journal.get', { runId: '1; DROP TABLE runs' }, as('admin'));
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'SAL-6005' } });
    const notObject = await b.dispatcher.handle('journal.list', 'x'.repeat(1_000_000), as('admin'));
    expect(notObject).toMatchObject({ ok: false, error: { code: 'SAL-6005' } });
    expect(b.ws.db.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get('runs')).toEqual({ n: 1 });
  });

  it('rejects an untrusted sender (SAL-6006) and a missing operator (SAL-6004)', async () => {
    expect(await b.dispatcher.handle('journal.list', {}, { session: { actor: admin() }, trustedSender: false, senderLabel: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'SAL-6006' },
    });
    expect(await b.dispatcher.handle('journal.list', {}, { session: { actor: null }, trustedSender: true })).toMatchObject({ ok: false, error: { code: 'SAL-6004' } });
  });

  it('holds each role to its permissions (SAL-6003)', async () => {
    const denied = await b.dispatcher.handle('source.check', { period: ws.period }, as('audrey'));
    expect(denied).toMatchObject({ ok: false, error: { code: 'SAL-6003' } });
    if (!denied.ok) expect(denied.error.message).toContain('source.read');
    expect((await b.dispatcher.handle('journal.list', {}, as('audrey'))).ok).toBe(true);
    expect((await b.dispatcher.handle('cycle.run', { period: ws.period }, as('audrey'))).ok).toBe(false);
  });

  it('runs a long job with moving progress, journals it, and reports the result', async () => {
    progress.length = 0;
    const r = await b.dispatcher.handle('source.check', { period: ws.period }, as('olek'));
    expect(r.ok).toBe(true);
    const { jobId } = (r as { ok: true; value: { jobId: string } }).value;
    const fin = await waitFor(jobId);
    expect(fin.status).toBe('completed');
    const res = fin.result as SourceCheckResult;
    const mine = progress.filter((p) => p.jobId === jobId);
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.map((p) => p.done)).toEqual([...mine.map((p) => p.done)].sort((a, b) => a - b));
    expect(mine.at(-1)!.done).toBe(mine.at(-1)!.total);
    const run = b.ws.journal.get(res.runId)!;
    expect(run).toMatchObject({ status: 'completed', kind: 'source-check', operator: 'olek', period: ws.period });
    // Counts agree with the accounting database itself.
    const acc = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    const services = (acc.prepare('SELECT count(*) AS n FROM services').get() as { n: number }).n;
    acc.close();
    expect(run.counts.services).toBe(services);
    expect(run.counts.accounts).toBe(ws.generated.counts.premises);
    // Seven turnover rows per account; the planted premises without an account number has none.
    const unnumbered = ws.generated.defects.filter((d) => d.kind === 'missing_account_no').length;
    expect(unnumbered).toBeGreaterThan(0);
    expect(run.counts.balances).toBe((run.counts.accounts - unnumbered) * 7);
    expect(Number(run.totals.charges_total)).toBeGreaterThan(0);
  });

  it('cancels a running job by id: the run ends cancelled, not completed', async () => {
    const r = await b.dispatcher.handle('cycle.run', { period: ws.period }, as('admin'));
    const { jobId } = (r as { ok: true; value: { jobId: string } }).value;
    const c = await b.dispatcher.handle('job.cancel', { jobId }, as('admin'));
    expect(c).toEqual({ ok: true, value: { cancelled: true } });
    const fin = await waitFor(jobId);
    expect(fin.status).toBe('cancelled');
    const runId = (fin.result as SourceCheckResult).runId;
    expect(b.ws.journal.get(runId)!.status).toBe('cancelled');
    expect(await b.dispatcher.handle('job.cancel', { jobId }, as('admin'))).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('fails a period the source has no data for with SAL-5003, as a value in the journal', async () => {
    const r = await b.dispatcher.handle('source.check', { period: '1999-01' }, as('admin'));
    const fin = await waitFor((r as { ok: true; value: { jobId: string } }).value.jobId);
    expect(fin.status).toBe('failed');
    expect(fin.error?.code).toBe('SAL-5003');
    expect(b.ws.journal.get((fin.result as SourceCheckResult).runId)!.problems[0].code).toBe('SAL-5003');
  });

  it('saves a run summary PDF into the workspace and audits it', async () => {
    const runs = b.ws.journal.list(1);
    const r = await b.dispatcher.handle('report.pdf', { kind: 'run-summary', runId: runs[0].id }, as('audrey'));
    expect(r.ok).toBe(true);
    const saved = (r as { ok: true; value: { file: string; bytes: number } }).value;
    expect(saved.file.startsWith(join(ws.dir, 'reports'))).toBe(true);
    expect(saved.bytes).toBeGreaterThan(1000);
    expect(b.ws.audit.list(5).some((a) => a.action === 'report.save' && a.operator === 'audrey')).toBe(true);
    expect(await b.dispatcher.handle('report.pdf', { kind: 'nope', runId: runs[0].id }, as('admin'))).toMatchObject({ ok: false, error: { code: 'SAL-6009' } });
    expect(await b.dispatcher.handle('report.pdf', { kind: 'run-summary', runId: 999999 }, as('admin'))).toMatchObject({ ok: false, error: { code: 'SAL-6008' } });
  });
});
