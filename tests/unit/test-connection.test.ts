// "Test connection": the SQLite demo on a real generated database; SQL Server through an injected
// fake connectMssql that answers the real queries or throws the real mssql/tedious error classes
// (no SQL Server can run here; the real connectMssql is not exercised).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mssql from 'mssql';
import { ConnectionError as TdsConnectionError } from 'tedious';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_OBJECTS, EXCHANGE_OBJECTS_QUERY, EXCHANGE_PROCEDURES, EXCHANGE_TABLE_TYPES } from '../../main/accounting/mssql/objects';
import { PERMISSIONS_QUERY, type PermissionRow } from '../../main/accounting/mssql/privileges';
import type { MssqlSettings } from '../../main/accounting/mssql/settings';
import { generateAccountingDb } from '../../main/demo/generator';
import { testConnection, type ConnectMssql, type AccountingProfile } from '../../main/settings/test-connection';

const { ConnectionError, RequestError } = mssql;

const PASSWORD = 'Zx9!hunter-2-Saldo';

const SETTINGS: MssqlSettings = {
  kind: 'mssql',
  server: 'acc-srv',
  database: 'Ksiegowosc',
  schema: 'saldo',
  authentication: { type: 'sql', user: 'saldo_exchange', passwordSecret: 'accounting.mssql.password' },
  encrypt: true,
  trustServerCertificate: false,
  connectTimeoutMs: 15_000,
  requestTimeoutMs: 300_000,
};

const mssqlProfile = (settings: Partial<MssqlSettings> = {}): AccountingProfile => ({
  name: 'production',
  kind: 'accounting',
  adapter: 'mssql',
  settings: { ...SETTINGS, ...settings },
});

const objectRows = () => EXCHANGE_OBJECTS.map((o) => ({ object_name: o.object, object_kind: o.kind }));

function permissionRows(): PermissionRow[] {
  const r = (scope: PermissionRow['scope'], permission_name: string | null, object_name: string | null = null, object_kind: string | null = null, schema_name: string | null = null) => ({
    scope,
    schema_name,
    object_name,
    object_kind,
    permission_name,
  });
  return [
    r('principal', null, 'saldo_exchange'),
    r('server', 'CONNECT SQL'),
    r('database', 'CONNECT'),
    r('schema', 'EXECUTE', null, null, 'saldo'),
    ...EXCHANGE_PROCEDURES.map((p) => r('object', 'EXECUTE', p, 'procedure', 'saldo')),
    ...['SELECT', 'INSERT', 'DELETE'].map((p) => r('object', p, 'registered_accounts', 'table', 'saldo')),
    ...EXCHANGE_TABLE_TYPES.map((t) => r('object', 'EXECUTE', t, 'type', 'saldo')),
  ];
}

interface FakeOptions {
  connectError?: unknown;
  objects?: unknown[];
  permissions?: PermissionRow[];
  queryError?: { query: string; error: unknown };
}

function fakeServer(o: FakeOptions = {}) {
  const seen = { cfg: undefined as Record<string, unknown> | undefined, queries: [] as Array<{ sql: string; params: Record<string, unknown> }>, closed: 0 };
  const connect: ConnectMssql = async (cfg) => {
    seen.cfg = cfg;
    if (o.connectError) throw o.connectError;
    return {
      async query(sql, params) {
        seen.queries.push({ sql, params });
        if (o.queryError && o.queryError.query === sql) throw o.queryError.error;
        if (sql === EXCHANGE_OBJECTS_QUERY) return o.objects ?? objectRows();
        if (sql === PERMISSIONS_QUERY) return o.permissions ?? permissionRows();
        throw new Error(`unexpected query: ${sql.slice(0, 40)}`);
      },
      async close() {
        seen.closed++;
      },
    };
  };
  return { connect, seen };
}

const connectFailure = (message: string, code: string, cause?: unknown) =>
  new ConnectionError(new TdsConnectionError(message, code, cause === undefined ? undefined : { cause }));

const serverError = (number: number, message: string) =>
  new RequestError(Object.assign(new Error(message), { info: { number, state: 1, class: 14, message, serverName: 'ACC-SRV', procName: '', lineNumber: 1 } }), 'EREQUEST');

