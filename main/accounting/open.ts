// Picks the accounting adapter named in the config.

import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import type { LoadedConfig } from '../engine/config';
import type { AccountingGateway } from './port';
import { MssqlAccountingGateway, type ConnectExchange } from './mssql/gateway';
import { SqliteAccountingGateway } from './sqlite/gateway';

/** Where the SQL Server password comes from: the workspace's secret store (SecretStore.get). */
export interface SecretReader {
  get(name: string): Promise<string | null> | string | null;
}

/**
 * Opens the configured accounting source. SQL Server: the password of a SQL or NTLM login is read
 * from `secrets` under `authentication.passwordSecret` (SAL-5026 when absent; never from the
 * config file); the integrated login needs none. `connect` replaces the real driver in tests.
 */
export async function openAccounting(cfg: LoadedConfig, locale: Locale, secrets?: SecretReader, connect?: ConnectExchange): Promise<AccountingGateway> {
  const a = cfg.config.accounting;
  if (a.kind === 'sqlite') return SqliteAccountingGateway.open(cfg.path(a.path), locale);
  let password: string | null = null;
  if (a.authentication.type !== 'integrated') {
    password = (await secrets?.get(a.authentication.passwordSecret)) ?? null;
    if (!password) fail('SAL-5026', locale, { secret: a.authentication.passwordSecret });
  }
  return MssqlAccountingGateway.open(a, password, locale, connect);
}
