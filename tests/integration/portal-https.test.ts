// The HTTPS portal transport against a real portal on loopback (tests/support/portal-server.ts)
// that checks every request and answer against docs/portal-api.json.
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema, type LoadedConfig } from '../../main/engine/config';
import { FolderPortalGateway } from '../../main/portal/folder/gateway';
import { HttpsPortalGateway, parseRetryAfter, type HttpsPortalOptions } from '../../main/portal/https/gateway';
import { isLoopbackHost } from '../../main/portal/https/url';
import { openPortal } from '../../main/portal/open';
import type { Batch, PortalRecord } from '../../main/portal/port';
import { ProblemError } from '../../shared/errors/problem';
import { PortalServer } from '../support/portal-server';

const TOKEN = 'Pl4nted-P0rtal-T0ken-9c2e7a';

const account = (no: string, owner = 'Anna Nowak'): PortalRecord => ({
  key: no,
  status: 'active',
  data: {
    account_no: no,
    premises_kind: 'residential',
    building: 'B012',
    address: 'ul. Lipowa 12, 20-001 Lublin',
    unit: '15',
    area_m2: '48.20',
    residents_count: 2,
    owner_name: owner,
    portal_group: 'member',
    virtual_account: '12105000997603123456789123',
    info1: null,
    info2: 'klatka II',
    info3: null,
    info4: null,
    status: 'active',
  },
});

const charges = (no: string): PortalRecord => ({
  key: no,
  status: 'active',
  data: { rows: [{ service_code: 'EKS', debt_brought_forward: '12.50', quantity: '48.2000', tariff: '3.4500', amount: '166.29', recalculation: '-1.20', total: '177.59' }] },
});

let n = 0;
function batch(records: PortalRecord[], over: Partial<Batch> = {}): Batch {
  n++;
  return { batchId: `run-7-accounts-${n}`, period: '2025-03', category: 'accounts', mode: 'partial', seq: 1, last: true, records, ...over };
}

let server: PortalServer;
const logs: string[] = [];

function gateway(over: Partial<HttpsPortalOptions> = {}): HttpsPortalGateway {
  return new HttpsPortalGateway({ baseUrl: server.url, token: TOKEN, batchTimeoutMs: 2000, retries: 3, backoffMs: 5, log: (l) => logs.push(l), ...over });
}

async function rejection(p: Promise<unknown>): Promise<ProblemError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected a ProblemError').toBeInstanceOf(ProblemError);
  return e as ProblemError;
}

function expectNoToken(...things: unknown[]): void {
  for (const t of things) {
    const text = typeof t === 'string' ? t : `${inspect(t, { depth: 8, showHidden: true })} ${JSON.stringify(t) ?? ''} ${(t as Error)?.stack ?? ''}`;
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
  }
}

beforeAll(async () => {
  server = await new PortalServer({ token: TOKEN }).start();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  server.reset();
  const violations = server.violations.splice(0);
  const lines = logs.splice(0);
  // Whatever happened, Saldo never sent anything the API does not allow, and the portal never answered outside it.
  expect(violations).toEqual([]);
  expectNoToken(lines.join('\n'));
});

