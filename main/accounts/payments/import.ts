// Portal payments into accounting (issue 7 point 3): the payments feed read by cursor, page by
// page; each page checked (a payment id seen before, a currency the accounts are not kept in, an
// account accounting does not know), booked through the accounting port in ONE transaction, its
// outcome and the cursor after it recorded in ONE local transaction, and every payment acknowledged
// to the portal (accepted, or rejected with its code).
//
// Failure rules ("nothing half-booked; a re-run finishes the job"):
//   - the portal dies while a page is read: nothing of that page was booked; earlier pages are
//     booked and their cursor stored; the run fails and the next one resumes after them;
//   - accounting refuses a page: the whole page is rolled back there (the port's transaction), the
//     cursor does not move, the run fails (SAL-4155); the next run reads the page again;
//   - Saldo stops between booking a page and recording it (a crash): the cursor did not move, the
//     page is read again, and accounting answers "already" for what it booked (idempotent by
//     payment id) — recorded as booked, never booked twice;
//   - acknowledgements that do not reach the portal stay owed (SAL-4156, a warning): the payments
//     are booked; the next run sends them first.
// A payment id that comes again is never booked again; the portal hears the first outcome again
// (the last acknowledgement of an id wins, so it must not turn into a rejection).

import { createHash, randomBytes } from 'node:crypto';
import { formatMoney, toDecimalString } from '../../../shared/domain/money';
import type { Operator } from '../../../shared/domain/permissions';
import type { Locale, Problem, RunStatus } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import type { PaymentsImportSummary } from '../../../shared/ipc/contract-accounts';
import type { AccountingGateway } from '../../accounting/port';
import type { PortalPaymentRow } from '../../accounting/payment-rows';
import { runJournaled } from '../../cycle/run-job';
import type { RunScope } from '../../cycle/run-scope';
import { requirePermission } from '../../engine/authorize';
import type { JobContext } from '../../engine/jobs';
import type { Workspace } from '../../engine/workspace';
import type { AckItem, FeedPayment, PortalGateway } from '../../portal/port';
import { MAX_ACK_ITEMS } from '../../portal/port';
import { accountsCurrency, localDay, premisesTimeZone, type Currency } from './facts';
import { KnownAccounts } from './known-accounts';
import { PaymentsStore, type NewPayment, type NewRepeat, type PaymentRow } from './store';

export interface PaymentsRunOptions {
  /** Feed items per page, each page one accounting transaction (default: saldo.json accounts.paymentsPageSize). */
  pageSize?: number;
}

/** The payments of a run the summary lists in full (the rest through accounts.payments). */
const NOT_BOOKED_LISTED = 1000;
const CATEGORY = 'portal-payment';

const fingerprintOf = (p: FeedPayment) => createHash('sha256').update(JSON.stringify([p.id, p.account_no, p.amount, p.currency, p.paid_at, p.reference])).digest('hex');

/** What differs between a payment and its repeat, for the operator: "amount 100.00 → 120.00". */
function differences(first: Pick<PaymentRow, 'account_no' | 'amount' | 'currency' | 'paid_at' | 'reference'>, again: FeedPayment): string {
  const out: string[] = [];
  if (first.account_no !== again.account_no) out.push(`account ${first.account_no} → ${again.account_no}`);
  if (first.amount !== again.amount) out.push(`amount ${toDecimalString(first.amount)} → ${toDecimalString(again.amount)}`);
  if (first.currency !== again.currency) out.push(`currency ${first.currency} → ${again.currency}`);
  if (first.paid_at !== again.paid_at) out.push(`paid ${first.paid_at} → ${again.paid_at}`);
  if (first.reference !== again.reference) out.push('reference');
  return out.join(', ') || 'fields';
}

export class PaymentsRun {
  read = 0;
  written = 0;
  already = 0;
  rejected = 0;
  duplicates = 0;
  acknowledged = 0;
  bookedAmount = 0;
  private readonly locale: Locale;
  /** The residents' language: what the portal shows them of a rejection. */
  private readonly residentLocale: Locale;
  private readonly store: PaymentsStore;
  private readonly currency: Currency;
  private readonly timeZone: string;
  private readonly known: KnownAccounts;
  private ackFailed = false;
  private ackSeq = 0;
  private readonly ackTag = randomBytes(3).toString('hex');

