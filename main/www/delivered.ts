// What the portal has: per category, period and record, the hash of the fields last delivered
// and the batch that carried them. Written only after the portal accepted a batch, in one
// transaction per batch, so a cancelled or failed send leaves exactly what was delivered.

import { nowIso, type Db } from '../store/store';
import { Breather, yieldToLoop } from '../engine/jobs';

/** The hash recorded for a record delivered as not in billing (a real hash is base64url, never this). */
export const NOT_IN_BILLING = 'not_in_billing';

export interface DeliveredRow {
  key: string;
  hash: string;
  status: 'active' | 'not_in_billing';
}

export class Delivered {
  constructor(private readonly db: Db) {}

  /**
   * The hashes of one category and period, for "send changed": key → hash, or NOT_IN_BILLING for a
   * record delivered as not in billing. Strings, not objects: at 200,000 premises a category holds
   * up to 200,000 of them. Yields to the event loop while it reads.
   */
  async load(category: string, period: string): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const breathe = new Breather();
    const stmt = this.db.prepare(`SELECT record_key, CASE status WHEN 'active' THEN hash ELSE ? END FROM www_delivered WHERE category = ? AND period = ?`).raw();
    for (const [key, hash] of stmt.iterate(NOT_IN_BILLING, category, period) as IterableIterator<[string, string]>) {
      out.set(key, hash);
      if (breathe.due()) {
        await yieldToLoop();
        breathe.reset();
      }
    }
    return out;
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
      for (const r of rows) up.run(category, period, r.key, r.hash, r.status, batchId, runId, at);
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
