// Registrations sync on real demo workspaces: the demo's registrations feed in the folder
// transport, and the loopback HTTPS portal (every request checked against docs/portal-api.json).
// registered_accounts (the real demo accounting file) gains an account only on `registered` and
// loses one only on an explicit `unregistered`: an empty read deletes nothing, a failed read or a
// failed write changes nothing and keeps the feed position, and a re-run finishes the job.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationsPage, RegistrationsSyncSummary } from '../../shared/ipc/contract-accounts';
import { syncRegistrations } from '../../main/accounts/registrations/service';
import { runCli } from '../../main/cli/main';
import { createBackend, type Backend } from '../../main/engine/backend';
import type { JobContext } from '../../main/engine/jobs';
import { openPortal } from '../../main/portal/open';
import type { FeedRegistration } from '../../main/portal/port';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { makeDemoWorkspace } from '../support/workspace';

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {} });

function backend(configFile: string, dir: string): Backend {
  return createBackend(configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
}

const sync = (b: Backend, pageSize?: number): Promise<RegistrationsSyncSummary> =>
  syncRegistrations(b.ws, b.ws.operators.find('admin')!, ctx(), () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()), pageSize ? { pageSize } : {});

const registered = (acc: Database.Database) => acc.prepare(`SELECT account_no FROM registered_accounts ORDER BY account_no`).pluck().all() as string[];

function eligible(acc: Database.Database, limit: number, offset: number): string[] {
  return acc
    .prepare(`SELECT account_no FROM premises WHERE www = 1 AND account_no IS NOT NULL AND account_no <> '' ORDER BY premises_id LIMIT ? OFFSET ?`)
    .pluck()
    .all(limit, offset) as string[];
}

let n = 0;
const item = (event: 'registered' | 'unregistered', account_no: string, at = '2026-11-03T10:00:00+01:00'): FeedRegistration => ({
  id: `t-${++n}`,
  event,
  account_no,
  person: 'Anna Nowak',
  email: 'anna.nowak@example.pl',
  phone: null,
  submitted_at: at,
});