  constructor(
    private readonly ws: Workspace,
    private readonly gw: AccountingGateway,
    private readonly portal: PortalGateway,
    private readonly scope: RunScope,
    private readonly ctx: JobContext,
    private readonly opts: PaymentsRunOptions = {},
  ) {
    this.locale = ws.locale();
    this.residentLocale = ws.cfg.config.locale;
    this.store = new PaymentsStore(ws.db);
    this.currency = accountsCurrency(ws);
    this.timeZone = premisesTimeZone(ws);
    this.known = new KnownAccounts(gw, ctx.signal);
  }

  get booked(): number {
    return this.written + this.already;
  }

  async run(): Promise<void> {
    // Acknowledgements a failed run still owes go first: the portal hears outcomes in order.
    await this.acknowledge();
    const pageSize = this.opts.pageSize ?? this.ws.cfg.config.accounts.paymentsPageSize;
    let after = this.store.cursor();
    for (;;) {
      this.ctx.signal.throwIfAborted();
      const page = await this.portal.fetchFeed('payments', after, pageSize, this.ctx.signal);
      for (const p of page.problems) this.scope.problem(p, 'portal-payments-file');
      if (page.items.length) await this.bookPage(page.items, page.next);
      else if (page.next !== after) this.store.setCursor(page.next, this.scope.runId);
      after = page.next;
      this.ctx.progress('payments', this.read, this.read, this.rejected);
      await this.acknowledge();
      if (!page.more || (!page.items.length && !page.problems.length)) break;
    }
  }

  private money(minor: number, locale: Locale): string {
    return `${formatMoney(minor, locale)} ${this.currency}`;
  }

  /** The problem for the operator (the window's language), and its text for the resident (the workspace's, kept for the acknowledgement). */
  private rejection(code: Parameters<typeof problem>[0], params: (locale: Locale) => Record<string, string | number>, key: string): Pick<NewPayment, 'outcome' | 'written' | 'code' | 'problem' | 'ack_message'> {
    const p = problem(code, this.locale, params(this.locale), { key });
    const message = problem(code, this.residentLocale, params(this.residentLocale)).message.slice(0, 2000);
    return { outcome: 'rejected', written: null, code: p.code, problem: p, ack_message: message };
  }

