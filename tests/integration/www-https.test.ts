// Data to WWW over HTTPS against the loopback test portal (every request checked against
// docs/portal-api.json): a portal that dies half-way, then "send changed" delivers exactly the
// remainder; a 5xx that recovers is applied once; a 4xx fails the send with a clear code.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobFinished, WwwSendSummary } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let portal: PortalServer;

async function send(req: Record<string, unknown>): Promise<{ fin: JobFinished; s: WwwSendSummary }> {
  const r = await b.dispatcher.handle('www.send', { period: ws.period, ...req }, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const fin = (await b.jobs.wait((r.value as { jobId: string }).jobId))!;
  return { fin, s: fin.result as WwwSendSummary };
}

/** Keys of one category, from the requests the portal answered 200 (applied), in order. */
function appliedKeys(category: string): string[] {
  return portal.requests
    .filter((q) => q.method === 'PUT' && q.path.endsWith(`/${category}`) && q.status === 200)
    .flatMap((q) => (JSON.parse(q.body).records as Array<{ key: string }>).map((r) => r.key));
}

function deliveredKeys(category: string): string[] {
  return b.ws.db.prepare(`SELECT record_key FROM www_delivered WHERE category = ? AND period = ? ORDER BY record_key`).pluck().all(category, ws.period) as string[];
}

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 300, months: 2, seed: 'https' });
  portal = await startPortalServer();
  const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
  cfg.portal = { transport: 'https', baseUrl: portal.url, tokenSecret: 'portal-token', retries: 2, batchTimeoutMs: 5000 };
  cfg.www = { batchSize: 40 };
  writeFileSync(ws.configFile, JSON.stringify(cfg));
  b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
  await b.secrets.set('portal-token', portal.token);
});
afterAll(async () => {
  await b?.close();
  await portal?.close();
  ws?.cleanup();
});

describe('Data to WWW over HTTPS', () => {
  it('a portal that dies half-way: the send fails, and only the batches it answered are recorded as delivered', async () => {
    portal.dieAfter(4);
    const { fin } = await send({ mode: 'all', categories: ['accounts', 'balances'] });
    expect(fin.status).toBe('failed');
    expect(fin.error?.code).toMatch(/^SAL-40(06|07)$/);
    expect(deliveredKeys('accounts')).toEqual([...new Set(appliedKeys('accounts'))].sort());
    expect(deliveredKeys('accounts').length).toBeGreaterThan(0);
  });

  it('then send changed delivers exactly the remainder: every record once, nothing twice', async () => {
    portal.revive();
    const before = appliedKeys('accounts').length;
    const { fin, s } = await send({ mode: 'changed', categories: ['accounts', 'balances'] });
    expect(fin.status).toBe('completed');
    const all = appliedKeys('accounts');
    expect(new Set(all).size).toBe(all.length); // no key applied twice across both sends
    expect(all.length).toBe(before + s.categories.accounts!.sent);
    const again = await send({ mode: 'changed', categories: ['accounts', 'balances'] });
    expect(again.s.categories.accounts!.sent + again.s.categories.balances!.sent).toBe(0);
    for (const [id, n] of portal.applied) expect(n, id).toBe(1);
    expect(portal.violations).toEqual([]);
  });

  it('a 5xx that recovers is retried with the same idempotency key and applied once', async () => {
    const acc = new Database(join(ws.dir, 'accounting.sqlite'));
    const key = deliveredKeys('accounts')[0];
    acc.prepare(`UPDATE premises SET info1 = 'Przegląd gazowy 3 grudnia' WHERE account_no = ?`).run(key);
    acc.close();
    portal.fail5xx(2);
    const { fin, s } = await send({ mode: 'changed', categories: ['accounts'] });
    expect(fin.status).toBe('completed');
    expect(s.categories.accounts!.sent).toBe(1);
    const tries = portal.requests.filter((q) => q.method === 'PUT' && q.body.includes(key)).slice(-3);
    expect(tries.map((q) => q.status)).toEqual([503, 503, 200]);
    expect(new Set(tries.map((q) => q.idempotencyKey)).size).toBe(1);
  });

  it('a 4xx fails the send at once with a clear code and records nothing of that batch', async () => {
    const acc = new Database(join(ws.dir, 'accounting.sqlite'));
    const key = deliveredKeys('accounts')[1];
    acc.prepare(`UPDATE premises SET info2 = 'Nowy numer telefonu administracji' WHERE account_no = ?`).run(key);
    acc.close();
    portal.reject4xx(422, { code: 'BAD', message: 'unprocessable', times: 5 });
    const n = portal.requests.length;
    const { fin } = await send({ mode: 'changed', categories: ['accounts'] });
    expect(fin.status).toBe('failed');
    expect(fin.error?.code).toBe('SAL-4004');
    expect(portal.requests.length - n).toBe(1); // no retry on 4xx
    portal.reset();
    const { s } = await send({ mode: 'changed', categories: ['accounts'] });
    expect(s.categories.accounts!.sent).toBe(1); // still pending, sent once the portal takes it
  });
});
