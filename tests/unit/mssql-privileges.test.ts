// The least-privilege check: REQUIRED_RIGHTS (objects.ts) against rows shaped like
// PERMISSIONS_QUERY's answer, and a static look at the query text itself.

import { describe, expect, it } from 'vitest';
import { EXPORT_PROCEDURES } from '../../shared/domain/accounting';
import {
  EXCHANGE_OBJECTS,
  EXCHANGE_PROCEDURES,
  EXCHANGE_TABLE_TYPES,
  IMPORT_PROCEDURES,
  REQUIRED_RIGHTS,
  absentObjects,
  EXCHANGE_OBJECTS_QUERY,
} from '../../main/accounting/mssql/objects';
import { checkPrivileges, PERMISSIONS_QUERY, type PermissionRow } from '../../main/accounting/mssql/privileges';

const schema = 'saldo';
const opts = { schema, locale: 'en' as const };

const row = (scope: PermissionRow['scope'], permission_name: string | null, object_name: string | null = null, object_kind: string | null = null, schema_name: string | null = null): PermissionRow => ({
  scope,
  schema_name,
  object_name,
  object_kind,
  permission_name,
});

/** What a login made by the security script sees: EXECUTE on the schema, SELECT/INSERT/DELETE on registered_accounts. */
function exactlyRight(): PermissionRow[] {
  return [
    row('principal', null, 'saldo_exchange'),
    row('server', 'CONNECT SQL'),
    row('server', 'VIEW ANY DATABASE'),
    row('database', 'CONNECT'),
    row('database', 'VIEW ANY COLUMN ENCRYPTION KEY DEFINITION'),
    row('database', 'VIEW ANY COLUMN MASTER KEY DEFINITION'),
    row('schema', 'EXECUTE', null, null, schema),
    ...EXCHANGE_PROCEDURES.map((p) => row('object', 'EXECUTE', p, 'procedure', schema)),
    ...['SELECT', 'INSERT', 'DELETE'].map((p) => row('object', p, 'registered_accounts', 'table', schema)),
    ...EXCHANGE_TABLE_TYPES.map((t) => row('object', 'EXECUTE', t, 'type', schema)),
  ];
}

const without = (rows: PermissionRow[], object: string, permission: string) =>
  rows.filter((r) => !(r.scope === 'object' && r.object_name === object && r.permission_name === permission));

describe('the exchange objects', () => {
  it('lists every export procedure, the three import procedures, registered_accounts and one table type per import', () => {
    for (const p of EXPORT_PROCEDURES) expect(EXCHANGE_PROCEDURES).toContain(p);
    expect(IMPORT_PROCEDURES).toEqual(['import_readings', 'import_portal_payments', 'import_bank_items']);
    expect(EXCHANGE_TABLE_TYPES).toEqual(['reading_tt', 'portal_payment_tt', 'bank_item_tt']);
    expect(EXCHANGE_OBJECTS).toHaveLength(EXCHANGE_PROCEDURES.length + 1 + EXCHANGE_TABLE_TYPES.length);
  });

  it('requires EXECUTE on procedures and types, exactly SELECT/INSERT/DELETE on registered_accounts, nothing else', () => {
    const onTable = REQUIRED_RIGHTS.filter((r) => r.kind === 'table');
    expect(onTable.map((r) => `${r.object}:${r.permission}`)).toEqual(['registered_accounts:SELECT', 'registered_accounts:INSERT', 'registered_accounts:DELETE']);
    for (const r of REQUIRED_RIGHTS.filter((x) => x.kind !== 'table')) expect(r.permission).toBe('EXECUTE');
    expect(REQUIRED_RIGHTS).toHaveLength(EXCHANGE_PROCEDURES.length + 3 + EXCHANGE_TABLE_TYPES.length);
  });

  it('absentObjects compares names and kinds case-insensitively', () => {
    const rows = EXCHANGE_OBJECTS.map((o) => ({ object_name: o.object.toUpperCase(), object_kind: o.kind }));
    expect(absentObjects(rows)).toEqual([]);
    expect(absentObjects(rows.filter((r) => r.object_name !== 'EXPORT_METERS'))).toEqual([{ object: 'export_meters', kind: 'procedure' }]);
    expect(EXCHANGE_OBJECTS_QUERY).toContain('s.name = @schema');
  });
});

