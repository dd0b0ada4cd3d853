// "Nothing half-written": the accounting database really refuses a batch half-way through an import
// (a trigger that aborts the insert, in SQLite's own transaction), and the import fails with the
// batches before it written and archived, nothing of the failing batch anywhere, and the rest left
// for the next run — which finishes the job without writing anything twice. Cancel behaves alike.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadingsImportSummary } from '../../shared/ipc/contract-readings';
import { openWorkspace, type Workspace } from '../../main/engine/workspace';
import type { JobContext } from '../../main/engine/jobs';
import { importReadings } from '../../main/readings/service';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let ws: Workspace;
let fileReq: { source: 'file'; fileName: string; content: string; format: 'csv'; mapping: string };

const noPortal = async () => {
  throw new Error('a file import opens no portal');
};
const ctx = (onProgress?: (phase: string, done: number) => void, controller = new AbortController()): JobContext => ({
  signal: controller.signal,
  progress: (phase, done) => onProgress?.(phase, done),
});

function accounting<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(demo.dir, 'accounting.sqlite'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const writtenKeys = () => accounting((db) => db.prepare(`SELECT reading_key FROM meter_readings WHERE reading_key LIKE 'radio:%' ORDER BY reading_key`).pluck().all() as string[]);
const archived = (outcome?: string) =>
  (outcome
    ? ws.db.prepare(`SELECT reading_key FROM readings_archive WHERE source = 'radio' AND outcome = ? ORDER BY reading_key`).pluck().all(outcome)
    : ws.db.prepare(`SELECT reading_key FROM readings_archive WHERE source = 'radio' ORDER BY reading_key`).pluck().all()) as string[];

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 400, months: 3, seed: 'readings-fail' });
  ws = openWorkspace(demo.configFile);
  const dir = join(demo.dir, 'readings');
  const file = readdirSync(dir).find((f) => f.startsWith('radio-'))!;
  fileReq = { source: 'file', fileName: file, content: readFileSync(join(dir, file)).toString('base64'), format: 'csv', mapping: 'radio-demo' };
});
afterAll(async () => {
  await ws?.close();
  demo?.cleanup();
});

describe('the accounting write fails half-way', () => {
  let failed: ReadingsImportSummary;

  it('fails the run with SAL-2051; the batches before are written and archived, the failing one is nowhere', async () => {
    accounting((db) =>
      db.exec(`CREATE TRIGGER planted_failure BEFORE INSERT ON meter_readings
               WHEN NEW.reading_key LIKE 'radio:%' AND (SELECT COUNT(*) FROM meter_readings WHERE reading_key LIKE 'radio:%') >= 100
               BEGIN SELECT RAISE(ABORT, 'planted failure'); END`),
    );
    const admin = ws.operators.find('admin')!;
    failed = await importReadings(ws, admin, fileReq, ctx(), noPortal, { batchSize: 50 });
    expect(failed.status).toBe('failed');
    expect(failed.errors.at(-1)!.code).toBe('SAL-2051');
    expect(failed.errors.at(-1)!.message).toContain('planted failure');
    expect(failed.errors.map((p) => p.code)).toContain('SAL-2064');
    // Two whole batches in the database, and exactly those archived as accepted.
    expect(writtenKeys().length).toBe(100);
    expect(archived('accepted')).toEqual(writtenKeys());
    expect(failed.accepted).toBe(100);
    // The readings that were never to be written are archived with their outcome.
    expect(archived('rejected').length).toBe(failed.rejected);
    expect(failed.rejected).toBeGreaterThanOrEqual(3);
    expect(ws.journal.get(failed.runId)!.status).toBe('failed');
  });

  it('a re-run after the cause is fixed finishes the job: every accepted reading written exactly once', async () => {
    accounting((db) => db.exec(`DROP TRIGGER planted_failure`));
    const admin = ws.operators.find('admin')!;
    const rerun = await importReadings(ws, admin, fileReq, ctx(), noPortal, { batchSize: 50 });
    expect(rerun.status).toBe('completed');
    expect(rerun.errors.map((p) => p.code)).toContain('SAL-2050'); // the lines already processed, skipped
    expect(rerun.accepted).toBeGreaterThan(50);
    expect(rerun.rejected).toBe(0); // the rejected ones were processed by the first run
    const keys = writtenKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(100 + rerun.accepted);
    expect(archived('accepted')).toEqual(keys);
    // Every line of the file is archived once, across both runs.
    const all = archived();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(failed.read);
  });
});

describe('Cancel during the write', () => {
  it('stops after the batch in flight: the run is cancelled and the archive holds exactly what was written', async () => {
    const other = await makeDemoWorkspace({ premises: 400, months: 3, seed: 'readings-cancel' });
    const w = openWorkspace(other.configFile);
    try {
      const dir = join(other.dir, 'readings');
      const file = readdirSync(dir).find((f) => f.startsWith('radio-'))!;
      const req = { source: 'file' as const, fileName: file, content: readFileSync(join(dir, file)).toString('base64'), format: 'csv' as const, mapping: 'radio-demo' };
      const controller = new AbortController();
      const s = await importReadings(
        w,
        w.operators.find('admin')!,
        req,
        ctx((phase, done) => {
          if (phase === 'write' && done >= 40) controller.abort(new DOMException('cancelled by the operator', 'AbortError'));
        }, controller),
        noPortal,
        { batchSize: 20 },
      );
      expect(s.status).toBe('cancelled');
      const db = new Database(join(other.dir, 'accounting.sqlite'), { readonly: true });
      const written = db.prepare(`SELECT reading_key FROM meter_readings WHERE reading_key LIKE 'radio:%' ORDER BY reading_key`).pluck().all();
      db.close();
      // Cancel came after the second batch was archived, with the third already sent: that one
      // is finished and archived too, and nothing after it is sent.
      expect(written.length).toBe(60);
      expect(w.db.prepare(`SELECT reading_key FROM readings_archive WHERE outcome = 'accepted' ORDER BY reading_key`).pluck().all()).toEqual(written);
      expect(w.journal.get(s.runId)!.status).toBe('cancelled');
    } finally {
      await w.close();
      other.cleanup();
    }
  });
});
