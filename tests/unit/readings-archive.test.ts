// The readings service's small parts on a real store file: the archive's already-processed guard
// (a file's readings found by their hash prefix, and only those), the list's filters (a search is
// literal text, never a LIKE pattern), the acknowledgement a resident sees, and the period that
// judges a batch of readings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';
import { ReadingsArchive, type ArchiveInsert } from '../../main/readings/archive';
import { periodFor } from '../../main/readings/facts';
import { ackFor } from '../../main/readings/pipeline';
import type { RawReading } from '../../main/readings/types';
import { Journal } from '../../main/store/journal';
import { openStore, type Db } from '../../main/store/store';

let dir: string;
let db: Db;
let runId: number;

const raw = (sourceId: string, extra: Partial<RawReading> = {}): RawReading => ({ sourceId, source: 'radio', serial: 'S1', readingDate: '2026-11-03', value: '1.5', ...extra });
const row = (r: RawReading, extra: Partial<ArchiveInsert> = {}): ArchiveInsert => ({ runId, raw: r, readingKey: `${r.source}:${r.sourceId}`, zone: 1, outcome: 'accepted', problems: [], ack: 'none', ...extra });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-readings-archive-'));
  db = openStore(join(dir, 'store.sqlite'));
  runId = new Journal(db).start({ operator: 'admin', kind: 'readings-import' });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the readings archive', () => {
  it('finds a file’s processed readings by its hash prefix, and no other file’s', () => {
    const a = new ReadingsArchive(db);
    a.insertMany([row(raw('abcd:2')), row(raw('abcd:3:1')), row(raw('abce:2')), row(raw('abc:2')), row(raw('p-1', { source: 'portal' }))]);
    expect([...a.processedOf('radio', ['abcd:2', 'abcd:3:1', 'abcd:4'])].sort()).toEqual(['abcd:2', 'abcd:3:1']);
    expect([...a.processedOf('radio', ['abc:2', 'abc:9'])]).toEqual(['abc:2']);
    expect([...a.processedOf('portal', ['p-1', 'p-2'])]).toEqual(['p-1']);
    expect([...a.processedOf('radio', ['p-1'])]).toEqual([]); // another source's id
  });

  it('refuses to archive one source item twice (the guard is also a constraint), all or nothing', () => {
    const a = new ReadingsArchive(db);
    a.insertMany([row(raw('f:2'))]);
    expect(() => a.insertMany([row(raw('f:3')), row(raw('f:2'))])).toThrow(/UNIQUE/);
    expect(a.processed('radio', 'f:3')).toBe(false);
  });

  it('searches literally: % and _ in a search are text, not patterns', () => {
    const a = new ReadingsArchive(db);
    a.insertMany([row(raw('f:2', { serial: 'AB%1' })), row(raw('f:3', { serial: 'ABX1' })), row(raw('f:4', { serial: 'A_C' })), row(raw('f:5', { serial: 'ABC' }))]);
    expect(a.list({ search: '%' }).rows.map((r) => r.serial)).toEqual(['AB%1']);
    expect(a.list({ search: '_' }).rows.map((r) => r.serial)).toEqual(['A_C']);
    expect(a.list({ search: 'ab' }).total).toBe(3);
  });

  it('lists by run, outcome, building and medium, with the facets of the run', () => {
    const a = new ReadingsArchive(db);
    a.insertMany([
      row(raw('f:2'), { building: 'B1', medium: 'cold_water', outcome: 'held' }),
      row(raw('f:3'), { building: 'B2', medium: 'hot_water', outcome: 'held' }),
      row(raw('f:4'), { building: 'B2', medium: 'cold_water' }),
    ]);
    const held = a.list({ runId, outcome: 'held' });
    expect(held.total).toBe(2);
    expect(held.buildings).toEqual(['B1', 'B2']);
    expect(held.media).toEqual(['cold_water', 'hot_water']);
    expect(a.list({ runId, outcome: 'held', building: 'B2' }).rows.map((r) => r.sourceId)).toEqual(['f:3']);
    expect(a.list({ runId: runId + 1 }).total).toBe(0);
  });
});

describe('the acknowledgement a resident sees', () => {
  const p = (code: Parameters<typeof problem>[0], params: Record<string, string | number> = {}): Problem => problem(code, 'pl', params);
  it('names the rule that held or rejected a reading, and nothing for an accepted one', () => {
    expect(ackFor('1', 'accepted', [p('SAL-2022', { meter: 'M1' })])).toEqual({ id: '1', outcome: 'accepted' });
    expect(ackFor('2', 'held', [p('SAL-2018')])).toMatchObject({ outcome: 'held', code: 'SAL-2018' });
    expect(ackFor('3', 'rejected', [p('SAL-2021'), p('SAL-2015')])).toMatchObject({ outcome: 'rejected', code: 'SAL-2015' });
    expect(ackFor('4', 'superseded', [p('SAL-2027')])).toMatchObject({ outcome: 'rejected', code: 'SAL-2027' });
  });
  it('after an operator rejected a held reading, still names the rule, not the operator’s internal note', () => {
    const a = ackFor('5', 'rejected', [p('SAL-2018'), p('SAL-2058', { operator: 'admin', note: 'internal' })]);
    expect(a).toMatchObject({ outcome: 'rejected', code: 'SAL-2018' });
    expect(a.message).not.toContain('internal');
  });
});

describe('the period that judges the readings', () => {
  const r = (readingDate: string) => raw('x', { readingDate });
  it('is the month most readings are dated in: a stray date years ahead does not move it', () => {
    expect(periodFor([r('2026-11-02'), r('2026-11-05'), r('2031-11-03'), r('not a date')], undefined, '2026-10')).toBe('2026-11');
    expect(periodFor([r('2026-10-30'), r('2026-11-02')], undefined, '2026-10')).toBe('2026-11'); // a tie: the later
    expect(periodFor([r('garbage')], undefined, '2026-10')).toBe('2026-10');
    expect(periodFor([r('2026-11-02')], '2026-09', '2026-10')).toBe('2026-09');
  });
});