  private async bookPage(items: FeedPayment[], next: string | null): Promise<void> {
    const known = this.store.known(items.map((i) => i.id));
    const inPage = new Map<string, FeedPayment>();
    const payments: NewPayment[] = [];
    const repeats: NewRepeat[] = [];
    const toBook: Array<{ item: FeedPayment; paidOn: string; period: string; warning: Problem | null; fingerprint: string }> = [];
    const runId = this.scope.runId;

    for (const item of items) {
      this.read++;
      const fingerprint = fingerprintOf(item);
      const prior = known.get(item.id);
      const earlier = inPage.get(item.id);
      if (prior || earlier) {
        const first = prior ?? { account_no: earlier!.account_no, amount: earlier!.amount, currency: earlier!.currency, paid_at: earlier!.paid_at, reference: earlier!.reference, fingerprint: fingerprintOf(earlier!), run_id: runId };
        const same = first.fingerprint === fingerprint;
        const p = same
          ? problem('SAL-4151', this.locale, { id: item.id, run: first.run_id }, { key: item.id })
          : problem('SAL-4152', this.locale, { id: item.id, run: first.run_id, detail: differences(first, item) }, { key: item.id });
        repeats.push({ payment_id: item.id, account_no: item.account_no, amount: item.amount, paid_at: item.paid_at, same, problem: p, run_id: runId });
        continue;
      }
      inPage.set(item.id, item);
      // The feed's schema guarantees an instant with an offset; its day is the premises' local day.
      const paidOn = localDay(item.paid_at, this.timeZone)!;
      const period = paidOn.slice(0, 7);
      const base = { payment_id: item.id, account_no: item.account_no, amount: item.amount, currency: item.currency, paid_at: item.paid_at, paid_on: paidOn, period, reference: item.reference, fingerprint, run_id: runId };
      if (item.currency !== this.currency) {
        payments.push({ ...base, ...this.rejection('SAL-4153', () => ({ id: item.id, currency: item.currency, expected: this.currency }), item.id) });
        continue;
      }
      const status = await this.known.status(item.account_no, period);
      if (status === null) {
        payments.push({ ...base, ...this.rejection('SAL-4150', (l) => ({ id: item.id, amount: this.money(item.amount, l), account: item.account_no }), item.id) });
        continue;
      }
      const warning = status === 'closed' ? problem('SAL-4157', this.locale, { id: item.id, amount: this.money(item.amount, this.locale), account: item.account_no }, { key: item.id }) : null;
      toBook.push({ item, paidOn, period, warning, fingerprint });
    }

    if (toBook.length) {
      const rows: PortalPaymentRow[] = toBook.map(({ item, paidOn }) => ({ payment_id: item.id, account_no: item.account_no, paid_on: paidOn, amount: item.amount, reference: item.reference || null }));
      let results;
      try {
        results = await this.gw.importPortalPayments(rows, this.ctx.signal);
      } catch (e) {
        if (this.ctx.signal.aborted) throw e;
        const cause = e instanceof ProblemError ? `${e.problem.code}: ${e.problem.message}` : (e as Error).message;
        throw new ProblemError(problem('SAL-4155', this.locale, { count: rows.length, detail: cause }));
      }
      const byId = new Map(results.map((r) => [r.payment_id, r]));
      for (const { item, paidOn, period, warning, fingerprint } of toBook) {
        const base = { payment_id: item.id, account_no: item.account_no, amount: item.amount, currency: item.currency, paid_at: item.paid_at, paid_on: paidOn, period, reference: item.reference, fingerprint, run_id: runId };
        const r = byId.get(item.id);
        if (r && r.status !== 'refused') {
          payments.push({ ...base, outcome: 'booked', written: r.status, code: warning?.code ?? null, problem: warning, ack_message: null });
          continue;
        }
        const detail = r?.message ?? 'no answer for this payment';
        payments.push({ ...base, ...this.rejection('SAL-4154', () => ({ id: item.id, account: item.account_no, detail }), item.id) });
      }
    }

    // Booked (or refused) in accounting: now recorded, with the cursor after the page, at once.
    this.store.recordPage({ payments, repeats, cursor: next, runId });
    this.tally(payments, repeats);
  }

  private tally(payments: NewPayment[], repeats: NewRepeat[]): void {
    const records = [];
    for (const p of payments) {
      if (p.outcome === 'booked') {
        if (p.written === 'written') this.written++;
        else this.already++;
        this.bookedAmount += p.amount;
        this.scope.addMoney('portal_payments_booked', p.amount);
        records.push({ category: CATEGORY, key: p.payment_id, outcome: 'booked', code: null, detail: `${p.account_no} ${toDecimalString(p.amount)} ${p.currency} ${p.written}` });
      } else {
        this.rejected++;
        this.scope.addMoney('portal_payments_rejected', p.amount);
      }
      if (p.problem) this.scope.problem(p.problem, CATEGORY);
    }
    for (const r of repeats) {
      this.duplicates++;
      this.scope.problem(r.problem, CATEGORY);
    }
    if (records.length) this.ws.journal.addRecords(this.scope.runId, records);
  }

  /** Sends what the portal is owed, 1,000 a request; a failure leaves it owed (one warning per run). */
  async acknowledge(): Promise<void> {
    if (this.ackFailed) return;
    for (;;) {
      if (this.ctx.signal.aborted) return;
      const rows = this.store.pendingAcks(MAX_ACK_ITEMS);
      if (!rows.length) return;
      const items = rows.map((r) => this.ackOf(r));
      try {
        await this.portal.postAcks('payments', `payments-r${this.scope.runId}-${++this.ackSeq}-${this.ackTag}`, items, this.ctx.signal);
      } catch (e) {
        if (this.ctx.signal.aborted) return;
        this.ackFailed = true;
        const detail = e instanceof ProblemError ? `${e.problem.code}: ${e.problem.message}` : (e as Error).message;
        this.scope.problem(problem('SAL-4156', this.locale, { count: this.store.pendingCount(), detail }), 'portal-payments-acks');
        return;
      }
      this.store.markAcked(rows.map((r) => r.payment_id));
      this.acknowledged += rows.length;
    }
  }

