// `saldo cycle --period P`: the main job, the whole exchange for a period, headless. Each feature
// adds its step here (CYCLE_STEPS, in order). The CLI ends it with the run summary report written
// to the workspace's reports folder.

import type { Operator } from '../../shared/domain/permissions';
import { lastDayOfPeriod } from '../../shared/domain/period';
import { requirePermission } from '../engine/authorize';
import type { JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { runJournaled, type RunSummary } from './run-job';
import { readSource } from './source-check';
import { checkPeriodExists } from './period';
import type { PortalGateway } from '../portal/port';
import { WwwSender } from '../www/send';
import { bankCycleStep } from '../bank/cycle-step';
import { readingsCycleStep } from '../readings/service';
import { paymentsCycleStep } from '../accounts/payments/import';
import { registrationsCycleStep } from '../accounts/registrations/service';

export { checkPeriodExists } from './period';

/** The window's "Check source data" and the cycle's first step. */
export function sourceCheck(ws: Workspace, actor: Operator, period: string, ctx: JobContext): Promise<RunSummary> {
  requirePermission(actor, 'source.read', ws.locale());
  return runJournaled(ws, actor, { kind: 'source-check', period }, async (scope) => {
    await checkPeriodExists(ws, period);
    await readSource(await ws.accounting(), { period, asOf: lastDayOfPeriod(period) }, scope, ctx, ws.locale());
  });
}

export const CYCLE_STEPS = ['accounting', 'www-send-changed', 'portal-readings', 'portal-registrations', 'portal-payments', 'bank-statements'] as const;

export function cycle(ws: Workspace, actor: Operator, period: string, ctx: JobContext, openPortal: () => Promise<PortalGateway>): Promise<RunSummary> {
  requirePermission(actor, 'source.read', ws.locale());
  return runJournaled(ws, actor, { kind: 'cycle', period, mode: 'changed' }, async (scope) => {
    await checkPeriodExists(ws, period);
    const gw = await ws.accounting();
    // Step 1: the accounting source, read and checked against the contract.
    await readSource(gw, { period, asOf: lastDayOfPeriod(period) }, scope, ctx, ws.locale());
    // Step 2: send what changed to the portal (seed 000: the exchange needs its permission).
    requirePermission(actor, 'exchange.run', ws.locale());
    const portal = await openPortal();
    try {
      const sent = await new WwwSender(ws, gw, portal, { period, mode: 'changed' }, scope, ctx).run();
      if (sent.status === 'stopped') return 'stopped';
      // Step: the residents' meter readings from the portal — judged, written, archived, acknowledged.
      await readingsCycleStep(ws, actor, scope, ctx, portal);
      // Step: accounts residents registered or closed on the portal, into registered_accounts.
      await registrationsCycleStep(ws, scope, ctx, portal);
      // Step: payments residents made on the portal, booked in accounting and acknowledged.
      await paymentsCycleStep(ws, actor, scope, ctx, portal);
    } finally {
      await portal.close();
    }
    // Step: bank statement files waiting in the statements folder, imported, matched and written out.
    await bankCycleStep(ws, actor, scope, ctx);
  });
}
