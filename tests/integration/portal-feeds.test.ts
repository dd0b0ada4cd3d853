// The portal feeds (readings, registrations, payments) and acknowledgements, over both transports:
// the HTTPS portal on loopback (tests/support/portal-server.ts checks every request and answer
// against docs/portal-api.json) and the exchange folder (files checked against the same file).
// The caller's side is played by `drain`: it stores a page's cursor only after "processing" it.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FolderPortalGateway, type FolderPortalOptions } from '../../main/portal/folder/gateway';
import { parseManifest, parseManifestLines } from '../../main/portal/folder/manifest';
import { HttpsPortalGateway, type FetchLike, type HttpsPortalOptions } from '../../main/portal/https/gateway';
import type { AckItem, FeedName, FeedPayment, FeedReading, FeedRegistration, PortalGateway } from '../../main/portal/port';
import type { Problem } from '../../shared/domain/types';
import { ProblemError } from '../../shared/errors/problem';
import { OpenApiDoc, PortalServer } from '../support/portal-server';

const api = new OpenApiDoc();
const TOKEN = 'feeds-test-token-5b1d';

const reading = (i: number, over: Partial<FeedReading> = {}): FeedReading => ({
  id: `rd-${String(i).padStart(5, '0')}`,
  account_no: `01-${String(100 + (i % 50)).padStart(4, '0')}-01`,
  meter_id: `M${String(i % 50).padStart(8, '0')}`,
  zone: 1,
  value: `${120 + i}.${String(i % 1000).padStart(3, '0')}`,
  reading_date: '2026-03-24',
  submitted_at: '2026-03-24T18:05:00+01:00',
  ...over,
});
const readings = (from: number, n: number) => Array.from({ length: n }, (_, k) => reading(from + k));

const registration = (i: number, event: FeedRegistration['event'] = 'registered'): FeedRegistration => ({
  id: `reg-${i}`,
  event,
  account_no: `01-${String(100 + i).padStart(4, '0')}-01`,
  person: 'Ганна Коваль',
  email: `h${i}@example.org`,
  phone: null,
  submitted_at: '2026-03-02T09:00:00Z',
});

const payment = (i: number): FeedPayment => ({
  id: `pay-${i}`,
  account_no: `01-${String(100 + i).padStart(4, '0')}-01`,
  amount: 12_345 + i, // minor units: 123.45 zł
  currency: 'PLN',
  paid_at: '2026-03-05T12:30:00+01:00',
  reference: `P24-${i}`,
});

/** The caller: fetches page after page, stores `next` after each page is "processed", returns the ids seen. */
async function drain(gw: PortalGateway, feed: FeedName, cursor: string | null, limit: number): Promise<{ ids: string[]; cursor: string | null; pages: number; problems: Problem[] }> {
  const ids: string[] = [];
  const problems: Problem[] = [];
  let pages = 0;
  for (;;) {
    const page = await gw.fetchFeed(feed, cursor, limit);
    pages++;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.items.length > 0) expect(page.next).not.toBeNull();
    ids.push(...page.items.map((x) => x.id));
    problems.push(...page.problems);
    cursor = page.next; // "processed": now it may be stored
    if (!page.more) return { ids, cursor, pages, problems };
    if (pages > 1000) throw new Error('no end');
  }
}

async function rejection(p: Promise<unknown>): Promise<ProblemError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'expected a ProblemError').toBeInstanceOf(ProblemError);
  return e as ProblemError;
}

const acks = (n: number, from = 0): AckItem[] =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    if (i % 3 === 1) return { id: reading(i).id, outcome: 'rejected' as const, code: 'SAL-2002', message: 'Odczyt niższy niż poprzedni' };
    if (i % 3 === 2) return { id: reading(i).id, outcome: 'held' as const, code: 'SAL-2010' };
    return { id: reading(i).id, outcome: 'accepted' as const };
  });

// ---------------------------------------------------------------------------------------------

