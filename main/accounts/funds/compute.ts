// Collected funds by provider for a month (issue 7 point 4, seed 001): the money collected in the
// month (portal payments booked + matched bank payments), each premises' money allocated to its
// services by THE RULE of allocate.ts against the charges of the billed month — the month itself,
// or, when it is not billed yet, the last billed month before it (payments made before a month is
// billed pay the last bill issued) — then summed per service and per provider, with each
// provider's share of the total and of its charges. Exact: every sum is in integer minor units,
// the provider lines and the overpayment line add up to the collected total to the grosz.
// A journaled run (kind funds) that keeps what it computed (store.ts) for the report and the CSV.

import { addMinor, formatMoney, toDecimalString } from '../../../shared/domain/money';
import type { Operator } from '../../../shared/domain/permissions';
import type { Locale, Problem } from '../../../shared/domain/types';
import { fail, problem } from '../../../shared/errors/problem';
import type { FundsLine, FundsSummary } from '../../../shared/ipc/contract-accounts';
import type { AccountingGateway } from '../../accounting/port';
import { runJournaled } from '../../cycle/run-job';
import type { RunScope } from '../../cycle/run-scope';
import { requirePermission } from '../../engine/authorize';
import { Breather, yieldToLoop, type JobContext } from '../../engine/jobs';
import type { Workspace } from '../../engine/workspace';
import type { ProviderRow } from '../../../shared/domain/accounting';
import { accountsCurrency } from '../payments/facts';
import { allocatePremises, formatBp, ratioBp, sharesOfTotal, type ServiceBill } from './allocate';
import { collectedIn, type CollectedPayment } from './sources';
import { FundsStore, type FundsData, type FundsLineRow, type FundsServiceRow } from './store';

/** The key of the overpayment line when shares are split: after every provider code in a tie. */
const OVERPAYMENT_KEY = '\uffff';

/** The billed month money collected in `period` is allocated to; null when there is none. */
export function basisPeriod(periods: readonly string[], period: string): string | null {
  if (periods.includes(period)) return period;
  const before = periods.filter((p) => p < period).sort();
  return before.at(-1) ?? null;
}

interface ServiceInfo {
  name: string;
  provider: string;
  debt: number;
  current: number;
  charged: number;
}

/**
 * Computes the funds of `period` into the run's store rows. Problems (warnings) go to the scope;
 * a month with no bill on or before it is SAL-4170.
 */
