// The portal accounts feature's IPC handlers (channels in shared/ipc/contract-accounts.ts), merged
// into the dispatcher's handlers by main/ipc/handlers.ts. Each calls a service that checks its permission.

import type { AccountsHandlers, FeatureDeps } from '../ipc/handlers';

export function accountsHandlers(_deps: FeatureDeps): AccountsHandlers {
  return { calls: {}, jobs: {} };
}