describe('HTTPS feeds and acknowledgements', () => {
  let server: PortalServer;
  const logs: string[] = [];
  const gateway = (over: Partial<HttpsPortalOptions> = {}) =>
    new HttpsPortalGateway({ baseUrl: server.url, token: TOKEN, batchTimeoutMs: 2000, retries: 3, backoffMs: 5, log: (l) => logs.push(l), ...over });
  const gets = () => server.requests.filter((r) => r.method === 'GET');

  beforeAll(async () => {
    server = await new PortalServer({ token: TOKEN }).start();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    server.requests.length = 0;
    server.acks.length = 0;
    server.feeds.readings = [];
    server.feeds.registrations = [];
    server.feeds.payments = [];
    logs.length = 0;
  });
  afterEach(() => {
    expect(server.violations).toEqual([]);
  });

  it('pages by cursor; a second import from the stored cursor fetches nothing old, then only what is new', async () => {
    const items = readings(1, 25);
    server.feeds.readings = items as never[];
    const gw = gateway();

    const first = await drain(gw, 'readings', null, 10);
    expect(first.pages).toBe(3);
    expect(first.ids).toEqual(items.map((r) => r.id));
    expect(first.cursor).toBe('25');
    const page1 = await gw.fetchFeed('readings', null, 10);
    expect(page1.items).toEqual(items.slice(0, 10)); // exactly the API's fields, values as text
    expect(page1).toMatchObject({ next: '10', more: true, problems: [] });
    expect(gets().map((r) => new URL(r.path, 'http://x').pathname)).toContain('/v1/readings');
    expect(gets()[1].headers.authorization).toBe(`Bearer ${TOKEN}`);

    const second = await drain(gw, 'readings', first.cursor, 10);
    expect(second).toMatchObject({ ids: [], cursor: '25', pages: 1 });

    server.feeds.readings.push(...(readings(26, 3) as never[]));
    const third = await drain(gw, 'readings', second.cursor, 10);
    expect(third.ids).toEqual(['rd-00026', 'rd-00027', 'rd-00028']);
    expect(third.cursor).toBe('28');
  });

  it('a crash before the cursor is stored fetches the same page again', async () => {
    server.feeds.readings = readings(1, 12) as never[];
    const gw = gateway();
    const a = await gw.fetchFeed('readings', null, 5);
    const again = await gw.fetchFeed('readings', null, 5); // the cursor of page 1 was never stored
    expect(again.items.map((x) => x.id)).toEqual(a.items.map((x) => x.id));
    const b = await gw.fetchFeed('readings', a.next, 5);
    expect(b.items[0].id).toBe('rd-00006');
  });

  it('reads registrations (with their event) and payments (amounts in minor units)', async () => {
    server.feeds.registrations = [registration(1), registration(2), registration(1, 'unregistered')] as never[];
    server.feeds.payments = [payment(1), payment(2)] as never[];
    const gw = gateway();
    const regs = await gw.fetchFeed('registrations', null, 100);
    expect(regs.items.map((r) => r.event)).toEqual(['registered', 'registered', 'unregistered']);
    expect(regs.more).toBe(false);
    const pays = await gw.fetchFeed('payments', null, 100);
    expect(pays.items[0]).toEqual(payment(1));
    expect(Number.isInteger(pays.items[1].amount)).toBe(true);
  });

  it('acknowledges items: the portal records them once, keyed by the ack id', async () => {
    const gw = gateway();
    const items = acks(6);
    await gw.postAcks('readings', 'readings-run-41', items);
    expect(server.acks).toEqual([{ feed: 'readings', items }]);
    const posted = server.requests.filter((r) => r.method === 'POST');
    expect(posted.map((r) => [r.path, r.idempotencyKey])).toEqual([['/v1/readings/acks', 'readings-run-41']]);

    await gw.postAcks('readings', 'readings-run-41', items); // a retry after an unknown outcome
    expect(server.applied.get('readings-run-41')).toBe(1);
    expect(server.acks).toHaveLength(1);
  });

  it('the same ack id with other items is refused by the portal (409), never retried: SAL-4024', async () => {
    const gw = gateway();
    await gw.postAcks('readings', 'ack-conflict', acks(2));
    const e = await rejection(gw.postAcks('readings', 'ack-conflict', acks(2, 5)));
    expect(e.problem.code).toBe('SAL-4024');
    expect(e.problem.message).toContain('idempotency_conflict');
    expect(server.requests.map((r) => r.status)).toEqual([200, 409]);
    expect(server.acks).toHaveLength(1);
  });

  it('more than 1000 items go as several requests, each with its own key', async () => {
    const gw = gateway();
    await gw.postAcks('readings', 'big', acks(2300));
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.idempotencyKey)).toEqual(['big.1', 'big.2', 'big.3']);
    expect(server.acks.map((a) => (a as { items: unknown[] }).items.length)).toEqual([1000, 1000, 300]);
  });

  it('an acknowledgement that breaks the API is SAL-4020 and nothing is sent', async () => {
    const gw = gateway();
    for (const [id, items] of [
      ['ok-id', []],
      ['ok-id', [{ id: 'x', outcome: 'approved' }]],
      ['ok-id', [{ id: 'x', outcome: 'rejected', code: 'C'.repeat(65) }]],
      ['no spaces', acks(1)],
    ] as Array<[string, AckItem[]]>) {
      const e = await rejection(gw.postAcks('readings', id, items));
      expect(e.problem.code).toBe('SAL-4020');
    }
    expect(server.requests).toEqual([]);
  });

  it('retries a feed page after 5xx and 429 (honouring Retry-After), then succeeds', async () => {
    server.feeds.readings = readings(1, 4) as never[];
    server.fail5xx(2, { status: 500 });
    const page = await gateway().fetchFeed('readings', null, 10);
    expect(page.items).toHaveLength(4);
    expect(gets().map((r) => r.status)).toEqual([500, 500, 200]);

    server.requests.length = 0;
    logs.length = 0;
    server.rateLimit(1, '1');
    expect((await gateway().fetchFeed('readings', '2', 10)).items.map((x) => x.id)).toEqual(['rd-00003', 'rd-00004']);
    expect(gets().map((r) => r.status)).toEqual([429, 200]);
    expect(logs.join('\n')).toMatch(/HTTP 429\); retrying in 1000 ms/);
  });

  it('retries an acknowledgement after 503, and the portal applies it once', async () => {
    server.fail5xx(2);
    await gateway().postAcks('readings', 'ack-503', acks(3));
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(server.acks).toHaveLength(1);
  });

  it('never retries another 4xx: the fetch is SAL-4023, the acknowledgement SAL-4024, naming the cause', async () => {
    server.feeds.readings = readings(1, 4) as never[];
    server.reject4xx(400, { code: 'invalid_request', message: 'cursor expired', times: 1 });
    const e = await rejection(gateway().fetchFeed('readings', '2', 10));
    expect(e.problem.code).toBe('SAL-4023');
    expect(e.problem.message).toContain('cursor expired');
    expect(gets()).toHaveLength(1);

    server.reject4xx(422, { code: 'unknown_feed_item', message: 'no such reading', times: 1 });
    const a = await rejection(gateway().postAcks('readings', 'ack-422', acks(2)));
    expect(a.problem.code).toBe('SAL-4024');
    expect(a.problem.message).toMatch(/422.*no such reading/);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(server.acks).toEqual([]);

    server.reject4xx(401, { code: 'unauthorized', message: 'bad token', times: 1 });
    const t = await rejection(gateway().fetchFeed('readings', null, 10));
    expect(t.problem).toMatchObject({ code: 'SAL-4023', message: expect.stringContaining('SAL-4003') });
    expect(JSON.stringify(t.problem)).not.toContain(TOKEN);
  });

  it('a portal that dies mid-page: the page is fetched again whole, or the fetch fails and nothing is returned', async () => {
    const items = readings(1, 40);
    server.feeds.readings = items as never[];
    server.cutFeedAnswers(1);
    const page = await gateway().fetchFeed('readings', null, 40);
    expect(page.items).toEqual(items);
    expect(gets().map((r) => r.status)).toEqual(['destroyed', 200]);

    server.requests.length = 0;
    server.cutFeedAnswers(10);
    const e = await rejection(gateway({ retries: 2 }).fetchFeed('readings', '10', 20));
    expect(e.problem.code).toBe('SAL-4023');
    expect(gets()).toHaveLength(3);
    server.reset();
    expect((await gateway().fetchFeed('readings', '10', 20)).items).toEqual(items.slice(10, 30));
  });

  it('a portal that dies after applying an acknowledgement: the repeat is not applied twice', async () => {
    server.dieAfter(0, 'after');
    const e = await rejection(gateway({ retries: 1 }).postAcks('readings', 'ack-die', acks(4)));
    expect(e.problem.code).toBe('SAL-4024');
    expect(server.applied.get('ack-die')).toBe(1); // it did arrive, Saldo could not know
    server.revive();
    await gateway().postAcks('readings', 'ack-die', acks(4));
    expect(server.applied.get('ack-die')).toBe(1);
    expect(server.acks).toHaveLength(1);
  });

  it('a malformed page is SAL-4017: nothing of it is returned', async () => {
    server.feeds.readings = [reading(1), { ...reading(2), value: 12.5 }, reading(3)] as never[];
    const e = await rejection(gateway().fetchFeed('readings', null, 10));
    expect(e.problem.code).toBe('SAL-4017');
    expect(e.problem.message).toContain('items[1].value');
    expect(e.problem.hint).toMatch(/did not move/);
    // The test portal notices it broke the API itself.
    expect(server.violations).toEqual([expect.stringMatching(/^answer: response 200\.items\[1\]\.value/)]);
    server.violations.length = 0;
  });

  it('a page that would lose the position or says more than it asked for is SAL-4017', async () => {
    const answer =
      (body: unknown): FetchLike =>
      async () =>
        new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const cases: Array<[unknown, RegExp]> = [
      [{ items: [reading(1)], next: null, more: false }, /next is null/],
      [{ items: readings(1, 3), next: '3', more: false }, /more than 2/],
      [{ items: [], next: '0' }, /more is missing/],
      [[reading(1)], /not a JSON object/],
    ];
    for (const [body, why] of cases) {
      const e = await rejection(gateway({ fetchImpl: answer(body) }).fetchFeed('readings', null, 2));
      expect(e.problem.code).toBe('SAL-4017');
      expect(e.problem.message).toMatch(why);
    }
    // An empty page may answer next: null; the position kept is the one given.
    expect(await gateway({ fetchImpl: answer({ items: [], next: null, more: false }) }).fetchFeed('readings', 'c-9', 2)).toEqual({ items: [], next: 'c-9', more: false, problems: [] });
  });

  it('an aborted signal sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(gateway().fetchFeed('readings', null, 10, ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(gateway().postAcks('readings', 'a', acks(1), ac.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('folder feeds and acknowledgements', () => {
  const dirs: string[] = [];
  let dir: string;
  const problems: Problem[] = [];
  const gateway = (over: FolderPortalOptions = {}) => new FolderPortalGateway(dir, { feedSettleMs: 0, onProblem: (p) => problems.push(p), ...over });
  const feedDir = (feed: FeedName) => join(dir, 'inbox', feed);
  /** What the portal does: write under a "." name, then rename. */
  const put = (feed: FeedName, name: string, body: unknown, raw?: string) => {
    mkdirSync(feedDir(feed), { recursive: true });
    const tmp = join(feedDir(feed), `.${name}.tmp`);
    writeFileSync(tmp, raw ?? JSON.stringify(body, null, 2));
    renameSync(tmp, join(feedDir(feed), name));
    if (raw === undefined) expect(api.validate(body, api.schema(`${feed[0].toUpperCase()}${feed.slice(1)}File`), name)).toBeNull();
  };
  const names = (sub = '') => (existsSync(join(feedDir('readings'), sub)) ? readdirSync(join(feedDir('readings'), sub)).filter((n) => n.endsWith('.json')).sort() : []);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'saldo-feeds-'));
    dirs.push(dir);
    problems.length = 0;
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('pages across files and inside a large file; a second import from the stored cursor fetches nothing old', async () => {
    put('readings', '20260324T080000Z-000001.json', { items: readings(1, 3) });
    put('readings', '20260324T090000Z-000002.json', { items: [] });
    put('readings', '20260324T100000Z-000003.json', { items: readings(4, 12) });
    put('readings', '20260324T110000Z-000004.json', { items: readings(16, 2) });
    const gw = gateway();

    const p1 = await gw.fetchFeed('readings', null, 5);
    expect(p1.items.map((x) => x.id)).toEqual(['rd-00001', 'rd-00002', 'rd-00003', 'rd-00004', 'rd-00005']);
    expect(p1).toMatchObject({ next: '20260324T100000Z-000003.json#2', more: true, problems: [] });
    expect(p1.items[0]).toEqual(reading(1));

    const all = await drain(gw, 'readings', null, 5);
    expect(all.ids).toEqual(readings(1, 17).map((r) => r.id));
    expect(all.cursor).toBe('20260324T110000Z-000004.json');
    expect(all.pages).toBe(4);

    const again = await drain(gw, 'readings', all.cursor, 5);
    expect(again).toMatchObject({ ids: [], cursor: all.cursor, pages: 1 });
    // Files behind the stored cursor are moved out of the way; nothing was lost.
    expect(names()).toEqual([]);
    expect(names('read')).toHaveLength(4);

    put('readings', '20260325T080000Z-000005.json', { items: readings(18, 2) });
    const fresh = await drain(gw, 'readings', again.cursor, 5);
    expect(fresh.ids).toEqual(['rd-00018', 'rd-00019']);
    expect(problems).toEqual([]);
  });

  it('a crash before the cursor is stored fetches the same page again; nothing ahead of the cursor is moved', async () => {
    put('readings', 'a-0001.json', { items: readings(1, 4) });
    put('readings', 'a-0002.json', { items: readings(5, 4) });
    const gw = gateway();
    const p = await gw.fetchFeed('readings', null, 6);
    expect(p.next).toBe('a-0002.json#2');
    const again = await new FolderPortalGateway(dir).fetchFeed('readings', null, 6); // another process, after a crash
    expect(again.items).toEqual(p.items);
    const rest = await gw.fetchFeed('readings', p.next, 6);
    expect(rest.items.map((x) => x.id)).toEqual(['rd-00007', 'rd-00008']);
    expect(names()).toEqual(['a-0002.json']); // a-0001 is behind the cursor now; a-0002 is not finished
  });

  it('reads registrations and payments the same way', async () => {
    put('registrations', 'r-1.json', { items: [registration(1), registration(1, 'unregistered')] });
    put('payments', 'p-1.json', { items: [payment(1)] });
    const gw = gateway();
    expect((await gw.fetchFeed('registrations', null, 10)).items.map((r) => r.event)).toEqual(['registered', 'unregistered']);
    expect((await gw.fetchFeed('payments', null, 10)).items).toEqual([payment(1)]);
    expect(await gw.fetchFeed('payments', 'p-1.json', 10)).toEqual({ items: [], next: 'p-1.json', more: false, problems: [] });
  });

  it('a file that cannot be read is moved to failed/ with a problem naming the line; the others are read', async () => {
    put('readings', 'f-0001.json', { items: readings(1, 2) });
    put('readings', 'f-0002.json', null, '{\n  "items": [\n    {"id": "rd-1" ,,}\n  ]\n}\n');
    const badItem = JSON.stringify({ items: [reading(3), { ...reading(4), value: 124.004 }] }, null, 2);
    put('readings', 'f-0003.json', null, badItem);
    put('readings', 'f-0004.json', null, '');
    mkdirSync(feedDir('readings'), { recursive: true });
    writeFileSync(join(feedDir('readings'), 'f-0005.json'), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    writeFileSync(join(feedDir('readings'), 'f 0006 copy.json'), JSON.stringify({ items: [reading(6)] }));
    put('readings', 'f-0007.json', { items: [reading(7)] });

    const page = await gateway().fetchFeed('readings', null, 100);
    expect(page.items.map((x) => x.id)).toEqual(['rd-00001', 'rd-00002', 'rd-00007']);
    expect(page.next).toBe('f-0007.json');
    expect(page.problems.map((p) => p.code)).toEqual(['SAL-4018', 'SAL-4018', 'SAL-4018', 'SAL-4018', 'SAL-4018']);
    expect(problems).toEqual(page.problems); // reported as they are set aside too
    const byFile = Object.fromEntries(page.problems.map((p) => [p.file!.split(/[\\/]/).pop(), p]));
    expect(Object.keys(byFile).sort()).toEqual(['f 0006 copy.json', 'f-0002.json', 'f-0003.json', 'f-0004.json', 'f-0005.json']);
    expect(byFile['f-0002.json']).toMatchObject({ line: 3, message: expect.stringContaining('not JSON') });
    // The item's "{" is on the line before its id: findIndex (0-based) of the id line is its 1-based number.
    const itemLine = badItem.split('\n').findIndex((l) => l.includes('"rd-00004"'));
    expect(byFile['f-0003.json']).toMatchObject({ line: itemLine, message: expect.stringContaining('items[1].value') });
    expect(byFile['f-0005.json'].message).toContain('not UTF-8');
    expect(byFile['f 0006 copy.json'].message).toContain('name');
    for (const p of page.problems) expect(p.file).toContain(join('inbox', 'readings', 'failed'));
    expect(names('failed')).toEqual(['f 0006 copy.json', 'f-0002.json', 'f-0003.json', 'f-0004.json', 'f-0005.json']);
  });

  it('a portal that dies mid-file: a fresh bad file is waited for, the page stops before it, and it is read once complete', async () => {
    put('readings', 'g-0001.json', { items: readings(1, 2) });
    const full = JSON.stringify({ items: readings(3, 5) });
    mkdirSync(feedDir('readings'), { recursive: true });
    writeFileSync(join(feedDir('readings'), 'g-0002.json'), full.slice(0, full.length / 2)); // no rename: half written
    put('readings', 'g-0003.json', { items: [reading(8)] });

    const gw = gateway({ feedSettleMs: 60_000 });
    const page = await gw.fetchFeed('readings', null, 100);
    expect(page).toMatchObject({ next: 'g-0001.json', more: false, problems: [] });
    expect(page.items.map((x) => x.id)).toEqual(['rd-00001', 'rd-00002']);
    expect(names()).toContain('g-0002.json');

    writeFileSync(join(feedDir('readings'), 'g-0002.json'), full);
    const rest = await drain(gw, 'readings', page.next, 100);
    expect(rest.ids).toEqual(['rd-00003', 'rd-00004', 'rd-00005', 'rd-00006', 'rd-00007', 'rd-00008']);

    // Once it is old enough, a torn file is not waited for any longer: failed/, with a problem.
    writeFileSync(join(feedDir('readings'), 'g-0004.json'), full.slice(0, 40));
    const old = new Date(Date.now() - 120_000);
    utimesSync(join(feedDir('readings'), 'g-0004.json'), old, old);
    const later = await gw.fetchFeed('readings', rest.cursor, 100);
    expect(later.items).toEqual([]);
    expect(later.problems).toEqual([expect.objectContaining({ code: 'SAL-4018', file: expect.stringContaining('g-0004.json') })]);
  });

  it('a cursor that is not one is SAL-4021; a missing feed folder is an empty page', async () => {
    const gw = gateway();
    expect((await rejection(gw.fetchFeed('readings', '../../etc/passwd', 10))).problem.code).toBe('SAL-4021');
    expect((await rejection(gw.fetchFeed('readings', 'x.json#-1', 10))).problem.code).toBe('SAL-4021');
    await expect(gw.fetchFeed('readings', null, 0)).rejects.toThrow(RangeError);
    await expect(gw.fetchFeed('readings', null, 1001)).rejects.toThrow(RangeError);
    await expect(gw.fetchFeed('../outbox' as FeedName, null, 10)).rejects.toThrow(RangeError);
    expect(await gw.fetchFeed('payments', 'p-9.json', 10)).toEqual({ items: [], next: 'p-9.json', more: false, problems: [] });
  });

  it('writes acknowledgements atomically with a manifest line; the same ack again adds nothing; other content is SAL-4022', async () => {
    const gw = gateway({ now: () => new Date('2026-03-31T10:00:00Z') });
    const items = acks(5);
    await gw.postAcks('readings', 'readings-run-41', items);
    const file = join(dir, 'outbox', 'acks', 'readings', 'readings-run-41.json');
    const bytes = readFileSync(file);
    const body = JSON.parse(bytes.toString('utf8'));
    expect(body).toEqual({ items });
    expect(api.validate(body, api.schema('AckRequest'), 'ack')).toBeNull();

    const manifestFile = join(dir, 'outbox', 'manifest.jsonl');
    const lines = parseManifestLines(readFileSync(manifestFile, 'utf8'));
    expect(lines).toEqual([
      {
        kind: 'acks',
        ackId: 'readings-run-41',
        feed: 'readings',
        file: 'acks/readings/readings-run-41.json',
        items: 5,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        writtenAt: '2026-03-31T10:00:00.000Z',
      },
    ]);
    expect(api.validate(lines[0], api.schema('AckManifestEntry'), 'manifest')).toBeNull();
    expect(parseManifest(readFileSync(manifestFile, 'utf8'))).toEqual([]); // not a batch

    await new FolderPortalGateway(dir).postAcks('readings', 'readings-run-41', items); // a retry, from another process
    expect(parseManifestLines(readFileSync(manifestFile, 'utf8'))).toHaveLength(1);

    const e = await rejection(gw.postAcks('readings', 'readings-run-41', acks(5, 1)));
    expect(e.problem.code).toBe('SAL-4022');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ items });

    // The same id in another feed is another acknowledgement.
    await gw.postAcks('payments', 'readings-run-41', [{ id: 'pay-1', outcome: 'accepted' }]);
    expect(existsSync(join(dir, 'outbox', 'acks', 'payments', 'readings-run-41.json'))).toBe(true);
    expect(readdirSync(join(dir, 'outbox', 'acks', 'readings')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('splits more than 1000 items into numbered files; an invalid acknowledgement writes nothing', async () => {
    const gw = gateway();
    await gw.postAcks('readings', 'big', acks(2001));
    expect(readdirSync(join(dir, 'outbox', 'acks', 'readings')).sort()).toEqual(['big.1.json', 'big.2.json', 'big.3.json']);
    const lines = parseManifestLines(readFileSync(join(dir, 'outbox', 'manifest.jsonl'), 'utf8'));
    expect(lines.map((l) => ('kind' in l ? [l.ackId, l.items] : null))).toEqual([
      ['big.1', 1000],
      ['big.2', 1000],
      ['big.3', 1],
    ]);

    const e = await rejection(gw.postAcks('readings', 'bad', [{ id: '', outcome: 'accepted' }]));
    expect(e.problem.code).toBe('SAL-4020');
    expect(existsSync(join(dir, 'outbox', 'acks', 'readings', 'bad.json'))).toBe(false);
  });

  it('refuses to acknowledge into an exchange folder that is not there', async () => {
    const missing = new FolderPortalGateway(join(dir, 'not-mounted'));
    const e = await rejection(missing.postAcks('readings', 'a1', acks(1)));
    expect(e.problem.code).toBe('SAL-4010');
    expect(existsSync(join(dir, 'not-mounted'))).toBe(false);
  });
});
