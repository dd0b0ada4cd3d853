// What the portal has: per category, period and record, the fingerprint of the fields last
// delivered (fingerprint.ts; stored as its decimal text) and the batch that carried them. Written
// only after the portal accepted a batch, in one transaction per batch, so a cancelled or failed
// send leaves exactly what was delivered.

import { nowIso, type Db } from '../store/store';
import { yieldToLoop } from '../engine/jobs';
import type { AccountIndex, AccountInfo } from './records';

/** In a loaded map: a record delivered as not in billing (a fingerprint is never negative). */
export const NOT_IN_BILLING = -1;
/**
 * In a loaded map: a record delivered by an earlier version, whose hash was SHA-1 in base64url (27
 * characters; a fingerprint has at most 16 digits). It equals no fingerprint, so it is sent again once.
 */
const EARLIER_HASH = -2;

/** Fingerprints read per statement by load(): each call stays short (a few milliseconds) for the event loop. */
const LOAD_PAGE = 10_000;

export interface DeliveredRow {
  key: string;
  /** The fingerprint; NOT_IN_BILLING for a record delivered as not in billing. */
  hash: number;
  status: 'active' | 'not_in_billing';
}

/**
 * The fingerprints delivered for one category and period: key → fingerprint, or NOT_IN_BILLING for
 * a record delivered as not in billing. With an account index, the records of its accounts are
 * held in an array by account id, so a per-account category looks each record up by the account it
 * already holds instead of hashing its key into another map of 200,000 (most of the cost of
 * comparing); the other keys (all, without an index) are in `others`.
 */
export class DeliveredFingerprints {
  constructor(
    private readonly index: AccountIndex | null,
    private readonly byId: Float64Array,
    readonly others: Map<string, number>,
  ) {}

  get(key: string): number | undefined {
    const info = this.index?.accounts.get(key);
    return info ? this.ofAccount(info) : this.others.get(key);
  }

  /** For an account of the index given to load(). */
  ofAccount(info: AccountInfo): number | undefined {
    const v = this.byId[info.id];
    return Number.isNaN(v) ? undefined : v;
  }
}

export class Delivered {
  constructor(private readonly db: Db) {}

  /**
   * The fingerprints of one category and period, for "send changed". Read a page at a time as two
   * JSON arrays built by SQLite (keys, fingerprints; both aggregate the same rows, so they align):
   * one call per page instead of one per row halves the time at 720,000 fingerprints a send.
   * Yields to the event loop between pages.
   */
  async load(category: string, period: string, index: AccountIndex | null = null): Promise<DeliveredFingerprints> {
    const byId = new Float64Array(index ? index.accounts.size : 0).fill(Number.NaN);
    const others = new Map<string, number>();
    const stmt = this.db
      .prepare(
        `SELECT json_group_array(record_key), json_group_array(fingerprint), max(record_key) FROM (
           SELECT record_key,
                  CASE WHEN status <> 'active' THEN :notInBilling WHEN length(hash) > 16 THEN :earlier ELSE CAST(hash AS INTEGER) END AS fingerprint
           FROM www_delivered WHERE category = :category AND period = :period AND record_key >= :from
           ORDER BY record_key LIMIT :limit)`,
      )
      .raw();
    // Pages follow the key order; the next starts at the least string above the last key (it + NUL).
    for (let from = ''; ; ) {
      const [keyList, fingerprintList, last] = stmt.get({ notInBilling: NOT_IN_BILLING, earlier: EARLIER_HASH, category, period, from, limit: LOAD_PAGE }) as [string, string, string | null];
      if (last === null) break;
      const keys = JSON.parse(keyList) as string[];
      const fingerprints = JSON.parse(fingerprintList) as number[];
      for (let i = 0; i < keys.length; i++) {
        const info = index?.accounts.get(keys[i]);
        if (info) byId[info.id] = fingerprints[i];
        else others.set(keys[i], fingerprints[i]);
      }
      from = `${last}\u0000`;
      await yieldToLoop();
    }
    return new DeliveredFingerprints(index, byId, others);
  }

  /** Accounts active on the portal as last delivered: from the latest period delivered up to `period`. */
  activeAccounts(period: string): { period: string | null; keys: Set<string> } {
    const latest = this.db
      .prepare(`SELECT MAX(period) FROM www_delivered WHERE category = 'accounts' AND period <= ?`)
      .pluck()
      .get(period) as string | null;
    if (!latest) return { period: null, keys: new Set() };
    const keys = this.db
      .prepare(`SELECT record_key FROM www_delivered WHERE category = 'accounts' AND period = ? AND status = 'active'`)
      .pluck()
      .all(latest) as string[];
    return { period: latest, keys: new Set(keys) };
  }

  record(category: string, period: string, batchId: string, runId: number, rows: DeliveredRow[]): void {
    const up = this.db.prepare(
      `INSERT INTO www_delivered (category, period, record_key, hash, status, batch_id, run_id, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (category, period, record_key) DO UPDATE SET hash = excluded.hash, status = excluded.status, batch_id = excluded.batch_id,
         run_id = excluded.run_id, delivered_at = excluded.delivered_at`,
    );
    const at = nowIso();
    this.db.transaction(() => {
      for (const r of rows) up.run(category, period, r.key, r.status === 'active' ? String(r.hash) : 'not_in_billing', r.status, batchId, runId, at);
    })();
  }

  /** A portal receipt rejected records of a batch: they were not delivered after all. Answers the category and period. */
  forget(batchId: string, keys: string[]): { category: string; period: string; keys: string[] } | null {
    const row = this.db.prepare(`SELECT category, period FROM www_delivered WHERE batch_id = ? LIMIT 1`).get(batchId) as { category: string; period: string } | undefined;
    if (!row) return null;
    const del = this.db.prepare(`DELETE FROM www_delivered WHERE batch_id = ? AND record_key = ?`);
    const gone: string[] = [];
    this.db.transaction(() => {
      for (const k of keys) if (del.run(batchId, k).changes > 0) gone.push(k);
    })();
    return { ...row, keys: gone };
  }

  lastCount(category: string, period: string): number | null {
    const r = this.db
      .prepare(`SELECT records FROM www_category_stats WHERE category = ? AND period <= ? ORDER BY period DESC LIMIT 1`)
      .pluck()
      .get(category, period) as number | undefined;
    return r ?? null;
  }

  setCount(category: string, period: string, records: number, runId: number): void {
    this.db
      .prepare(`INSERT INTO www_category_stats (category, period, records, run_id, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (category, period) DO UPDATE SET records = excluded.records, run_id = excluded.run_id, at = excluded.at`)
      .run(category, period, records, runId, nowIso());
  }
}
