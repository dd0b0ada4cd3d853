// Meter readings from the demo's folder portal, through the dispatcher as the window does: the
// demo's readings give all three outcomes (and a duplicate, a superseded one), accepted ones are in
// the accounting database, every one is archived and acknowledged with its outcome and code, the
// cursor keeps a second import from seeing anything again, and the operator's review and re-check
// change exactly what they should.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/domain/types';
import { CATALOGUE } from '../../shared/errors/catalogue';
import type { ReadingsImportSummary, ReadingsPage, ReadingsReviewResult, ReadingView } from '../../shared/ipc/contract-readings';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import type { FeedReading } from '../../main/portal/port';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let first: ReadingsImportSummary;

const SUMMARY_KEYS = ['runId', 'status', 'read', 'accepted', 'held', 'rejected', 'duplicates', 'superseded', 'byCode', 'errors'];

async function call<T>(channel: string, req: unknown): Promise<T> {
  const r = await b.dispatcher.handle(channel, req, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

async function job(channel: string, req: unknown): Promise<ReadingsImportSummary> {
  const { jobId } = await call<{ jobId: string }>(channel, req);
  const fin = (await b.jobs.wait(jobId))!;
  return fin.result as ReadingsImportSummary;
}

function acksWritten(): Array<{ id: string; outcome: string; code?: string; message?: string }> {
  const dir = join(ws.dir, 'portal', 'outbox', 'acks', 'readings');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).items);
}

/** The last acknowledgement of each item (a later one wins, as the portal applies them). */
function lastAckById() {
  const m = new Map<string, { outcome: string; code?: string }>();
  for (const a of acksWritten()) m.set(a.id, a);
  return m;
}

function accountingRows(prefix: string): Array<{ reading_key: string; value: string; meter: string }> {
  const db = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
  try {
    return db
      .prepare(`SELECT r.reading_key, r.value, m.meter_code AS meter FROM meter_readings r JOIN meters m ON m.meter_id = r.meter_id WHERE r.reading_key LIKE ? ORDER BY r.reading_key`)
      .all(`${prefix}%`) as Array<{ reading_key: string; value: string; meter: string }>;
  } finally {
    db.close();
  }
}

async function all(runId: number, outcome?: string): Promise<ReadingView[]> {
  const page = await call<ReadingsPage>('readings.list', { runId, ...(outcome ? { outcome } : {}), limit: 5000 });
  return page.rows;
}

const feedFile = () => {
  const dir = join(ws.dir, 'portal', 'inbox', 'readings');
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!);
};
let feedItems: FeedReading[];

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 200, months: 3, seed: 'readings-folder' });
  feedItems = JSON.parse(readFileSync(feedFile(), 'utf8')).items;
  b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter() }, emit: () => {}, throttleMs: 0 });
  first = await job('readings.import', { source: 'portal' });
});
afterAll(async () => {
  await b?.close();
  ws?.cleanup();
});

