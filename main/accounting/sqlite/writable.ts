// The demo's writers (import_readings, import_portal_payments, import_bank_items, the
// registered_accounts table) each write through a connection of their own: the gateway's reading
// connection is read-only. They open it alike: WAL when the file allows (a write commits while an
// export is being read; switching needs a moment with no reader, so a later open tries again), a
// busy timeout, the tables a demo file made by an older version lacks, and the feature's own
// catalogue problem when the file cannot be opened for writing.

import Database from 'better-sqlite3';
import { basename } from 'node:path';
import type { Locale } from '../../../shared/domain/types';
import { problem, ProblemError, type Params } from '../../../shared/errors/problem';
import type { ErrorCode } from '../../../shared/errors/catalogue';

export interface WritableOptions {
  /** The problem when the file cannot be opened for writing (its detail names the file and the cause). */
  code: ErrorCode;
  /** Brings a demo file made before a table or column existed up to date (in its own transaction). */
  upgrade?: (db: Database.Database) => void;
  /** Page cache in KiB, for writers that touch large indexes batch after batch. */
  cacheKiB?: number;
}

export function openWritable(path: string, locale: Locale, opts: WritableOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 2000');
    if (opts.cacheKiB) db.pragma(`cache_size = ${-Math.floor(opts.cacheKiB)}`);
    try {
      db.pragma('journal_mode = WAL');
    } catch {
      // stays in rollback-journal mode for now
    }
    opts.upgrade?.(db);
    return db;
  } catch (e) {
    db?.close();
    const params: Params = { detail: `${basename(path)}: ${(e as Error).message}` };
    throw new ProblemError(problem(opts.code, locale, params));
  }
}

/** Creates `table` with `ddl` when the demo file has no such table yet. */
export function ensureTable(db: Database.Database, table: string, ddl: string): void {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  if (!has) db.transaction(() => db.exec(ddl)).immediate();
}