export async function computeFunds(ws: Workspace, gw: AccountingGateway, period: string, scope: RunScope, ctx: JobContext): Promise<{ data: FundsData; inputs: CollectedPayment[] }> {
  const locale: Locale = ws.locale();
  const currency = accountsCurrency(ws);
  const basis = basisPeriod(await gw.periods(), period);
  if (basis === null) fail('SAL-4170', locale, { period });
  if (basis !== period) scope.problem(problem('SAL-4175', locale, { period, basis }), 'funds');

  // 1. The money, per account.
  ctx.progress('funds.payments', 0, 1, 0);
  const { payments, otherCurrency } = collectedIn(ws.db, period, currency);
  if (otherCurrency) scope.problem(problem('SAL-4173', locale, { count: otherCurrency, expected: currency }), 'funds');
  const paid = new Map<string, number>();
  let portal = 0;
  let bank = 0;
  for (const p of payments) {
    paid.set(p.accountNo, addMinor(paid.get(p.accountNo) ?? 0, p.amount));
    if (p.source === 'portal') portal = addMinor(portal, p.amount);
    else bank = addMinor(bank, p.amount);
  }
  const collected = addMinor(portal, bank);
  ctx.progress('funds.payments', 1, 1, 0);

  // 2. Services, providers, and the bills of the accounts that paid (all charges count for the charged column).
  const services = new Map<string, ServiceInfo>();
  for await (const s of gw.export('export_services', { period: basis }, ctx.signal)) services.set(s.code, { name: s.name, provider: s.provider_code, debt: 0, current: 0, charged: 0 });
  const providers = new Map<string, ProviderRow>();
  for await (const p of gw.export('export_providers', { period: basis }, ctx.signal)) providers.set(p.provider_code, p);
  const bills = new Map<string, Map<string, ServiceBill>>();
  const total = await gw.count('export_charges', { period: basis });
  const breathe = new Breather();
  let rows = 0;
  for await (const c of gw.export('export_charges', { period: basis }, ctx.signal)) {
    rows++;
    let svc = services.get(c.service_code);
    if (!svc) {
      // A charge for a service the services list lacks: kept under its code (Data to WWW reports it).
      svc = { name: c.service_code, provider: '', debt: 0, current: 0, charged: 0 };
      services.set(c.service_code, svc);
    }
    svc.charged = addMinor(svc.charged, c.amount + c.recalculation);
    if (paid.has(c.account_no)) {
      let bill = bills.get(c.account_no);
      if (!bill) bills.set(c.account_no, (bill = new Map()));
      // An account number shared by several premises (a data defect): their bills are summed.
      const line = bill.get(c.service_code) ?? { service: c.service_code, debt: 0, charge: 0 };
      line.debt = addMinor(line.debt, c.debt_brought_forward);
      line.charge = addMinor(line.charge, c.amount + c.recalculation);
      bill.set(c.service_code, line);
    }
    if (breathe.due()) {
      ctx.progress('funds.charges', rows, total, 0);
      await yieldToLoop();
      ctx.signal.throwIfAborted();
      breathe.reset();
    }
  }
  ctx.progress('funds.charges', rows, Math.max(rows, total), 0);

  // 3. Each premises' money over its services, by the rule; accounts in a fixed order.
  let overpayment = 0;
  for (const account of [...paid.keys()].sort()) {
    const money = paid.get(account)!;
    if (money <= 0) {
      // More given back (a bank reversal) than paid in the month: no service's money; it comes off the overpayments line.
      if (money < 0) scope.problem(problem('SAL-4176', locale, { account, amount: `${formatMoney(money, locale)} ${currency}` }, { key: account }), 'funds');
      overpayment = addMinor(overpayment, money);
      continue;
    }
    const bill = bills.get(account);
    const lines = bill ? [...bill.values()].sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0)) : [];
    const a = allocatePremises(money, lines);
    if (!bill) scope.problem(problem('SAL-4171', locale, { account, amount: `${formatMoney(money, locale)} ${currency}`, basis }, { key: account }), 'funds');
    for (const part of a.parts) {
      const svc = services.get(part.service)!;
      svc.debt = addMinor(svc.debt, part.debt);
      svc.current = addMinor(svc.current, part.current);
    }
    overpayment = addMinor(overpayment, a.overpayment);
  }

  // 4. Per provider (every provider with money or charges), then the overpayment line.
  const byProvider = new Map<string, { debt: number; current: number; charged: number }>();
  const serviceRows: FundsServiceRow[] = [];
  for (const [code, s] of [...services].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (s.charged === 0 && s.debt === 0 && s.current === 0) continue;
    serviceRows.push({ service_code: code, name: s.name, provider_code: s.provider, debt_part: s.debt, current_part: s.current, charged: s.charged });
    const p = byProvider.get(s.provider) ?? { debt: 0, current: 0, charged: 0 };
    p.debt = addMinor(p.debt, s.debt);
    p.current = addMinor(p.current, s.current);
    p.charged = addMinor(p.charged, s.charged);
    byProvider.set(s.provider, p);
  }
  const warned = new Set<string>();
  const lines: Array<Omit<FundsLineRow, 'share_bp'>> = [];
  for (const [code, p] of [...byProvider].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const info = providers.get(code);
    if (!info && !warned.has(code)) {
      warned.add(code);
      const svc = serviceRows.find((s) => s.provider_code === code)!;
      scope.problem(problem('SAL-4172', locale, { service: svc.service_code, provider: code || '—' }, { key: svc.service_code }), 'funds');
    }
    const got = addMinor(p.debt, p.current);
    lines.push({
      line_no: lines.length + 1,
      kind: 'provider',
      provider_code: code || null,
      name: info?.name ?? null,
      tax_code: info?.tax_code ?? null,
      bank: info?.bank ?? null,
      account: info?.account ?? null,
      collected: got,
      debt_part: p.debt,
      current_part: p.current,
      charged: p.charged,
      charges_bp: ratioBp(got, p.charged),
    });
  }
  lines.push({ line_no: lines.length + 1, kind: 'overpayment', provider_code: null, name: null, tax_code: null, bank: null, account: null, collected: overpayment, debt_part: 0, current_part: 0, charged: 0, charges_bp: null });

  // The guarantee the report rests on: the lines add up to the money collected, exactly.
  const sum = lines.reduce((t, l) => addMinor(t, l.collected), 0);
  if (sum !== collected) throw new Error(`funds: the lines add up to ${sum}, the money collected is ${collected}`);
  // Shares that add up to 100.00 exactly (largest remainder) — unless a reversal made the overpayments
  // line negative: then each share is its own exact ratio, and the column may miss 100.00 by a hundredth.
  const shares = lines.every((l) => l.collected >= 0)
    ? sharesOfTotal(lines.map((l) => ({ key: l.provider_code ?? OVERPAYMENT_KEY, weight: l.collected })))
    : lines.map((l) => ratioBp(l.collected, collected) ?? 0);
  const charged = lines.reduce((t, l) => addMinor(t, l.charged), 0);

  const data: FundsData = {
    run: { run_id: scope.runId, period, basis, currency, collected, portal, bank, overpayment, charged, premises: [...paid.values()].filter((m) => m > 0).length, payments: payments.length },
    lines: lines.map((l, i) => ({ ...l, share_bp: shares[i] })),
    services: serviceRows,
  };
  return { data, inputs: payments };
}

