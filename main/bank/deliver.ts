// Where a run's results go (issue 6 point 3, saldo.json bank.deliver). `files`: the three output
// files (write.ts). `accounting`: the matched payments — residential and commercial, never
// suggested or unmatched — are booked through the accounting exchange (import_bank_items), in
// batches, each batch one transaction there and its answers recorded per item in one local
// transaction; only the unmatched file is written (accounting cannot book what has no premises).
// Every caller goes through deliverRun: the window's bank.write, `saldo bank import --out`, the
// watcher (through the import service) and the cycle step.
//
// A reversal matched to its premises (a negative amount) and a payment in another currency than the
// accounts' are not sent (the exchange carries positive amounts in the accounts' currency): they are
// refused here with their own codes, for the operator to book by hand.
//
// Nothing is booked twice: an item accounting answered written or already is not sent again (it
// counts as already); an item is sent under the keys of its first delivery (booking-keys.ts), so a
// crash between a batch's commit there and its record here only makes the next delivery hear
// `already`. A refused item is sent again by the run's next delivery (the operator may have
// assigned it elsewhere, or accounting fixed the account). A cancel stops between batches.

import { formatMoney, toDecimalString, type Minor } from '../../shared/domain/money';
import type { Operator } from '../../shared/domain/permissions';
import type { Locale, Problem } from '../../shared/domain/types';
import type { BankBooking, BankWriteResult, CountAmount } from '../../shared/ipc/contract-bank';
import { problem, ProblemError } from '../../shared/errors/problem';
import type { BankItemRow, ImportBankItemResult } from '../accounting/bank-item-rows';
import type { AccountingGateway } from '../accounting/port';
import { accountsCurrency } from '../accounts/payments/facts';
import type { RunScope } from '../cycle/run-scope';
import { requirePermission } from '../engine/authorize';
import type { JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { bookingItemRef, bookingStatementId, refIdentity } from './booking-keys';
import { BankStore, type BookingOutcome, type DeliverableRow } from './store';
import { writeRunOutputs } from './write';

/** Items per importBankItems call: each call is one transaction in accounting. */
export const BOOKING_BATCH = 1000;

export interface DeliverOptions {
  signal?: AbortSignal;
  /** The job's progress (phase `bank.book`, per batch). */
  progress?: JobContext['progress'];
  /** Default: the workspace's gateway (ws.accounting(), kept open by the workspace), asked for only when there is something to book. */
  gateway?: AccountingGateway;
  /** The run being journaled, when there is one: counts, money and the refusals as its problems. */
  scope?: RunScope;
  batchSize?: number;
}

class Sum {
  count = 0;
  minor: Minor = 0;
  add(amount: Minor): void {
    this.count++;
    this.minor += amount;
    if (!Number.isSafeInteger(this.minor)) throw new RangeError('booked total out of exact range');
  }
  out(): CountAmount {
    return { count: this.count, amount: toDecimalString(this.minor) };
  }
}

export function emptyBooking(): BankBooking {
  const zero = () => ({ count: 0, amount: '0.00' });
  return { written: zero(), already: zero(), refused: zero(), errors: [] };
}

/** How the operator finds the item: its bank reference, or statement#position (as assignItem names it). */
const itemKey = (r: DeliverableRow) => r.bank_reference ?? `${r.statement_id}#${r.seq}`;

/** A failure of a batch that is not already a catalogue problem of the exchange: SAL-3047, nothing of the batch booked. */
function batchProblem(e: unknown, count: number, locale: Locale): unknown {
  if (e instanceof ProblemError) return e;
  if ((e as Error)?.name === 'AbortError') return e;
  return new ProblemError(problem('SAL-3047', locale, { count, detail: (e as Error)?.message ?? String(e) }));
}

/** Books the run's matched items that accounting does not have yet; answers the tally. No permission check: callers make it. */
export async function bookRun(ws: Workspace, runId: number, opts: DeliverOptions = {}): Promise<BankBooking> {
  const locale = ws.locale();
  const store = new BankStore(ws.db);
  const currency = accountsCurrency(ws);
  const written = new Sum();
  const already = new Sum();
  const refused = new Sum();
  const errors: Problem[] = [];
  const refuse = (r: DeliverableRow, p: Problem) => {
    refused.add(r.amount);
    errors.push(p);
    opts.scope?.problem(p, 'bank-booking');
  };

  // Which references name more than one item of their statement (those get the position too).
  const seen = new Map<string, number>();
  for (const x of store.references(runId)) {
    const k = `${x.statement_id}|${refIdentity(x.bank_reference)}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }

  const send: Array<{ item: DeliverableRow; row: BankItemRow }> = [];
  const local: BookingOutcome[] = [];
  for (const r of store.deliverable(runId)) {
    if (r.booking === 'written' || r.booking === 'already') {
      already.add(r.amount);
      continue;
    }
    if (r.amount <= 0) {
      // A reversal booked to its premises (negative): the exchange carries payments only.
      refuse(r, problem('SAL-3044', locale, { item: r.id, amount: formatMoney(r.amount, locale), account: r.account_no ?? '' }, { key: itemKey(r) }));
      local.push({ id: r.id, booking: 'refused', message: 'a reversal (negative amount); the exchange carries payments only', statement: null, item: null });
      continue;
    }
    if (r.currency !== currency) {
      // Accounting keeps one currency and the exchange carries no other: never booked as if it were.
      refuse(r, problem('SAL-3045', locale, { item: r.id, currency: r.currency, accounts: currency }, { key: itemKey(r) }));
      local.push({ id: r.id, booking: 'refused', message: `currency ${r.currency}; the accounts are kept in ${currency}`, statement: null, item: null });
      continue;
    }
    const duplicated = r.bank_reference !== null && (seen.get(`${r.statement_id}|${refIdentity(r.bank_reference)}`) ?? 0) > 1;
    send.push({
      item: r,
      row: {
        statement_id: r.booking_statement ?? bookingStatementId(r.stmt_key),
        item_ref: r.booking_item ?? bookingItemRef(r.bank_reference, r.seq, duplicated),
        account_no: r.account_no!,
        booked_on: r.booking_date ?? r.value_date,
        amount: r.amount,
        payer: r.payer_name,
        title: r.title,
      },
    });
  }
  if (local.length) store.recordBookings(local);

  const size = Math.max(1, opts.batchSize ?? BOOKING_BATCH);
  const total = send.length;
  if (total) {
    const gw = opts.gateway ?? (await ws.accounting());
    opts.progress?.('bank.book', 0, total, refused.count);
    for (let at = 0; at < total; at += size) {
      opts.signal?.throwIfAborted();
      const batch = send.slice(at, at + size);
      let answers: ImportBankItemResult[];
      try {
        answers = await gw.importBankItems(
          batch.map((x) => x.row),
          opts.signal,
        );
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        throw batchProblem(e, batch.length, locale);
      }
      const outcomes: BookingOutcome[] = batch.map(({ item, row }, i) => {
        const a = answers[i];
        if (!a || a.statement_id !== row.statement_id || a.item_ref !== row.item_ref) {
          // The port answers one row per input row, in order: anything else breaks the contract. The
          // batch may be booked there; the next delivery sends the same keys and hears `already`.
          throw new ProblemError(problem('SAL-5002', locale, { object: 'import_bank_items', detail: `no answer for item ${row.statement_id}/${row.item_ref}` }));
        }
        if (a.status === 'written') written.add(item.amount);
        else if (a.status === 'already') already.add(item.amount);
        else {
          const detail = a.message ?? 'refused';
          refuse(item, problem('SAL-3046', locale, { item: item.id, amount: formatMoney(item.amount, locale), account: row.account_no, detail }, { key: itemKey(item) }));
        }
        return { id: item.id, booking: a.status, message: a.status === 'refused' ? (a.message ?? null) : null, statement: row.statement_id, item: row.item_ref };
      });
      store.recordBookings(outcomes);
      opts.progress?.('bank.book', Math.min(at + size, total), total, refused.count);
    }
  }

  const scope = opts.scope;
  if (scope) {
    for (const [key, s] of [['bank_booked_written', written], ['bank_booked_already', already], ['bank_booked_refused', refused]] as const) {
      if (!s.count) continue;
      scope.count(key, s.count);
      scope.addMoney(key, s.minor);
    }
  }
  const booked = { written: written.out(), already: already.out(), refused: refused.out(), errors };
  ws.log('bank').info(`run ${runId}: matched payments booked to accounting`, { written: booked.written, already: booked.already, refused: booked.refused });
  return booked;
}

/**
 * A run's results where saldo.json bank.deliver sends them: the three files into `outDir`, or the
 * matched payments to accounting and the unmatched file into `outDir` (answering `booked`).
 * No permission check: callers make it.
 */
export async function deliverRun(ws: Workspace, actor: Operator, runId: number, outDir: string, opts: DeliverOptions = {}): Promise<BankWriteResult> {
  if (ws.cfg.config.bank.deliver !== 'accounting') return writeRunOutputs(ws, actor, runId, outDir, opts.signal);
  // The file first: what needs no accounting database is done even when it is down.
  const { files } = await writeRunOutputs(ws, actor, runId, outDir, opts.signal, ['unmatched']);
  const booked = await bookRun(ws, runId, opts);
  return { files, booked };
}

/** `bank.write`: the run's results into the workspace's output folder (saldo.json bank.outDir), and to accounting when so set. */
export async function writeOutputs(ws: Workspace, actor: Operator, runId: number): Promise<BankWriteResult> {
  requirePermission(actor, 'bank.process', ws.locale());
  const res = await deliverRun(ws, actor, runId, ws.cfg.path(ws.cfg.config.bank.outDir));
  ws.audit.append(actor.name, 'bank.write', `run:${runId}`, {
    files: res.files.map((f) => ({ kind: f.kind, file: f.file, rows: f.rows, total: f.total })),
    ...(res.booked ? { booked: bookedAudit(res.booked) } : {}),
  });
  return res;
}

/** The booking as the audit log keeps it: the figures and the refused items' keys, not every message. */
export function bookedAudit(b: BankBooking): Record<string, unknown> {
  return { written: b.written, already: b.already, refused: b.refused, refusedKeys: b.errors.map((e) => e.key).slice(0, 100) };
}
