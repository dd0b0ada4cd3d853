// Meter readings import (issue 5): the residents' portal readings (by cursor) or the reading
// operator's file (CSV through a saved mapping, wmbusmeters JSON or CSV) → judged by the rules
// against the accounting data → accepted ones written to the accounting database, every one
// archived, portal readings acknowledged. A journaled run (kind readings-import): completed,
// cancelled (Cancel stops between batches; what was written is archived exactly), or failed.
//
// Permissions: readings.process for everything; reading the portal feed is the data exchange
// (seed 000: administrators only, unless granted), so the portal import also needs exchange.run —
// as a real Data to WWW send does (main/www/send.ts). A file import needs no exchange right.

import type { Operator } from '../../shared/domain/permissions';
import type { Locale, RunStatus } from '../../shared/domain/types';
import { fail, problem, ProblemError } from '../../shared/errors/problem';
import { MAX_FILE_BYTES, type ReadingsImportRequest, type ReadingsImportSummary } from '../../shared/ipc/contract-readings';
import type { RunScope } from '../cycle/run-scope';
import { runJournaled } from '../cycle/run-job';
import { requirePermission } from '../engine/authorize';
import { can } from '../../shared/domain/permissions';
import { yieldToLoop, type JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import type { FeedReading, PortalGateway } from '../portal/port';
import { ReadingsArchive } from './archive';
import { FACT_STEPS, loadFacts, periodFor, type Facts } from './facts';
import { importReadingsFileSteps } from './import';
import { Pace, runPaced } from './pace';
import { findMapping, toImporterMapping } from './mappings';
import { Committer, flushAcks, Tally, type Persist } from './pipeline';
import { readingRules } from './settings';
import type { RawReading, ReadingDecision } from './types';
import { judgeInChunks } from './judge';

export interface ReadingsRunOptions {
  /** "Now" for the future-date and window rules (tests pin it; default the clock). */
  now?: Date;
  /** Accepted readings per accounting transaction (default WRITE_BATCH). */
  batchSize?: number;
  /** Portal feed items asked for per page (default 1,000, the API's most). */
  pageSize?: number;
}

export const FEED = 'readings';
const PAGE = 1000;

/** A portal feed item as the rules see it (the rules count a meter's zones per day themselves). */
export function rawFromFeed(item: FeedReading): RawReading {
  return {
    sourceId: item.id,
    source: 'portal',
    meterId: item.meter_id,
    accountNo: item.account_no,
    readingDate: item.reading_date,
    zone: item.zone,
    value: item.value,
    submittedAt: item.submitted_at,
  };
}

interface Source {
  raws: RawReading[];
  /** What to call the source in messages (the file's name, or "portal"). */
  label: string;
  /** Portal: the cursor to store once everything read is processed. */
  cursor?: { value: string | null };
}

class ReadingsRun {
  readonly tally: Tally;
  private readonly locale: Locale;
  private readonly archive: ReadingsArchive;
  portal: PortalGateway | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly actor: Operator,
    private readonly scope: RunScope,
    private readonly ctx: JobContext,
    private readonly openPortal: () => Promise<PortalGateway>,
    private readonly now: Date,
    private readonly opts: ReadingsRunOptions = {},
  ) {
    this.tally = new Tally(scope);
    this.locale = ws.locale();
    this.archive = new ReadingsArchive(ws.db);
  }

  private async readFile(req: Extract<ReadingsImportRequest, { source: 'file' }>): Promise<Source> {
    const fileName = req.fileName.trim();
    const bytes = Buffer.from(req.content, 'base64');
    if (bytes.length === 0) fail('SAL-2061', this.locale, { file: fileName, detail: 'empty' });
    if (bytes.length > MAX_FILE_BYTES) fail('SAL-2061', this.locale, { file: fileName, detail: `${bytes.length} bytes` });
    let mapping;
    if (req.format === 'csv') {
      if (req.mapping === undefined) fail('SAL-2060', this.locale, { file: fileName });
      const m = typeof req.mapping === 'string' ? findMapping(this.ws, this.actor, req.mapping) : req.mapping;
      mapping = toImporterMapping(m, this.locale);
    }
    const rules = readingRules(this.ws);
    // A large file is parsed in steps, yielding to the event loop by time (Cancel stops it).
    const result = await runPaced(importReadingsFileSteps({
      bytes,
      fileName,
      format: req.format,
      mapping,
      encoding: req.encoding ?? 'auto',
      locale: this.locale,
      timeZone: mapping?.timeZone ?? rules.timeZone,
    }), new Pace(this.ctx.signal));
    this.ctx.progress('read', 1, 1, result.problems.length);
    if (!result.ok) {
      // A malformed file imports nothing: its first problem fails the run, the others are listed.
      const [first, ...rest] = result.problems;
      for (const p of rest) this.tally.generalProblem(p);
      throw new ProblemError(first ?? problem('SAL-2061', this.locale, { file: fileName, detail: 'unreadable' }));
    }
    for (const p of result.problems) this.tally.generalProblem(p);
    this.scope.count('readings.lines', result.lines);
    return { raws: result.readings, label: fileName };
  }

  private async readPortal(): Promise<Source> {
    this.portal = await this.openPortal();
    let after = this.archive.cursor(FEED);
    const items: FeedReading[] = [];
    for (;;) {
      const page = await this.portal.fetchFeed('readings', after, this.opts.pageSize ?? PAGE, this.ctx.signal);
      for (const p of page.problems) this.tally.generalProblem(p);
      items.push(...page.items);
      after = page.next;
      this.ctx.progress('read', items.length, items.length, 0);
      if (!page.more || !page.items.length) break;
    }
    return { raws: items.map(rawFromFeed), label: 'portal', cursor: { value: after } };
  }

  /** The already-processed guard: a source item is judged once (portal id, or file hash + line). */
  private async unprocessed(src: Source): Promise<RawReading[]> {
    const out: RawReading[] = [];
    let skipped = 0;
    const seen = new Set<string>();
    const pace = new Pace(this.ctx.signal);
    for (const source of ['portal', 'radio'] as const) {
      const raws = src.raws.filter((r) => r.source === source);
      const done = this.archive.processedOf(source, raws.map((r) => r.sourceId));
      for (const r of raws) {
        const wait = pace.tick();
        if (wait) await wait;
        if (seen.has(r.sourceId) || done.has(r.sourceId)) skipped++;
        else out.push(r);
        seen.add(r.sourceId);
      }
      await yieldToLoop();
    }
    if (skipped) this.tally.generalProblem(problem('SAL-2050', this.locale, { count: skipped, source: src.label }));
    if (skipped) this.scope.count('readings.skipped', skipped);
    return out;
  }

  /** Loads the accounting facts for the readings' period and judges them. */
  async judge(raws: RawReading[], period: string | undefined): Promise<{ decisions: ReadingDecision[]; facts: Facts }> {
    const gw = await this.ws.accounting();
    gw.prepareImportReadings?.();
    const p = periodFor(raws, period, (await gw.periods())[0]);
    this.ctx.progress('lookup', 0, FACT_STEPS, 0);
    const facts = await loadFacts(gw, p, this.ctx.signal, () => {}, (step) => this.ctx.progress('lookup', step, FACT_STEPS, 0));
    if (this.ctx.signal.aborted) throw this.ctx.signal.reason;
    await yieldToLoop();
    this.ctx.progress('validate', 0, raws.length, 0);
    const decisions = await judgeInChunks(raws, facts.lookup, readingRules(this.ws), this.now, this.locale, this.ctx.signal, (done) =>
      this.ctx.progress('validate', done, raws.length, 0),
    );
    return { decisions, facts };
  }

  async commit(raws: RawReading[], period: string | undefined, persist: Persist, decidedBy?: { actor: Operator; note: string }): Promise<void> {
    this.tally.read += raws.length;
    if (!raws.length) return;
    const { decisions, facts } = await this.judge(raws, period);
    const committer = new Committer(this.ws, this.scope, this.ctx, this.tally, facts, persist, decidedBy, this.opts.batchSize);
    await committer.commit(decisions, await this.ws.accounting());
  }

  /** Sends pending acknowledgements when the portal is open (a failure stays pending, as a warning). */
  async acknowledge(): Promise<void> {
    if (!this.portal) return;
    const r = await flushAcks(this.ws, this.portal, this.ctx.signal, `r${this.scope.runId}`, (sent, total) => this.ctx.progress('ack', sent, total, 0));
    if (r.sent) this.scope.count('readings.acknowledged', r.sent);
    if (r.problem) this.tally.generalProblem(r.problem);
  }

  async import(req: ReadingsImportRequest): Promise<void> {
    const src = req.source === 'file' ? await this.readFile(req) : await this.readPortal();
    const raws = await this.unprocessed(src);
    await this.commit(raws, req.period, { kind: 'insert' });
    await this.acknowledge();
    if (src.cursor && !this.ctx.signal.aborted) this.archive.setCursor(FEED, src.cursor.value, this.scope.runId);
  }

  /** Re-judges held and rejected readings of a run (all, or the keys given) after a correction. */
  async recheck(runId: number, keys?: string[]): Promise<void> {
    const kinds = ['readings-import', 'readings-recheck', 'cycle'];
    const run = this.ws.journal.get(runId);
    if (!run) fail('SAL-6008', this.locale, { runId });
    if (!kinds.includes(run.kind)) fail('SAL-2062', this.locale, { runId });
    let rows = this.archive.ofRun(runId, ['held', 'rejected']);
    if (keys?.length) {
      const wanted = new Set(keys);
      const open = new Set(rows.map((r) => String(r.id)));
      const others = new Map(this.archive.byIds([...wanted].filter((k) => !open.has(k)).map(Number)).map((r) => [String(r.id), r]));
      for (const k of wanted) {
        if (open.has(k)) continue;
        const other = others.get(k);
        // Only held and rejected readings of this run are judged again.
        if (other) this.tally.generalProblem(problem('SAL-2055', this.locale, { key: k, outcome: other.outcome }, { key: k }));
        else this.tally.generalProblem(problem('SAL-2056', this.locale, { key: k }, { key: k }));
      }
      rows = rows.filter((r) => wanted.has(String(r.id)));
    }
    const ids = new Map(rows.map((r) => [r.source_id, r.id]));
    const raws = rows.map((r) => JSON.parse(r.raw) as RawReading);
    await this.commit(raws, undefined, { kind: 'update', idOf: (sourceId) => ids.get(sourceId)! });
    if (rows.some((r) => r.source === 'portal') && can(this.actor, 'exchange.run')) {
      try {
        this.portal = await this.openPortal();
      } catch (e) {
        const detail = e instanceof ProblemError ? e.problem.message : (e as Error).message;
        this.tally.generalProblem(problem('SAL-2057', this.locale, { count: rows.length, detail }));
      }
    }
    await this.acknowledge();
  }
}