/** The summary (CLI --json, the window) of a stored funds run. */
export function fundsSummary(data: FundsData, status: FundsSummary['status'], errors: Problem[]): FundsSummary {
  const r = data.run;
  const pct = (bp: number | null) => (bp === null ? null : formatBp(bp, 'en'));
  const lines: FundsLine[] = data.lines.map((l) => ({
    kind: l.kind,
    providerCode: l.provider_code,
    name: l.name,
    taxCode: l.tax_code,
    bank: l.bank,
    account: l.account,
    collected: toDecimalString(l.collected),
    debtPart: toDecimalString(l.debt_part),
    currentPart: toDecimalString(l.current_part),
    charged: toDecimalString(l.charged),
    shareOfTotal: pct(l.share_bp)!,
    shareOfCharges: pct(l.charges_bp),
  }));
  return {
    runId: r.run_id,
    status,
    period: r.period,
    basis: r.basis,
    currency: r.currency,
    collected: toDecimalString(r.collected),
    portal: toDecimalString(r.portal),
    bank: toDecimalString(r.bank),
    overpayment: toDecimalString(r.overpayment),
    charged: toDecimalString(r.charged),
    premises: r.premises,
    payments: r.payments,
    lines,
    errors,
  };
}

/** `saldo report funds --period` and the window's job: a journaled run of kind funds. */
export async function runFunds(ws: Workspace, actor: Operator, period: string, ctx: JobContext): Promise<FundsSummary> {
  const locale = ws.locale();
  requirePermission(actor, 'source.read', locale);
  let data: FundsData | null = null;
  let problems: Problem[] = [];
  const outcome = await runJournaled(ws, actor, { kind: 'funds', period }, async (scope) => {
    problems = scope.problems;
    const gw = await ws.accounting();
    const computed = await computeFunds(ws, gw, period, scope, ctx);
    ctx.signal.throwIfAborted();
    new FundsStore(ws.db).save(computed.data, computed.inputs);
    data = computed.data;
    const r = computed.data.run;
    scope.count('funds.payments', r.payments);
    scope.count('funds.premises', r.premises);
    scope.addMoney('funds_collected', r.collected);
    scope.addMoney('funds_portal', r.portal);
    scope.addMoney('funds_bank', r.bank);
    scope.addMoney('funds_overpayment', r.overpayment);
  });
  // runJournaled adds the failing problem to the scope too; list it once.
  const errors = outcome.error && !problems.includes(outcome.error) ? [...problems, outcome.error] : [...problems];
  const d = data as FundsData | null;
  const summary: FundsSummary = d
    ? fundsSummary(d, outcome.status, errors)
    : { runId: outcome.runId, status: outcome.status, period, basis: null, currency: accountsCurrency(ws), collected: '0.00', portal: '0.00', bank: '0.00', overpayment: '0.00', charged: '0.00', premises: 0, payments: 0, lines: [], errors };
  ws.audit.append(actor.name, 'funds.compute', `run:${summary.runId}`, { period, status: summary.status, collected: summary.collected, basis: summary.basis });
  return summary;
}
