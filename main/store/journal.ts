// The run journal: one row per run (who, when, what, period, mode, counts, duration, status) and
// per-record outcomes. A run is opened as 'running' and closed exactly once.

import type { Problem, RunRecord, RunStatus } from '../../shared/domain/types';
import { nowIso, type Db } from './store';

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  operator: string;
  kind: string;
  period: string | null;
  mode: string | null;
  status: RunStatus;
  counts: string;
  totals: string;
  problems: string;
  duration_ms: number | null;
}

export interface RunStart {
  operator: string;
  kind: string;
  period?: string | null;
  mode?: string | null;
}

export interface RunFinish {
  status: Exclude<RunStatus, 'running'>;
  counts?: Record<string, number>;
  totals?: Record<string, string>;
  problems?: Problem[];
}

export interface RecordOutcome {
  category: string;
  key: string | null;
  outcome: string;
  code?: string | null;
  detail?: string | null;
}

function toRecord(r: RunRow): RunRecord {
  return {
    id: r.id,
    started: r.started_at,
    finished: r.finished_at,
    operator: r.operator,
    kind: r.kind,
    period: r.period,
    mode: r.mode,
    status: r.status,
    counts: JSON.parse(r.counts),
    totals: JSON.parse(r.totals),
    problems: JSON.parse(r.problems),
    durationMs: r.duration_ms,
  };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Journal {
  constructor(private readonly db: Db) {}

  start(run: RunStart): number {
    const info = this.db
      .prepare(`INSERT INTO runs (started_at, operator, kind, period, mode, status, pid) VALUES (?, ?, ?, ?, ?, 'running', ?)`)
      .run(nowIso(), run.operator, run.kind, run.period ?? null, run.mode ?? null, process.pid);
    return Number(info.lastInsertRowid);
  }

  finish(id: number, f: RunFinish): RunRecord {
    const finished = nowIso();
    const row = this.db.prepare(`SELECT started_at FROM runs WHERE id = ? AND status = 'running'`).get(id) as { started_at: string } | undefined;
    if (!row) throw new Error(`run ${id} is not running`);
    const duration = Date.parse(finished) - Date.parse(row.started_at);
    this.db
      .prepare(`UPDATE runs SET finished_at = ?, status = ?, counts = ?, totals = ?, problems = ?, duration_ms = ? WHERE id = ?`)
      .run(finished, f.status, JSON.stringify(f.counts ?? {}), JSON.stringify(f.totals ?? {}), JSON.stringify(f.problems ?? []), duration, id);
    return this.get(id)!;
  }

  addRecords(runId: number, records: RecordOutcome[]): void {
    const ins = this.db.prepare(`INSERT INTO run_records (run_id, category, record_key, outcome, code, detail) VALUES (?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const r of records) ins.run(runId, r.category, r.key, r.outcome, r.code ?? null, r.detail ?? null);
    })();
  }

  records(runId: number): RecordOutcome[] {
    return (this.db.prepare(`SELECT category, record_key AS key, outcome, code, detail FROM run_records WHERE run_id = ? ORDER BY id`).all(runId) as RecordOutcome[]);
  }

  get(id: number): RunRecord | null {
    const r = this.db.prepare(`SELECT * FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
    return r ? toRecord(r) : null;
  }

  list(limit = 100): RunRecord[] {
    return (this.db.prepare(`SELECT * FROM runs ORDER BY id DESC LIMIT ?`).all(limit) as RunRow[]).map(toRecord);
  }

  /** Runs left 'running' by a process that no longer exists (a crash, a killed job) are closed as failed. */
  closeAbandoned(): number {
    const rows = this.db.prepare(`SELECT id, pid FROM runs WHERE status = 'running'`).all() as { id: number; pid: number | null }[];
    let n = 0;
    for (const r of rows) {
      if (r.pid !== null && r.pid !== process.pid && !pidAlive(r.pid)) {
        this.finish(r.id, { status: 'failed', problems: [] });
        n++;
      }
    }
    return n;
  }
}