describe('registrations sync (folder transport, the demo feed)', () => {
  let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
  let b: Backend;
  let acc: Database.Database;
  let demo: FeedRegistration[];
  const inbox = () => join(ws.dir, 'portal', 'inbox', 'registrations');
  /** A feed file the portal leaves, named after every earlier one. */
  const leave = (name: string, items: FeedRegistration[]) => writeFileSync(join(inbox(), name), JSON.stringify({ items }));
  const acked = () => {
    const dir = join(ws.dir, 'portal', 'outbox', 'acks', 'registrations');
    return readdirSync(dir).flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).items as Array<{ id: string; outcome: string; code?: string; message?: string }>);
  };

  beforeAll(async () => {
    ws = await makeDemoWorkspace({ premises: 300, months: 2, seed: 'registrations' });
    const f = readdirSync(inbox()).find((x) => x.endsWith('.json'))!;
    demo = JSON.parse(readFileSync(join(inbox(), f), 'utf8')).items;
    acc = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    b = backend(ws.configFile, ws.dir);
  });
  afterAll(async () => {
    await b?.close();
    acc?.close();
    ws?.cleanup();
  });

  it('the demo feed: registrations inserted, the one unregistration deletes, every item acknowledged', async () => {
    const regs = demo.filter((d) => d.event === 'registered');
    const gone = demo.filter((d) => d.event === 'unregistered');
    expect(regs.length).toBeGreaterThan(10);
    expect(gone).toHaveLength(1);
    expect(registered(acc)).toEqual([]);
    const s = await sync(b);
    expect(s).toMatchObject({ status: 'completed', read: demo.length, inserted: regs.length, deleted: 1, rejected: 0, acknowledged: demo.length, pendingAcks: 0 });
    expect(registered(acc)).toEqual(regs.map((r) => r.account_no).filter((a) => a !== gone[0].account_no).sort());
    const row = acc.prepare(`SELECT registered_at, portal_login FROM registered_accounts WHERE account_no = ?`).get(regs[0].account_no);
    expect(row).toEqual({ registered_at: regs[0].submitted_at.replace('.000Z', 'Z'), portal_login: regs[0].email });
    expect(acked().map((a) => a.id).sort()).toEqual(demo.map((d) => d.id).sort());
    expect(acked().every((a) => a.outcome === 'accepted')).toBe(true);
    // The window's list: newest first, e-mails masked, and how many are registered now.
    const page = await b.dispatcher.handle('accounts.registrations', {}, { session: { actor: b.ws.operators.find('admin')! }, trustedSender: true });
    expect(page.ok).toBe(true);
    const p = (page as { value: RegistrationsPage }).value;
    expect(p.total).toBe(demo.length);
    expect(p.registeredNow).toBe(regs.length - 1);
    expect(p.rows[0]).toMatchObject({ event: 'unregistered', accountNo: gone[0].account_no, outcome: 'deleted' });
    expect(p.rows.every((r) => /^.•+@example\.pl$/.test(r.email))).toBe(true);
    const ats = p.rows.map((r) => r.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const only = await b.dispatcher.handle('accounts.registrations', { search: regs[0].account_no, event: 'registered' }, { session: { actor: b.ws.operators.find('admin')! }, trustedSender: true });
    expect((only as { value: RegistrationsPage }).value.rows.map((r) => r.accountNo)).toEqual([regs[0].account_no]);
  });

  it('an empty read deletes nothing; a read that does not mention an account leaves it registered', async () => {
    const before = registered(acc);
    expect(await sync(b)).toMatchObject({ status: 'completed', read: 0, inserted: 0, deleted: 0 });
    expect(registered(acc)).toEqual(before);
    const [fresh] = eligible(acc, 60, 100).filter((a) => !before.includes(a));
    leave('20261201T000000Z-000001.json', [item('registered', fresh)]);
    const s2 = await sync(b);
    expect(s2, JSON.stringify(s2)).toMatchObject({ status: 'completed', read: 1, inserted: 1, deleted: 0 });
    expect(registered(acc)).toEqual([...before, fresh].sort());
  });

  it('an event for an account the accounting data does not know is rejected (SAL-4120) and acknowledged so', async () => {
    const before = registered(acc);
    const bad = item('registered', 'NO-SUCH-ACCOUNT');
    leave('20261201T000000Z-000002.json', [bad]);
    const s = await sync(b);
    expect(s).toMatchObject({ status: 'completed', read: 1, rejected: 1, inserted: 0 });
    expect(s.errors).toEqual([expect.objectContaining({ code: 'SAL-4120', key: 'NO-SUCH-ACCOUNT' })]);
    expect(registered(acc)).toEqual(before);
    expect(acked().find((a) => a.id === bad.id)).toMatchObject({ outcome: 'rejected', code: 'SAL-4120' });
    expect(acked().find((a) => a.id === bad.id)!.message).toContain('NO-SUCH-ACCOUNT');
  });

  it('a write that fails in the middle of a batch leaves nothing of it and keeps the position; a re-run finishes', async () => {
    const before = registered(acc);
    const [a, c] = eligible(acc, 60, 40).filter((x) => !before.includes(x));
    const leaving = before[0];
    const events = [item('unregistered', leaving), item('registered', a), item('registered', c)];
    leave('20261201T000000Z-000003.json', events);
    const cursor = () => b.ws.db.prepare(`SELECT cursor FROM accounts_feed_cursor WHERE feed = 'registrations'`).pluck().get();
    const position = cursor();
    const w = new Database(join(ws.dir, 'accounting.sqlite'));
    w.pragma('busy_timeout = 2000');
    w.prepare(`CREATE TRIGGER test_fail BEFORE INSERT ON registered_accounts WHEN NEW.account_no = '${c}' BEGIN SELECT RAISE(ABORT, 'test: refused'); END`).run();
    try {
      const s = await sync(b);
      expect(s.status).toBe('failed');
      expect(s.errors.at(-1)).toMatchObject({ code: 'SAL-4122' });
      expect(s.errors.at(-1)!.message).toContain('test: refused');
      expect(registered(acc)).toEqual(before); // the DELETE and the first INSERT were rolled back
      expect(cursor()).toBe(position);
      expect(b.ws.db.prepare(`SELECT COUNT(*) FROM portal_registrations WHERE item_id IN (?, ?, ?)`).pluck().get(...events.map((e) => e.id))).toBe(0);
    } finally {
      w.prepare('DROP TRIGGER test_fail').run();
      w.close();
    }
    const again = await sync(b);
    expect(again).toMatchObject({ status: 'completed', read: 3, deleted: 1, inserted: 2 });
    expect(registered(acc)).toEqual([...before.filter((x) => x !== leaving), a, c].sort());
    expect(acked().filter((x) => events.some((e) => e.id === x.id))).toHaveLength(3);
  });

  it('saldo portal registrations sync: --json prints the summary; the human lines speak Polish', async () => {
    const [fresh] = eligible(acc, 60, 120).filter((x) => !registered(acc).includes(x));
    leave('20261201T000000Z-000003a.json', [item('registered', fresh)]);
    let out = '';
    const code = await runCli(['--config', ws.configFile, '--json', 'portal', 'registrations', 'sync'], { out: (x) => void (out += x), err: () => {}, isTTY: false });
    expect(code).toBe(0);
    const s = JSON.parse(out) as RegistrationsSyncSummary;
    expect(s).toMatchObject({ status: 'completed', read: 1, inserted: 1, acknowledged: 1, pendingAcks: 0 });
    expect(Object.keys(s).sort()).toEqual(['absent', 'acknowledged', 'already', 'deleted', 'errors', 'inserted', 'pendingAcks', 'read', 'rejected', 'repeated', 'runId', 'status']);
    let human = '';
    expect(await runCli(['--config', ws.configFile, 'portal', 'registrations', 'sync'], { out: (x) => void (human += x), err: () => {}, isTTY: false })).toBe(0);
    expect(human).toContain('portal-registrations');
    expect(human).toMatch(/Odczytano 0 .* zarejestrowane 0/);
    expect(human).toContain('Potwierdzone portalowi: 0');
  });

  it('a feed file that breaks the API is set aside (SAL-4018): nothing of it is applied', async () => {
    const before = registered(acc);
    const bad = join(inbox(), '20261201T000000Z-000004.json');
    writeFileSync(bad, JSON.stringify({ items: [{ ...item('unregistered', before[0]), event: 'deleted' }] }));
    // Older than the settling time: not a file still being written, a broken one.
    utimesSync(bad, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const s = await sync(b);
    expect(s.status).toBe('completed');
    expect(s.errors).toEqual([expect.objectContaining({ code: 'SAL-4018' })]);
    expect(registered(acc)).toEqual(before);
  });
});

