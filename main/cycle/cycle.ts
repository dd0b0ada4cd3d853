// `saldo cycle --period P`: the main job, the whole exchange for a period, headless. Each feature
// adds its step here; today the step is reading and checking the accounting source. It ends with
// the run summary report written to the workspace's reports folder.

import type { Operator } from '../../shared/domain/permissions';
import { lastDayOfPeriod } from '../../shared/domain/period';
import { fail } from '../../shared/errors/problem';
import { requirePermission } from '../engine/authorize';
import type { JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { runJournaled, type RunSummary } from './run-job';
import { readSource } from './source-check';

export async function checkPeriodExists(ws: Workspace, period: string): Promise<void> {
  const gw = await ws.accounting();
  const periods = await gw.periods();
  if (!periods.includes(period)) fail('SAL-5003', ws.locale(), { period });
}

/** The window's "Check source data" and the cycle's first step. */
export function sourceCheck(ws: Workspace, actor: Operator, period: string, ctx: JobContext): Promise<RunSummary> {
  requirePermission(actor, 'source.read', ws.locale());
  return runJournaled(ws, actor, { kind: 'source-check', period }, async (scope) => {
    await checkPeriodExists(ws, period);
    await readSource(await ws.accounting(), { period, asOf: lastDayOfPeriod(period) }, scope, ctx, ws.locale());
  });
}

export const CYCLE_STEPS = ['accounting'] as const;

export function cycle(ws: Workspace, actor: Operator, period: string, ctx: JobContext): Promise<RunSummary> {
  requirePermission(actor, 'source.read', ws.locale());
  return runJournaled(ws, actor, { kind: 'cycle', period }, async (scope) => {
    await checkPeriodExists(ws, period);
    // Step 1: the accounting source, read and checked against the contract.
    await readSource(await ws.accounting(), { period, asOf: lastDayOfPeriod(period) }, scope, ctx, ws.locale());
    // Later steps (send changed to the portal, portal readings, bank statements, registrations
    // and payments) are added here by their features.
  });
}
