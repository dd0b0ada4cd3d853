// Registrations sync (issue 7 point 2): the portal's registrations feed, by cursor, kept in step with
// accounting's registered_accounts. A journaled run (kind portal-registrations), or a step of
// `saldo cycle`.
//
// Page by page, in order:
//   1. fetch the page after the stored position;
//   2. drop items processed before (a page read again after a crash);
//   3. reject events for accounts the accounting data does not know (SAL-4120) — known means in
//      export_accounts of the latest period, whatever its status;
//   4. apply the rest to registered_accounts in ONE accounting transaction (insert-if-absent on
//      `registered`, delete-if-present only on `unregistered`);
//   5. save the processed events and the position after the page in ONE local transaction;
// then acknowledge every pending event (accepted, or rejected with its code).
// Nothing is deleted because an account is missing from a read: an empty page changes nothing, a
// failed fetch changes nothing and keeps the position. A crash between 4 and 5 reads the page again;
// applying it again is harmless (already / absent), and its events are then recorded once.
// An acknowledgement that cannot be sent stays pending (a warning) and goes with the next sync.

import { randomBytes } from 'node:crypto';
import type { Operator } from '../../../shared/domain/permissions';
import type { Locale, Problem } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import type { RegistrationsSyncSummary } from '../../../shared/ipc/contract-accounts';
import type { AccountingGateway } from '../../accounting/port';
import type { RegistrationEvent } from '../../accounting/registered-accounts';
import { runJournaled } from '../../cycle/run-job';
import type { RunScope } from '../../cycle/run-scope';
import { requirePermission } from '../../engine/authorize';
import type { JobContext } from '../../engine/jobs';
import type { Workspace } from '../../engine/workspace';
import type { AckItem, FeedRegistration, PortalGateway } from '../../portal/port';
import { maskEmail, RegistrationsStore, type ProcessedEvent } from './store';

export const FEED = 'registrations';
const CATEGORY = 'portal-registrations';

export interface SyncOptions {
  /** Feed items asked for per page (default 1000, the API's most): one accounting transaction each. */
  pageSize?: number;
}

function emptySummary(runId: number): RegistrationsSyncSummary {
  return { runId, status: 'running', read: 0, repeated: 0, inserted: 0, already: 0, deleted: 0, absent: 0, rejected: 0, acknowledged: 0, pendingAcks: 0, errors: [] };
}

/** The accounts the accounting data knows (latest period, any status). */
async function knownAccounts(gw: AccountingGateway, signal: AbortSignal): Promise<Set<string>> {
  const period = (await gw.periods())[0];
  const out = new Set<string>();
  if (!period) return out;
  for await (const r of gw.export('export_accounts', { period }, signal)) if (r.account_no) out.add(r.account_no);
  return out;
}

export class RegistrationsSync {
  readonly summary: RegistrationsSyncSummary;
  private readonly store: RegistrationsStore;
  private readonly locale: Locale;

  constructor(
    private readonly ws: Workspace,
    private readonly scope: RunScope,
    private readonly ctx: JobContext,
    private readonly portal: PortalGateway,
    private readonly opts: SyncOptions = {},
  ) {
    this.store = new RegistrationsStore(ws.db);
    this.locale = ws.locale();
    this.summary = emptySummary(scope.runId);
  }

  private problem(p: Problem): void {
    this.scope.problem(p, CATEGORY);
    if (this.summary.errors.length < 500) this.summary.errors.push(p);
  }

  async run(): Promise<void> {
    const { signal } = this.ctx;
    const gw = await this.ws.accounting();
    let known: Set<string> | null = null;
    let after = this.store.cursor(FEED);
    try {
      for (;;) {
        const page = await this.portal.fetchFeed('registrations', after, this.opts.pageSize ?? 1000, signal);
        for (const p of page.problems) this.problem(p);
        const done = this.store.processed(page.items.map((i) => i.id));
        const fresh: FeedRegistration[] = [];
        const inPage = new Set<string>();
        for (const item of page.items) {
          if (done.has(item.id) || inPage.has(item.id)) this.summary.repeated++;
          else fresh.push(item);
          inPage.add(item.id);
        }
        if (fresh.length) {
          known ??= await knownAccounts(gw, signal);
          await this.apply(gw, fresh, known, page.next);
        } else if (page.next !== after) {
          this.store.savePage(FEED, page.next, this.scope.runId, []);
        }
        after = page.next;
        this.ctx.progress('registrations', this.summary.read + this.summary.repeated, this.summary.read + this.summary.repeated);
        if (!page.more || page.items.length === 0) break;
        if (signal.aborted) throw signal.reason;
      }
    } finally {
      // What was applied is acknowledged even when a later page failed or the run was cancelled.
      await this.acknowledge();
      this.count();
    }
  }

