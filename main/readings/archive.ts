// The readings archive in the local store (migration 004): every processed reading with its source,
// what the rules found, what the accounting database answered, the portal acknowledgement and who
// decided a held one; the portal cursor per feed. SQL only through parameters; the list query is
// assembled from constant fragments chosen by which filters are set, never from values.

import type { Problem } from '../../shared/domain/types';
import type { ReadingOutcomeName, ReadingView, ReadingsPage } from '../../shared/ipc/contract-readings';
import { nowIso, type Db } from '../store/store';
import type { RawReading, ReadingSource } from './types';

export type WrittenState = 'written' | 'already';
export type AckState = 'none' | 'pending' | 'sent';

/** One reading to archive: the raw reading, the verdict and its context. */
export interface ArchiveInsert {
  runId: number;
  raw: RawReading;
  readingKey: string;
  meterId?: string;
  accountNo?: string;
  building?: string;
  address?: string;
  medium?: string;
  unit?: string;
  zone: number;
  normalized?: string;
  previousValue?: string;
  previousDate?: string;
  consumption?: string;
  outcome: ReadingOutcomeName;
  problems: Problem[];
  supersededBy?: string;
  written?: WrittenState;
  ack: AckState;
}

export interface ArchiveRow {
  id: number;
  run_id: number;
  judged_run_id: number | null;
  source: ReadingSource;
  source_id: string;
  reading_key: string;
  raw: string;
  meter_id: string | null;
  serial: string | null;
  radio_id: string | null;
  account_no: string | null;
  building: string | null;
  address: string | null;
  medium: string | null;
  unit: string | null;
  zone: number;
  reading_date: string;
  value: string;
  normalized: string | null;
  previous_value: string | null;
  previous_date: string | null;
  consumption: string | null;
  outcome: ReadingOutcomeName;
  problems: string;
  superseded_by: string | null;
  written: WrittenState | null;
  ack: AckState;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
  file: string | null;
  line: number | null;
}

/** A new verdict on an archived reading (review or re-check). */
export interface Verdict {
  judgedRunId?: number;
  outcome: ReadingOutcomeName;
  problems: Problem[];
  meterId?: string | null;
  accountNo?: string | null;
  building?: string | null;
  address?: string | null;
  medium?: string | null;
  unit?: string | null;
  normalized?: string | null;
  previousValue?: string | null;
  previousDate?: string | null;
  consumption?: string | null;
  supersededBy?: string | null;
  written?: WrittenState | null;
  ack: AckState;
  decidedBy?: string | null;
  note?: string | null;
}

export interface ListFilter {
  runId?: number;
  outcome?: ReadingOutcomeName;
  building?: string;
  medium?: string;
  search?: string;
  offset?: number;
  limit?: number;
}

const opt = <T>(v: T | null | undefined): T | undefined => (v === null || v === undefined ? undefined : v);

export function toView(r: ArchiveRow): ReadingView {
  const v: ReadingView = {
    key: String(r.id),
    runId: r.judged_run_id ?? r.run_id,
    source: r.source,
    sourceId: r.source_id,
    zone: r.zone,
    readingDate: r.reading_date,
    value: r.value,
    outcome: r.outcome,
    problems: JSON.parse(r.problems) as Problem[],
  };
  const extra: Partial<ReadingView> = {
    meterId: opt(r.meter_id),
    serial: opt(r.serial),
    radioId: opt(r.radio_id),
    accountNo: opt(r.account_no),
    building: opt(r.building),
    address: opt(r.address),
    medium: opt(r.medium) as ReadingView['medium'],
    normalized: opt(r.normalized),
    previousValue: opt(r.previous_value),
    previousDate: opt(r.previous_date),
    consumption: opt(r.consumption),
    unit: opt(r.unit),
    decidedBy: opt(r.decided_by),
    decidedAt: opt(r.decided_at),
    note: opt(r.note),
    file: opt(r.file),
    line: opt(r.line),
  };
  for (const [k, val] of Object.entries(extra)) if (val !== undefined) (v as unknown as Record<string, unknown>)[k] = val;
  return v;
}

// The list's WHERE clauses: constant fragments, each with its bound value(s).
const WHERE = {
  runId: 'id IN (SELECT id FROM readings_archive WHERE run_id = ? UNION SELECT id FROM readings_archive WHERE judged_run_id = ?)',
  outcome: 'outcome = ?',
  building: 'building = ?',
  medium: 'medium = ?',
  search: "(meter_id LIKE ? ESCAPE '\\' OR serial LIKE ? ESCAPE '\\' OR radio_id LIKE ? ESCAPE '\\' OR account_no LIKE ? ESCAPE '\\' OR address LIKE ? ESCAPE '\\')",
} as const;

const likeArg = (s: string) => '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

