// What an import and a re-check share once they have raw readings: judge them against the
// accounting facts, write the accepted ones to the accounting database in batches (one transaction
// per batch there), archive every reading with its outcome, and acknowledge portal readings.
//
// Order and failure rules (issue 5 point 3, "nothing half-written"):
// - readings that are not to be written (held, rejected, duplicate, superseded) are archived first;
// - accepted readings go in batches; a batch is archived, with what the database answered, only
//   after the database committed it — so when a batch fails (or the operator cancels) the archive
//   holds exactly what was written, the run is failed (cancelled), and the readings not archived
//   are processed by the next run (the portal cursor was not moved; a file re-imported skips only
//   the archived lines). A crash between the database's commit and the archive's is harmless: the
//   re-run's batch is answered `already` (idempotent by reading_key) and archived then.
// - portal acknowledgements are kept 'pending' in the archive and sent afterwards; any that do not
//   reach the portal go with the next portal import.

import { randomBytes } from 'node:crypto';
import type { Operator } from '../../shared/domain/permissions';
import type { Locale, Problem } from '../../shared/domain/types';
import { ProblemError, problem } from '../../shared/errors/problem';
import type { ReadingOutcomeName, ReadingsImportSummary } from '../../shared/ipc/contract-readings';
import type { AccountingGateway } from '../accounting/port';
import type { RunScope } from '../cycle/run-scope';
import type { JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import type { AckItem, PortalGateway } from '../portal/port';
import type { RecordOutcome } from '../store/journal';
import { ReadingsArchive, type ArchiveInsert, type ArchiveRow, type Verdict, type WrittenState } from './archive';
import type { Facts } from './facts';
import { Pace } from './pace';
import type { AcceptedReading, ReadingDecision } from './types';

/** Accepted readings per import_readings call (one accounting transaction each). */
export const WRITE_BATCH = 1000;
/** Readings per archive transaction for those not written. */
const ARCHIVE_CHUNK = 2000;
/** Record problems listed in a summary (byCode counts them all). */
export const MAX_LISTED_PROBLEMS = 1000;
/** Problems kept in full in the run row (as RunScope does). */
const MAX_PROBLEMS_IN_RUN = 500;

/** The operator's rejection of a held reading (review.ts). */
export const OPERATOR_REJECTED = 'SAL-2058';

export const readingKeyOf = (d: Pick<ReadingDecision, 'raw'>): string => `${d.raw.source}:${d.raw.sourceId}`;

/** The acknowledgement a portal resident sees for a reading's outcome. */
export function ackFor(sourceId: string, outcome: ReadingOutcomeName, problems: readonly Problem[]): AckItem {
  if (outcome === 'accepted') return { id: sourceId, outcome: 'accepted' };
  // The rule's finding tells the resident why; an operator's rejection (SAL-2058) of a held reading
  // carries an internal note, so the rule that held it is what the portal shows.
  const p =
    outcome === 'held'
      ? problems.find((x) => x.severity === 'review')
      : (problems.find((x) => x.severity === 'error' && x.code !== OPERATOR_REJECTED) ?? problems.find((x) => x.severity === 'review') ?? problems.find((x) => x.severity === 'error') ?? problems[0]);
  const item: AckItem = { id: sourceId, outcome: outcome === 'held' ? 'held' : 'rejected' };
  if (p) {
    item.code = p.code.slice(0, 64);
    item.message = p.message.slice(0, 2000);
  }
  return item;
}

/** The running totals of one run: the summary's counts, the listed problems, the journal's records. */
export class Tally {
  read = 0;
  accepted = 0;
  held = 0;
  rejected = 0;
  duplicates = 0;
  superseded = 0;
  written = 0;
  already = 0;
  readonly byCode: Record<string, number> = {};
  /** File-level and run-level problems. */
  readonly general: Problem[] = [];
  /** Readings' problems, listed up to MAX_LISTED_PROBLEMS. */
  readonly listed: Problem[] = [];

  constructor(private readonly scope: RunScope) {}

  /** A file- or run-level problem: in the summary and in the journal. */
  generalProblem(p: Problem): void {
    this.general.push(p);
    this.scope.problem(p, 'readings');
  }

  outcome(o: ReadingOutcomeName, problems: readonly Problem[], n = 1): void {
    if (o === 'accepted') this.accepted += n;
    else if (o === 'held') this.held += n;
    else if (o === 'rejected') this.rejected += n;
    else if (o === 'duplicate') this.duplicates += n;
    else this.superseded += n;
    for (const p of problems) {
      this.byCode[p.code] = (this.byCode[p.code] ?? 0) + 1;
      if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(p);
      // The run row keeps the first problems in full, as for other runs; each reading has its own
      // journal record (records()), so the problems are not recorded twice.
      this.scope.problemCount++;
      if (this.scope.problems.length < MAX_PROBLEMS_IN_RUN) this.scope.problems.push(p);
    }
  }

  /** The run's counts in the journal (keys readings.* — the run summary labels them). */
  toJournal(): void {
    const c = this.scope;
    const counts: Record<string, number> = {
      read: this.read,
      accepted: this.accepted,
      held: this.held,
      rejected: this.rejected,
      duplicates: this.duplicates,
      superseded: this.superseded,
      written: this.written,
      already: this.already,
    };
    for (const [k, v] of Object.entries(counts)) if (v || k === 'read') c.count(`readings.${k}`, v);
  }

  summary(runId: number, status: ReadingsImportSummary['status'], failure?: Problem): ReadingsImportSummary {
    const errors = [...this.general, ...this.listed];
    if (failure && !errors.includes(failure)) errors.push(failure);
    return {
      runId,
      status,
      read: this.read,
      accepted: this.accepted,
      held: this.held,
      rejected: this.rejected,
      duplicates: this.duplicates,
      superseded: this.superseded,
      byCode: this.byCode,
      errors,
    };
  }
}

/** How a judged reading is stored: as a new archive row (import) or over an existing one (re-check). */
export type Persist = { kind: 'insert' } | { kind: 'update'; idOf: (sourceKey: string) => number };

interface Entry {
  d: ReadingDecision;
  outcome: ReadingOutcomeName;
  problems: Problem[];
  written?: WrittenState;
}

export class Committer {
  private readonly archive: ReadingsArchive;
  private readonly locale: Locale;
  private readonly pace: Pace;

  constructor(
    private readonly ws: Workspace,
    private readonly scope: RunScope,
    private readonly ctx: JobContext,
    private readonly tally: Tally,
    private readonly facts: Facts,
    private readonly persist: Persist,
    private readonly decidedBy?: { actor: Operator; note: string },
    private readonly batchSize = WRITE_BATCH,
  ) {
    this.archive = new ReadingsArchive(ws.db);
    this.locale = ws.locale();
    this.pace = new Pace(ctx.signal);
  }

  private checkCancel(): void {
    if (this.ctx.signal.aborted) throw this.ctx.signal.reason ?? new DOMException('cancelled', 'AbortError');
  }

  /** A turn of the event loop when the last one is long enough ago (each batch is tens of ms). */
  private async breather(): Promise<void> {
    const wait = this.pace.check();
    if (wait) await wait;
  }

  /** Archives (and journals) a group of judged readings in one store transaction. */
  private store(entries: Entry[]): void {
    const records: RecordOutcome[] = [];
    const inserts: ArchiveInsert[] = [];
    const updates: Array<{ id: number; verdict: Verdict }> = [];
    for (const e of entries) {
      const d = e.d;
      const meter = d.meterId ? this.facts.lookup.byId(d.meterId)?.meter : undefined;
      const account = d.accountNo ?? meter?.account_no ?? d.raw.accountNo;
      const premises = account ? this.facts.premises.get(account) : undefined;
      const ack = d.raw.source === 'portal' ? 'pending' : 'none';
      // The journal's per-record outcomes, as every run keeps them (RunScope.problem): a reading
      // with findings gets a record under its meter with its main finding's severity (error =
      // rejected, review = held, warning = passed with a warning); the archive has every reading.
      const first = e.problems.find((p) => p.severity === 'error') ?? e.problems.find((p) => p.severity === 'review') ?? e.problems[0];
      if (first) records.push({ category: 'readings', key: first.key ?? d.raw.sourceId, outcome: first.severity, code: first.code, detail: first.message });
      if (this.persist.kind === 'insert') {
        inserts.push({
          runId: this.scope.runId,
          raw: d.raw,
          readingKey: readingKeyOf(d),
          meterId: d.meterId,
          accountNo: account,
          building: d.building || premises?.building,
          address: premises?.address,
          medium: d.medium,
          unit: meter?.unit,
          zone: d.zone,
          normalized: d.value,
          previousValue: d.previousValue,
          previousDate: d.previousDate,
          consumption: d.consumption,
          outcome: e.outcome,
          problems: e.problems,
          supersededBy: d.supersededBy,
          written: e.written,
          ack,
        });
      } else {
        updates.push({
          id: this.persist.idOf(d.raw.sourceId),
          verdict: {
            judgedRunId: this.scope.runId,
            outcome: e.outcome,
            problems: e.problems,
            meterId: d.meterId,
            accountNo: account,
            building: d.building || premises?.building,
            address: premises?.address,
            medium: d.medium,
            unit: meter?.unit,
            normalized: d.value,
            previousValue: d.previousValue,
            previousDate: d.previousDate,
            consumption: d.consumption,
            supersededBy: d.supersededBy ?? null,
            written: e.written,
            ack,
            decidedBy: this.decidedBy?.actor.name,
            note: this.decidedBy?.note,
          },
        });
      }
    }
    this.ws.db.transaction(() => {
      this.archive.insertMany(inserts);
      this.archive.update(updates);
      this.ws.journal.addRecords(this.scope.runId, records);
    })();
  }

  /** Judged readings → archive and accounting. Throws (failed / cancelled) with the archive exact. */
  async commit(decisions: ReadingDecision[], gw: AccountingGateway): Promise<void> {
    const accepted: ReadingDecision[] = [];
    let pending: Entry[] = [];
    let done = 0;
    const total = decisions.length;
    for (const d of decisions) {
      if (d.outcome === 'accepted') {
        accepted.push(d);
        continue;
      }
      this.tally.outcome(d.outcome, d.problems);
      pending.push({ d, outcome: d.outcome, problems: d.problems });
      if (pending.length >= ARCHIVE_CHUNK) {
        this.checkCancel();
        this.store(pending);
        done += pending.length;
        pending = [];
        this.ctx.progress('archive', done, total, this.tally.rejected + this.tally.held);
        await this.breather();
      }
    }
    this.checkCancel();
    this.store(pending);
    done += pending.length;
    this.ctx.progress('archive', done, total, this.tally.rejected + this.tally.held);

    // One batch in flight while the one before it is archived: the accounting database (a server,
    // or the demo's writer thread) commits batch k+1 while the store archives batch k. A batch is
    // still archived only after its commit, and Cancel is seen between batches; the archive of the
    // last answered batch always happens, so a cancel leaves the archive exact. (Were archiving
    // itself to fail with a batch in flight, that batch may be committed unarchived: the re-run's
    // import answers it `already` and archives it, as after a crash.)
    const batches: ReadingDecision[][] = [];
    for (let i = 0; i < accepted.length; i += this.batchSize) batches.push(accepted.slice(i, i + this.batchSize));
    const send = (batch: ReadingDecision[]) => {
      const rows: AcceptedReading[] = batch.map((d) => {
        const row: AcceptedReading = { reading_key: readingKeyOf(d), meter_id: d.meterId!, reading_date: d.raw.readingDate, zone: d.zone, value: d.value!, source: d.raw.source };
        if (d.accountNo) row.account_no = d.accountNo;
        return row;
      });
      const answer = gw.importReadings(rows, this.ctx.signal);
      answer.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
      return answer;
    };
    let written = 0;
    let inflight = batches.length ? send(batches[0]) : null;
    for (let k = 0; k < batches.length; k++) {
      const batch = batches[k];
      let results;
      try {
        results = await inflight!;
      } catch (e) {
        if (this.ctx.signal.aborted) throw e;
        const cause = e instanceof ProblemError ? `${e.problem.code}: ${e.problem.message}` : (e as Error).message;
        if (written) this.tally.generalProblem(problem('SAL-2064', this.locale, { written, accepted: accepted.length }));
        throw new ProblemError(problem('SAL-2051', this.locale, { count: batch.length, detail: cause }));
      }
      inflight = k + 1 < batches.length && !this.ctx.signal.aborted ? send(batches[k + 1]) : null;
      const byKey = new Map(results.map((r) => [r.reading_key, r]));
      const entries: Entry[] = batch.map((d) => {
        const r = byKey.get(readingKeyOf(d));
        if (r && r.status !== 'refused') return { d, outcome: 'accepted', problems: d.problems, written: r.status };
        const refusedBy = problem('SAL-2054', this.locale, { meter: d.meterId ?? '?', detail: r?.message ?? 'no answer for this reading' }, { key: d.meterId, file: d.raw.file, line: d.raw.line });
        return { d, outcome: 'rejected', problems: [...d.problems, refusedBy] };
      });
      for (const e of entries) {
        this.tally.outcome(e.outcome, e.problems);
        if (e.written === 'written') this.tally.written++;
        else if (e.written === 'already') this.tally.already++;
      }
      this.store(entries);
      written += batch.length;
      this.ctx.progress('write', written, accepted.length, this.tally.rejected + this.tally.held);
      // With a batch in flight, a Cancel is seen once that batch is archived. The event loop still
      // gets its turn by time: the answers arrive as messages, and a run of them handled back to
      // back would keep timers and the window's IPC waiting for seconds.
      if (!inflight && k + 1 < batches.length) this.checkCancel();
      if (!inflight) await this.breather();
      else await this.pace.check()?.catch(() => undefined);
    }
  }
}

/**
 * Sends the pending acknowledgements (oldest first, 1,000 per request). Answers how many were
 * sent; a failure leaves the rest pending and is returned as a warning (SAL-2057).
 */
export async function flushAcks(
  ws: Workspace,
  portal: PortalGateway,
  signal: AbortSignal,
  label: string,
  onProgress: (sent: number, total: number) => void = () => {},
): Promise<{ sent: number; problem?: Problem }> {
  const archive = new ReadingsArchive(ws.db);
  const total = ws.db.prepare(`SELECT COUNT(*) FROM readings_archive WHERE ack = 'pending'`).pluck().get() as number;
  let sent = 0;
  onProgress(0, total);
  let seq = 0;
  const tag = randomBytes(3).toString('hex');
  for (;;) {
    if (signal.aborted) break;
    const rows: ArchiveRow[] = archive.pendingAcks(1000);
    if (!rows.length) break;
    const items = rows.map((r) => ackFor(r.source_id, r.outcome, JSON.parse(r.problems) as Problem[]));
    try {
      await portal.postAcks('readings', `readings-${label}-${++seq}-${tag}`, items, signal);
    } catch (e) {
      if (signal.aborted) break;
      const detail = e instanceof ProblemError ? `${e.problem.code}: ${e.problem.message}` : (e as Error).message;
      const left = (ws.db.prepare(`SELECT COUNT(*) FROM readings_archive WHERE ack = 'pending'`).pluck().get() as number) ?? rows.length;
      return { sent, problem: problem('SAL-2057', ws.locale(), { count: left, detail }) };
    }
    archive.markAcked(rows.map((r) => r.id));
    sent += rows.length;
    onProgress(sent, Math.max(total, sent));
  }
  return { sent };
}
