// "Test connection" for an accounting profile: walks the steps of ConnectionStep in order and stops
// at the first that fails.
//
// SQL Server: config (settings valid, password present) → network → tls → login (one connect; the
// driver error says which of the three failed, errors.ts) → procedures (every exchange object of
// objects.ts is visible in the schema) → permissions (PERMISSIONS_QUERY → checkPrivileges: a
// missing right fails the step, rights beyond the exchange go to `excess` as warnings).
// SQLite (the demo): config (a path is set) → login (the file exists and opens read-only, and
// periods() answers) → procedures (every export procedure answers count() for the newest period)
// → permissions (always ok: a file has no logins).
//
// Reporting choices:
// - `steps` lists only the steps that ran; the last one is the failure when `ok` is false. Steps
//   after a failure are omitted (not "ok: false" without a problem), and so are steps that do not
//   apply (network and tls for a local file).
// - A step can pass with a warning-severity problem: tls with encryption switched off (SAL-5027)
//   or with "trust server certificate" on (SAL-5028) — explicit, visible settings (DESIGN.md §3).
// - The password never leaves this module: driver texts are redacted in errors.ts, and the whole
//   result is scrubbed of the literal password once more before it is returned.

import mssql from 'mssql';
import { EXPORT_PROCEDURES } from '../../shared/domain/accounting';
import type { Locale, Problem } from '../../shared/domain/types';
import type { ErrorCode } from '../../shared/errors/catalogue';
import { isProblem, problem, ProblemError } from '../../shared/errors/problem';
import type { ConnectionStep, ConnectionTest } from '../../shared/ipc/views';
import { classifyMssqlError, redactSecrets } from '../accounting/mssql/errors';
import { absentObjects, EXCHANGE_OBJECTS_QUERY, qualifiedName } from '../accounting/mssql/objects';
import { checkPrivileges, missingRights, PERMISSIONS_QUERY, type PermissionRow } from '../accounting/mssql/privileges';
import { describeMssql, MssqlSettingsSchema, toDriverConfig, type MssqlSettings } from '../accounting/mssql/settings';
import { SqliteAccountingGateway } from '../accounting/sqlite/gateway';
import type { AccountingGateway } from '../accounting/port';

export type AccountingProfile =
  | { name: string; kind: 'accounting'; adapter: 'sqlite'; path: string }
  | { name: string; kind: 'accounting'; adapter: 'mssql'; settings: MssqlSettings };

/** What test-connection needs of a SQL Server connection: parameterised queries and close. */
export interface MssqlClient {
  query(sql: string, params: Record<string, unknown>): Promise<any[]>;
  close(): Promise<void>;
}

export type ConnectMssql = (cfg: Record<string, unknown>) => Promise<MssqlClient>;

export type SqliteSource = Pick<AccountingGateway, 'periods' | 'count' | 'close'>;

export interface TestConnectionDeps {
  locale: Locale;
  /** Opens the demo database read-only; default SqliteAccountingGateway.open. */
  openSqlite?: (path: string, locale: Locale) => SqliteSource | Promise<SqliteSource>;
  /** Connects to SQL Server with a driver config (toDriverConfig); default connectMssql below. */
  connectMssql?: ConnectMssql;
  /** The SQL Server password from the secret store (sql and ntlm authentication). */
  password?: string | null;
}

/**
 * The real SQL Server connection through `mssql` (tedious; msnodesqlv8 for integrated Windows
 * authentication). There is no SQL Server where the tests run, so a successful connect and the
 * queries are never exercised here: the tests inject a fake `connectMssql` that answers the queries
 * or throws the real mssql/tedious error classes. Only the refused-connection path of this function
 * runs in the tests (a closed local port).
 */
export async function connectMssql(cfg: Record<string, unknown>): Promise<MssqlClient> {
  const driver: typeof mssql = cfg.driver === 'msnodesqlv8' ? ((await import('mssql/msnodesqlv8')).default as unknown as typeof mssql) : mssql;
  const pool = new driver.ConnectionPool(cfg as unknown as mssql.config);
  // Errors reach the caller through connect()/query(); an unhandled 'error' event would crash main.
  pool.on('error', () => undefined);
  await pool.connect();
  return {
    async query(sql, params) {
      const request = pool.request();
      // toDriverConfig turns streaming on for the exports; these are small, buffered answers.
      request.stream = false;
      for (const [name, value] of Object.entries(params)) request.input(name, value);
      const result = await request.query(sql);
      return (result.recordset ?? []) as any[];
    },
    async close() {
      await pool.close();
    },
  };
}

type Step = ConnectionTest['steps'][number];

class Walk {
  readonly steps: Step[] = [];
  readonly excess: Problem[] = [];
  pass(step: ConnectionStep, warning?: Problem): void {
    this.steps.push(warning ? { step, ok: true, problem: warning } : { step, ok: true });
  }
  fail(step: ConnectionStep, p: Problem): false {
    this.steps.push({ step, ok: false, problem: p });
    return false;
  }
}

function scrub<T>(value: T, secrets: ReadonlyArray<string | null | undefined>): T {
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)])) as T;
  }
  return value;
}

function zodDetail(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(settings)'}: ${i.message}`).join('; ');
}

export async function testConnection(profile: AccountingProfile, deps: TestConnectionDeps): Promise<ConnectionTest> {
  const walk = new Walk();
  const secrets = [deps.password];
  if (profile.adapter === 'sqlite') await testSqlite(profile, deps, walk);
  else await testMssql(profile, deps, walk);
  const result: ConnectionTest = {
    profile: profile.name,
    ok: walk.steps.length > 0 && walk.steps.every((s) => s.ok),
    steps: walk.steps,
    excess: walk.excess,
  };
  return scrub(result, secrets);
}

