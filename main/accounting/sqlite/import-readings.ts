// import_readings on the SQLite demo: what sql/mssql/03-procedures.sql saldo.import_readings does
// on SQL Server, over the demo schema. One IMMEDIATE transaction per call: every row written or
// none (any SQLite error rolls the batch back and is SAL-5051). Per row, in input order:
//   - reading_key already recorded (or earlier in this call)      → already
//   - no such meter (on that account, when the account is given)   → refused
//   - not a meter value, or a zone the meter does not have         → refused
//   - a reading for the meter, day and zone is recorded: the same value → already, another → refused
//   - otherwise                                                    → written (with its reading_key)
// The writes go through their own connection: the gateway's reading connection is read-only.

import Database from 'better-sqlite3';
import { basename } from 'node:path';
import type { Locale } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import type { AcceptedReading, ImportReadingResult } from '../../readings/types';
import { isReadingValue, readingRows, sameDecimal } from '../reading-rows';


/** Adds the reading_key column to a demo database made before it existed (schema version 1). */
function upgrade(db: Database.Database): void {
  const cols = db.prepare(`SELECT name FROM pragma_table_info('meter_readings')`).pluck().all() as string[];
  if (cols.includes('reading_key')) return;
  db.transaction(() => {
    db.exec(`ALTER TABLE meter_readings ADD COLUMN reading_key TEXT`);
    db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS readings_key ON meter_readings(reading_key) WHERE reading_key IS NOT NULL`);
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)`).run('2');
  }).immediate();
}

/**
 * Puts the demo file in WAL mode when it is not yet (a moment with no reader is needed, so the
 * gateway does it when it opens, before any export runs): in WAL, importReadings can commit while
 * an export is being read. Best effort — a read-only file or a busy one stays as it is.
 */
export function preferWal(path: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
  } catch {
    // stays in rollback-journal mode; the writer tries again when it opens
  } finally {
    db?.close();
  }
}

export class SqliteReadingsWriter {
  private constructor(
    private readonly db: Database.Database,
    private readonly locale: Locale,
  ) {}

  /** Opens a writable connection to the demo file; SAL-5052 when it cannot be. */
  static open(path: string, locale: Locale): SqliteReadingsWriter {
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { fileMustExist: true });
      db.pragma('busy_timeout = 2000');
      // Index pages of a large readings table, kept between batches (the default cache holds ~2 MiB).
      db.pragma('cache_size = -65536');
      // WAL: the gateway's reading connection (or another process) may be in the middle of an
      // export; in rollback-journal mode the commit would wait for it, blocking the event loop.
      // Switching needs a moment with no reader; if there is none now, the next open tries again.
      try {
        db.pragma('journal_mode = WAL');
      } catch {
        // stays in rollback-journal mode for now
      }
      upgrade(db);
      return new SqliteReadingsWriter(db, locale);
    } catch (e) {
      db?.close();
      throw new ProblemError(problem('SAL-5052', locale, { detail: `${basename(path)}: ${(e as Error).message}` }));
    }
  }

  import(rows: AcceptedReading[]): ImportReadingResult[] {
    const checked = readingRows(rows, this.locale);
    const byKey = this.db.prepare(`SELECT 1 FROM meter_readings WHERE reading_key = ?`).pluck();
    const meterByCode = this.db.prepare(`SELECT m.meter_id, m.tariff_zones FROM meters m WHERE m.meter_code = ? ORDER BY m.meter_id LIMIT 1`);
    const meterOnAccount = this.db.prepare(
      `SELECT m.meter_id, m.tariff_zones FROM meters m JOIN premises p ON p.premises_id = m.premises_id WHERE m.meter_code = ? AND p.account_no = ? ORDER BY m.meter_id LIMIT 1`,
    );
    const recorded = this.db.prepare(`SELECT value FROM meter_readings WHERE meter_id = ? AND reading_date = ? AND zone = ? ORDER BY reading_id LIMIT 1`).pluck();
    const insert = this.db.prepare(`INSERT INTO meter_readings (meter_id, reading_date, zone, value, source, reading_key) VALUES (?, ?, ?, ?, ?, ?)`);

    const run = this.db.transaction((): ImportReadingResult[] => {
      const seen = new Set<string>();
      return checked.map((r): ImportReadingResult => {
        const key = r.reading_key;
        if (seen.has(key) || byKey.get(key) !== undefined) return { reading_key: key, status: 'already' };
        seen.add(key);
        const meter = (r.account_no === null ? meterByCode.get(r.meter_id) : meterOnAccount.get(r.meter_id, r.account_no)) as { meter_id: number; tariff_zones: number } | undefined;
        if (!meter) return { reading_key: key, status: 'refused', message: r.account_no === null ? `no meter ${r.meter_id}` : `no meter ${r.meter_id} on account ${r.account_no}` };
        if (!isReadingValue(r.value)) return { reading_key: key, status: 'refused', message: `not a meter value: ${r.value}` };
        if (r.zone > meter.tariff_zones) return { reading_key: key, status: 'refused', message: `the meter has no tariff zone ${r.zone}` };
        const prior = recorded.get(meter.meter_id, r.reading_date, r.zone) as string | undefined;
        if (prior !== undefined) {
          return sameDecimal(prior, r.value)
            ? { reading_key: key, status: 'already', message: 'an equal reading for this meter, date and zone is already recorded' }
            : { reading_key: key, status: 'refused', message: `a reading of ${prior} for this meter, date and zone is already recorded` };
        }
        insert.run(meter.meter_id, r.reading_date, r.zone, r.value, r.source, key);
        return { reading_key: key, status: 'written' };
      });
    });
    try {
      return run.immediate();
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      throw new ProblemError(problem('SAL-5051', this.locale, { detail: (e as Error).message }));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
