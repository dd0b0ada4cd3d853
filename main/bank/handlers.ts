// The bank feature's IPC handlers (channels in shared/ipc/contract-bank.ts), merged into the
// dispatcher's handlers by main/ipc/handlers.ts. Each calls a service that checks its permission.

import type { BankHandlers, FeatureDeps } from '../ipc/handlers';

export function bankHandlers(_deps: FeatureDeps): BankHandlers {
  return { calls: {}, jobs: {} };
}
