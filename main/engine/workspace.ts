// A workspace is one saldo.json with the local store, logs, reports and the connections it names.
// The window, the CLI and the test bridge all open one of these and hand it to the services.

import { mkdirSync } from 'node:fs';
import type { Locale } from '../../shared/domain/types';
import { LOCALES } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import type { AccountingGateway } from '../accounting/port';
import { openAccounting } from '../accounting/open';
import { Audit } from '../store/audit';
import { Journal } from '../store/journal';
import { Operators } from '../store/operators';
import { Settings } from '../store/settings';
import { openStore, type Db } from '../store/store';
import { loadConfig, type LoadedConfig } from './config';
import { moduleLog, type ModuleLog } from './log';

export interface Workspace {
  cfg: LoadedConfig;
  db: Db;
  journal: Journal;
  operators: Operators;
  settings: Settings;
  audit: Audit;
  paths: { store: string; logs: string; reports: string; portal: string | null };
  /** The UI language: an override (CLI --lang), else the operator's choice saved in the store, else the config's. */
  locale(): Locale;
  log(module: string): ModuleLog;
  /** The accounting gateway, opened on first use and kept. */
  accounting(): Promise<AccountingGateway>;
  /** Where the gateway finds the SQL Server password: the transport's secret store (set by the backend). */
  useSecrets(secrets: { get(name: string): Promise<string | null> }): void;
  close(): Promise<void>;
}

export function openWorkspace(configFile: string, override?: Locale): Workspace {
  const cfg = loadConfig(configFile, override ?? 'en');
  const c = cfg.config;
  const paths = {
    store: cfg.path(c.store),
    logs: cfg.path(c.logs),
    reports: cfg.path(c.reports),
    portal: c.portal.transport === 'folder' ? cfg.path(c.portal.dir) : null,
  };
  mkdirSync(paths.logs, { recursive: true });
  mkdirSync(paths.reports, { recursive: true });
  const db = openStore(paths.store, c.locale);
  const journal = new Journal(db);
  const settings = new Settings(db);
  journal.closeAbandoned();
  let gateway: Promise<AccountingGateway> | null = null;
  let secrets: { get(name: string): Promise<string | null> } | undefined;
  const locale = (): Locale => {
    if (override) return override;
    const saved = settings.get<string>('ui.locale');
    return saved && (LOCALES as readonly string[]).includes(saved) ? (saved as Locale) : c.locale;
  };
  return {
    cfg,
    db,
    journal,
    operators: new Operators(db),
    settings,
    audit: new Audit(db),
    paths,
    locale,
    log: (module) => moduleLog(paths.logs, module),
    accounting: () => {
      gateway ??= openAccounting(cfg, locale(), secrets).catch((e) => {
        gateway = null; // a failed open is retried next time (the server may come back)
        throw e;
      });
      return gateway;
    },
    useSecrets: (s) => {
      secrets = s;
    },
    close: async () => {
      if (gateway) await (await gateway.catch(() => null))?.close();
      db.close();
    },
  };
}

export function ensureKnownOperator(ws: Workspace, name: string | undefined) {
  const locale = ws.locale();
  const opName = name ?? ws.cfg.config.operator;
  if (!opName) fail('SAL-6004', locale, { operator: '(none)' });
  const op = ws.operators.find(opName);
  if (!op) fail('SAL-6004', locale, { operator: opName });
  return op;
}
