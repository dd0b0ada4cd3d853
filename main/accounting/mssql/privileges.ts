// The least-privilege check of the exchange login (seed 000: "the login name is forcibly limited
// only to those database objects that are used in the data exchange. There should be no other
// accesses and permissions on this login name"; DESIGN.md §3 security script).
//
// PERMISSIONS_QUERY runs as the exchange login and lists its *effective* permissions (granted
// directly, through roles or implied by a higher permission, minus DENY) — sys.fn_my_permissions
// and HAS_PERMS_BY_NAME evaluate in the caller's security context, so the login needs no extra
// right to run it. checkPrivileges() compares the rows with REQUIRED_RIGHTS (objects.ts): what is
// missing is an error naming the exact GRANT; what is more is a warning naming the right.
//
// Metadata visibility: a login sees in sys.objects/sys.types only securables it has some permission
// on (or VIEW DEFINITION). That is exactly what this check needs — an invisible object is one the
// login cannot use (missing), an object outside the exchange it can see is one it has a right on.

import type { Locale, Problem } from '../../../shared/domain/types';
import { problem } from '../../../shared/errors/problem';
import { REQUIRED_RIGHTS, qualifiedName, securableOf, type ExchangeObjectKind } from './objects';

/** Rows on objects outside the exchange schema are capped: enough to name the leak, never a scan of the vendor's database. */
export const OUTSIDE_ROWS_CAP = 50;

/** Roles whose membership the check reports (server roles through IS_SRVROLEMEMBER, database roles through IS_ROLEMEMBER). */
export const SERVER_ROLES = ['sysadmin', 'securityadmin', 'serveradmin'] as const;
export const DATABASE_ROLES = ['db_owner', 'db_securityadmin', 'db_accessadmin', 'db_ddladmin', 'db_datareader', 'db_datawriter', 'db_backupoperator'] as const;

const kindCase = (t: string) => `CASE WHEN ${t} IN ('P', 'PC') THEN N'procedure' WHEN ${t} = 'U' THEN N'table' WHEN ${t} = 'V' THEN N'view'
         WHEN ${t} IN ('FN', 'IF', 'TF', 'FS', 'FT') THEN N'function' ELSE N'other' END`;

const roleValues = [
  ...SERVER_ROLES.map((r) => `(N'${r}', IS_SRVROLEMEMBER(N'${r}'))`),
  ...DATABASE_ROLES.map((r) => `(N'${r}', IS_ROLEMEMBER(N'${r}'))`),
].join(',\n               ');

/**
 * One batch, one result set; the only input is the schema name, bound as the parameter @schema
 * (compared with `=`/`<>` or passed through QUOTENAME — never concatenated into SQL text). The
 * columns are exactly those of PermissionRow. Scopes:
 * - principal: the database user name (USER_NAME()), used to write the GRANT in hints;
 * - role: one row per role of SERVER_ROLES/DATABASE_ROLES the login is a member of;
 * - server / database: sys.fn_my_permissions(NULL, 'SERVER' | 'DATABASE');
 * - schema: sys.fn_my_permissions(QUOTENAME(@schema), 'SCHEMA');
 * - object: fn_my_permissions per object (class OBJECT, from sys.objects) and per table type
 *   (class TYPE, from sys.table_types) of the exchange schema; column-level rows are left out;
 * - outside: up to OUTSIDE_ROWS_CAP (object, permission) pairs outside the exchange schema that
 *   HAS_PERMS_BY_NAME grants (SELECT, INSERT, UPDATE, DELETE, EXECUTE, ALTER, CONTROL). No ORDER BY,
 *   so TOP can stop early on a login that sees the whole vendor database.
 */
