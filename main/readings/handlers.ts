// The readings feature's IPC handlers (channels in shared/ipc/contract-readings.ts), merged into the
// dispatcher's handlers by main/ipc/handlers.ts. Each calls a service that checks its permission.

import type { ReadingsHandlers, FeatureDeps } from '../ipc/handlers';

export function readingsHandlers(_deps: FeatureDeps): ReadingsHandlers {
  return { calls: {}, jobs: {} };
}
