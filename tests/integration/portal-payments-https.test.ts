// Portal payments over HTTPS from the loopback test portal (every request checked against
// docs/portal-api.json): the demo month paged by cursor, a payment sent twice and one for an unknown
// account; a portal that dies in the middle of the run (after two pages, every later page cut off
// half-way) — nothing half-booked, the run fails, and a re-run finishes the job with nothing
// doubled; acknowledgements that do not reach the portal, owed and sent by the next import.

import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentsImportSummary } from '../../shared/ipc/contract-accounts';
import { importPaymentsFromPortal } from '../../main/accounts/payments/import';
import { DEMO_UNKNOWN_ACCOUNT } from '../../main/accounts/payments-demo';
import { createBackend, type Backend } from '../../main/engine/backend';
import type { JobContext } from '../../main/engine/jobs';
import { openPortal } from '../../main/portal/open';
import type { FeedPayment, PortalGateway } from '../../main/portal/port';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let portal: PortalServer;
let items: FeedPayment[];

const PAGE = 20;
const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {} });

/** The real HTTPS gateway; `onPage(n)` runs after the n-th page arrived (to make the portal fail from then on). */
function opener(onPage?: (n: number) => void) {
  return async (): Promise<PortalGateway> => {
    const gw = await openPortal(b.ws.cfg, b.secrets, b.ws.locale());
    if (!onPage) return gw;
    let pages = 0;
    return new Proxy(gw, {
      get(target, prop) {
        // The gateway keeps private fields: its methods run on the gateway itself, not the proxy.
        if (prop !== 'fetchFeed') {
          const v = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        }
        return async (...args: Parameters<PortalGateway['fetchFeed']>) => {
          const page = await target.fetchFeed(...args);
          onPage(++pages);
          return page;
        };
      },
    });
  };
}
const run = (onPage?: (n: number) => void): Promise<PaymentsImportSummary> => importPaymentsFromPortal(b.ws, b.ws.operators.find('admin')!, ctx(), opener(onPage), { pageSize: PAGE });

const feedGets = () => portal.requests.filter((q) => q.method === 'GET' && q.path.startsWith('/v1/payments'));
const ackedItems = () => (portal.acks as Array<{ feed: string; items: Array<{ id: string; outcome: string; code?: string; message?: string }> }>).filter((a) => a.feed === 'payments').flatMap((a) => a.items);
const booked = () => {
  const db = new Database(join(demo.dir, 'accounting.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT payment_id) AS ids, COALESCE(SUM(amount), 0) AS sum FROM portal_payments`).get() as { n: number; ids: number; sum: number };
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 200, months: 3, seed: 'payments-https' });
  const dir = join(demo.dir, 'portal', 'inbox', 'payments');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  items = files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).items as FeedPayment[]);
  portal = await startPortalServer();
  // The month, and the payment the portal sends twice right after it.
  portal.feeds.payments.push(...(items as never[]));
  const cfg = JSON.parse(readFileSync(demo.configFile, 'utf8'));
  cfg.portal = { transport: 'https', baseUrl: portal.url, tokenSecret: 'portal-token', retries: 1, batchTimeoutMs: 5000 };
  writeFileSync(demo.configFile, JSON.stringify(cfg));
  b = createBackend(demo.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(demo.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
  await b.secrets.set('portal-token', portal.token);
});
afterAll(async () => {
  await b?.close();
  await portal?.close();
  demo?.cleanup();
});

describe('portal payments over HTTPS', () => {
  const unique = () => new Map(items.map((i) => [i.id, i]));
  const want = () => [...unique().values()].filter((i) => i.account_no !== DEMO_UNKNOWN_ACCOUNT);

  it('the portal dies after two pages: those are booked and their cursor kept, nothing of the third is, and the run fails', async () => {
    expect(items.length).toBeGreaterThan(3 * PAGE);
    const s = await run((n) => {
      if (n === 2) portal.cutFeedAnswers(1000); // every later page (and its retry) breaks off half-way
    });
    portal.reset();
    expect(s.status).toBe('failed');
    expect(s.errors.at(-1)!.code).toMatch(/^SAL-40\d\d$/);
    expect(s.read).toBe(2 * PAGE);
    const firstTwo = items.slice(0, 2 * PAGE).filter((i) => i.account_no !== DEMO_UNKNOWN_ACCOUNT);
    expect(booked()).toEqual({ n: firstTwo.length, ids: firstTwo.length, sum: firstTwo.reduce((t, i) => t + i.amount, 0) });
    expect(b.ws.db.prepare(`SELECT cursor FROM portal_payments_cursor WHERE feed = 'payments'`).pluck().get()).toBe(String(2 * PAGE));
    // What was booked was acknowledged before the portal died.
    expect(new Set(ackedItems().map((a) => a.id))).toEqual(new Set(items.slice(0, 2 * PAGE).map((i) => i.id)));
    expect(portal.violations).toEqual([]);
  });

  it('a re-run finishes the job from the stored cursor: every payment booked once, the twice-sent one once, the unknown account rejected', async () => {
    const gets = feedGets().length;
    const s = await run();
    expect(s.status).toBe('completed');
    // Asked from the stored cursor: the portal served only what follows the first two pages.
    expect(s.read).toBe(items.length - 2 * PAGE);
    expect(feedGets().length - gets).toBe(Math.ceil((items.length - 2 * PAGE) / PAGE));
    const w = want();
    expect(booked()).toEqual({ n: w.length, ids: w.length, sum: w.reduce((t, i) => t + i.amount, 0) });
    expect(s.duplicates).toBe(1);
    const acked = ackedItems();
    expect(new Set(acked.map((a) => a.id))).toEqual(new Set(unique().keys()));
    const unknown = items.find((i) => i.account_no === DEMO_UNKNOWN_ACCOUNT)!;
    expect(acked.filter((a) => a.id === unknown.id).at(-1)).toMatchObject({ outcome: 'rejected', code: 'SAL-4150', message: expect.stringContaining(DEMO_UNKNOWN_ACCOUNT) });
    for (const a of acked.filter((x) => x.id !== unknown.id)) expect(a.outcome).toBe('accepted');
    expect(portal.violations).toEqual([]);
  });

  it('acknowledgements that do not reach the portal stay owed (a warning) and go with the next import', async () => {
    const base = items[1];
    portal.feeds.payments.push({ ...base, id: 'late-1', amount: 501 } as never, { ...base, id: 'late-2', account_no: DEMO_UNKNOWN_ACCOUNT } as never);
    const before = booked();
    portal.dieAfter(0); // every write (the acknowledgements) is cut off; reading the feed still works
    const s = await run();
    portal.revive();
    expect(s).toMatchObject({ status: 'completed', read: 2, booked: 1, rejected: 1, acknowledged: 0, pendingAcks: 2 });
    expect(s.errors.map((p) => p.code)).toContain('SAL-4156');
    expect(booked().n).toBe(before.n + 1);
    expect(ackedItems().some((a) => a.id.startsWith('late-'))).toBe(false);
    const next = await run();
    expect(next).toMatchObject({ status: 'completed', read: 0, acknowledged: 2, pendingAcks: 0 });
    expect(ackedItems().filter((a) => a.id.startsWith('late-')).map((a) => [a.id, a.outcome])).toEqual([
      ['late-1', 'accepted'],
      ['late-2', 'rejected'],
    ]);
    expect(booked().n).toBe(before.n + 1);
    expect(portal.violations).toEqual([]);
  });
});