export const PERMISSIONS_QUERY = `SET NOCOUNT ON;
SELECT CAST(N'principal' AS nvarchar(16)) AS scope, CAST(NULL AS sysname) AS schema_name,
       CAST(USER_NAME() AS sysname) AS object_name, CAST(NULL AS nvarchar(16)) AS object_kind,
       CAST(NULL AS nvarchar(128)) AS permission_name
UNION ALL
SELECT N'role', NULL, r.role_name, NULL, N'MEMBER'
FROM (VALUES ${roleValues}) AS r(role_name, is_member)
WHERE r.is_member = 1
UNION ALL
SELECT N'server', NULL, NULL, NULL, p.permission_name FROM sys.fn_my_permissions(NULL, N'SERVER') AS p
UNION ALL
SELECT N'database', NULL, NULL, NULL, p.permission_name FROM sys.fn_my_permissions(NULL, N'DATABASE') AS p
UNION ALL
SELECT N'schema', @schema, NULL, NULL, p.permission_name FROM sys.fn_my_permissions(QUOTENAME(@schema), N'SCHEMA') AS p
UNION ALL
SELECT N'object', s.name, o.name, ${kindCase('o.type')}, p.permission_name
FROM sys.objects AS o
JOIN sys.schemas AS s ON s.schema_id = o.schema_id
CROSS APPLY sys.fn_my_permissions(QUOTENAME(s.name) + N'.' + QUOTENAME(o.name), N'OBJECT') AS p
WHERE s.name = @schema AND o.is_ms_shipped = 0 AND o.parent_object_id = 0
  AND o.type IN ('P', 'PC', 'U', 'V', 'FN', 'IF', 'TF', 'FS', 'FT', 'SN', 'SO')
  AND COALESCE(p.subentity_name, N'') = N''
UNION ALL
SELECT N'object', s.name, t.name, N'type', p.permission_name
FROM sys.table_types AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
CROSS APPLY sys.fn_my_permissions(QUOTENAME(s.name) + N'.' + QUOTENAME(t.name), N'TYPE') AS p
WHERE s.name = @schema
UNION ALL
SELECT x.scope, x.schema_name, x.object_name, x.object_kind, x.permission_name
FROM (
  SELECT TOP (${OUTSIDE_ROWS_CAP}) N'outside' AS scope, s.name AS schema_name, o.name AS object_name,
         ${kindCase('o.type')} AS object_kind, v.permission_name
  FROM sys.objects AS o
  JOIN sys.schemas AS s ON s.schema_id = o.schema_id
  CROSS APPLY (VALUES (N'SELECT'), (N'INSERT'), (N'UPDATE'), (N'DELETE'), (N'EXECUTE'), (N'ALTER'), (N'CONTROL')) AS v(permission_name)
  WHERE s.name <> @schema AND o.is_ms_shipped = 0 AND o.parent_object_id = 0
    AND o.type IN ('P', 'PC', 'U', 'V', 'FN', 'IF', 'TF', 'FS', 'FT', 'SN')
    AND HAS_PERMS_BY_NAME(QUOTENAME(s.name) + N'.' + QUOTENAME(o.name), N'OBJECT', v.permission_name) = 1
) AS x;`;

export type PermissionScope = 'principal' | 'role' | 'server' | 'database' | 'schema' | 'object' | 'outside';

/** One row of PERMISSIONS_QUERY; each field is the query column of the same name. */
export interface PermissionRow {
  /** `scope`: which part of the query produced the row (see PERMISSIONS_QUERY). */
  scope: PermissionScope;
  /** `schema_name`: the object's schema (object, outside), the exchange schema (schema); null otherwise. */
  schema_name: string | null;
  /** `object_name`: object or table type (object, outside); role name (role); database user name (principal); null otherwise. */
  object_name: string | null;
  /** `object_kind`: 'procedure' | 'table' | 'view' | 'function' | 'type' | 'other' (object, outside); null otherwise. */
  object_kind: string | null;
  /** `permission_name`: as fn_my_permissions/HAS_PERMS_BY_NAME name it ('EXECUTE', 'TAKE OWNERSHIP'…); 'MEMBER' for role; null for principal. */
  permission_name: string | null;
}

/** Effective permissions every database user holds through `public` and that give no data access. */
const HARMLESS: Record<'server' | 'database', ReadonlySet<string>> = {
  server: new Set(['CONNECT SQL', 'VIEW ANY DATABASE']),
  database: new Set(['CONNECT', 'VIEW ANY COLUMN ENCRYPTION KEY DEFINITION', 'VIEW ANY COLUMN MASTER KEY DEFINITION']),
};

/**
 * On the exchange schema: EXECUTE is how the security script grants the procedures and table types;
 * SELECT/INSERT/DELETE reach objects, and what they reach is judged object by object below.
 * Anything else (ALTER, CONTROL, TAKE OWNERSHIP, REFERENCES, UPDATE, VIEW DEFINITION…) is excess.
 */
const SCHEMA_ALLOWED = new Set(['EXECUTE', 'SELECT', 'INSERT', 'DELETE']);

/** Roles that imply every permission in the database (or server): their per-permission rows are not repeated. */
const ALL_POWERFUL = new Set(['sysadmin', 'db_owner']);

const lc = (s: string | null | undefined) => (s ?? '').toLowerCase();
const upper = (s: string | null | undefined) => (s ?? '').trim().toUpperCase();
const quoteName = (s: string) => `[${s.replace(/]/g, ']]')}]`;