// ---------------------------------------------------------------------------------------------
// SQLite (demo)

async function testSqlite(profile: Extract<AccountingProfile, { adapter: 'sqlite' }>, deps: TestConnectionDeps, walk: Walk): Promise<void> {
  const { locale } = deps;
  const openFailure = (e: unknown, what: string): Problem =>
    e instanceof ProblemError ? e.problem : isProblem(e) ? e : problem('SAL-5001', locale, { detail: `${what}: ${(e as Error)?.message ?? String(e)}` });

  if (typeof profile.path !== 'string' || profile.path.trim() === '') {
    walk.fail('config', problem('SAL-6002', locale, { detail: 'accounting.path: a path to the demo database is required' }));
    return;
  }
  walk.pass('config');

  const open = deps.openSqlite ?? ((path: string, l: Locale) => SqliteAccountingGateway.open(path, l));
  let source: SqliteSource;
  try {
    source = await open(profile.path, locale);
  } catch (e) {
    walk.fail('login', openFailure(e, profile.path));
    return;
  }
  try {
    let periods: string[];
    try {
      periods = await source.periods();
    } catch (e) {
      walk.fail('login', openFailure(e, 'periods'));
      return;
    }
    walk.pass('login');

    const period = periods[0];
    if (!period) {
      walk.fail('procedures', problem('SAL-5001', locale, { detail: 'the database holds no period' }));
      return;
    }
    for (const proc of EXPORT_PROCEDURES) {
      try {
        await source.count(proc, { period });
      } catch (e) {
        walk.fail('procedures', openFailure(e, proc));
        return;
      }
    }
    walk.pass('procedures');
    walk.pass('permissions');
  } finally {
    await source.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// SQL Server

const STEP_ORDER: ConnectionStep[] = ['config', 'network', 'tls', 'login', 'procedures', 'permissions'];

async function testMssql(profile: Extract<AccountingProfile, { adapter: 'mssql' }>, deps: TestConnectionDeps, walk: Walk): Promise<void> {
  const { locale } = deps;
  const secrets = [deps.password];

  // config
  const parsed = MssqlSettingsSchema.safeParse(profile.settings);
  if (!parsed.success) {
    walk.fail('config', problem('SAL-6002', locale, { detail: redactSecrets(zodDetail(parsed.error), secrets) }));
    return;
  }
  const settings = parsed.data;
  const auth = settings.authentication;
  if (auth.type !== 'integrated' && !deps.password) {
    walk.fail('config', problem('SAL-5026', locale, { secret: auth.passwordSecret }));
    return;
  }
  walk.pass('config');

  const server = describeMssql(settings);
  const classify = (e: unknown, step: ConnectionStep, object?: string) => classifyMssqlError(e, { server, locale, step, secrets, object });

  // network + tls + login: one connect.
  let client: MssqlClient;
  try {
    client = await (deps.connectMssql ?? connectMssql)(toDriverConfig(settings, deps.password ?? null));
  } catch (e) {
    const c = classify(e, 'network');
    // A connect can only fail at network, tls or login; later steps' codes are reported at login.
    const at = STEP_ORDER.indexOf(c.step) > STEP_ORDER.indexOf('login') ? 'login' : c.step === 'config' ? 'network' : c.step;
    if (at !== 'network') walk.pass('network');
    if (at === 'login') walk.pass('tls', tlsWarning(settings, server, locale));
    walk.fail(at, c.problem);
    return;
  }
  walk.pass('network');
  walk.pass('tls', tlsWarning(settings, server, locale));
  walk.pass('login');

  try {
    // procedures: every exchange object is there (and visible to the login).
    let objects: any[];
    try {
      objects = await client.query(EXCHANGE_OBJECTS_QUERY, { schema: settings.schema });
    } catch (e) {
      walk.fail('procedures', classify(e, 'procedures').problem);
      return;
    }
    const absent = absentObjects(objects);
    if (absent.length > 0) {
      const names = absent.map((o) => qualifiedName(settings.schema, o.object)).join(', ');
      walk.fail('procedures', problem('SAL-5022', locale, { schema: settings.schema, objects: names }));
      return;
    }
    walk.pass('procedures');

    // permissions: exactly the exchange rights.
    let rows: PermissionRow[];
    try {
      rows = (await client.query(PERMISSIONS_QUERY, { schema: settings.schema })) as PermissionRow[];
    } catch (e) {
      walk.fail('permissions', classify(e, 'permissions').problem);
      return;
    }
    const check = checkPrivileges(rows, { schema: settings.schema, locale });
    walk.excess.push(...check.excess);
    if (check.missing.length === 1) {
      walk.fail('permissions', check.missing[0]);
      return;
    }
    if (check.missing.length > 1) {
      const all = missingRights(rows, settings.schema);
      walk.fail(
        'permissions',
        problem('SAL-5035', locale, {
          rights: all.map((m) => `${m.permission} ${m.object}`).join(', '),
          grant: all.map((m) => m.grant).join(' '),
        }),
      );
      return;
    }
    walk.pass('permissions');
  } finally {
    await client.close().catch(() => undefined);
  }
}

function tlsWarning(settings: MssqlSettings, server: string, locale: Locale): Problem | undefined {
  const code: ErrorCode | null = !settings.encrypt ? 'SAL-5027' : settings.trustServerCertificate ? 'SAL-5028' : null;
  return code ? problem(code, locale, { server }) : undefined;
}