describe('HTTPS portal transport', () => {
  it('delivers batches and a notice as the OpenAPI file documents them', async () => {
    const g = gateway();
    expect(g.info).toEqual({ transport: 'https', label: new URL(server.url).host });
    const b1 = batch([account('01-0001'), account('01-0002'), { key: '01-0003', status: 'not_in_billing' }], { mode: 'full', seq: 1, last: false });
    const b2 = batch([account('01-0004')], { mode: 'full', seq: 2, last: true });
    expect(await g.putBatch(b1)).toEqual({ accepted: 3, rejected: [] });
    expect(await g.putBatch(b2)).toEqual({ accepted: 1, rejected: [] });
    const c = batch([charges('01-0001')], { category: 'charges' });
    expect(await g.putBatch(c)).toEqual({ accepted: 1, rejected: [] });
    const s = batch([{ key: 'EKS', status: 'active', data: { code: 'EKS', name: 'Eksploatacja', unit: 'm2', tariff: '3.4500', provider_code: 'P01' } }], { category: 'services' });
    expect(await g.putBatch(s)).toEqual({ accepted: 1, rejected: [] });
    const notice = { noticeId: 'notice-42', period: '2025-03', audience: { kind: 'members' as const }, title: 'Przegląd gazowy', body: 'W dniach 12–14 marca odbędzie się przegląd instalacji gazowej.' };
    expect(await g.putNotice(notice)).toEqual({ accepted: 1, rejected: [] });

    const req = server.requestsFor(b1.batchId);
    expect(req).toHaveLength(1);
    expect(req[0]).toMatchObject({ method: 'PUT', path: '/v1/periods/2025-03/accounts', status: 200 });
    expect(req[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req[0].headers['idempotency-key']).toBe(b1.batchId);
    expect(JSON.parse(req[0].body)).toEqual({ batchId: b1.batchId, mode: 'full', seq: 1, last: false, records: b1.records });
    expect(server.record('2025-03', 'accounts', '01-0002')).toMatchObject({ status: 'active', batchId: b1.batchId });
    expect(server.record('2025-03', 'charges', '01-0001')?.data).toEqual((c.records[0].data as object));
    expect(server.requestsFor('notice-42')[0]).toMatchObject({ method: 'POST', path: '/v1/notices' });
    expect(server.notices).toEqual([notice]);
    expect(await g.takeReceipts()).toEqual([]);
    await g.close();
  });

  it('the test portal really checks requests against the OpenAPI file', async () => {
    // A request Saldo would never send: the portal answers 400 naming the violation.
    const res = await fetch(`${server.url}/v1/periods/2025-03/accounts`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'idempotency-key': 'x-1', 'content-type': 'application/json' },
      body: JSON.stringify({ batchId: 'x-1', mode: 'full', seq: 1, last: true, records: [{ key: 'a', status: 'active', data: { rows: [] } }] }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/records\[0\]\.data/);
    const noKey = await fetch(`${server.url}/v1/notices`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    expect(noKey.status).toBe(400);
    expect(server.violations).toHaveLength(2);
    server.violations.length = 0;
  });

  it('retries 5xx with the same Idempotency-Key, and the portal applies the batch once', async () => {
    server.fail5xx(2);
    const b = batch([account('02-0001'), account('02-0002')]);
    expect(await gateway().putBatch(b)).toEqual({ accepted: 2, rejected: [] });
    const tries = server.requestsFor(b.batchId);
    expect(tries.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(new Set(tries.map((r) => r.body)).size).toBe(1);
    expect(server.applied.get(b.batchId)).toBe(1);
    expect(logs.some((l) => l.includes('HTTP 503') && l.includes(b.batchId))).toBe(true);
  });

  it('gives up after the retries on a portal that stays down: nothing delivered, a clear code', async () => {
    server.fail5xx(100);
    const b = batch([account('02-0003')]);
    const e = await rejection(gateway({ retries: 2 }).putBatch(b));
    expect(e.problem.code).toBe('SAL-4005');
    expect(e.problem.message).toContain('503');
    expect(server.requestsFor(b.batchId)).toHaveLength(3);
    expect(server.applied.get(b.batchId)).toBeUndefined();
  });

  it('does not retry a 4xx, and names the status and the portal’s message', async () => {
    server.reject4xx(422, { code: 'unknown_building', message: 'building B999 is not on this portal' });
    const b = batch([account('03-0001')]);
    const e = await rejection(gateway().putBatch(b));
    expect(e.problem.code).toBe('SAL-4004');
    expect(e.problem.message).toContain('422');
    expect(e.problem.message).toContain('building B999 is not on this portal');
    expect(server.requestsFor(b.batchId)).toHaveLength(1);
    expect(server.applied.get(b.batchId)).toBeUndefined();
  });

  it('a refused token gets its own code, without retries', async () => {
    const b = batch([account('03-0002')]);
    const e = await rejection(gateway({ token: 'not-the-right-token' }).putBatch(b));
    expect(e.problem.code).toBe('SAL-4003');
    expect(e.problem.message).toContain('401');
    expect(server.requestsFor(b.batchId)).toHaveLength(1);

    server.reject4xx(403);
    const b2 = batch([account('03-0003')]);
    expect((await rejection(gateway().putBatch(b2))).problem.code).toBe('SAL-4003');
    expect(server.requestsFor(b2.batchId)).toHaveLength(1);
  });

  it('reports the records the portal rejected; only those are not delivered', async () => {
    server.rejectKeys(['04-0002']);
    const b = batch([account('04-0001'), account('04-0002'), account('04-0003')]);
    const r = await gateway().putBatch(b);
    expect(r.accepted).toBe(2);
    expect(r.rejected).toEqual([{ key: '04-0002', code: 'PORTAL-REJECTED', message: 'the test portal rejects 04-0002' }]);
    expect(server.record('2025-03', 'accounts', '04-0002')).toBeUndefined();
    expect(server.record('2025-03', 'accounts', '04-0003')?.status).toBe('active');
  });

  it('a portal that dies half-way: earlier batches resolved, the one in flight rejects, nothing recorded for it', async () => {
    const g = gateway({ retries: 2 });
    const batches = [1, 2, 3, 4].map((i) => batch([account(`05-000${i}`)], { mode: 'full', seq: i, last: i === 4 }));
    server.dieAfter(server['batchesDone'] + 2);
    const outcomes: (string | number)[] = [];
    for (const b of batches) {
      try {
        outcomes.push((await g.putBatch(b)).accepted);
      } catch (e) {
        outcomes.push((e as ProblemError).problem.code);
        break; // the send engine stops at the first batch that fails
      }
    }
    expect(outcomes).toEqual([1, 1, 'SAL-4006']);
    expect(server.requestsFor(batches[2].batchId).map((r) => r.status)).toEqual(['destroyed', 'destroyed', 'destroyed']);
    expect(server.applied.get(batches[2].batchId)).toBeUndefined();
    expect(server.record('2025-03', 'accounts', '05-0003')).toBeUndefined();
  });

  it('a portal that dies after applying: not counted as delivered, and the re-send is not applied twice', async () => {
    const g = gateway({ retries: 1 });
    server.dieAfter(server['batchesDone'], 'after');
    const b = batch([account('06-0001')]);
    expect((await rejection(g.putBatch(b))).problem.code).toBe('SAL-4006');
    expect(server.applied.get(b.batchId)).toBe(1);
    server.revive();
    expect(await g.putBatch(b)).toEqual({ accepted: 1, rejected: [] });
    expect(server.applied.get(b.batchId)).toBe(1);
  });

  it('a slow portal: each attempt times out, retries, then a clear timeout code', async () => {
    server.slow(400);
    const b = batch([account('07-0001')]);
    const t0 = Date.now();
    const e = await rejection(gateway({ batchTimeoutMs: 80, retries: 2 }).putBatch(b));
    expect(e.problem.code).toBe('SAL-4007');
    expect(e.problem.message).toMatch(/0\.1 s/);
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(server.requestsFor(b.batchId)).toHaveLength(3);
    expect(new Set(server.requestsFor(b.batchId).map((r) => r.idempotencyKey))).toEqual(new Set([b.batchId]));
    await new Promise((r) => setTimeout(r, 450)); // let the slow answers drain
  });

  it('a slow portal within the timeout is fine', async () => {
    server.slow(100);
    expect(await gateway({ batchTimeoutMs: 1000 }).putBatch(batch([account('07-0002')]))).toEqual({ accepted: 1, rejected: [] });
  });

  it('honours 429 Retry-After (longer than its own backoff)', async () => {
    server.rateLimit(1, '1');
    const b = batch([account('08-0001')]);
    const t0 = Date.now();
    expect(await gateway({ backoffMs: 1 }).putBatch(b)).toEqual({ accepted: 1, rejected: [] });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(server.requestsFor(b.batchId).map((r) => r.status)).toEqual([429, 200]);
  });

  it('does not sit out a Retry-After beyond its limit, and 429 after the last retry has its own code', async () => {
    server.rateLimit(5, '3600');
    const b = batch([account('08-0002')]);
    const t0 = Date.now();
    expect((await rejection(gateway({ maxRetryAfterMs: 5000 }).putBatch(b))).problem.code).toBe('SAL-4009');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(server.requestsFor(b.batchId)).toHaveLength(1);

    server.rateLimit(5, null);
    const b2 = batch([account('08-0003')]);
    expect((await rejection(gateway({ retries: 1 }).putBatch(b2))).problem.code).toBe('SAL-4009');
    expect(server.requestsFor(b2.batchId)).toHaveLength(2);
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('an operator’s abort stops at once: during a request, and during the backoff', async () => {
    server.slow(1500);
    const b = batch([account('09-0001')]);
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 100);
    const e = await gateway({ batchTimeoutMs: 5000 }).putBatch(b, ac.signal).catch((x: unknown) => x);
    expect((e as Error).name).toBe('AbortError');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(server.requestsFor(b.batchId)).toHaveLength(1);
    server.reset();

    server.fail5xx(10);
    const b2 = batch([account('09-0002')]);
    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(), 150);
    const t1 = Date.now();
    const e2 = await gateway({ backoffMs: 5000 }).putBatch(b2, ac2.signal).catch((x: unknown) => x);
    expect((e2 as Error).name).toBe('AbortError');
    expect(Date.now() - t1).toBeLessThan(1000);
    expect(server.requestsFor(b2.batchId)).toHaveLength(1);

    const b3 = batch([account('09-0003')]);
    const done = new AbortController();
    done.abort();
    expect(((await gateway().putBatch(b3, done.signal).catch((x: unknown) => x)) as Error).name).toBe('AbortError');
    expect(server.requestsFor(b3.batchId)).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1500)); // let the slow answer drain
  });

  it('refuses plain HTTP to anything but this computer, without connecting', async () => {
    const calls: string[] = [];
    const spy = async (u: string) => {
      calls.push(u);
      throw new Error('must not connect');
    };
    for (const url of ['http://portal.example.org', 'http://10.0.0.7:8080/api', 'http://[2001:db8::1]/', 'http://127.0.0.1.example.org/']) {
      let e: unknown;
      try {
        new HttpsPortalGateway({ baseUrl: url, token: TOKEN, fetchImpl: spy });
      } catch (x) {
        e = x;
      }
      expect((e as ProblemError).problem?.code, url).toBe('SAL-4001');
    }
    for (const url of ['ftp://portal.example.org', 'https://user:Secr3t@portal.example.org', 'https://portal.example.org/?x=1', 'not a url']) {
      let e: unknown;
      try {
        new HttpsPortalGateway({ baseUrl: url, token: TOKEN, fetchImpl: spy });
      } catch (x) {
        e = x;
      }
      expect((e as ProblemError).problem?.code, url).toBe('SAL-4013');
      expect(JSON.stringify((e as ProblemError).problem)).not.toContain('Secr3t');
    }
    expect(calls).toEqual([]);
    // Loopback in all its spellings, and https anywhere, are accepted.
    for (const url of ['http://127.0.0.1:9', 'http://127.8.9.10', 'http://[::1]:9', 'http://localhost:9/api/', 'https://portal.example.org/saldo']) {
      expect(() => new HttpsPortalGateway({ baseUrl: url, token: TOKEN, fetchImpl: spy })).not.toThrow();
    }
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('never lets the token into an error, a log line or the gateway’s printout', async () => {
    const g = gateway({ retries: 1 });
    expectNoToken(g);
    // A portal that echoes the Authorization header back in its error message.
    server.reject4xx(400, { code: 'bad', message: `cannot use Bearer ${TOKEN} here` });
    const e1 = await rejection(g.putBatch(batch([account('10-0001')])));
    expect(e1.problem.message).toContain('***');
    server.reset();
    server.fail5xx(5, { status: 500 });
    const e2 = await rejection(g.putBatch(batch([account('10-0002')])));
    // Nobody listening: a network error.
    const dead = new HttpsPortalGateway({ baseUrl: 'http://127.0.0.1:9', token: TOKEN, retries: 1, backoffMs: 1, log: (l) => logs.push(l) });
    const e3 = await rejection(dead.putBatch(batch([account('10-0003')])));
    expect(e3.problem.code).toBe('SAL-4006');
    const e4 = await rejection(gateway({ token: `${TOKEN}x` }).putBatch(batch([account('10-0004')])));
    let e5: unknown;
    try {
      new HttpsPortalGateway({ baseUrl: server.url, token: `${TOKEN}\n` });
    } catch (x) {
      e5 = x;
    }
    expect((e5 as ProblemError).problem.code).toBe('SAL-4016');
    for (const e of [e1, e2, e3, e4, e5 as ProblemError]) expectNoToken(e, e.problem, e.message);
    expect(logs.length).toBeGreaterThan(0);
  });

  it('a 2xx answer that does not follow the API is not a delivery', async () => {
    const answering = (status: number, text: string) => async () => new Response(text, { status, headers: { 'content-type': 'application/json' } });
    const b = batch([account('11-0001')]);
    for (const text of ['<html>ok</html>', '{"accepted":"1","rejected":[]}', '{"accepted":1,"rejected":[{"key":"zz-9999","code":"X","message":"m"}]}', '{"accepted":1}']) {
      const e = await rejection(gateway({ fetchImpl: answering(200, text) }).putBatch(b));
      expect(e.problem.code, text).toBe('SAL-4008');
    }
    const e = await rejection(gateway({ fetchImpl: answering(302, '') }).putBatch(b));
    expect(e.problem.code).toBe('SAL-4004');
    const big = await rejection(gateway({ fetchImpl: answering(200, 'x'.repeat(2000)), maxResponseBytes: 1000 }).putBatch(b));
    expect(big.problem.code).toBe('SAL-4008');
  });

  it('refuses a batch that breaks the API before sending it', async () => {
    const calls: string[] = [];
    const g = gateway({ fetchImpl: async (u) => (calls.push(u), new Response('{}')) });
    for (const bad of [
      batch([account('12-0001')], { batchId: '../../etc' }),
      batch([account('12-0001')], { period: '2025-13' }),
      batch([account('12-0001')], { category: 'notices' }),
      batch([{ key: '12-0001', status: 'active' }]),
      batch([{ key: '', status: 'not_in_billing' }]),
    ]) {
      expect((await rejection(g.putBatch(bad))).problem.code).toBe('SAL-4014');
    }
    expect(calls).toEqual([]);
  });
});

describe('openPortal', () => {
  const loaded = (portal: unknown): LoadedConfig => {
    const config = ConfigSchema.parse({ version: 1, organisation: { name: 'SM Test' }, accounting: { kind: 'sqlite', path: 'a.sqlite' }, portal });
    return { file: '/ws/saldo.json', dir: '/ws', config, path: (p) => `/ws/${p}` };
  };
  const secrets = (values: Record<string, string>) => ({ get: async (name: string) => values[name] ?? null });

  it('opens the HTTPS transport with the stored token, and says how to store a missing one', async () => {
    const cfg = loaded({ transport: 'https', baseUrl: server.url, tokenSecret: 'portal-token' });
    expect(cfg.config.portal).toMatchObject({ batchTimeoutMs: 30_000, retries: 4 });
    const e = await rejection(openPortal(cfg, secrets({}), 'pl'));
    expect(e.problem.code).toBe('SAL-4002');
    expect(e.problem.hint).toContain('saldo secrets set portal-token');
    const g = await openPortal(cfg, secrets({ 'portal-token': TOKEN }), 'en');
    expect(g).toBeInstanceOf(HttpsPortalGateway);
    expect(await g.putBatch(batch([account('13-0001')]))).toEqual({ accepted: 1, rejected: [] });
    expectNoToken(g.info);
  });

  it('refuses a plain-HTTP address before reading the secret store', async () => {
    let asked = false;
    const cfg = loaded({ transport: 'https', baseUrl: 'http://portal.example.org', tokenSecret: 'portal-token', retries: 1, batchTimeoutMs: 5000 });
    const e = await rejection(openPortal(cfg, { get: async () => ((asked = true), TOKEN) }, 'uk'));
    expect(e.problem.code).toBe('SAL-4001');
    expect(asked).toBe(false);
  });

  it('opens the folder transport at the configured path', async () => {
    const g = await openPortal(loaded({ transport: 'folder', dir: 'portal' }), secrets({}), 'en');
    expect(g).toBeInstanceOf(FolderPortalGateway);
    expect(g.info).toEqual({ transport: 'folder', label: '/ws/portal' });
  });
});