describe('registrations sync over HTTPS', () => {
  let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
  let b: Backend;
  let acc: Database.Database;
  let portal: PortalServer;
  const ackedIds = () => (portal.acks as Array<{ feed: string; items: Array<{ id: string }> }>).filter((a) => a.feed === 'registrations').flatMap((a) => a.items.map((i) => i.id));

  beforeAll(async () => {
    ws = await makeDemoWorkspace({ premises: 200, months: 2, locale: 'uk', seed: 'registrations-https' });
    acc = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    portal = await startPortalServer();
    const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
    cfg.portal = { transport: 'https', baseUrl: portal.url, tokenSecret: 'portal-token', retries: 1, batchTimeoutMs: 5000 };
    writeFileSync(ws.configFile, JSON.stringify(cfg));
    b = backend(ws.configFile, ws.dir);
    await b.secrets.set('portal-token', portal.token);
  });
  afterAll(async () => {
    await b?.close();
    await portal?.close();
    acc?.close();
    ws?.cleanup();
  });

  it('reads page by page; a portal that dies half-way through a page changes nothing of it; a re-run finishes', async () => {
    const accounts = eligible(acc, 25, 0);
    portal.feeds.registrations.push(...(accounts.map((a) => item('registered', a)) as never[]));
    // Page 1 arrives whole; page 2 is cut off half-way, and so is its retry.
    portal.cutFeedAnswers(2, 1);
    const s = await sync(b, 10);
    expect(s.status).toBe('failed');
    expect(s.errors.at(-1)).toMatchObject({ code: 'SAL-4023' });
    expect(s).toMatchObject({ read: 10, inserted: 10, acknowledged: 10 });
    expect(registered(acc)).toEqual(accounts.slice(0, 10).sort());
    expect(b.ws.db.prepare(`SELECT cursor FROM accounts_feed_cursor WHERE feed = 'registrations'`).pluck().get()).toBe('10');

    portal.reset();
    const rest = await sync(b, 10);
    expect(rest).toMatchObject({ status: 'completed', read: 15, inserted: 15, acknowledged: 15 });
    expect(registered(acc)).toEqual([...accounts].sort());
    expect(ackedIds().sort()).toEqual(portal.feeds.registrations.map((i) => (i as unknown as FeedRegistration).id).sort());
    expect(portal.violations).toEqual([]);
  });

  it('acknowledgements the portal does not take stay owed (SAL-4121) and go with the next sync', async () => {
    const [leaving] = registered(acc);
    portal.feeds.registrations.push(item('unregistered', leaving, '2026-11-04T08:00:00+02:00') as never);
    portal.dieAfter(0); // every write dies: the acknowledgement cannot be given
    const s = await sync(b);
    portal.revive();
    expect(s).toMatchObject({ status: 'completed', read: 1, deleted: 1, acknowledged: 0, pendingAcks: 1 });
    expect(s.errors).toEqual([expect.objectContaining({ code: 'SAL-4121', severity: 'warning' })]);
    expect(registered(acc)).not.toContain(leaving);
    const next = await sync(b);
    expect(next).toMatchObject({ status: 'completed', read: 0, acknowledged: 1, pendingAcks: 0 });
    expect(portal.violations).toEqual([]);
  });

  it('a page read again after a crash between the database and the store is applied once', async () => {
    const now = registered(acc);
    const [fresh] = eligible(acc, 60, 60).filter((a) => !now.includes(a));
    const events = [item('registered', fresh), item('unregistered', now[0]), item('registered', now[1])];
    portal.feeds.registrations.push(...(events as never[]));
    const position = b.ws.db.prepare(`SELECT cursor FROM accounts_feed_cursor WHERE feed = 'registrations'`).pluck().get() as string;
    const first = await sync(b);
    expect(first).toMatchObject({ inserted: 1, deleted: 1, already: 1 });
    const after = registered(acc);
    // The crash: accounting has the page, the store does not (its rows and position are gone).
    b.ws.db.prepare(`DELETE FROM portal_registrations WHERE item_id IN (?, ?, ?)`).run(...events.map((e) => e.id));
    b.ws.db.prepare(`UPDATE accounts_feed_cursor SET cursor = ? WHERE feed = 'registrations'`).run(position);
    const replay = await sync(b);
    expect(replay).toMatchObject({ status: 'completed', read: 3, inserted: 0, already: 2, deleted: 0, absent: 1 });
    expect(registered(acc)).toEqual(after);
  });
});