export class ReadingsArchive {
  private readonly processedStmt;
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.processedStmt = db.prepare(`SELECT 1 FROM readings_archive WHERE source = ? AND source_id = ?`).pluck();
    this.insertStmt = db.prepare(`
      INSERT INTO readings_archive (run_id, judged_run_id, source, source_id, reading_key, raw, meter_id, serial, radio_id, account_no,
        building, address, medium, unit, zone, reading_date, value, normalized, previous_value, previous_date, consumption, outcome,
        problems, superseded_by, written, ack, file, line, archived_at)
      VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /**
   * The already-processed guard for many items: those of `ids` archived by an earlier run. A file's
   * readings share its hash as the prefix of their ids, so they are found with one range scan.
   */
  processedOf(source: ReadingSource, ids: readonly string[]): Set<string> {
    const found = new Set<string>();
    if (!ids.length) return found;
    const colon = ids[0].indexOf(':');
    const prefix = colon > 0 ? ids[0].slice(0, colon + 1) : null;
    if (prefix && ids.every((id) => id.startsWith(prefix))) {
      // ';' sorts right after ':', so [prefix, prefix-with-';') holds exactly the ids with the prefix.
      const upper = prefix.slice(0, -1) + ';';
      const rows = this.db.prepare(`SELECT source_id FROM readings_archive WHERE source = ? AND source_id >= ? AND source_id < ?`).pluck().all(source, prefix, upper) as string[];
      for (const r of rows) found.add(r);
      return found;
    }
    for (const id of ids) if (this.processed(source, id)) found.add(id);
    return found;
  }

  /** The already-processed guard: this source item was archived by an earlier run. */
  processed(source: ReadingSource, sourceId: string): boolean {
    return this.processedStmt.get(source, sourceId) === 1;
  }

  /** Archives readings in one transaction (all or none). */
  insertMany(rows: ArchiveInsert[]): void {
    if (!rows.length) return;
    const at = nowIso();
    // Positional parameters: a 100,000-reading import archives every reading, and binding by
    // position is much cheaper than by name.
    this.db.transaction(() => {
      for (const r of rows) {
        const raw = r.raw;
        this.insertStmt.run(
          r.runId,
          raw.source,
          raw.sourceId,
          r.readingKey,
          JSON.stringify(raw),
          r.meterId ?? raw.meterId ?? null,
          raw.serial ?? null,
          raw.radioId ?? null,
          r.accountNo ?? raw.accountNo ?? null,
          r.building ?? null,
          r.address ?? null,
          r.medium ?? null,
          r.unit ?? null,
          r.zone,
          raw.readingDate,
          raw.value,
          r.normalized ?? null,
          r.previousValue ?? null,
          r.previousDate ?? null,
          r.consumption ?? null,
          r.outcome,
          r.problems.length ? JSON.stringify(r.problems) : '[]',
          r.supersededBy ?? null,
          r.written ?? null,
          r.ack,
          raw.file ?? null,
          raw.line ?? null,
          at,
        );
      }
    })();
  }

  byIds(ids: number[]): ArchiveRow[] {
    const out: ArchiveRow[] = [];
    const stmt = this.db.prepare(`SELECT * FROM readings_archive WHERE id = ?`);
    for (const id of ids) {
      const r = stmt.get(id) as ArchiveRow | undefined;
      if (r) out.push(r);
    }
    return out;
  }

  /** Readings of a run still waiting for a decision: held, or (for a re-check) rejected. */
  ofRun(runId: number, outcomes: ReadingOutcomeName[]): ArchiveRow[] {
    const stmt = this.db.prepare(`SELECT * FROM readings_archive WHERE (run_id = ? OR judged_run_id = ?) AND outcome = ? ORDER BY id`);
    return outcomes.flatMap((o) => stmt.all(runId, runId, o) as ArchiveRow[]);
  }

  /** Records a new verdict (a review decision or a re-check) in one statement per reading. */
  update(rows: Array<{ id: number; verdict: Verdict }>): void {
    if (!rows.length) return;
    const stmt = this.db.prepare(`
      UPDATE readings_archive SET judged_run_id = COALESCE(@judgedRunId, judged_run_id), outcome = @outcome, problems = @problems,
        meter_id = COALESCE(@meterId, meter_id), account_no = COALESCE(@accountNo, account_no), building = COALESCE(@building, building),
        address = COALESCE(@address, address), medium = COALESCE(@medium, medium), unit = COALESCE(@unit, unit),
        normalized = COALESCE(@normalized, normalized), previous_value = COALESCE(@previousValue, previous_value),
        previous_date = COALESCE(@previousDate, previous_date), consumption = COALESCE(@consumption, consumption),
        superseded_by = @supersededBy, written = COALESCE(@written, written), ack = @ack,
        decided_by = COALESCE(@decidedBy, decided_by), decided_at = CASE WHEN @decidedBy IS NULL THEN decided_at ELSE @at END,
        note = COALESCE(@note, note)
      WHERE id = @id`);
    const at = nowIso();
    this.db.transaction(() => {
      for (const { id, verdict: v } of rows) {
        stmt.run({
          id,
          at,
          judgedRunId: v.judgedRunId ?? null,
          outcome: v.outcome,
          problems: JSON.stringify(v.problems),
          meterId: v.meterId ?? null,
          accountNo: v.accountNo ?? null,
          building: v.building ?? null,
          address: v.address ?? null,
          medium: v.medium ?? null,
          unit: v.unit ?? null,
          normalized: v.normalized ?? null,
          previousValue: v.previousValue ?? null,
          previousDate: v.previousDate ?? null,
          consumption: v.consumption ?? null,
          supersededBy: v.supersededBy ?? null,
          written: v.written ?? null,
          ack: v.ack,
          decidedBy: v.decidedBy ?? null,
          note: v.note ?? null,
        });
      }
    })();
  }

  list(f: ListFilter): ReadingsPage {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.runId !== undefined) {
      where.push(WHERE.runId);
      args.push(f.runId, f.runId);
    }
    if (f.outcome) {
      where.push(WHERE.outcome);
      args.push(f.outcome);
    }
    // Buildings and media offered by the filter lists: those under the run and outcome filters.
    const facetWhere = where.length ? ' WHERE ' + where.join(' AND ') : '';
    const facetArgs = [...args];
    if (f.building) {
      where.push(WHERE.building);
      args.push(f.building);
    }
    if (f.medium) {
      where.push(WHERE.medium);
      args.push(f.medium);
    }
    if (f.search?.trim()) {
      where.push(WHERE.search);
      const s = likeArg(f.search.trim());
      args.push(s, s, s, s, s);
    }
    const w = where.length ? ' WHERE ' + where.join(' AND ') : '';
    const total = this.db.prepare('SELECT COUNT(*) FROM readings_archive' + w).pluck().get(...args) as number;
    const rows = this.db
      .prepare('SELECT * FROM readings_archive' + w + ' ORDER BY building, account_no, meter_id, zone, reading_date, id LIMIT ? OFFSET ?')
      .all(...args, f.limit ?? 500, f.offset ?? 0) as ArchiveRow[];
    const buildings = this.db
      .prepare('SELECT DISTINCT building FROM readings_archive' + facetWhere + (facetWhere ? ' AND' : ' WHERE') + ' building IS NOT NULL ORDER BY building')
      .pluck()
      .all(...facetArgs) as string[];
    const media = this.db
      .prepare('SELECT DISTINCT medium FROM readings_archive' + facetWhere + (facetWhere ? ' AND' : ' WHERE') + ' medium IS NOT NULL ORDER BY medium')
      .pluck()
      .all(...facetArgs) as string[];
    return { rows: rows.map(toView), total, buildings, media };
  }

  /** A meter's or a premises' archived readings, newest first. */
  history(by: { meterId: string } | { accountNo: string }, limit = 1000): ReadingView[] {
    const rows =
      'meterId' in by
        ? this.db.prepare(`SELECT * FROM readings_archive WHERE meter_id = ? ORDER BY reading_date DESC, zone, id DESC LIMIT ?`).all(by.meterId, limit)
        : this.db.prepare(`SELECT * FROM readings_archive WHERE account_no = ? ORDER BY reading_date DESC, meter_id, zone, id DESC LIMIT ?`).all(by.accountNo, limit);
    return (rows as ArchiveRow[]).map(toView);
  }

  /** Portal readings whose acknowledgement has not reached the portal yet, oldest first. */
  pendingAcks(limit: number): ArchiveRow[] {
    return this.db.prepare(`SELECT * FROM readings_archive WHERE ack = 'pending' ORDER BY id LIMIT ?`).all(limit) as ArchiveRow[];
  }

  markAcked(ids: number[]): void {
    const stmt = this.db.prepare(`UPDATE readings_archive SET ack = 'sent' WHERE id = ? AND ack = 'pending'`);
    this.db.transaction(() => {
      for (const id of ids) stmt.run(id);
    })();
  }

  cursor(feed: string): string | null {
    return (this.db.prepare(`SELECT cursor FROM readings_cursor WHERE feed = ?`).pluck().get(feed) as string | null | undefined) ?? null;
  }

  setCursor(feed: string, cursor: string | null, runId: number): void {
    this.db
      .prepare(`INSERT INTO readings_cursor (feed, cursor, run_id, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, run_id = excluded.run_id, updated_at = excluded.updated_at`)
      .run(feed, cursor, runId, nowIso());
  }
}
