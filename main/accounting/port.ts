// The accounting gateway port (DESIGN.md §2, §3). Services depend on this interface only; the
// SQLite demo adapter and the MSSQL adapter implement it. Rows are streamed (async iterables)
// so that no category is ever held whole in memory.

import type { ExportParams, ExportProcedure, ExportRows } from '../../shared/domain/accounting';

export interface AccountingSourceInfo {
  kind: 'sqlite' | 'mssql';
  /** What the status bar shows: a file name or server/database — never a password. */
  label: string;
  organisation?: string;
}

export interface AccountingGateway {
  readonly info: AccountingSourceInfo;
  /** Periods (YYYY-MM) the source has charges for, newest first. */
  periods(): Promise<string[]>;
  /**
   * Stream the rows of one outbound exchange procedure. Stops early when `signal` aborts.
   * Per-account procedures return an account's rows together (ordered by premises), so that a
   * consumer can group them without holding the whole category.
   */
  export<P extends ExportProcedure>(proc: P, params: ExportParams, signal?: AbortSignal): AsyncIterable<ExportRows[P]>;
  /** Row count of one outbound procedure, for progress totals (may be an estimate on MSSQL). */
  count(proc: ExportProcedure, params: ExportParams): Promise<number>;
  close(): Promise<void>;
}