describe('readings from the folder portal', () => {
  it('the demo portal readings give all three outcomes, a duplicate and a superseded reading, with the summary shape of the CLI', () => {
    expect(Object.keys(first)).toEqual(SUMMARY_KEYS);
    expect(first.status).toBe('completed');
    expect(first.read).toBe(feedItems.length);
    expect(first.accepted).toBeGreaterThan(100);
    expect(first.held).toBeGreaterThanOrEqual(3);
    expect(first.rejected).toBeGreaterThanOrEqual(8);
    expect(first.duplicates).toBe(1);
    expect(first.superseded).toBe(1);
    expect(first.accepted + first.held + first.rejected + first.duplicates + first.superseded).toBe(first.read);
    // Every rule the demo plants for the portal.
    for (const code of ['SAL-2001', 'SAL-2002', 'SAL-2006', 'SAL-2008', 'SAL-2009', 'SAL-2012', 'SAL-2013', 'SAL-2014', 'SAL-2015', 'SAL-2016', 'SAL-2017', 'SAL-2018', 'SAL-2019', 'SAL-2020', 'SAL-2026', 'SAL-2027']) {
      expect(first.byCode[code], code).toBeGreaterThanOrEqual(1);
    }
    // The meter events the demo writes into its accounting data: a register rollover and a
    // replacement are held with their explanation; the replaced meter, read after it was removed, is rejected.
    for (const [code, severity] of [['SAL-2016', 'review'], ['SAL-2017', 'review'], ['SAL-2002', 'error']]) {
      expect(first.errors.find((e) => e.code === code)?.severity, code).toBe(severity);
    }
    for (const p of first.errors) {
      expect(Object.keys(CATALOGUE)).toContain(p.code);
      expect(['error', 'review', 'warning']).toContain(p.severity);
      expect(p.message.length).toBeGreaterThan(5);
      expect(p.hint.length).toBeGreaterThan(5);
    }
  });

  it('writes exactly the accepted readings to the accounting database, and archives every reading once', async () => {
    const accepted = await all(first.runId, 'accepted');
    expect(accepted.length).toBe(first.accepted);
    const written = accountingRows('portal:');
    expect(written.map((r) => r.reading_key)).toEqual(accepted.map((r) => `portal:${r.sourceId}`).sort());
    const byKey = new Map(written.map((r) => [r.reading_key, r]));
    for (const r of accepted) {
      expect(byKey.get(`portal:${r.sourceId}`)!.value).toBe(r.normalized);
      expect(byKey.get(`portal:${r.sourceId}`)!.meter).toBe(r.meterId);
    }
    const archived = await all(first.runId);
    expect(archived.length).toBe(first.read);
    expect(new Set(archived.map((r) => r.sourceId))).toEqual(new Set(feedItems.map((i) => i.id)));
    const counted = Object.fromEntries(['accepted', 'held', 'rejected', 'duplicate', 'superseded'].map((o) => [o, archived.filter((r) => r.outcome === o).length]));
    expect(counted).toEqual({ accepted: first.accepted, held: first.held, rejected: first.rejected, duplicate: first.duplicates, superseded: first.superseded });
    const run = b.ws.journal.get(first.runId)!;
    expect(run.kind).toBe('readings-import');
    expect(run.counts).toMatchObject({ 'readings.read': first.read, 'readings.accepted': first.accepted, 'readings.held': first.held, 'readings.rejected': first.rejected });
    // Per-record outcomes in the journal: one per reading with findings, with its main severity.
    const records = b.ws.journal.records(first.runId).filter((r) => r.category === 'readings');
    expect(records.length).toBe(archived.filter((r) => r.problems.length > 0).length);
    expect(records.filter((r) => r.outcome === 'error').length).toBe(first.rejected);
    expect(records.filter((r) => r.outcome === 'review').length).toBe(first.held);
  });

  it('acknowledges every portal reading with its outcome, and the rejected and held ones with their code', async () => {
    const acks = lastAckById();
    expect(new Set(acks.keys())).toEqual(new Set(feedItems.map((i) => i.id)));
    for (const r of await all(first.runId)) {
      const a = acks.get(r.sourceId)!;
      const want = r.outcome === 'accepted' ? 'accepted' : r.outcome === 'held' ? 'held' : 'rejected';
      expect(a.outcome, r.sourceId).toBe(want);
      if (r.outcome === 'held') expect(a.code).toBe(r.problems.find((p) => p.severity === 'review')!.code);
      if (r.outcome === 'rejected') expect(a.code).toBe(r.problems.find((p) => p.severity === 'error')!.code);
      if (r.outcome === 'accepted') expect(a.code).toBeUndefined();
    }
    const pending = b.ws.db.prepare(`SELECT COUNT(*) FROM readings_archive WHERE ack = 'pending'`).pluck().get();
    expect(pending).toBe(0);
  });

  it('a second import fetches nothing already processed; a new feed file is read from the stored cursor', async () => {
    const acksBefore = acksWritten().length;
    const again = await job('readings.import', { source: 'portal' });
    expect(again).toMatchObject({ status: 'completed', read: 0, accepted: 0, held: 0, rejected: 0 });
    expect(acksWritten().length).toBe(acksBefore);
    // The portal adds a file: two new readings and one it sends again.
    const base = feedItems.find((i) => i.meter_id !== 'M99999999')!;
    const next: FeedReading[] = [
      { ...feedItems[feedItems.length - 1] },
      { ...base, id: 'demo-new-1', meter_id: 'M99999998', reading_date: base.reading_date },
      { ...base, id: 'demo-new-2', meter_id: 'M99999997', reading_date: base.reading_date },
    ];
    const dir = join(ws.dir, 'portal', 'inbox', 'readings');
    writeFileSync(join(dir, '.zz-next.tmp'), JSON.stringify({ items: next }));
    renameSync(join(dir, '.zz-next.tmp'), join(dir, 'zz-next.json'));
    const third = await job('readings.import', { source: 'portal' });
    expect(third).toMatchObject({ status: 'completed', read: 2, rejected: 2 });
    expect(third.errors.map((p) => p.code)).toContain('SAL-2050'); // the repeated one, skipped
    expect((await all(third.runId)).map((r) => r.sourceId).sort()).toEqual(['demo-new-1', 'demo-new-2']);
    expect(lastAckById().get('demo-new-1')).toMatchObject({ outcome: 'rejected', code: 'SAL-2001' });
  });

  it('the history of a meter and of a premises lists its archived readings', async () => {
    const some = (await all(first.runId, 'accepted'))[0];
    const byMeter = await call<ReadingView[]>('readings.history', { meterId: some.meterId });
    expect(byMeter.map((r) => r.key)).toContain(some.key);
    const byAccount = await call<ReadingView[]>('readings.history', { accountNo: some.accountNo });
    expect(byAccount.map((r) => r.key)).toContain(some.key);
    expect(byAccount.every((r) => r.accountNo === some.accountNo)).toBe(true);
  });

  it('filters the grids by building and medium, and lists the buildings and media present', async () => {
    const page = await call<ReadingsPage>('readings.list', { runId: first.runId, limit: 10 });
    expect(page.total).toBe(first.read);
    expect(page.rows.length).toBe(10);
    expect(page.buildings.length).toBeGreaterThan(0);
    expect(page.media).toContain('cold_water');
    const building = page.buildings[0];
    const inBuilding = await call<ReadingsPage>('readings.list', { runId: first.runId, building, medium: 'cold_water', limit: 5000 });
    expect(inBuilding.rows.length).toBeGreaterThan(0);
    expect(inBuilding.rows.every((r) => r.building === building && r.medium === 'cold_water')).toBe(true);
    const search = await call<ReadingsPage>('readings.list', { runId: first.runId, search: inBuilding.rows[0].meterId });
    expect(search.rows.every((r) => r.meterId === inBuilding.rows[0].meterId)).toBe(true);
  });
});

