// What the window and the reports read of a bank run — statements with their balance checks, items
// with their match — and the operator's assignment of an unmatched payment (or confirmation of a
// suggestion) to a premises, written to the audit log.

import type { Operator } from '../../shared/domain/permissions';
import { toDecimalString } from '../../shared/domain/money';
import type { Problem } from '../../shared/domain/types';
import type { BankItemView, BankItemsPage, PremisesHit, StatementFormatName, StatementView } from '../../shared/ipc/contract-bank';
import { fail, problem } from '../../shared/errors/problem';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { accountKey, cachedPremises } from './premises';
import { BankStore, type ItemFilter, type ItemRow, type StatementRow } from './store';

export function statementView(s: StatementRow): StatementView {
  const v: StatementView = {
    key: String(s.id),
    file: s.file_name,
    format: s.format as StatementFormatName,
    encoding: s.encoding ?? '',
    id: s.statement_id,
    account: s.account,
    currency: s.currency,
    computedClosing: toDecimalString(s.computed),
    check: s.check_result,
    entries: s.entries,
    credit: toDecimalString(s.credit),
    debit: toDecimalString(s.debit),
  };
  if (s.number !== null) v.number = s.number;
  if (s.opening !== null) v.opening = toDecimalString(s.opening);
  if (s.closing !== null) v.closing = toDecimalString(s.closing);
  return v;
}

export function itemView(r: ItemRow): BankItemView {
  const v: BankItemView = {
    key: String(r.id),
    runId: r.run_id,
    statementKey: String(r.statement_id),
    seq: r.seq,
    valueDate: r.value_date,
    amount: toDecimalString(r.amount),
    currency: r.currency,
    title: r.title,
    status: r.status,
    problems: JSON.parse(r.problems) as Problem[],
  };
  if (r.booking_date) v.bookingDate = r.booking_date;
  if (r.payer_name) v.payerName = r.payer_name;
  if (r.payer_account) v.payerAccount = r.payer_account;
  if (r.virtual_account) v.virtualAccount = r.virtual_account;
  if (r.bank_reference) v.bankReference = r.bank_reference;
  if (r.account_no) v.accountNo = r.account_no;
  if (r.premises_kind) v.premisesKind = r.premises_kind;
  if (r.address) v.address = r.address;
  if (r.method) v.method = r.method;
  if (r.suggestion_account) v.suggestion = { accountNo: r.suggestion_account, reason: r.suggestion_reason ?? '' };
  if (r.assigned_by) v.assignedBy = r.assigned_by;
  if (r.note) v.note = r.note;
  if (r.booking) v.booking = { status: r.booking, at: r.booked_at ?? '', ...(r.booking_message ? { message: r.booking_message } : {}) };
  return v;
}

/** The run's statements (a run that imported none is not a bank run). Also used by the reports. */
export function runStatements(ws: Workspace, runId: number): StatementView[] {
  const store = new BankStore(ws.db);
  if (!store.hasFiles(runId)) fail('SAL-3063', ws.locale(), { run: runId });
  return store.statements(runId).map(statementView);
}

/** The run's items of the given statuses, in statement order (reports, outputs). */
export function runItems(ws: Workspace, runId: number, statuses: BankItemView['status'][]): BankItemView[] {
  return new BankStore(ws.db).runItems(runId, statuses).map(itemView);
}

export function listStatements(ws: Workspace, actor: Operator, runId: number): StatementView[] {
  requirePermission(actor, 'bank.process', ws.locale());
  return runStatements(ws, runId);
}

export function listItems(ws: Workspace, actor: Operator, f: ItemFilter): BankItemsPage {
  requirePermission(actor, 'bank.process', ws.locale());
  const { rows, total } = new BankStore(ws.db).items(f);
  return { rows: rows.map(itemView), total };
}

export async function searchPremises(ws: Workspace, actor: Operator, query: string, limit = 20): Promise<PremisesHit[]> {
  requirePermission(actor, 'bank.process', ws.locale());
  return (await cachedPremises(ws)).search(query, limit);
}

/** Problems that explained why an item was not matched lose their point once the operator decides. */
const RESOLVED_BY_ASSIGNMENT = new Set(['SAL-3055', 'SAL-3056', 'SAL-3057', 'SAL-3058', 'SAL-3059', 'SAL-3071', 'SAL-3070']);

export async function assignItem(ws: Workspace, actor: Operator, req: { itemKey: string; accountNo: string; note?: string }): Promise<BankItemView> {
  const locale = ws.locale();
  requirePermission(actor, 'bank.process', locale);
  const store = new BankStore(ws.db);
  const id = Number(req.itemKey);
  const item = Number.isSafeInteger(id) ? store.item(id) : undefined;
  if (!item) fail('SAL-3060', locale, { item: req.itemKey });
  if (item.status === 'outgoing' || item.status === 'fee' || item.amount <= 0) fail('SAL-3062', locale, { item: req.itemKey, status: item.status });
  const premises = (await cachedPremises(ws)).byAccountNo(req.accountNo.trim());
  if (!premises.length) fail('SAL-3061', locale, { account: req.accountNo });
  const p = premises[0];
  // Booked in accounting (bank.deliver = accounting): moving it here would leave accounting with the old premises.
  if ((item.booking === 'written' || item.booking === 'already') && item.account_no !== p.accountNo) fail('SAL-3049', locale, { item: req.itemKey, account: item.account_no ?? '' });
  const method = item.status === 'suggested' && item.suggestion_account === p.accountNo ? 'payer-history' : 'operator';
  const problems = (JSON.parse(item.problems) as Problem[]).filter((x) => !RESOLVED_BY_ASSIGNMENT.has(x.code));
  const key = item.bank_reference ?? `${item.statement_id}#${item.seq}`;
  if (p.status === 'closed') problems.push(problem('SAL-3070', locale, { account: p.accountNo }, { key }));
  const note = req.note?.trim() || null;
  ws.db.transaction(() => {
    const payer = item.payer_account ? accountKey(item.payer_account) : null;
    if (payer && item.status === 'matched' && item.account_no) store.addHistory(payer, item.account_no, item.value_date, -1);
    store.assign(item.id, { status: 'matched', accountNo: p.accountNo, kind: p.kind, address: p.address, method, by: actor.name, note, problems });
    if (payer) store.addHistory(payer, p.accountNo, item.value_date, 1);
  })();
  ws.audit.append(actor.name, 'bank.assign', `item:${item.id}`, {
    run: item.run_id,
    from: { status: item.status, accountNo: item.account_no },
    to: p.accountNo,
    amount: toDecimalString(item.amount),
    method,
    ...(note ? { note } : {}),
  });
  return itemView(store.item(item.id)!);
}
