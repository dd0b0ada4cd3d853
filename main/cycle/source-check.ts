// Step "accounting source": read every outbound exchange procedure for the period, streaming,
// check each row against the exchange contract, and count rows and money. It is the first step of
// `saldo cycle` and the window's "Check source data"; later features (send, readings, bank) read
// through the same gateway.

import { EXPORT_PROCEDURES, type ExportParams, type ExportProcedure } from '../../shared/domain/accounting';
import type { Locale } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';
import { CONTRACT_SCHEMAS } from '../accounting/contract';
import type { AccountingGateway } from '../accounting/port';
import type { JobContext } from '../engine/jobs';
import type { RunScope } from './run-scope';

/** The count key of a procedure: export_meter_readings → meter_readings. */
export function countKey(proc: ExportProcedure): string {
  return proc.replace(/^export_/, '');
}

function rowKey(row: Record<string, unknown>): string | undefined {
  const k = row.account_no ?? row.meter_id ?? row.code ?? row.provider_code;
  return typeof k === 'string' ? k : undefined;
}

export async function readSource(gw: AccountingGateway, params: ExportParams, scope: RunScope, ctx: JobContext, locale: Locale): Promise<void> {
  const totals = new Map<ExportProcedure, number>();
  for (const proc of EXPORT_PROCEDURES) totals.set(proc, await gw.count(proc, params));
  const grand = [...totals.values()].reduce((a, b) => a + b, 0);
  let done = 0;
  ctx.progress(EXPORT_PROCEDURES[0], 0, grand, 0);
  for (const proc of EXPORT_PROCEDURES) {
    const schema = CONTRACT_SCHEMAS[proc];
    const key = countKey(proc);
    scope.count(key, 0);
    for await (const row of gw.export(proc, params, ctx.signal)) {
      done++;
      scope.count(key);
      const check = schema.safeParse(row);
      if (!check.success) {
        const issue = check.error.issues[0];
        scope.problem(
          problem('SAL-5002', locale, { object: proc, detail: `${issue.path.join('.')}: ${issue.message}` }, { key: rowKey(row as unknown as Record<string, unknown>) }),
          key,
        );
      } else if (proc === 'export_charges') {
        const c = row as { amount: number; recalculation: number };
        scope.addMoney('charges_total', c.amount + c.recalculation);
      } else if (proc === 'export_balances') {
        const b = row as { turnover_type: string; amount: number };
        if (b.turnover_type === 'closing') scope.addMoney('closing_balance_total', b.amount);
        if (b.turnover_type === 'payments') scope.addMoney('payments_total', -b.amount);
      }
      if (done % 500 === 0) ctx.progress(proc, done, grand, scope.problemCount);
    }
    ctx.progress(proc, done, grand, scope.problemCount);
  }
  scope.flush();
}
