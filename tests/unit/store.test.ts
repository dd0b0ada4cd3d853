import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProblemError } from '../../shared/errors/problem';
import { Audit } from '../../main/store/audit';
import { Journal } from '../../main/store/journal';
import { SCHEMA_VERSION } from '../../main/store/migrations';
import { Operators } from '../../main/store/operators';
import { Settings } from '../../main/store/settings';
import { openStore, type Db } from '../../main/store/store';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-store-'));
  db = openStore(join(dir, 'store.sqlite'));
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('local store', () => {
  it('runs the numbered migrations once, in WAL mode', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    db = openStore(join(dir, 'store.sqlite')); // a second open applies nothing and fails nothing
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('refuses a store written by a newer version, with SAL-6011', () => {
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    try {
      openStore(join(dir, 'store.sqlite'), 'pl');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemError);
      expect((e as ProblemError).problem.code).toBe('SAL-6011');
    }
  });

  it('journals a run from start to finish with counts, totals and duration', () => {
    const j = new Journal(db);
    const id = j.start({ operator: 'admin', kind: 'cycle', period: '2026-10' });
    expect(j.get(id)!.status).toBe('running');
    const r = j.finish(id, { status: 'completed', counts: { accounts: 3 }, totals: { charges_total: '12.34' } });
    expect(r).toMatchObject({ id, status: 'completed', counts: { accounts: 3 }, totals: { charges_total: '12.34' }, operator: 'admin', period: '2026-10' });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
    expect(r.started).toMatch(/Z$/);
    expect(() => j.finish(id, { status: 'failed' })).toThrow(/not running/);
    j.addRecords(id, [{ category: 'accounts', key: '01', outcome: 'error', code: 'SAL-5002', detail: 'x' }]);
    expect(j.records(id)).toHaveLength(1);
    expect(j.list(10).map((x) => x.id)).toEqual([id]);
  });

  it('closes runs left running by a process that died', () => {
    const j = new Journal(db);
    const id = j.start({ operator: 'admin', kind: 'cycle' });
    db.prepare('UPDATE runs SET pid = 999999999 WHERE id = ?').run(id);
    const live = j.start({ operator: 'admin', kind: 'cycle' });
    expect(j.closeAbandoned()).toBe(1);
    expect(j.get(id)!.status).toBe('failed');
    expect(j.get(live)!.status).toBe('running');
  });

  it('keeps the audit log append-only', () => {
    const a = new Audit(db);
    a.append('admin', 'settings.change', 'ui.locale', { value: 'en' });
    expect(a.list()).toHaveLength(1);
    expect(() => db.prepare('UPDATE audit_log SET operator = ?').run('mallory')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(a.list()[0].operator).toBe('admin');
  });

  it('stores settings and operators', () => {
    const s = new Settings(db);
    s.set('ui.locale', 'uk', 'admin');
    s.set('ui.locale', 'en', 'admin');
    expect(s.get('ui.locale')).toBe('en');
    const o = new Operators(db);
    o.add({ name: 'Anna', displayName: 'Anna Nowak', role: 'auditor' });
    expect(o.find('anna')).toMatchObject({ name: 'Anna', role: 'auditor', grants: [] });
    expect(o.find('nobody')).toBeNull();
    expect(() => o.add({ name: 'ANNA', displayName: 'x', role: 'operator' })).toThrow();
  });

  it('has no store file other than the one it was given (SQLite, not JSON)', () => {
    const raw = new Database(join(dir, 'store.sqlite'), { readonly: true });
    const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    raw.close();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_log', 'connection_profiles', 'operators', 'run_records', 'runs', 'settings']));
  });
});
