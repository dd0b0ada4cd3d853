// What was delivered, read back for "send changed" (main/www/delivered.ts): on a real store file,
// across several pages of the paged read, with awkward keys, records delivered as not in billing,
// fingerprints of earlier versions, and by account through an account index.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRow } from '../../shared/domain/accounting';
import { Journal } from '../../main/store/journal';
import { openStore, type Db } from '../../main/store/store';
import { Delivered, NOT_IN_BILLING, type DeliveredRow } from '../../main/www/delivered';
import { AccountIndex } from '../../main/www/records';

let root: string;
let db: Db;
let runId: number;
const PERIOD = '2026-10';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'saldo-delivered-'));
  db = openStore(join(root, 'store.sqlite'));
  runId = new Journal(db).start({ operator: 'admin', kind: 'www-send', period: PERIOD, mode: 'all' });
});
afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('delivered fingerprints', () => {
  // More than two pages of the paged read, keys that sort and escape awkwardly, and each kind of row.
  const awkward = ['', ' ', 'a"b', 'a\\b', 'zażółć', 'Ж-17', 'x\u0000y', '😀', 'a'.repeat(200)];
  const keys = [...awkward, ...Array.from({ length: 45_000 }, (_, i) => `K${String(i).padStart(6, '0')}`)];
  const fingerprint = (i: number) => (i * 2_654_435_761) % 2 ** 53;

  beforeAll(() => {
    const d = new Delivered(db);
    const rows: DeliveredRow[] = keys.map((key, i) => (i % 1000 === 5 ? { key, hash: NOT_IN_BILLING, status: 'not_in_billing' } : { key, hash: fingerprint(i), status: 'active' }));
    for (let i = 0; i < rows.length; i += 5000) d.record('charges', PERIOD, `b${i}`, runId, rows.slice(i, i + 5000));
    d.record('charges', '2026-09', 'other-period', runId, [{ key: 'K000001', hash: 1, status: 'active' }]);
    // A fingerprint written by an earlier version: SHA-1 in base64url.
    db.prepare(`UPDATE www_delivered SET hash = 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is' WHERE category = 'charges' AND period = ? AND record_key = 'K000007'`).run(PERIOD);
  });

  it('reads every record of the category and period back, exactly, across pages', async () => {
    const got = await new Delivered(db).load('charges', PERIOD);
    expect(got.others.size).toBe(keys.length);
    keys.forEach((key, i) => {
      const want = key === 'K000007' ? undefined : i % 1000 === 5 ? NOT_IN_BILLING : fingerprint(i);
      if (want !== undefined) expect(got.get(key), JSON.stringify(key)).toBe(want);
    });
    expect(got.get('K000001')).toBe(fingerprint(awkward.length + 1)); // not the other period's
    expect(got.get('no such key')).toBeUndefined();
  });

  it('never matches a fingerprint of an earlier version, so that record goes again once', async () => {
    const got = await new Delivered(db).load('charges', PERIOD);
    const v = got.get('K000007')!;
    expect(v).toBeLessThan(0);
    expect(v).not.toBe(NOT_IN_BILLING);
  });

  it('holds the records of indexed accounts by account, and the rest by key', async () => {
    const index = new AccountIndex('en');
    const row = (account_no: string): AccountRow => ({
      account_no,
      premises_kind: 'residential',
      building: 'B1',
      address: 'ul. Testowa 1',
      unit: '1',
      area_m2: '50.00',
      residents_count: 2,
      owner_name: 'Jan Nowak',
      portal_enabled: true,
      portal_group: 'member',
      virtual_account: '61109010140000071219812874',
      info1: null,
      info2: null,
      info3: null,
      info4: null,
      status: 'active',
    });
    for (const k of ['K000100', 'K000200', 'zażółć', 'NOT-DELIVERED']) index.add(row(k));
    index.finish();
    const got = await new Delivered(db).load('charges', PERIOD, index);
    expect(got.ofAccount(index.accounts.get('K000100')!)).toBe(fingerprint(awkward.length + 100));
    expect(got.ofAccount(index.accounts.get('zażółć')!)).toBe(fingerprint(awkward.indexOf('zażółć')));
    expect(got.ofAccount(index.accounts.get('NOT-DELIVERED')!)).toBeUndefined();
    expect(got.get('K000200')).toBe(fingerprint(awkward.length + 200));
    expect(got.others.has('K000100')).toBe(false);
    expect(got.others.size).toBe(keys.length - 3);
  });
});
