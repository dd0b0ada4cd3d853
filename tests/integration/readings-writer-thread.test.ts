// The demo's import_readings runs on a worker thread of its own (so the demo, like a SQL Server,
// commits a batch while Saldo archives the one before). The thread must answer exactly as the
// writer on the main thread does: one transaction per call, calls taken in the order sent, its
// connection's failures as the same catalogue problems, and nothing after close.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../shared/errors/problem';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { ReadingsWriterThread } from '../../main/accounting/sqlite/readings-writer-thread';
import type { AcceptedReading } from '../../main/readings/types';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let meters: Array<{ meter_code: string; account_no: string; value: string }>;
const file = () => join(demo.dir, 'accounting.sqlite');

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 60, months: 2, seed: 'writer-thread' });
  const db = new Database(file(), { readonly: true });
  meters = db
    .prepare(
      `SELECT m.meter_code, p.account_no, (SELECT MAX(r.value) FROM meter_readings r WHERE r.meter_id = m.meter_id) AS value
       FROM meters m JOIN premises p ON p.premises_id = m.premises_id
       WHERE m.removed_on IS NULL AND m.tariff_zones = 1 AND p.account_no <> '' ORDER BY m.meter_id LIMIT 6`,
    )
    .all() as typeof meters;
  db.close();
});
afterAll(() => demo?.cleanup());

const row = (i: number, key = `thread:${i}`): AcceptedReading => ({
  reading_key: key,
  meter_id: meters[i].meter_code,
  account_no: meters[i].account_no,
  reading_date: '2026-11-02',
  zone: 1,
  value: meters[i].value,
  source: 'radio',
});

describe('the writer thread of the demo', () => {
  it('takes calls in the order sent, each its own transaction, answering as the main-thread writer', async () => {
    const thread = (await ReadingsWriterThread.open(file(), 'en'))!;
    expect(thread).not.toBeNull();
    try {
      // Sent together, without waiting: the second call sees the first one's reading as written.
      const [a, b] = await Promise.all([thread.import([row(0), row(1)]), thread.import([row(1, 'thread:1'), row(2), { ...row(3), meter_id: 'NO-SUCH-METER' }])]);
      expect(a.map((r) => r.status)).toEqual(['written', 'written']);
      expect(b.map((r) => r.status)).toEqual(['already', 'written', 'refused']);
      expect(b[2].message).toContain('NO-SUCH-METER');
    } finally {
      await thread.close();
    }
    const db = new Database(file(), { readonly: true });
    expect(db.prepare(`SELECT reading_key FROM meter_readings WHERE reading_key LIKE 'thread:%' ORDER BY reading_key`).pluck().all()).toEqual(['thread:0', 'thread:1', 'thread:2']);
    db.close();
  });

  it('refuses a call after close with a catalogue problem, not a hang', async () => {
    const thread = (await ReadingsWriterThread.open(file(), 'pl'))!;
    await thread.close();
    const e = await thread.import([row(4)]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).problem.code).toBe('SAL-5051');
  });

  it('a file that is not a database is SAL-5052 from the thread, as on the main thread', async () => {
    const bad = join(demo.dir, 'not-a-database.sqlite');
    writeFileSync(bad, 'this is text, not SQLite');
    const e = await ReadingsWriterThread.open(bad, 'uk').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).problem.code).toBe('SAL-5052');
    expect((e as ProblemError).problem.message).toMatch(/[а-яіїє]/i);
  });

  it('the gateway writes through its thread and its close ends the thread (the process is not kept alive)', async () => {
    const gw = SqliteAccountingGateway.open(file(), 'en');
    gw.prepareImportReadings();
    const res = await gw.importReadings([row(5, 'thread:gw')]);
    expect(res).toEqual([{ reading_key: 'thread:gw', status: 'written' }]);
    await gw.close();
    // a second close is harmless
    await gw.close();
  });
});