export interface PrivilegeCheck {
  /** Rights the exchange needs and the login lacks (error severity; the first failing "permissions" step). */
  missing: Problem[];
  /** Rights the login has and the exchange does not need (warning severity). */
  excess: Problem[];
}

export interface MissingRight {
  object: string;
  kind: ExchangeObjectKind;
  permission: string;
  /** `GRANT EXECUTE ON OBJECT::[saldo].[export_charges] TO [user];` */
  grant: string;
}

/** The required rights absent from the rows, each with the GRANT that would add it. */
export function missingRights(rows: PermissionRow[], schema: string): MissingRight[] {
  const user = rows.find((r) => r.scope === 'principal')?.object_name;
  const grantee = user ? quoteName(user) : '[<exchange role>]';
  const held = new Set(
    rows.filter((r) => r.scope === 'object' && lc(r.schema_name) === lc(schema)).map((r) => `${lc(r.object_kind)}|${lc(r.object_name)}|${upper(r.permission_name)}`),
  );
  return REQUIRED_RIGHTS.filter((r) => !held.has(`${r.kind}|${lc(r.object)}|${r.permission}`)).map((r) => ({
    object: qualifiedName(schema, r.object),
    kind: r.kind,
    permission: r.permission,
    grant: `GRANT ${r.permission} ON ${securableOf(schema, r.object, r.kind)} TO ${grantee};`,
  }));
}

export function checkPrivileges(rows: PermissionRow[], opts: { schema: string; locale: Locale }): PrivilegeCheck {
  const { schema, locale } = opts;
  const missing = missingRights(rows, schema).map((m) => problem('SAL-5030', locale, { permission: m.permission, object: m.object, grant: m.grant }));

  const excess: Problem[] = [];
  const seen = new Set<string>();
  const add = (p: Problem) => {
    const k = `${p.code}|${p.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      excess.push(p);
    }
  };

  const roles = rows.filter((r) => r.scope === 'role' && r.object_name).map((r) => r.object_name as string);
  for (const role of roles) add(problem('SAL-5031', locale, { role }));
  // sysadmin/db_owner imply every permission below: the role is the one thing to remove.
  if (roles.some((r) => ALL_POWERFUL.has(lc(r)))) return { missing, excess };

  const needed = new Map<string, Set<string>>(); // "kind|name" → permissions
  for (const r of REQUIRED_RIGHTS) {
    const k = `${r.kind}|${lc(r.object)}`;
    if (!needed.has(k)) needed.set(k, new Set());
    needed.get(k)!.add(r.permission);
  }

  const outside = new Map<string, { object: string; permissions: string[] }>();
  for (const r of rows) {
    const perm = upper(r.permission_name);
    switch (r.scope) {
      case 'server':
      case 'database':
        if (perm && !HARMLESS[r.scope].has(perm)) add(problem('SAL-5032', locale, { permission: perm, securable: r.scope === 'server' ? 'SERVER' : 'DATABASE' }));
        break;
      case 'schema':
        if (perm && !SCHEMA_ALLOWED.has(perm)) add(problem('SAL-5032', locale, { permission: perm, securable: `SCHEMA::${quoteName(r.schema_name ?? schema)}` }));
        break;
      case 'object': {
        if (!perm || !r.object_name) break;
        const kind = lc(r.object_kind);
        const want = needed.get(`${kind}|${lc(r.object_name)}`);
        if (want?.has(perm)) break;
        // A helper procedure/function the DBA added to the exchange schema is reached by the
        // schema-wide EXECUTE of the security script: part of the exchange, not a leak.
        if (!want && perm === 'EXECUTE' && (kind === 'procedure' || kind === 'function')) break;
        const cls = kind === 'type' ? 'TYPE' : 'OBJECT';
        add(problem('SAL-5032', locale, { permission: perm, securable: `${cls}::${quoteName(r.schema_name ?? schema)}.${quoteName(r.object_name)}` }));
        break;
      }
      case 'outside': {
        if (!perm || !r.object_name) break;
        const name = qualifiedName(r.schema_name ?? '?', r.object_name);
        const entry = outside.get(name) ?? { object: name, permissions: [] };
        if (!entry.permissions.includes(perm)) entry.permissions.push(perm);
        outside.set(name, entry);
        break;
      }
      default:
        break;
    }
  }
  for (const o of outside.values()) add(problem('SAL-5033', locale, { object: o.object, permission: o.permissions.join(', ') }));
  return { missing, excess };
}