/**
 * `saldo cycle`'s portal-readings step: the same import as `readings import --source portal`,
 * counted and journaled as part of the cycle's run (its readings are archived under that run).
 * The cycle owns the portal connection and has already checked exchange.run.
 */
export async function readingsCycleStep(ws: Workspace, actor: Operator, scope: RunScope, ctx: JobContext, portal: PortalGateway, opts: ReadingsRunOptions = {}): Promise<ReadingsImportSummary> {
  requirePermission(actor, 'readings.process', ws.locale());
  const run = new ReadingsRun(ws, actor, scope, ctx, async () => portal, opts.now ?? new Date(), opts);
  try {
    await run.import({ source: 'portal' });
  } finally {
    run.tally.toJournal();
  }
  return run.tally.summary(scope.runId, 'completed');
}

async function journaled(
  ws: Workspace,
  actor: Operator,
  what: { kind: string; period?: string; mode?: string },
  ctx: JobContext,
  openPortal: () => Promise<PortalGateway>,
  opts: ReadingsRunOptions,
  body: (run: ReadingsRun) => Promise<void>,
): Promise<ReadingsImportSummary> {
  let run: ReadingsRun | null = null;
  const outcome = await runJournaled(ws, actor, what, async (scope) => {
    run = new ReadingsRun(ws, actor, scope, ctx, openPortal, opts.now ?? new Date(), opts);
    try {
      await body(run);
    } finally {
      run.tally.toJournal();
      await run.portal?.close();
    }
  });
  const r = run as ReadingsRun | null;
  const status: RunStatus = outcome.status;
  if (!r) return { runId: outcome.runId, status, read: 0, accepted: 0, held: 0, rejected: 0, duplicates: 0, superseded: 0, byCode: {}, errors: outcome.error ? [outcome.error] : [] };
  return r.tally.summary(outcome.runId, status, outcome.error);
}

