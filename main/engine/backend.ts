// Wires one workspace to the dispatcher: the same assembly serves the Electron window, the CLI
// and the loopback test bridge; only the transports and the printing ports differ.

import type { EventName, Events } from '../../shared/ipc/contract';
import type { Locale } from '../../shared/domain/types';
import { Dispatcher } from '../ipc/dispatcher';
import { makeHandlers } from '../ipc/handlers';
import type { Ports } from './ports';
import { Jobs } from './jobs';
import { join } from 'node:path';
import { openSecretStore, SECRETS_FILE, type ChainSecretStore } from '../security/secrets';
import { openWorkspace, type Workspace } from './workspace';

export interface Backend {
  ws: Workspace;
  secrets: ChainSecretStore;
  jobs: Jobs;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface BackendOptions {
  ports: Ports;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  throttleMs?: number;
  /** A language that overrides the workspace's (the CLI's --lang). */
  locale?: Locale;
}

export function createBackend(configFile: string, opts: BackendOptions): Backend {
  const ws = openWorkspace(configFile, opts.locale);
  const secrets = openSecretStore({
    file: join(ws.cfg.dir, opts.ports.secrets?.safeStorage ? 'secrets.app.json' : SECRETS_FILE),
    safeStorage: opts.ports.secrets?.safeStorage,
    keyFile: opts.ports.secrets?.keyFile,
    locale: ws.locale(),
  });
  ws.useSecrets(secrets);
  const jobs = new Jobs(
    {
      progress: (e) => opts.emit('job.progress', e),
      finished: (e) => opts.emit('job.finished', e),
    },
    opts.throttleMs ?? 100,
  );
  const dispatcher = new Dispatcher(makeHandlers(ws, opts.ports, secrets), jobs, () => ws.locale(), ws.log('ipc'), (name) => ws.operators.find(name));
  return {
    ws,
    secrets,
    jobs,
    dispatcher,
    close: async () => {
      jobs.cancelAll();
      await opts.ports.pdf.close();
      await ws.close();
    },
  };
}
