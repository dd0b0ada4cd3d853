// Meter readings over HTTPS from the loopback test portal (every request checked against
// docs/portal-api.json): paging by cursor across several pages, acknowledgements seen by the portal
// with outcomes and codes, a second import that asks from the stored cursor and gets nothing old,
// and acknowledgements that did not reach the portal, kept and sent with the next import.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadingsImportSummary } from '../../shared/ipc/contract-readings';
import { createBackend, type Backend } from '../../main/engine/backend';
import type { JobContext } from '../../main/engine/jobs';
import { openPortal } from '../../main/portal/open';
import type { FeedReading } from '../../main/portal/port';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { importReadings } from '../../main/readings/service';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let portal: PortalServer;
let items: FeedReading[];

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {} });
const run = (): Promise<ReadingsImportSummary> =>
  importReadings(b.ws, b.ws.operators.find('admin')!, { source: 'portal' }, ctx(), () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()), { pageSize: 40 });

const feedGets = () => portal.requests.filter((q) => q.method === 'GET' && q.path.startsWith('/v1/readings'));
const ackedItems = () => (portal.acks as Array<{ feed: string; items: Array<{ id: string; outcome: string; code?: string }> }>).flatMap((a) => a.items);

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 200, months: 3, seed: 'readings-https' });
  const dir = join(demo.dir, 'portal', 'inbox', 'readings');
  items = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!), 'utf8')).items;
  portal = await startPortalServer();
  portal.feeds.readings.push(...(items as never[]));
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

describe('readings over HTTPS', () => {
  let first: ReadingsImportSummary;

  it('reads every page by cursor and acknowledges every reading once, with its outcome and code', async () => {
    first = await run();
    expect(first.status).toBe('completed');
    expect(first.read).toBe(items.length);
    // One request per page of 40, and every item exactly once: each page asked after the last.
    expect(feedGets().length).toBe(Math.ceil(items.length / 40));
    expect(b.ws.db.prepare(`SELECT cursor FROM readings_cursor WHERE feed = 'readings'`).pluck().get()).toBe(String(items.length));
    const acked = ackedItems();
    expect(acked.map((a) => a.id).sort()).toEqual(items.map((i) => i.id).sort());
    const outcomes = { accepted: 0, held: 0, rejected: 0 };
    for (const a of acked) outcomes[a.outcome as keyof typeof outcomes]++;
    expect(outcomes).toEqual({ accepted: first.accepted, held: first.held, rejected: first.rejected + first.duplicates + first.superseded });
    for (const a of acked) {
      if (a.outcome === 'accepted') expect(a.code).toBeUndefined();
      else expect(a.code).toMatch(/^SAL-20\d\d$/);
    }
    const noMeter = items.find((i) => i.meter_id === 'M99999999')!;
    expect(acked.find((a) => a.id === noMeter.id)).toMatchObject({ outcome: 'rejected', code: 'SAL-2001' });
    expect(portal.violations).toEqual([]);
  });

  it('a second import asks from the stored cursor and gets nothing already processed', async () => {
    const before = feedGets().length;
    const acks = portal.acks.length;
    const again = await run();
    expect(again).toMatchObject({ status: 'completed', read: 0 });
    expect(feedGets().length).toBe(before + 1);
    expect(portal.acks.length).toBe(acks);
  });

  it('acknowledgements that do not reach the portal stay pending (a warning), and go with the next import', async () => {
    const base = items.find((i) => i.meter_id === 'M99999999')!;
    portal.feeds.readings.push({ ...base, id: 'late-1' } as never, { ...base, id: 'late-2' } as never);
    portal.dieAfter(0); // every write (the acknowledgements) is cut off; reading the feed still works
    const s = await run();
    portal.revive();
    expect(s.status).toBe('completed');
    expect(s.read).toBe(2);
    expect(s.errors.map((p) => p.code)).toContain('SAL-2057');
    expect(ackedItems().some((a) => a.id === 'late-1')).toBe(false);
    expect(b.ws.db.prepare(`SELECT COUNT(*) FROM readings_archive WHERE ack = 'pending'`).pluck().get()).toBe(2);
    const next = await run();
    expect(next.read).toBe(0);
    expect(ackedItems().filter((a) => a.id.startsWith('late-')).map((a) => a.outcome)).toEqual(['rejected', 'rejected']);
    expect(b.ws.db.prepare(`SELECT COUNT(*) FROM readings_archive WHERE ack = 'pending'`).pluck().get()).toBe(0);
  });

  it('an operator without the exchange right cannot read the portal feed (seed 000), but may import a file', async () => {
    const ops = b.ws.operators;
    ops.add({ name: 'olek', displayName: 'Olek', role: 'operator' });
    const olek = ops.find('olek')!;
    const r = await b.dispatcher.handle('readings.import', { source: 'portal' }, { session: { actor: olek }, trustedSender: true });
    expect(r.ok).toBe(true);
    const fin = (await b.jobs.wait((r as { ok: true; value: { jobId: string } }).value.jobId))!;
    expect(fin.status).toBe('failed');
    expect(fin.error?.code).toBe('SAL-6003');
  });
});