  private ackOf(r: PaymentRow): AckItem {
    if (r.outcome === 'booked') return { id: r.payment_id, outcome: 'accepted' };
    const item: AckItem = { id: r.payment_id, outcome: 'rejected', code: r.code ?? 'SAL-4154' };
    if (r.ack_message) item.message = r.ack_message;
    return item;
  }

  summary(runId: number, status: RunStatus, error?: Problem): PaymentsImportSummary {
    const notBooked = this.store.notBooked(runId, NOT_BOOKED_LISTED);
    const errors = [...this.scope.problems];
    if (error && !errors.some((p) => p.code === error.code && p.message === error.message)) errors.push(error);
    return {
      runId,
      status,
      currency: this.currency,
      read: this.read,
      booked: this.booked,
      written: this.written,
      already: this.already,
      rejected: this.rejected,
      duplicates: this.duplicates,
      bookedAmount: toDecimalString(this.bookedAmount),
      acknowledged: this.acknowledged,
      pendingAcks: this.store.pendingCount(),
      notBooked: notBooked.rows,
      notBookedTotal: notBooked.total,
      errors,
    };
  }

  toJournal(): void {
    const c = (k: string, n: number) => n && this.scope.count(`portalPayments.${k}`, n);
    c('read', this.read);
    c('booked', this.booked);
    c('written', this.written);
    c('already', this.already);
    c('rejected', this.rejected);
    c('duplicates', this.duplicates);
    c('acknowledged', this.acknowledged);
  }
}

/**
 * `saldo cycle`'s portal-payments step: the same import as `saldo portal payments import`, counted
 * and journaled as part of the cycle's run. The cycle owns the portal connection and has already
 * checked exchange.run.
 */
export async function paymentsCycleStep(ws: Workspace, actor: Operator, scope: RunScope, ctx: JobContext, portal: PortalGateway, opts: PaymentsRunOptions = {}): Promise<PaymentsImportSummary> {
  requirePermission(actor, 'exchange.run', ws.locale());
  const run = new PaymentsRun(ws, await ws.accounting(), portal, scope, ctx, opts);
  try {
    await run.run();
  } finally {
    run.toJournal();
  }
  return run.summary(scope.runId, 'completed');
}

/** `saldo portal payments import` and the window's job: a journaled run of kind portal-payments. */
export async function importPaymentsFromPortal(
  ws: Workspace,
  actor: Operator,
  ctx: JobContext,
  openPortal: () => Promise<PortalGateway>,
  opts: PaymentsRunOptions = {},
): Promise<PaymentsImportSummary> {
  // Reading the portal's feeds and booking into accounting is the data exchange (seed 000).
  requirePermission(actor, 'exchange.run', ws.locale());
  let run: PaymentsRun | null = null;
  const outcome = await runJournaled(ws, actor, { kind: 'portal-payments' }, async (scope) => {
    const gw = await ws.accounting();
    const portal = await openPortal();
    try {
      run = new PaymentsRun(ws, gw, portal, scope, ctx, opts);
      await run.run();
    } finally {
      (run as PaymentsRun | null)?.toJournal();
      await portal.close();
    }
  });
  const r = run as PaymentsRun | null;
  const summary: PaymentsImportSummary = r
    ? r.summary(outcome.runId, outcome.status, outcome.error)
    : { runId: outcome.runId, status: outcome.status, currency: accountsCurrency(ws), read: 0, booked: 0, written: 0, already: 0, rejected: 0, duplicates: 0, bookedAmount: '0.00', acknowledged: 0, pendingAcks: new PaymentsStore(ws.db).pendingCount(), notBooked: [], notBookedTotal: 0, errors: outcome.error ? [outcome.error] : [] };
  ws.audit.append(actor.name, 'payments.import', `run:${summary.runId}`, {
    status: summary.status,
    read: summary.read,
    booked: summary.booked,
    rejected: summary.rejected,
    duplicates: summary.duplicates,
    amount: summary.bookedAmount,
  });
  return summary;
}
