// Picks the accounting adapter named in the config.

import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import type { LoadedConfig } from '../engine/config';
import type { AccountingGateway } from './port';
import { describeMssql } from './mssql/settings';
import { SqliteAccountingGateway } from './sqlite/gateway';

export async function openAccounting(cfg: LoadedConfig, locale: Locale): Promise<AccountingGateway> {
  const a = cfg.config.accounting;
  if (a.kind === 'sqlite') return SqliteAccountingGateway.open(cfg.path(a.path), locale);
  // The MSSQL adapter (procedures, streaming) is built with the Data to WWW issue.
  fail('SAL-5001', locale, { detail: `${describeMssql(a)}: the SQL Server adapter is not available in this version` });
}
