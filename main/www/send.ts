// "Data to WWW" (seed 002): send a period's data to the residents' portal — all, selected or
// changed — with a preview, guards that stop before anything is sent, numbered errors per record,
// progress and cancel. The rules that keep the portal right:
// - only premises with the "WWW" parameter are sent; a record with an error is skipped and listed;
// - nothing is ever deleted: an account that vanished from the accounting data is sent as
//   not_in_billing (seed 003 rule 2), and a full send that would do that to more than the allowed
//   share of accounts, or a category that comes back empty, stops (status "stopped") until confirmed;
// - a record counts as delivered only when the portal accepted its batch (port.ts), recorded in
//   one transaction per batch, so after a cancel or a failure "send changed" sends exactly the rest.

import { randomBytes } from 'node:crypto';
import type { Operator } from '../../shared/domain/permissions';
import { lastDayOfPeriod } from '../../shared/domain/period';
import type { Locale, Problem, RunStatus } from '../../shared/domain/types';
import { fail, problem } from '../../shared/errors/problem';
import type { AccountingGateway } from '../accounting/port';
import { checkPeriodExists } from '../cycle/period';
import type { RunScope } from '../cycle/run-scope';
import { runJournaled } from '../cycle/run-job';
import { requirePermission } from '../engine/authorize';
import { Breather, yieldToLoop, type JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import type { Batch, PortalGateway, PortalRecord } from '../portal/port';
import type { WwwCategoryResult, WwwSendSummary } from '../../shared/ipc/contract';
import { AccountPass, PROC, candidates, changedSince, recordOf, type SourceContext } from './candidates';
import { Delivered, NOT_IN_BILLING, type DeliveredFingerprints, type DeliveredRow } from './delivered';
import { AccountIndex, comparedFields, isPerAccount, withoutKept } from './records';
import { SENT_CATEGORIES, type SentCategory, type WwwSettings } from './settings';

export type SendModeName = 'all' | 'selected' | 'changed';

export interface SendRequest {
  period: string;
  categories?: SentCategory[];
  mode: SendModeName;
  accounts?: string[];
  asOf?: string;
  dryRun?: boolean;
  confirmDrop?: boolean;
}

/** The results are the contract's: the CLI's --json shape and the window's summary. */
export type CategoryResult = WwwCategoryResult;
export type SendSummary = WwwSendSummary;

/** Categories whose records are keyed dictionaries or accounts: these can fall out of billing. */
const CAN_VANISH: SentCategory[] = ['accounts', 'services', 'providers'];
const DICTIONARIES: SentCategory[] = ['services', 'providers'];

const MAX_ERRORS_PER_CATEGORY = 1000;

function emptyResult(): CategoryResult {
  return { sent: 0, new: 0, changed: 0, unchanged: 0, skipped: 0, notInBilling: 0, rejected: 0, errors: [] };
}

class Progress {
  done = 0;
  private next = 250;
  constructor(
    private readonly ctx: JobContext,
    public total: number,
    private readonly errors: () => number,
  ) {}
  /** `rows` more source rows read. */
  tick(phase: string, rows = 1): void {
    this.done += rows;
    if (this.done < this.next) return;
    this.next = this.done + 250;
    this.ctx.progress(phase, Math.min(this.done, this.total), this.total, this.errors());
  }
  flush(phase: string): void {
    this.ctx.progress(phase, Math.min(this.done, this.total), this.total, this.errors());
  }
}

export class WwwSender {
  private readonly settings: WwwSettings;
  private readonly delivered: Delivered;
  private readonly locale: Locale;
  private readonly result: Partial<Record<SentCategory, CategoryResult>> = {};
  private readonly general: Problem[] = [];
  private progress!: Progress;
  private index!: AccountIndex;
  /** The account pass of a changed or selected send (candidates.ts), and the accounts' delivered fingerprints it compared. */
  private pass: AccountPass | null = null;
  private prevAccounts: DeliveredFingerprints | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly gw: AccountingGateway,
    private readonly portal: PortalGateway | null,
    private readonly req: SendRequest,
    private readonly scope: RunScope,
    private readonly ctx: JobContext,
  ) {
    this.settings = ws.cfg.config.www;
    this.delivered = new Delivered(ws.db);
    this.locale = ws.locale();
  }

  private get params(): SourceContext['params'] {
    return { period: this.req.period, asOf: this.req.asOf ?? lastDayOfPeriod(this.req.period) };
  }

  private cat(c: SentCategory): CategoryResult {
    return (this.result[c] ??= emptyResult());
  }

  private problem(c: SentCategory | 'run', p: Problem): void {
    this.scope.problem(p, c);
    if (c === 'run') this.general.push(p);
    else if (this.cat(c).errors.length < MAX_ERRORS_PER_CATEGORY) this.cat(c).errors.push(p);
  }

  private categories(): SentCategory[] {
    const wanted = this.req.categories?.length ? this.req.categories : [...SENT_CATEGORIES];
    return SENT_CATEGORIES.filter((c) => wanted.includes(c));
  }

  async run(): Promise<{ status: RunStatus }> {
    const cats = this.categories();
    const mode = this.req.mode;
    const counts = new Map<SentCategory, number>();
    const accounts = await this.gw.count('export_accounts', this.params);
    let total = accounts; // the pass that builds the account index
    for (const c of cats) {
      const n = c === 'accounts' ? accounts : await this.gw.count(PROC[c], this.params);
      counts.set(c, n);
      // "Send selected" reads no dictionaries; the accounts category is read again only by a full send.
      if (mode === 'selected' && DICTIONARIES.includes(c)) continue;
      if (c === 'accounts' && mode !== 'all') continue;
      total += n;
    }
    this.progress = new Progress(this.ctx, total, () => this.scope.problemCount);
    this.progress.flush('export_accounts');

    if (this.portal && !this.req.dryRun) await this.applyReceipts();

    // Pass over the accounts: which are portal-enabled, in which group, and which have errors —
    // and, but for a full send, the accounts category's fingerprints and the rows it will send.
    const chosen = this.chosen();
    let pass: AccountPass | null = null;
    if (cats.includes('accounts') && mode !== 'all') {
      const fields = comparedFields('accounts', this.keep('accounts'));
      if (mode === 'changed') {
        this.prevAccounts = await this.delivered.load('accounts', this.req.period);
        pass = new AccountPass(fields, changedSince(this.prevAccounts), this.locale);
      } else pass = new AccountPass(fields, (key) => chosen!.has(key), this.locale);
    }
    this.index = new AccountIndex(this.locale);
    for await (const row of this.gw.export('export_accounts', this.params, this.ctx.signal)) {
      this.progress.tick('export_accounts');
      const info = this.index.add(row);
      pass?.offer(row, info);
    }
    this.index.finish();
    this.pass = pass;
    if (pass?.overflow) this.progress.total += accounts;
    const selection = this.selection(chosen);
    // With a selection, only the chosen accounts' problems belong to this send.
    for (const p of this.index.problems) if (!selection || (p.key !== undefined && selection.has(p.key))) this.problem('accounts', p);

    // Guards: decided before anything is sent.
    if (mode !== 'selected' && !this.req.confirmDrop) {
      const stop = this.guards(cats, counts);
      if (stop) {
        this.problem('run', stop);
        return { status: 'stopped' };
      }
    }

    for (const c of cats) {
      await this.sendCategory(c, selection);
      this.progress.flush(PROC[c]);
    }
    return { status: 'completed' };
  }

  private keep(c: SentCategory): readonly string[] {
    return this.settings.keepOnUpdate[c] ?? [];
  }

  /** The accounts "send selected" names (trimmed); null for the other modes. */
  private chosen(): Set<string> | null {
    if (this.req.mode !== 'selected') return null;
    const chosen = new Set((this.req.accounts ?? []).map((a) => a.trim()).filter(Boolean));
    if (!chosen.size) fail('SAL-1023', this.locale);
    return chosen;
  }

  private selection(chosen: Set<string> | null): Set<string> | null {
    if (!chosen) return null;
    for (const a of chosen) if (!this.index.accounts.has(a)) this.problem('accounts', problem('SAL-1024', this.locale, { account: a }, { key: a }));
    return chosen;
  }

  private guards(cats: SentCategory[], counts: Map<SentCategory, number>): Problem | null {
    if (cats.includes('accounts')) {
      const prev = this.delivered.activeAccounts(this.req.period);
      if (prev.keys.size > 0) {
        let gone = 0;
        for (const k of prev.keys) if (!this.index.accounts.has(k)) gone++;
        const pct = (gone * 100) / prev.keys.size;
        if (pct > this.settings.maxNotInBillingPct) {
          return problem('SAL-1020', this.locale, { count: gone, total: prev.keys.size, pct: pct.toFixed(1), max: this.settings.maxNotInBillingPct });
        }
      }
    }
    for (const c of cats) {
      const before = this.delivered.lastCount(c, this.req.period);
      if ((counts.get(c) ?? 0) === 0 && before !== null && before > 0) return problem('SAL-1021', this.locale, { category: c, count: before });
    }
    return null;
  }

  /** Folder portal receipts name records it rejected after all: forget them, so they are sent again. */
  private async applyReceipts(): Promise<void> {
    for (const receipt of await this.portal!.takeReceipts()) {
      const forgotten = this.delivered.forget(receipt.batchId, receipt.rejected.map((r) => r.key));
      if (!forgotten) continue;
      for (const r of receipt.rejected) {
        if (!forgotten.keys.includes(r.key)) continue;
        const c = forgotten.category as SentCategory;
        this.problem(c, problem('SAL-1022', this.locale, { account: r.key, category: c, detail: `${r.code}: ${r.message}` }, { key: r.key }));
      }
    }
  }

  private source(selection: Set<string> | null): SourceContext {
    return {
      gw: this.gw,
      params: this.params,
      signal: this.ctx.signal,
      locale: this.locale,
      settings: this.settings,
      index: this.index,
      chosen: selection ? (key) => selection.has(key) : () => true,
      tick: (c, rows) => this.progress.tick(PROC[c], rows),
      problem: (c, p) => this.problem(c, p),
      skipped: (c, n) => (this.cat(c).skipped += n),
    };
  }

  private async sendCategory(c: SentCategory, selection: Set<string> | null): Promise<void> {
    const res = this.cat(c);
    // Dictionaries go with every full or changed send; "send selected" is about accounts.
    if (selection && DICTIONARIES.includes(c)) return;
    const prev = c === 'accounts' && this.prevAccounts ? this.prevAccounts : await this.delivered.load(c, this.req.period, isPerAccount(c) ? this.index : null);
    const keep = this.keep(c);
    const mode = this.req.mode;
    const asOf = this.params.asOf;
    // Keys seen, for the not-in-billing pass of the dictionaries (accounts use the account index;
    // other categories never fall out of billing) — not kept for 200,000 accounts per category.
    const trackSeen = CAN_VANISH.includes(c) && c !== 'accounts';
    const seen = new Set<string>();
    let batch: Array<PortalRecord & { hash: number }> = [];
    let seq = 0;
    let sourceRecords = 0;

    const flush = async (last: boolean) => {
      if (!batch.length && !(last && seq > 0)) return;
      const records = batch;
      batch = [];
      seq++;
      if (this.req.dryRun || !this.portal) {
        res.sent += records.filter((r) => r.status === 'active').length; // as a real send counts them
        return;
      }
      const b: Batch = {
        batchId: `r${this.scope.runId}-${c}-${seq}-${randomBytes(3).toString('hex')}`,
        period: this.req.period,
        category: c,
        mode: mode === 'all' ? 'full' : 'partial',
        seq,
        last,
        records: records.map(({ key, status, data }) => (data === undefined ? { key, status } : { key, status, data })),
      };
      const result = await this.portal.putBatch(b, this.ctx.signal);
      const rejected = new Map(result.rejected.map((r) => [r.key, r]));
      const accepted: DeliveredRow[] = records.filter((r) => !rejected.has(r.key)).map((r) => ({ key: r.key, hash: r.hash, status: r.status }));
      this.delivered.record(c, this.req.period, b.batchId, this.scope.runId, accepted);
      res.sent += accepted.filter((r) => r.status === 'active').length;
      res.rejected += rejected.size;
      for (const r of rejected.values()) this.problem(c, problem('SAL-1022', this.locale, { account: r.key, category: c, detail: `${r.code}: ${r.message}` }, { key: r.key }));
      this.scope.count(`${c}.sent`, accepted.length);
    };

    const isNew = (before: number | undefined) => before === undefined || before === NOT_IN_BILLING;
    const decide = (key: string, hash: number, before: number | undefined): boolean => {
      sourceRecords++;
      if (trackSeen) seen.add(key);
      if (isNew(before)) res.new++;
      else if (before !== hash) res.changed++;
      else {
        res.unchanged++;
        return mode !== 'changed';
      }
      return true;
    };
    for await (const cand of candidates(this.source(selection), c, comparedFields(c, keep), prev, c === 'accounts' ? this.pass : null, decide)) {
      // Built only now, for the records that go.
      if (!cand.rows) throw new Error(`www: the rows of ${c} ${cand.key} were not kept`);
      const data = recordOf(c, cand.rows, asOf);
      batch.push({ key: cand.key, status: 'active', data: isNew(cand.before) ? data : withoutKept(data, keep), hash: cand.hash });
      if (batch.length >= this.settings.batchSize) await flush(false);
    }

    // Not in billing: delivered as active before, absent from the source now. Never deleted.
    // (The fingerprints of these categories are loaded without the account index: all are in `others`.)
    if (!selection && CAN_VANISH.includes(c)) {
      const present: { has(key: string): boolean } = c === 'accounts' ? this.index.accounts : seen;
      const breathe = new Breather();
      for (const [key, before] of prev.others) {
        if (breathe.due()) {
          await yieldToLoop();
          breathe.reset();
        }
        if (before === NOT_IN_BILLING || present.has(key)) continue;
        res.notInBilling++;
        batch.push({ key, status: 'not_in_billing', hash: NOT_IN_BILLING });
        if (batch.length >= this.settings.batchSize) await flush(false);
      }
    }
    await flush(true);

    for (const [k, v] of Object.entries({ new: res.new, changed: res.changed, unchanged: res.unchanged, skipped: res.skipped, notInBilling: res.notInBilling })) {
      if (v) this.scope.count(`${c}.${k}`, v);
    }
    if (!this.req.dryRun && !selection) this.delivered.setCount(c, this.req.period, sourceRecords, this.scope.runId);
  }

  summary(runId: number, status: RunStatus): SendSummary {
    return { runId, status, period: this.req.period, mode: this.req.mode, dryRun: !!this.req.dryRun, categories: this.result, errors: this.general };
  }
}

