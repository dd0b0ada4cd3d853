// registered_accounts on the SQLite demo: what the MSSQL adapter does with plain SELECT, INSERT and
// DELETE on saldo.registered_accounts (mssql/registered-accounts.ts), over the demo schema. One
// IMMEDIATE transaction per batch: the rows present are read, the batch is planned
// (../registered-accounts.ts) and written — all of it or, on any error, none (SAL-4122). The writes
// go through a connection of their own: the gateway's reading connection is read-only.

import type Database from 'better-sqlite3';
import type { Locale } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import { openWritable } from './writable';
import { checkRegistrationEvents, planRegistrations, type RegisteredAccount, type RegistrationEvent, type RegistrationResult } from '../registered-accounts';

export const REGISTERED_SELECT = `SELECT account_no, registered_at, portal_login FROM registered_accounts ORDER BY account_no`;

/** Every registered account, read through the gateway's (read-only) connection. */
export function readRegisteredAccounts(db: Database.Database, locale: Locale): RegisteredAccount[] {
  try {
    return db.prepare(REGISTERED_SELECT).all() as RegisteredAccount[];
  } catch (e) {
    throw new ProblemError(problem('SAL-4123', locale, { detail: (e as Error).message }));
  }
}

export class SqliteRegistrationsWriter {
  private constructor(
    private readonly db: Database.Database,
    private readonly locale: Locale,
  ) {}

  /** Opens a writable connection to the demo file; SAL-4122 when it cannot be. */
  static open(path: string, locale: Locale): SqliteRegistrationsWriter {
    return new SqliteRegistrationsWriter(openWritable(path, locale, { code: 'SAL-4122' }), locale);
  }

  apply(events: RegistrationEvent[]): RegistrationResult[] {
    const bad = checkRegistrationEvents(events);
    if (bad) throw new ProblemError(problem('SAL-4122', this.locale, { detail: bad }));
    const isPresent = this.db.prepare(`SELECT 1 FROM registered_accounts WHERE account_no = ?`).pluck();
    const del = this.db.prepare(`DELETE FROM registered_accounts WHERE account_no = ?`);
    const ins = this.db.prepare(`INSERT INTO registered_accounts (account_no, registered_at, portal_login) VALUES (?, ?, ?)`);
    const run = this.db.transaction((): RegistrationResult[] => {
      const present = new Set<string>();
      for (const a of new Set(events.map((e) => e.account_no))) if (isPresent.get(a) !== undefined) present.add(a);
      const plan = planRegistrations(present, events);
      for (const a of plan.deletes) del.run(a);
      for (const r of plan.inserts) ins.run(r.account_no, r.registered_at, r.portal_login);
      return plan.results;
    });
    try {
      return run.immediate();
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      throw new ProblemError(problem('SAL-4122', this.locale, { detail: (e as Error).message }));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
