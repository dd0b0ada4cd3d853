// `saldo cycle` gains the registrations step: the demo portal's registrations reach the accounting
// database's registered_accounts within the cycle's own journaled run, and a second cycle reads
// nothing again and removes nothing.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceCheckResult } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;

async function cycle(): Promise<SourceCheckResult> {
  const r = await b.dispatcher.handle('cycle.run', { period: ws.period }, { session: { actor: b.ws.operators.find('admin')! }, trustedSender: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const fin = (await b.jobs.wait((r.value as { jobId: string }).jobId))!;
  expect(fin.status, JSON.stringify(fin.error)).toBe('completed');
  return fin.result as SourceCheckResult;
}

const registered = () => {
  const db = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT account_no FROM registered_accounts ORDER BY account_no').pluck().all() as string[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 150, months: 2, seed: 'registrations-cycle' });
  b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
});
afterAll(async () => {
  await b?.close();
  ws?.cleanup();
});

describe('saldo cycle: the registrations step', () => {
  it('brings the portal registrations into registered_accounts as part of the cycle’s run', async () => {
    const first = await cycle();
    expect(first.counts['registrations.read']).toBeGreaterThan(3);
    expect(first.counts['registrations.deleted']).toBe(1);
    expect(first.counts['registrations.acknowledged']).toBe(first.counts['registrations.read']);
    expect(registered()).toHaveLength(first.counts['registrations.inserted'] - 1);
    expect(b.ws.db.prepare(`SELECT DISTINCT run_id FROM portal_registrations`).pluck().all()).toEqual([first.runId]);
  });

  it('a second cycle reads nothing again and removes nothing', async () => {
    const before = registered();
    const second = await cycle();
    expect(second.counts['registrations.read'] ?? 0).toBe(0);
    expect(registered()).toEqual(before);
  });
});