/** The whole send (or its preview, with dryRun), journaled; `openPortal` is called only for a real send. */
export async function sendToPortal(
  ws: Workspace,
  actor: Operator,
  req: SendRequest,
  ctx: JobContext,
  openPortal: () => Promise<PortalGateway>,
): Promise<SendSummary> {
  requirePermission(actor, req.dryRun ? 'source.read' : 'exchange.run', ws.locale());
  let sender: WwwSender | null = null;
  let portal: PortalGateway | null = null;
  const run = await runJournaled(ws, actor, { kind: req.dryRun ? 'www-preview' : 'www-send', period: req.period, mode: req.mode }, async (scope) => {
    await checkPeriodExists(ws, req.period);
    const gw = await ws.accounting();
    portal = req.dryRun ? null : await openPortal();
    sender = new WwwSender(ws, gw, portal, req, scope, ctx);
    try {
      return (await sender.run()).status === 'stopped' ? 'stopped' : undefined;
    } finally {
      await (portal as PortalGateway | null)?.close();
    }
  });
  const status = run.status;
  const summary = (sender as WwwSender | null)?.summary(run.runId, status) ?? { runId: run.runId, status, period: req.period, mode: req.mode, dryRun: !!req.dryRun, categories: {}, errors: [] };
  if (run.error) summary.errors.push(run.error);
  if (!req.dryRun) ws.audit.append(actor.name, 'www.send', `run:${run.runId}`, { period: req.period, mode: req.mode, status, categories: Object.keys(summary.categories) });
  return summary;
}
