// Wires one workspace to the dispatcher: the same assembly serves the Electron window, the CLI
// and the loopback test bridge; only the transports and the printing ports differ.

import type { EventName, Events } from '../../shared/ipc/contract';
import type { Locale } from '../../shared/domain/types';
import { Dispatcher } from '../ipc/dispatcher';
import { makeHandlers } from '../ipc/handlers';
import type { ReportPorts } from '../reports/service';
import { Jobs } from './jobs';
import { openWorkspace, type Workspace } from './workspace';

export interface Backend {
  ws: Workspace;
  jobs: Jobs;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface BackendOptions {
  ports: ReportPorts;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  throttleMs?: number;
  /** A language that overrides the workspace's (the CLI's --lang). */
  locale?: Locale;
}

export function createBackend(configFile: string, opts: BackendOptions): Backend {
  const ws = openWorkspace(configFile, opts.locale);
  const jobs = new Jobs(
    {
      progress: (e) => opts.emit('job.progress', e),
      finished: (e) => opts.emit('job.finished', e),
    },
    opts.throttleMs ?? 100,
  );
  const dispatcher = new Dispatcher(makeHandlers(ws, opts.ports), jobs, () => ws.locale(), ws.log('ipc'));
  return {
    ws,
    jobs,
    dispatcher,
    close: async () => {
      jobs.cancelAll();
      await opts.ports.pdf.close();
      await ws.close();
    },
  };
}
