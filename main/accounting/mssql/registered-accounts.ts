// registered_accounts on the customer's SQL Server: the one table the exchange touches directly
// (objects.ts REGISTERED_ACCOUNTS), with exactly the rights the security script grants on it —
// SELECT, INSERT, DELETE, never UPDATE. Every statement is parameterised; the only text built at
// run time is the schema name (validated as an identifier by MssqlSettingsSchema and bracket-quoted)
// and the generated parameter names of an IN list.
//
// applyRegistrations: one SERIALIZABLE transaction per batch — read which of the batch's accounts
// are present (UPDLOCK, HOLDLOCK: nobody adds or removes them meanwhile), plan in TypeScript
// (../registered-accounts.ts), DELETE then INSERT, commit. Any error rolls the whole batch back
// (SAL-4122), so a batch is applied whole or not at all.

import mssql from 'mssql';
import { planRegistrations, checkRegistrationEvents, REGISTERED_ACCOUNT_MAX, PORTAL_LOGIN_MAX, type RegisteredAccount, type RegistrationEvent, type RegistrationResult } from '../registered-accounts';

export type SqlParamType = 'account' | 'login' | 'instant';
export interface SqlInput {
  name: string;
  type: SqlParamType;
  value: string | Date | null;
}
export type Rows = Array<Record<string, unknown>>;

export interface TableTransaction {
  query(sql: string, inputs: readonly SqlInput[]): Promise<Rows>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Plain statements on the exchange's table, outside the procedures (mssql's Request.query, in a transaction or not). */
export interface TableAccess {
  query(sql: string, inputs: readonly SqlInput[]): Promise<Rows>;
  begin(): Promise<TableTransaction>;
}

/** Parameters per IN list: SQL Server takes at most 2100 per request. */
export const IN_CHUNK = 500;

function driverType(t: SqlParamType): mssql.ISqlType | (() => mssql.ISqlType) {
  if (t === 'account') return mssql.VarChar(REGISTERED_ACCOUNT_MAX);
  if (t === 'login') return mssql.NVarChar(PORTAL_LOGIN_MAX);
  return mssql.DateTime2(0);
}

/** TableAccess over a connected mssql pool (tedious or msnodesqlv8: the pool's own driver builds the requests). */
export function mssqlTableAccess(pool: mssql.ConnectionPool, driver: typeof mssql): TableAccess {
  const run = async (req: mssql.Request, sql: string, inputs: readonly SqlInput[]): Promise<Rows> => {
    for (const i of inputs) req.input(i.name, driverType(i.type), i.value);
    const res = await req.query(sql);
    return (res.recordset ?? []) as unknown as Rows;
  };
  return {
    query: (sql, inputs) => {
      const req = new driver.Request(pool);
      req.stream = false;
      return run(req, sql, inputs);
    },
    begin: async () => {
      const tx = new driver.Transaction(pool);
      await tx.begin(mssql.ISOLATION_LEVEL.SERIALIZABLE);
      return {
        query: (sql, inputs) => {
          const req = new driver.Request(tx);
          req.stream = false;
          return run(req, sql, inputs);
        },
        commit: () => tx.commit(),
        rollback: () => tx.rollback(),
      };
    },
  };
}

const table = (schema: string) => `[${schema.replace(/]/g, ']]')}].[registered_accounts]`;

/** 'YYYY-MM-DDTHH:MM:SSZ' from what the driver returns for a datetime2 (a Date, read as UTC). */
function instant(v: unknown): string {
  const d = v instanceof Date ? v : new Date(String(v));
  if (Number.isNaN(d.getTime())) throw new RangeError(`registered_at is not a date and time: ${String(v)}`);
  return new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export async function readRegistered(access: TableAccess, schema: string): Promise<RegisteredAccount[]> {
  const rows = await access.query(`SELECT account_no, registered_at, portal_login FROM ${table(schema)} ORDER BY account_no;`, []);
  return rows.map((r) => ({ account_no: String(r.account_no), registered_at: instant(r.registered_at), portal_login: r.portal_login === null || r.portal_login === undefined ? null : String(r.portal_login) }));
}

export async function applyRegistrationsMssql(access: TableAccess, schema: string, events: RegistrationEvent[], signal?: AbortSignal): Promise<RegistrationResult[]> {
  const bad = checkRegistrationEvents(events);
  if (bad) throw new RangeError(bad);
  const t = table(schema);
  const tx = await access.begin();
  try {
    const accounts = [...new Set(events.map((e) => e.account_no))];
    const present = new Set<string>();
    for (let i = 0; i < accounts.length; i += IN_CHUNK) {
      const chunk = accounts.slice(i, i + IN_CHUNK);
      const inputs = chunk.map((a, k): SqlInput => ({ name: `a${k}`, type: 'account', value: a }));
      const names = inputs.map((x) => `@${x.name}`).join(', ');
      const rows = await tx.query(`SELECT account_no FROM ${t} WITH (UPDLOCK, HOLDLOCK) WHERE account_no IN (${names});`, inputs);
      for (const r of rows) present.add(String(r.account_no));
    }
    if (signal?.aborted) throw signal.reason;
    const plan = planRegistrations(present, events);
    for (const a of plan.deletes) await tx.query(`DELETE FROM ${t} WHERE account_no = @account_no;`, [{ name: 'account_no', type: 'account', value: a }]);
    for (const r of plan.inserts) {
      await tx.query(`INSERT INTO ${t} (account_no, registered_at, portal_login) VALUES (@account_no, @registered_at, @portal_login);`, [
        { name: 'account_no', type: 'account', value: r.account_no },
        { name: 'registered_at', type: 'instant', value: new Date(r.registered_at) },
        { name: 'portal_login', type: 'login', value: r.portal_login },
      ]);
    }
    if (signal?.aborted) throw signal.reason;
    await tx.commit();
    return plan.results;
  } catch (e) {
    await tx.rollback().catch(() => undefined);
    throw e;
  }
}