  private async apply(gw: AccountingGateway, items: FeedRegistration[], known: Set<string>, next: string | null): Promise<void> {
    const processed: ProcessedEvent[] = items.map((it) => ({
      item_id: it.id,
      event: it.event,
      account_no: it.account_no,
      person: it.person,
      email_masked: maskEmail(it.email),
      submitted_at: new Date(it.submitted_at).toISOString(),
      outcome: 'rejected',
      code: null,
    }));
    const apply: Array<{ index: number; event: RegistrationEvent }> = [];
    items.forEach((it, i) => {
      if (known.has(it.account_no)) {
        apply.push({ index: i, event: { event: it.event, account_no: it.account_no, at: it.submitted_at, portal_login: it.email.trim() || null } });
      } else {
        processed[i].code = 'SAL-4120';
        this.problem(problem('SAL-4120', this.locale, { id: it.id, account: it.account_no }, { key: it.account_no }));
      }
    });
    if (apply.length) {
      const results = await gw.applyRegistrations(
        apply.map((a) => a.event),
        this.ctx.signal,
      );
      results.forEach((r, k) => (processed[apply[k].index].outcome = r.status));
    }
    this.store.savePage(FEED, next, this.scope.runId, processed);
    for (const p of processed) {
      this.summary.read++;
      this.summary[p.outcome]++;
    }
  }

  /** Sends the pending acknowledgements, a thousand at a time; a failure leaves them pending (warning). */
  private async acknowledge(): Promise<void> {
    const tag = randomBytes(3).toString('hex');
    let seq = 0;
    for (;;) {
      if (this.ctx.signal.aborted) break;
      const rows = this.store.pendingAcks(1000);
      if (!rows.length) break;
      const items: AckItem[] = rows.map((r) =>
        r.outcome === 'rejected'
          ? { id: r.item_id, outcome: 'rejected', code: r.code ?? 'SAL-4120', message: problem('SAL-4120', this.ws.cfg.config.locale, { id: r.item_id, account: r.account_no }).message }
          : { id: r.item_id, outcome: 'accepted' },
      );
      try {
        await this.portal.postAcks('registrations', `registrations-r${this.scope.runId}-${++seq}-${tag}`, items, this.ctx.signal);
      } catch (e) {
        if (this.ctx.signal.aborted) break;
        const detail = e instanceof ProblemError ? `${e.problem.code}: ${e.problem.message}` : (e as Error).message;
        this.problem(problem('SAL-4121', this.locale, { count: this.store.pendingCount(), detail }));
        break;
      }
      this.store.markAcked(rows.map((r) => r.id));
      this.summary.acknowledged += rows.length;
    }
    this.summary.pendingAcks = this.store.pendingCount();
  }

  private count(): void {
    const s = this.summary;
    const add = (k: string, n: number) => n && this.scope.count(`registrations.${k}`, n);
    add('read', s.read);
    add('repeated', s.repeated);
    add('inserted', s.inserted);
    add('already', s.already);
    add('deleted', s.deleted);
    add('absent', s.absent);
    add('rejected', s.rejected);
    add('acknowledged', s.acknowledged);
  }
}

/**
 * `saldo cycle`'s registrations step: the same sync, counted and journaled as part of the cycle's
 * run. The cycle owns the portal connection and has checked exchange.run.
 */
export async function registrationsCycleStep(ws: Workspace, scope: RunScope, ctx: JobContext, portal: PortalGateway, opts: SyncOptions = {}): Promise<RegistrationsSyncSummary> {
  const sync = new RegistrationsSync(ws, scope, ctx, portal, opts);
  await sync.run();
  return { ...sync.summary, status: 'completed' };
}

export async function syncRegistrations(
  ws: Workspace,
  actor: Operator,
  ctx: JobContext,
  openPortal: () => Promise<PortalGateway>,
  opts: SyncOptions = {},
): Promise<RegistrationsSyncSummary> {
  requirePermission(actor, 'exchange.run', ws.locale());
  let sync: RegistrationsSync | null = null;
  const outcome = await runJournaled(ws, actor, { kind: 'portal-registrations' }, async (scope) => {
    const portal = await openPortal();
    try {
      sync = new RegistrationsSync(ws, scope, ctx, portal, opts);
      await sync.run();
    } finally {
      await portal.close();
    }
  });
  const s = sync as RegistrationsSync | null;
  const summary: RegistrationsSyncSummary = { ...(s ? s.summary : emptySummary(outcome.runId)), status: outcome.status };
  if (outcome.error) summary.errors = [...summary.errors, outcome.error];
  ws.audit.append(actor.name, 'portal.registrations.sync', `run:${outcome.runId}`, {
    status: summary.status,
    read: summary.read,
    inserted: summary.inserted,
    deleted: summary.deleted,
    rejected: summary.rejected,
  });
  return summary;
}
