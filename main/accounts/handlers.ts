// The portal accounts feature's IPC handlers (channels in shared/ipc/contract-accounts.ts), merged
// into the dispatcher's handlers by main/ipc/handlers.ts. Each calls a service that checks its permission.
// Part A (portal accounts, registrations) and part B (payments, funds) each build their own.

import type { AccountsHandlers, FeatureDeps } from '../ipc/handlers';
import { portalAccountsHandlers } from './portal-handlers';
import { paymentsHandlers } from './payments-handlers';

export function accountsHandlers(deps: FeatureDeps): AccountsHandlers {
  // Part A: portal accounts and registrations (main/accounts/portal-handlers.ts).
  const a = portalAccountsHandlers(deps);
  // Part B: portal payments and collected funds (main/accounts/payments-handlers.ts).
  const b = paymentsHandlers(deps);
  return { calls: { ...a.calls, ...b.calls }, jobs: { ...a.jobs, ...b.jobs } };
}
