// The bank feature's IPC handlers (channels in shared/ipc/contract-bank.ts), merged into the
// dispatcher's handlers by main/ipc/handlers.ts. Each calls a service that checks its permission.

import type { BankHandlers, FeatureDeps } from '../ipc/handlers';
import { assignItem, listItems, listStatements, searchPremises } from './queries';
import { importStatements } from './service';
import { writeOutputs } from './deliver';

export function bankHandlers({ ws }: FeatureDeps): BankHandlers {
  return {
    calls: {
      'bank.statements': async (req, actor) => listStatements(ws, actor, req.runId),
      'bank.items': async (req, actor) => listItems(ws, actor, req),
      'bank.assign': async (req, actor) => assignItem(ws, actor, req),
      'bank.premises': (req, actor) => searchPremises(ws, actor, req.query, req.limit),
      'bank.write': (req, actor) => writeOutputs(ws, actor, req.runId),
    },
    jobs: {
      'bank.import': async (req, actor, ctx) => {
        const files = req.files.map((f) => ({ name: f.fileName, bytes: new Uint8Array(Buffer.from(f.content, 'base64')) }));
        const s = await importStatements(ws, actor, files, { encoding: req.encoding, format: req.format, csvMapping: req.csvMapping }, ctx);
        return { status: s.status, result: s, error: s.status === 'failed' ? s.errors.at(-1) : undefined };
      },
    },
  };
}