const stepsOf = (r: { steps: Array<{ step: string; ok: boolean }> }) => r.steps.map((s) => `${s.step}:${s.ok ? 'ok' : 'FAIL'}`);

describe('testConnection: SQL Server', () => {
  it('a correct server and an exactly-right login pass every step, in order, with parameterised queries', async () => {
    const { connect, seen } = fakeServer();
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(r).toMatchObject({ profile: 'production', ok: true, excess: [] });
    expect(stepsOf(r)).toEqual(['config:ok', 'network:ok', 'tls:ok', 'login:ok', 'procedures:ok', 'permissions:ok']);
    expect(r.steps.every((s) => s.problem === undefined)).toBe(true);
    expect(seen.queries.map((q) => q.params)).toEqual([{ schema: 'saldo' }, { schema: 'saldo' }]);
    expect(seen.cfg).toMatchObject({ server: 'acc-srv', database: 'Ksiegowosc', options: { encrypt: true, trustServerCertificate: false } });
    expect(seen.closed).toBe(1);
  });

  it('ELOGIN (18456) → the login step fails with the login code; later steps are not reported', async () => {
    const { connect, seen } = fakeServer({ connectError: connectFailure("Login failed for user 'saldo_exchange'.", 'ELOGIN') });
    const r = await testConnection(mssqlProfile(), { locale: 'pl', connectMssql: connect, password: PASSWORD });
    expect(r.ok).toBe(false);
    expect(stepsOf(r)).toEqual(['config:ok', 'network:ok', 'tls:ok', 'login:FAIL']);
    expect(r.steps[3].problem).toMatchObject({ code: 'SAL-5018', severity: 'error' });
    expect(r.steps[3].problem!.message).toContain('acc-srv/Ksiegowosc');
    expect(seen.queries).toEqual([]);
  });

  it('an untrusted certificate → the tls step fails', async () => {
    const cause = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const { connect } = fakeServer({ connectError: connectFailure('Failed to connect to acc-srv:1433 - self-signed certificate', 'ESOCKET', cause) });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(stepsOf(r)).toEqual(['config:ok', 'network:ok', 'tls:FAIL']);
    expect(r.steps[2].problem!.code).toBe('SAL-5015');
  });

  it('an unknown host → the network step fails', async () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND acc-srv'), { code: 'ENOTFOUND' });
    const { connect } = fakeServer({ connectError: connectFailure('Failed to connect to acc-srv:1433 - getaddrinfo ENOTFOUND acc-srv', 'ESOCKET', cause) });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(stepsOf(r)).toEqual(['config:ok', 'network:FAIL']);
    expect(r.steps[1].problem!.code).toBe('SAL-5011');
  });

  it('a missing procedure → the procedures step names it', async () => {
    const { connect, seen } = fakeServer({ objects: objectRows().filter((o) => o.object_name !== 'export_charges') });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(stepsOf(r)).toEqual(['config:ok', 'network:ok', 'tls:ok', 'login:ok', 'procedures:FAIL']);
    expect(r.steps[4].problem).toMatchObject({ code: 'SAL-5022' });
    expect(r.steps[4].problem!.message).toContain('saldo.export_charges');
    expect(r.steps[4].problem!.message).not.toContain('export_accounts');
    expect(seen.closed).toBe(1);
  });

  it('a driver error at the procedures query is classified (2812 → names the object)', async () => {
    const { connect } = fakeServer({ queryError: { query: EXCHANGE_OBJECTS_QUERY, error: serverError(2812, "Could not find stored procedure 'saldo.export_meters'.") } });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(r.steps.at(-1)).toMatchObject({ step: 'procedures', ok: false, problem: { code: 'SAL-5021' } });
    expect(r.steps.at(-1)!.problem!.message).toContain('saldo.export_meters');
  });

  it('a missing right → the permissions step fails naming it and the GRANT', async () => {
    const permissions = permissionRows().filter((p) => !(p.object_name === 'registered_accounts' && p.permission_name === 'DELETE'));
    const { connect } = fakeServer({ permissions });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(stepsOf(r).at(-1)).toBe('permissions:FAIL');
    const p = r.steps.at(-1)!.problem!;
    expect(p.code).toBe('SAL-5030');
    expect(p.message).toContain('DELETE');
    expect(p.message).toContain('saldo.registered_accounts');
    expect(p.hint).toContain('GRANT DELETE ON OBJECT::[saldo].[registered_accounts] TO [saldo_exchange];');
  });

  it('several missing rights → one problem listing all, with every GRANT', async () => {
    const permissions = permissionRows().filter((p) => !['export_charges', 'reading_tt'].includes(p.object_name ?? ''));
    const { connect } = fakeServer({ permissions });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    const p = r.steps.at(-1)!.problem!;
    expect(p.code).toBe('SAL-5035');
    expect(p.message).toContain('EXECUTE saldo.export_charges');
    expect(p.message).toContain('EXECUTE saldo.reading_tt');
    expect(p.hint).toContain('ON TYPE::[saldo].[reading_tt]');
  });

  it('permission denied (229) while checking → the permissions step fails with it', async () => {
    const err = serverError(229, "The SELECT permission was denied on the object 'objects', database 'mssqlsystemresource', schema 'sys'.");
    const { connect } = fakeServer({ queryError: { query: PERMISSIONS_QUERY, error: err } });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(r.steps.at(-1)).toMatchObject({ step: 'permissions', ok: false, problem: { code: 'SAL-5023' } });
  });

  it('rights beyond the exchange pass the test but are listed as excess warnings', async () => {
    const permissions: PermissionRow[] = [
      ...permissionRows(),
      { scope: 'role', schema_name: null, object_name: 'db_datareader', object_kind: null, permission_name: 'MEMBER' },
      { scope: 'outside', schema_name: 'dbo', object_name: 'Payroll', object_kind: 'table', permission_name: 'SELECT' },
    ];
    const { connect } = fakeServer({ permissions });
    const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(r.ok).toBe(true);
    expect(r.excess.map((p) => p.code)).toEqual(['SAL-5031', 'SAL-5033']);
    expect(r.excess.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('config: invalid settings and a missing password stop before connecting', async () => {
    const a = fakeServer();
    const bad = await testConnection(mssqlProfile({ port: 0 }), { locale: 'en', connectMssql: a.connect, password: PASSWORD });
    expect(stepsOf(bad)).toEqual(['config:FAIL']);
    expect(bad.steps[0].problem!.code).toBe('SAL-6002');
    expect(bad.steps[0].problem!.message).toContain('port');
    const noPassword = await testConnection(mssqlProfile(), { locale: 'uk', connectMssql: a.connect, password: null });
    expect(stepsOf(noPassword)).toEqual(['config:FAIL']);
    expect(noPassword.steps[0].problem).toMatchObject({ code: 'SAL-5026' });
    expect(noPassword.steps[0].problem!.message).toContain('accounting.mssql.password');
    expect(a.seen.cfg).toBeUndefined();
    const integrated = await testConnection(mssqlProfile({ authentication: { type: 'integrated' } }), { locale: 'en', connectMssql: a.connect });
    expect(integrated.ok).toBe(true);
  });

  it('encryption off or an unverified certificate passes the tls step with a visible warning', async () => {
    const { connect } = fakeServer();
    const off = await testConnection(mssqlProfile({ encrypt: false }), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(off.ok).toBe(true);
    expect(off.steps.find((s) => s.step === 'tls')).toMatchObject({ ok: true, problem: { code: 'SAL-5027', severity: 'warning' } });
    const trust = await testConnection(mssqlProfile({ trustServerCertificate: true }), { locale: 'en', connectMssql: connect, password: PASSWORD });
    expect(trust.steps.find((s) => s.step === 'tls')).toMatchObject({ ok: true, problem: { code: 'SAL-5028', severity: 'warning' } });
  });

  it('never returns the password, even when the driver echoes it', async () => {
    const echoes = [
      connectFailure(`Login failed for user 'saldo_exchange' (password '${PASSWORD}').`, 'ELOGIN'),
      new ConnectionError(`Invalid connection string: Server=acc-srv;Uid=saldo_exchange;Pwd=${PASSWORD};Encrypt=yes`, 'EINVALID' as never),
      connectFailure(`Failed to connect to acc-srv:1433 - ${PASSWORD}`, 'ETIMEOUT'),
    ];
    for (const connectError of echoes) {
      const { connect, seen } = fakeServer({ connectError });
      const r = await testConnection(mssqlProfile(), { locale: 'en', connectMssql: connect, password: PASSWORD });
      expect(r.ok).toBe(false);
      expect((seen.cfg as { authentication: { options: { password: string } } }).authentication.options.password).toBe(PASSWORD);
      expect(JSON.stringify(r)).not.toContain(PASSWORD);
    }
    const { connect } = fakeServer({ queryError: { query: PERMISSIONS_QUERY, error: serverError(50000, `trace: password=${PASSWORD}; user=saldo_exchange`) } });
    const late = await testConnection(mssqlProfile(), { locale: 'pl', connectMssql: connect, password: PASSWORD });
    expect(late.steps.at(-1)).toMatchObject({ step: 'permissions', ok: false });
    expect(JSON.stringify(late)).not.toContain(PASSWORD);
  });
});

describe('testConnection: the real driver (no SQL Server: only a refused connection)', () => {
  it('a closed local port → the network step fails with the socket error, no password in the result', async () => {
    const srv = createServer();
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const { port } = srv.address() as { port: number };
    await new Promise((resolve) => srv.close(resolve));
    const r = await testConnection(mssqlProfile({ server: '127.0.0.1', port, connectTimeoutMs: 5000 }), { locale: 'en', password: PASSWORD });
    expect(stepsOf(r)).toEqual(['config:ok', 'network:FAIL']);
    expect(r.steps[1].problem!.code).toBe('SAL-5010');
    expect(r.steps[1].problem!.message).toContain('ECONNREFUSED');
    expect(JSON.stringify(r)).not.toContain(PASSWORD);
  });
});

describe('testConnection: SQLite demo', () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saldo-testconn-'));
    path = join(dir, 'accounting.sqlite');
    await generateAccountingDb(path, { premises: 20, months: 2, locale: 'pl', seed: 'test-connection', endPeriod: '2026-03' });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const sqliteProfile = (p: string): AccountingProfile => ({ name: 'demo', kind: 'accounting', adapter: 'sqlite', path: p });

  it('a generated demo database passes: config, open, every export procedure, permissions', async () => {
    const r = await testConnection(sqliteProfile(path), { locale: 'en' });
    expect(r).toMatchObject({ profile: 'demo', ok: true, excess: [] });
    expect(stepsOf(r)).toEqual(['config:ok', 'login:ok', 'procedures:ok', 'permissions:ok']);
  });

  it('a missing file fails opening with SAL-5001', async () => {
    const r = await testConnection(sqliteProfile(join(dir, 'nope.sqlite')), { locale: 'pl' });
    expect(r.ok).toBe(false);
    expect(stepsOf(r)).toEqual(['config:ok', 'login:FAIL']);
    expect(r.steps[1].problem).toMatchObject({ code: 'SAL-5001', severity: 'error' });
    expect(r.steps[1].problem!.message).toContain('nope.sqlite');
  });

  it('a file that is not a database fails opening; an empty path fails config', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, just text'.repeat(100));
    const r = await testConnection(sqliteProfile(junk), { locale: 'en' });
    expect(stepsOf(r)).toEqual(['config:ok', 'login:FAIL']);
    expect(r.steps[1].problem!.code).toBe('SAL-5001');
    const empty = await testConnection(sqliteProfile(''), { locale: 'en' });
    expect(stepsOf(empty)).toEqual(['config:FAIL']);
    expect(empty.steps[0].problem!.code).toBe('SAL-6002');
  });

  it('a procedure that fails is named in the procedures step', async () => {
    const r = await testConnection(sqliteProfile(path), {
      locale: 'en',
      openSqlite: () => ({
        periods: async () => ['2026-03'],
        count: async (proc) => {
          if (proc === 'export_meters') throw new Error('no such table: meters');
          return 1;
        },
        close: async () => undefined,
      }),
    });
    expect(stepsOf(r)).toEqual(['config:ok', 'login:ok', 'procedures:FAIL']);
    expect(r.steps[2].problem!.message).toContain('export_meters: no such table: meters');
  });
});
