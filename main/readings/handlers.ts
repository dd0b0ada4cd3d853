// The readings feature's IPC handlers (channels in shared/ipc/contract-readings.ts), merged into the
// dispatcher's handlers by main/ipc/handlers.ts. Each calls a service that checks its permission.

import type { ReadingsHandlers, FeatureDeps } from '../ipc/handlers';
import type { ReadingsImportSummary } from '../../shared/ipc/contract-readings';
import type { JobOutcome } from '../engine/jobs';
import { importReadings, recheckReadings } from './service';
import { reviewReadings } from './review';
import { listReadings, readingHistory } from './queries';
import { listMappings, saveMapping } from './mappings';

/** A run's summary as a job outcome: the problem that failed it travels as the job's error. */
function asOutcome(s: ReadingsImportSummary): JobOutcome<ReadingsImportSummary> {
  return { status: s.status, result: s, error: s.status === 'failed' ? s.errors.at(-1) : undefined };
}

export function readingsHandlers(deps: FeatureDeps): ReadingsHandlers {
  const { ws, openPortal } = deps;
  return {
    calls: {
      'readings.list': async (req, actor) => listReadings(ws, actor, req),
      'readings.review': (req, actor) => reviewReadings(ws, actor, req, openPortal),
      'readings.history': async (req, actor) => readingHistory(ws, actor, req),
      'readings.mappings': async (_req, actor) => listMappings(ws, actor),
      'readings.saveMapping': async (req, actor) => saveMapping(ws, actor, req.mapping),
    },
    jobs: {
      'readings.import': async (req, actor, ctx) => asOutcome(await importReadings(ws, actor, req, ctx, openPortal)),
      'readings.recheck': async (req, actor, ctx) => asOutcome(await recheckReadings(ws, actor, req, ctx, openPortal)),
    },
  };
}
