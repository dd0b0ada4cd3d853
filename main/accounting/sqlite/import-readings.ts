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
import type { Locale } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import type { AcceptedReading, ImportReadingResult } from '../../readings/types';
import { isReadingValue, readingRows, sameDecimal } from '../reading-rows';
import { openWritable } from './writable';


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

interface MeterHit {
  meter_code: string;
  meter_id: number;
  tariff_zones: number;
  account_no: string | null;
}

const dayKey = (meterId: number, date: string, zone: number) => `${meterId}\u0000${date}\u0000${zone}`;

/** Every statement takes its batch as one JSON array parameter (json_each), so a batch is a few calls. */
function prepare(db: Database.Database) {
  return {
    keysRecorded: db.prepare(`SELECT reading_key FROM meter_readings WHERE reading_key IN (SELECT value FROM json_each(?))`).pluck(),
    // meter_code is unique: the meter named, with its premises' account (checked against the row's).
    metersByCode: db.prepare(
      `SELECT m.meter_code, m.meter_id, m.tariff_zones, p.account_no FROM meters m LEFT JOIN premises p ON p.premises_id = m.premises_id
       WHERE m.meter_code IN (SELECT value FROM json_each(?))`,
    ),
    // The first recorded value (lowest reading_id) per meter, day and zone asked for.
    recordedOn: db.prepare(
      `SELECT r.meter_id, r.reading_date, r.zone, r.value FROM meter_readings r
       WHERE r.reading_id IN (
         SELECT (SELECT x.reading_id FROM meter_readings x WHERE x.meter_id = j.value ->> 0 AND x.reading_date = j.value ->> 1 AND x.zone = j.value ->> 2 ORDER BY x.reading_id LIMIT 1)
         FROM json_each(?) j)`,
    ),
    insertMany: db.prepare(
      `INSERT INTO meter_readings (meter_id, reading_date, zone, value, source, reading_key)
       SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5 FROM json_each(?) j ORDER BY j.key`,
    ),
  };
}

export class SqliteReadingsWriter {
  /** The batch statements, prepared on the first call and reused (the schema is known by then). */
  private stmts: ReturnType<typeof prepare> | undefined;

  private constructor(
    private readonly db: Database.Database,
    private readonly locale: Locale,
  ) {}

  /** Opens a writable connection to the demo file (adding reading_key to an older one); SAL-5052 when it cannot be. */
  static open(path: string, locale: Locale): SqliteReadingsWriter {
    // Index pages of a large readings table are kept between batches (the default cache holds ~2 MiB).
    return new SqliteReadingsWriter(openWritable(path, locale, { code: 'SAL-5052', upgrade, cacheKiB: 65536 }), locale);
  }

  import(rows: AcceptedReading[]): ImportReadingResult[] {
    const checked = readingRows(rows, this.locale);
    const st = (this.stmts ??= prepare(this.db));
    // Set-based per batch: one query each for the keys already recorded, the meters named and the
    // readings already recorded on their days (instead of three point queries per row), and one
    // INSERT … SELECT FROM json_each for the rows to write. Answers are decided row by row in
    // input order, exactly as the per-row procedure does; rows of this call that write a day count
    // as recorded for the later rows of the call.
    const run = this.db.transaction((): ImportReadingResult[] => {
      const known = new Set(st.keysRecorded.all(JSON.stringify(checked.map((r) => r.reading_key))) as string[]);
      // Only rows not answered `already` by their key need their meter and their day looked up.
      const open = checked.filter((r) => !known.has(r.reading_key));
      const meters = new Map<string, MeterHit>();
      if (open.length) for (const m of st.metersByCode.all(JSON.stringify([...new Set(open.map((r) => r.meter_id))])) as MeterHit[]) meters.set(m.meter_code, m);
      // The candidate days: (meter, date, zone) of every such row whose meter exists; the first recorded value of each.
      const wanted: Array<[number, string, number]> = [];
      for (const r of open) {
        const m = meters.get(r.meter_id);
        if (m) wanted.push([m.meter_id, r.reading_date, r.zone]);
      }
      const recorded = new Map<string, string>();
      if (wanted.length) {
        for (const x of st.recordedOn.all(JSON.stringify(wanted)) as Array<{ meter_id: number; reading_date: string; zone: number; value: string }>) {
          recorded.set(dayKey(x.meter_id, x.reading_date, x.zone), x.value);
        }
      }
      const seen = new Set<string>();
      const inserts: Array<[number, string, number, string, string, string]> = [];
      const out = checked.map((r): ImportReadingResult => {
        const key = r.reading_key;
        if (seen.has(key) || known.has(key)) return { reading_key: key, status: 'already' };
        seen.add(key);
        const hit = meters.get(r.meter_id);
        const meter = hit && (r.account_no === null || hit.account_no === r.account_no) ? hit : undefined;
        if (!meter) return { reading_key: key, status: 'refused', message: r.account_no === null ? `no meter ${r.meter_id}` : `no meter ${r.meter_id} on account ${r.account_no}` };
        if (!isReadingValue(r.value)) return { reading_key: key, status: 'refused', message: `not a meter value: ${r.value}` };
        if (r.zone > meter.tariff_zones) return { reading_key: key, status: 'refused', message: `the meter has no tariff zone ${r.zone}` };
        const day = dayKey(meter.meter_id, r.reading_date, r.zone);
        const prior = recorded.get(day);
        if (prior !== undefined) {
          return sameDecimal(prior, r.value)
            ? { reading_key: key, status: 'already', message: 'an equal reading for this meter, date and zone is already recorded' }
            : { reading_key: key, status: 'refused', message: `a reading of ${prior} for this meter, date and zone is already recorded` };
        }
        recorded.set(day, r.value);
        inserts.push([meter.meter_id, r.reading_date, r.zone, r.value, r.source, key]);
        return { reading_key: key, status: 'written' };
      });
      if (inserts.length) {
        const n = st.insertMany.run(JSON.stringify(inserts)).changes;
        if (n !== inserts.length) throw new Error(`${n} of ${inserts.length} readings inserted`);
      }
      return out;
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