export async function importReadings(
  ws: Workspace,
  actor: Operator,
  req: ReadingsImportRequest,
  ctx: JobContext,
  openPortal: () => Promise<PortalGateway>,
  opts: ReadingsRunOptions = {},
): Promise<ReadingsImportSummary> {
  const locale = ws.locale();
  requirePermission(actor, 'readings.process', locale);
  if (req.source === 'portal') requirePermission(actor, 'exchange.run', locale);
  const summary = await journaled(ws, actor, { kind: 'readings-import', period: req.period, mode: req.source }, ctx, openPortal, opts, (run) => run.import(req));
  const detail: Record<string, unknown> = { source: req.source, status: summary.status, read: summary.read, accepted: summary.accepted, held: summary.held, rejected: summary.rejected };
  if (req.source === 'file') Object.assign(detail, { file: req.fileName, format: req.format });
  ws.audit.append(actor.name, 'readings.import', `run:${summary.runId}`, detail);
  return summary;
}

export async function recheckReadings(
  ws: Workspace,
  actor: Operator,
  req: { runId: number; keys?: string[] },
  ctx: JobContext,
  openPortal: () => Promise<PortalGateway>,
  opts: ReadingsRunOptions = {},
): Promise<ReadingsImportSummary> {
  requirePermission(actor, 'readings.process', ws.locale());
  const summary = await journaled(ws, actor, { kind: 'readings-recheck', mode: `run:${req.runId}` }, ctx, openPortal, opts, (run) => run.recheck(req.runId, req.keys));
  ws.audit.append(actor.name, 'readings.recheck', `run:${req.runId}`, { recheckRun: summary.runId, status: summary.status, accepted: summary.accepted, held: summary.held, rejected: summary.rejected });
  return summary;
}

