// Part B's IPC handlers: portal payments and collected funds (channels in
// shared/ipc/contract-accounts.ts), merged by main/accounts/handlers.ts. Each service checks its
// permission itself.

import type { Operator } from '../../shared/domain/permissions';
import type { PortalPaymentsPage } from '../../shared/ipc/contract-accounts';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import type { FeatureDeps } from '../ipc/handlers';
import type { CallHandlers, JobHandlers } from '../ipc/handlers';
import { runFunds } from './funds/compute';
import { saveFundsCsv } from './funds/csv';
import { importPaymentsFromPortal } from './payments/import';
import { PaymentsStore, type PaymentFilter } from './payments/store';

/** The window's list of portal payments (all, or one outcome or run), newest first. */
export function listPayments(ws: Workspace, actor: Operator, f: PaymentFilter): PortalPaymentsPage {
  requirePermission(actor, 'source.read', ws.locale());
  return new PaymentsStore(ws.db).list(f);
}

export function paymentsHandlers({ ws, openPortal }: FeatureDeps): {
  calls: Pick<CallHandlers, 'accounts.payments' | 'accounts.fundsCsv'>;
  jobs: Pick<JobHandlers, 'accounts.paymentsImport' | 'accounts.funds'>;
} {
  return {
    calls: {
      'accounts.payments': async (req, actor) => listPayments(ws, actor, req),
      'accounts.fundsCsv': (req, actor) => saveFundsCsv(ws, actor, req.runId),
    },
    jobs: {
      'accounts.paymentsImport': async (_req, actor, ctx) => {
        const s = await importPaymentsFromPortal(ws, actor, ctx, openPortal);
        return { status: s.status, result: s, error: s.status === 'failed' ? s.errors.at(-1) : undefined };
      },
      'accounts.funds': async (req, actor, ctx) => {
        const s = await runFunds(ws, actor, req.period, ctx);
        return { status: s.status, result: s, error: s.status === 'failed' ? s.errors.at(-1) : undefined };
      },
    },
  };
}
