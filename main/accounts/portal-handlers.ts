// Part A of the portal accounts feature's IPC handlers: portal accounts with activation letters,
// the registrations sync and the registrations list (channels in shared/ipc/contract-accounts.ts).
// The services check their permissions themselves.

import type { FeatureDeps } from '../ipc/handlers';
import type { CallHandlers, JobHandlers } from '../ipc/handlers';
import { requirePermission } from '../engine/authorize';
import type { JobOutcome } from '../engine/jobs';
import type { Problem, RunStatus } from '../../shared/domain/types';
import { createPortalAccounts } from './activation/service';
import { syncRegistrations } from './registrations/service';
import { RegistrationsStore } from './registrations/store';

/** A run's summary as a job outcome: the problem that failed it travels as the job's error. */
function asOutcome<T extends { status: RunStatus; errors: Problem[] }>(s: T): JobOutcome<T> {
  return { status: s.status, result: s, error: s.status === 'failed' ? s.errors.at(-1) : undefined };
}

export function portalAccountsHandlers(deps: FeatureDeps): {
  calls: Pick<CallHandlers, 'accounts.registrations'>;
  jobs: Pick<JobHandlers, 'accounts.create' | 'accounts.registrationsSync'>;
} {
  const { ws, openPortal, ports } = deps;
  return {
    calls: {
      'accounts.registrations': async (req, actor) => {
        requirePermission(actor, 'source.read', ws.locale());
        return new RegistrationsStore(ws.db).page(req);
      },
    },
    jobs: {
      'accounts.create': async (req, actor, ctx) => asOutcome(await createPortalAccounts(ws, actor, req, ctx, openPortal, ports)),
      'accounts.registrationsSync': async (_req, actor, ctx) => asOutcome(await syncRegistrations(ws, actor, ctx, openPortal)),
    },
  };
}