describe('checkPrivileges', () => {
  it('an exactly-right login has no problems', () => {
    expect(checkPrivileges(exactlyRight(), opts)).toEqual({ missing: [], excess: [] });
  });

  it('missing EXECUTE on export_charges → one missing problem naming it, with the GRANT', () => {
    const { missing, excess } = checkPrivileges(without(exactlyRight(), 'export_charges', 'EXECUTE'), opts);
    expect(excess).toEqual([]);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ code: 'SAL-5030', severity: 'error' });
    expect(missing[0].message).toContain('EXECUTE');
    expect(missing[0].message).toContain('saldo.export_charges');
    expect(missing[0].hint).toContain('GRANT EXECUTE ON OBJECT::[saldo].[export_charges] TO [saldo_exchange];');
  });

  it('missing DELETE on registered_accounts → one missing problem naming it', () => {
    const { missing } = checkPrivileges(without(exactlyRight(), 'registered_accounts', 'DELETE'), opts);
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toContain('DELETE');
    expect(missing[0].message).toContain('saldo.registered_accounts');
    expect(missing[0].hint).toContain('GRANT DELETE ON OBJECT::[saldo].[registered_accounts]');
  });

  it('missing EXECUTE on a table type → a GRANT … ON TYPE::', () => {
    const { missing } = checkPrivileges(without(exactlyRight(), 'reading_tt', 'EXECUTE'), opts);
    expect(missing).toHaveLength(1);
    expect(missing[0].hint).toContain('GRANT EXECUTE ON TYPE::[saldo].[reading_tt]');
  });

  it('a login that sees nothing misses every right', () => {
    expect(checkPrivileges([row('database', 'CONNECT')], opts).missing).toHaveLength(REQUIRED_RIGHTS.length);
  });

  it('db_owner → one excess warning naming the role, not dozens of implied permissions', () => {
    const rows = [
      ...exactlyRight(),
      row('role', 'MEMBER', 'db_owner'),
      row('database', 'CONTROL'),
      row('database', 'ALTER ANY SCHEMA'),
      row('object', 'ALTER', 'export_charges', 'procedure', schema),
      row('outside', 'SELECT', 'Payroll', 'table', 'dbo'),
    ];
    const { missing, excess } = checkPrivileges(rows, opts);
    expect(missing).toEqual([]);
    expect(excess).toHaveLength(1);
    expect(excess[0]).toMatchObject({ code: 'SAL-5031', severity: 'warning' });
    expect(excess[0].message).toContain('db_owner');
  });

  it('SELECT on dbo.Payroll → excess naming it', () => {
    const rows = [...exactlyRight(), row('outside', 'SELECT', 'Payroll', 'table', 'dbo'), row('outside', 'UPDATE', 'Payroll', 'table', 'dbo')];
    const { excess } = checkPrivileges(rows, opts);
    expect(excess).toHaveLength(1);
    expect(excess[0]).toMatchObject({ code: 'SAL-5033', severity: 'warning' });
    expect(excess[0].message).toContain('dbo.Payroll');
    expect(excess[0].message).toContain('SELECT, UPDATE');
  });

  it('db_datareader, UPDATE on registered_accounts, ALTER on the schema, CONTROL on the database, REFERENCES on a type → warnings naming each', () => {
    const rows = [
      ...exactlyRight(),
      row('role', 'MEMBER', 'db_datareader'),
      row('object', 'UPDATE', 'registered_accounts', 'table', schema),
      row('schema', 'ALTER', null, null, schema),
      row('database', 'CONTROL'),
      row('server', 'VIEW SERVER STATE'),
      row('object', 'REFERENCES', 'reading_tt', 'type', schema),
    ];
    const { missing, excess } = checkPrivileges(rows, opts);
    expect(missing).toEqual([]);
    const text = excess.map((p) => `${p.code} ${p.message}`);
    expect(excess.every((p) => p.severity === 'warning')).toBe(true);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SAL-5031 .*db_datareader/),
        expect.stringMatching(/^SAL-5032 .*UPDATE on OBJECT::\[saldo\]\.\[registered_accounts\]/),
        expect.stringMatching(/^SAL-5032 .*ALTER on SCHEMA::\[saldo\]/),
        expect.stringMatching(/^SAL-5032 .*CONTROL on DATABASE/),
        expect.stringMatching(/^SAL-5032 .*VIEW SERVER STATE on SERVER/),
        expect.stringMatching(/^SAL-5032 .*REFERENCES on TYPE::\[saldo\]\.\[reading_tt\]/),
      ]),
    );
    expect(excess).toHaveLength(6);
  });

  it('a helper procedure in the exchange schema reached by the schema-wide EXECUTE is not a leak; SELECT on another table there is', () => {
    const rows = [...exactlyRight(), row('object', 'EXECUTE', 'helper_period_bounds', 'procedure', schema), row('object', 'SELECT', 'staging', 'table', schema)];
    const { excess } = checkPrivileges(rows, opts);
    expect(excess).toHaveLength(1);
    expect(excess[0].message).toContain('SELECT on OBJECT::[saldo].[staging]');
  });

  it('names compare case-insensitively (SQL Server default collations)', () => {
    const rows = exactlyRight().map((r) => ({ ...r, object_name: r.scope === 'object' ? r.object_name!.toUpperCase() : r.object_name, schema_name: r.schema_name?.toUpperCase() ?? null }));
    expect(checkPrivileges(rows, opts)).toEqual({ missing: [], excess: [] });
  });

  it('speaks the operator’s language', () => {
    const { missing } = checkPrivileges(without(exactlyRight(), 'export_charges', 'EXECUTE'), { schema, locale: 'uk' });
    expect(missing[0].message).toMatch(/Логін обміну/);
    expect(missing[0].message).toContain('saldo.export_charges');
  });
});