describe('review of held readings', () => {
  it('rejects one with a note: the portal is told "rejected" with the rule code, and who decided is kept', async () => {
    const held = await all(first.runId, 'held');
    const target = held[0];
    const r = await call<ReadingsReviewResult>('readings.review', { keys: [target.key], decision: 'reject', note: 'Mieszkaniec potwierdził pomyłkę' });
    expect(r).toEqual({ accepted: 0, rejected: 1, errors: [] });
    const after = (await all(first.runId)).find((x) => x.key === target.key)!;
    expect(after).toMatchObject({ outcome: 'rejected', decidedBy: 'admin', note: 'Mieszkaniec potwierdził pomyłkę' });
    expect(after.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(after.problems.map((p: Problem) => p.code)).toContain('SAL-2058');
    expect(lastAckById().get(target.sourceId)).toMatchObject({ outcome: 'rejected', code: target.problems.find((p) => p.severity === 'review')!.code });
    expect(accountingRows(`portal:${target.sourceId}`)).toEqual([]);
  });

  it('accepts the others at once: they are written to the accounting database and acknowledged as accepted', async () => {
    const held = await all(first.runId, 'held');
    expect(held.length).toBeGreaterThan(1);
    const r = await call<ReadingsReviewResult>('readings.review', { keys: held.map((h) => h.key), decision: 'accept', note: 'Sprawdzone u mieszkańców' });
    expect(r).toEqual({ accepted: held.length, rejected: 0, errors: [] });
    for (const h of held) {
      expect(accountingRows(`portal:${h.sourceId}`).map((x) => x.value)).toEqual([h.normalized]);
      expect(lastAckById().get(h.sourceId)).toEqual({ id: h.sourceId, outcome: 'accepted' });
    }
    expect(await all(first.runId, 'held')).toEqual([]);
    const audit = b.ws.audit.list(20).filter((e) => e.action === 'readings.review');
    expect(audit.map((e) => e.detail.decision)).toEqual(['accept', 'reject']);
  });

  it('refuses to decide a reading that is not held, and a key that does not exist, as coded problems', async () => {
    const accepted = (await all(first.runId, 'accepted'))[0];
    const r = await call<ReadingsReviewResult>('readings.review', { keys: [accepted.key, '987654321'], decision: 'reject', note: 'x' });
    expect(r.accepted + r.rejected).toBe(0);
    expect(r.errors.map((p) => p.code).sort()).toEqual(['SAL-2055', 'SAL-2056']);
    expect((await all(first.runId)).find((x) => x.key === accepted.key)!.outcome).toBe('accepted');
  });
});

describe('re-check after a correction in the accounting system', () => {
  it('a reading rejected for an unknown meter is accepted once the meter exists, and written', async () => {
    const noMeter = (await all(first.runId, 'rejected')).find((r) => r.problems.some((p) => p.code === 'SAL-2001') && r.meterId === 'M99999999')!;
    expect(noMeter).toBeDefined();
    const item = feedItems.find((i) => i.id === noMeter.sourceId)!;
    const acc = new Database(join(ws.dir, 'accounting.sqlite'));
    const premises = acc.prepare(`SELECT premises_id FROM premises WHERE account_no = ?`).pluck().get(item.account_no);
    acc
      .prepare(
        `INSERT INTO meters (meter_code, premises_id, medium, serial, radio_id, automatic, tariff_zones, register_digits, decimals, unit, installed_on, removed_on, verification_due, replaces_meter_id)
         VALUES (?, ?, 'cold_water', 'NEW-1', NULL, 0, 1, 5, 3, 'm3', '2020-01-01', NULL, '2030-01-01', NULL)`,
      )
      .run(item.meter_id, premises);
    acc.close();
    const s = await job('readings.recheck', { runId: first.runId, keys: [noMeter.key] });
    expect(s.status).toBe('completed');
    expect(s.read).toBe(1);
    expect(s.accepted).toBe(1);
    const after = (await all(first.runId)).find((r) => r.key === noMeter.key)!;
    expect(after.outcome).toBe('accepted');
    expect(after.runId).toBe(s.runId);
    expect(accountingRows(`portal:${noMeter.sourceId}`).map((r) => r.meter)).toEqual([item.meter_id]);
    expect(lastAckById().get(noMeter.sourceId)).toEqual({ id: noMeter.sourceId, outcome: 'accepted' });
  });
});

describe('the demo radio file', () => {
  it('imports with the demo administrator’s saved mapping: Windows-1250, decimal comma, an alarm, a value that is not a number', async () => {
    const dir = join(ws.dir, 'readings');
    const file = readdirSync(dir).find((f) => f.startsWith('radio-'))!;
    const s = await job('readings.import', { source: 'file', fileName: file, content: readFileSync(join(dir, file)).toString('base64'), format: 'csv', mapping: 'radio-demo' });
    expect(s.status).toBe('completed');
    expect(s.accepted).toBeGreaterThan(50);
    expect(s.rejected).toBeGreaterThanOrEqual(3);
    for (const code of ['SAL-2001', 'SAL-2007', 'SAL-2015', 'SAL-2021']) expect(s.byCode[code], code).toBe(1);
    expect(accountingRows('radio:').length).toBe(s.accepted);
    // Radio readings are not the portal's: nothing to acknowledge.
    expect(b.ws.db.prepare(`SELECT COUNT(*) FROM readings_archive WHERE source = 'radio' AND ack <> 'none'`).pluck().get()).toBe(0);
    const again = await job('readings.import', { source: 'file', fileName: `copy of ${file}`, content: readFileSync(join(dir, file)).toString('base64'), format: 'csv', mapping: 'radio-demo' });
    expect(again).toMatchObject({ status: 'completed', read: 0 });
    expect(again.errors.map((p) => p.code)).toEqual(['SAL-2050']);
  });

  it('a Ukrainian demo writes its radio file in Windows-1251 with a Cyrillic header, and it imports', async () => {
    const uk = await makeDemoWorkspace({ premises: 60, months: 3, locale: 'uk', seed: 'readings-uk' });
    const bu = createBackend(uk.configFile, { ports: { pdf: new ChromiumPdfPrinter() }, emit: () => {}, throttleMs: 0 });
    try {
      const dir = join(uk.dir, 'readings');
      const file = readdirSync(dir).find((f) => f.startsWith('radio-'))!;
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes(Buffer.from('Показник', 'utf8'))).toBe(false); // not UTF-8
      const r = await bu.dispatcher.handle('readings.import', { source: 'file', fileName: file, content: bytes.toString('base64'), format: 'csv', mapping: 'radio-demo' }, { session: { actor: bu.ws.operators.find('admin') }, trustedSender: true });
      const fin = (await bu.jobs.wait((r as { ok: true; value: { jobId: string } }).value.jobId))!;
      const s = fin.result as ReadingsImportSummary;
      expect(s.status).toBe('completed');
      expect(s.accepted).toBeGreaterThan(0);
      expect(s.byCode['SAL-2007']).toBe(1);
      expect(s.errors.find((p) => p.code === 'SAL-2007')!.message).toMatch(/[а-яі]/i);
    } finally {
      await bu.close();
      uk.cleanup();
    }
  });
});