describe('PERMISSIONS_QUERY (static)', () => {
  it('binds the schema as @schema and never concatenates it into SQL text', () => {
    expect(PERMISSIONS_QUERY).toContain('@schema');
    expect(PERMISSIONS_QUERY).not.toMatch(/\+\s*@/);
    expect(PERMISSIONS_QUERY).not.toMatch(/@\w+\s*\+/);
    // Every use of @schema is a comparison, a QUOTENAME argument or a selected value.
    const rest = PERMISSIONS_QUERY.replace(/QUOTENAME\(@schema\)/g, '')
      .replace(/(?:=|<>)\s*@schema\b/g, '')
      .replace(/N'schema', @schema,/g, '');
    expect(rest).not.toContain('@schema');
    // Only QUOTENAME'd catalogue names are concatenated.
    const concatenations = PERMISSIONS_QUERY.match(/QUOTENAME\([a-z]\.name\) \+ N'\.' \+ QUOTENAME\([a-z]\.name\)/g) ?? [];
    expect(concatenations.length).toBeGreaterThan(0);
    expect(PERMISSIONS_QUERY.replace(/QUOTENAME\([a-z]\.name\) \+ N'\.' \+ QUOTENAME\([a-z]\.name\)/g, '')).not.toContain('+');
    expect(PERMISSIONS_QUERY).not.toMatch(/\bEXEC(UTE)?\s*\(|sp_executesql/i);
  });

  it('covers effective permissions, roles and access outside the exchange (capped)', () => {
    for (const needle of [
      "fn_my_permissions(NULL, N'SERVER')",
      "fn_my_permissions(NULL, N'DATABASE')",
      "fn_my_permissions(QUOTENAME(@schema), N'SCHEMA')",
      "N'OBJECT') AS p",
      "N'TYPE') AS p",
      "IS_ROLEMEMBER(N'db_owner')",
      "IS_ROLEMEMBER(N'db_datareader')",
      "IS_ROLEMEMBER(N'db_datawriter')",
      "IS_ROLEMEMBER(N'db_ddladmin')",
      "IS_SRVROLEMEMBER(N'sysadmin')",
      'HAS_PERMS_BY_NAME(',
      's.name <> @schema',
      'TOP (50)',
    ])
      expect(PERMISSIONS_QUERY).toContain(needle);
  });

  it('returns exactly the columns of PermissionRow', () => {
    const first = PERMISSIONS_QUERY.split('UNION ALL')[0];
    const cols = [...first.matchAll(/\bAS (\w+)(?=,|\s*$|\s*\n)/g)].map((m) => m[1]);
    const sample: PermissionRow = row('principal', null);
    expect(cols).toEqual(Object.keys(sample));
  });
});
