// The static check of the SQL Server exchange (no server runs here): the procedures the adapter
// calls, the procedures sql/mssql/03 creates, objects.ts EXCHANGE_PROCEDURES and the EXECUTE
// grants of 04 are one set; the table types of 02 are the ones granted and the ones the adapter
// fills; 04 grants nothing else and holds no password; every result SELECT of 03 returns the
// columns of the row types (shared/domain/accounting.ts) in their order, with money as bigint and
// decimals as varchar.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_SCHEMAS } from '../../main/accounting/contract';
import { CALLED_PROCEDURES, PAYMENT_TVP_FIELDS, READING_TVP_FIELDS, TVP_COLUMNS } from '../../main/accounting/mssql/gateway';
import { ROW_FIELDS } from '../../main/accounting/mssql/mapping';
import {
  EXCHANGE_PROCEDURES,
  EXCHANGE_TABLE_TYPES,
  IMPORT_PROCEDURES,
  IMPORT_TABLE_TYPES,
  REGISTERED_ACCOUNTS,
  REQUIRED_RIGHTS,
} from '../../main/accounting/mssql/objects';
import { EXPORT_PROCEDURES, type ExportProcedure } from '../../shared/domain/accounting';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const SQL = {
  ref: read('sql/mssql/01-reference-schema.sql'),
  schema: read('sql/mssql/02-exchange-schema.sql'),
  procs: read('sql/mssql/03-procedures.sql'),
  security: read('sql/mssql/04-security.sql'),
};

// ---------------------------------------------------------------------------------------------
// A small T-SQL reader: comments out (strings and [identifiers] kept), batches, select lists.

function stripComments(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
      continue;
    }
    if (c === "'" || c === '[') {
      const close = c === '[' ? ']' : "'";
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) break;
        if (sql[j] === close) {
          if (sql[j + 1] === close) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

const batches = (sql: string) => sql.split(/^\s*GO\s*$/im);
const lower = (xs: Iterable<string>) => new Set([...xs].map((x) => x.toLowerCase()));
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Splits at top-level commas (outside parentheses and quotes). */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  let quote: string | null = null;
  for (const ch of s) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'") quote = "'";
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

interface SelectItem {
  name: string;
  expr: string;
}

/** The select list of the first SELECT in `code` (comments already stripped), up to its FROM. */
function selectList(code: string): SelectItem[] {
  const start = /\bSELECT\b/i.exec(code);
  if (!start) throw new Error('no SELECT');
  let i = start.index + start[0].length;
  let depth = 0;
  let quote = false;
  let end = -1;
  for (; i < code.length; i++) {
    const ch = code[i];
    if (quote) {
      if (ch === "'") quote = false;
      continue;
    }
    if (ch === "'") quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /^FROM\b/i.test(code.slice(i, i + 5)) && /\W/.test(code[i - 1])) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no FROM');
  const list = code.slice(start.index + start[0].length, end);
  return splitTop(list).map((expr) => {
    const alias = /\bAS\s+\[?(\w+)\]?\s*$/i.exec(expr);
    const bare = /(?:^|\.)\[?(\w+)\]?\s*$/.exec(expr);
    const name = alias?.[1] ?? (expr.trim().endsWith(')') ? '?' : bare?.[1] ?? '?');
    return { name, expr: expr.replace(/\s+/g, ' ') };
  });
}

interface Procedure {
  name: string;
  params: string;
  body: string;
  /** The raw text after the `-- @result` marker. */
  afterMarker: string | null;
}

function procedures(sql: string): Procedure[] {
  const out: Procedure[] = [];
  for (const batch of batches(sql)) {
    const code = stripComments(batch);
    const m = /\bCREATE\s+OR\s+ALTER\s+PROCEDURE\s+(\[?\w+\]?)\.(\[?\w+\]?)([\s\S]*?)\bAS\s+BEGIN\b([\s\S]*)$/i.exec(code);
    if (!m) continue;
    const marker = batch.indexOf('-- @result');
    out.push({
      name: `${m[1]}.${m[2]}`.replace(/[[\]]/g, ''),
      params: m[3].replace(/\s+/g, ' ').trim(),
      body: m[4],
      afterMarker: marker < 0 ? null : stripComments(batch.slice(batch.indexOf('\n', marker) + 1)),
    });
  }
  return out;
}

/** Field names (and whether `| null`, and the TS type) of each row interface in shared/domain/accounting.ts. */
function rowTypes(): Record<ExportProcedure, Array<{ name: string; type: string; nullable: boolean }>> {
  const src = read('shared/domain/accounting.ts');
  const interfaces = new Map<string, Array<{ name: string; type: string; nullable: boolean }>>();
  for (const m of src.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    const fields = [...m[2].matchAll(/^\s+(\w+)(\??):\s*([^;]+);/gm)].map((f) => ({
      name: f[1],
      type: f[3].trim(),
      nullable: /\bnull\b/.test(f[3]),
    }));
    interfaces.set(m[1], fields);
  }
  const rows = src.match(/export interface ExportRows \{([\s\S]*?)\n\}/)![1];
  const out = {} as Record<ExportProcedure, Array<{ name: string; type: string; nullable: boolean }>>;
  for (const m of rows.matchAll(/^\s+(\w+):\s*(\w+);/gm)) out[m[1] as ExportProcedure] = interfaces.get(m[2])!;
  return out;
}

// ---------------------------------------------------------------------------------------------

const PROCS = procedures(SQL.procs);
const byName = new Map(PROCS.map((p) => [p.name.replace(/^saldo\./i, ''), p]));

interface Grant {
  permissions: string[];
  cls: string;
  object: string;
  grantee: string;
  text: string;
}

function grants(sql: string): Grant[] {
  const code = stripComments(sql);
  return [...code.matchAll(/\bGRANT\s+([\s\S]+?)\s+ON\s+(?:(\w+)::)?([\w.[\]]+)\s+TO\s+([\w[\]$()]+)([^;]*);/gi)].map((m) => ({
    permissions: m[1].split(',').map((p) => p.trim().toUpperCase()),
    cls: (m[2] ?? 'OBJECT').toUpperCase(),
    object: m[3].replace(/[[\]]/g, ''),
    grantee: m[4].replace(/[[\]]/g, ''),
    text: m[0],
  }));
}

describe('sql/mssql: one set of procedures everywhere', () => {
  const created = PROCS.map((p) => p.name);

  it('03 creates exactly the procedures of objects.ts, in schema saldo', () => {
    expect(created.every((n) => /^saldo\./i.test(n))).toBe(true);
    expect(sorted(created.map((n) => n.replace(/^saldo\./i, '')))).toEqual(sorted(EXCHANGE_PROCEDURES));
    // and nothing else: no helper function, view or table hiding in the procedures script
    const creates = stripComments(SQL.procs).match(/\bCREATE\b/gi) ?? [];
    expect(creates.length).toBe(EXCHANGE_PROCEDURES.length);
  });

  it('the adapter calls exactly those procedures', () => {
    expect(sorted(CALLED_PROCEDURES)).toEqual(sorted(EXCHANGE_PROCEDURES));
    for (const p of EXPORT_PROCEDURES) expect(CALLED_PROCEDURES as readonly string[]).toContain(p);
  });

  it("the adapter's source: one execute, through the CalledProcedure list; no other procedure name", () => {
    const src = read('main/accounting/mssql/gateway.ts');
    const code = src.replace(/\/\/.*$/gm, '');
    expect(code.match(/\.execute\(/g) ?? []).toHaveLength(1);
    expect(code).toMatch(/private start\(req: ExchangeRequest, proc: CalledProcedure\): unknown \{\s*return req\.execute\(this\.procName\(proc\)\);/);
    const literals = new Set([...code.matchAll(/'((?:export|import)_\w+)'/g)].map((m) => m[1]));
    for (const l of literals) expect(CALLED_PROCEDURES as readonly string[], `'${l}' in gateway.ts`).toContain(l);
    for (const p of IMPORT_PROCEDURES) expect(code).toContain(`this.callImport('${p}'`);
    // No SQL text reaches the server other than the procedure calls.
    expect(code).not.toMatch(/\.(query|batch|bulk)\(/);
  });

  it('04 grants EXECUTE on exactly those procedures and those table types, to the exchange role', () => {
    const g = grants(SQL.security);
    const execObjects = g.filter((x) => x.permissions.includes('EXECUTE') && x.cls === 'OBJECT').map((x) => x.object.replace(/^saldo\./i, ''));
    expect(sorted(execObjects)).toEqual(sorted(EXCHANGE_PROCEDURES));
    const execTypes = g.filter((x) => x.permissions.includes('EXECUTE') && x.cls === 'TYPE').map((x) => x.object.replace(/^saldo\./i, ''));
    expect(sorted(execTypes)).toEqual(sorted(EXCHANGE_TABLE_TYPES));
    expect(new Set(g.map((x) => x.grantee))).toEqual(new Set(['saldo_exchange']));
  });
});

describe('sql/mssql/02: the exchange schema', () => {
  const code = stripComments(SQL.schema);
  const types = [...code.matchAll(/\bCREATE\s+TYPE\s+saldo\.(\w+)\s+AS\s+TABLE\s*\(([\s\S]*?)\);/gi)];

  it('creates the table types of objects.ts, and they are the types granted', () => {
    const names = types.map((m) => m[1]);
    expect(sorted(names)).toEqual(sorted(EXCHANGE_TABLE_TYPES));
    const granted = grants(SQL.security).filter((x) => x.cls === 'TYPE').map((x) => x.object.replace(/^saldo\./i, ''));
    expect(sorted(granted)).toEqual(sorted(names));
  });

  it("each type's columns are the ones the adapter fills (name, type, nullability, order)", () => {
    for (const proc of IMPORT_PROCEDURES) {
      const m = types.find((t) => t[1] === IMPORT_TABLE_TYPES[proc])!;
      const cols = splitTop(m[2]).map((c) => {
        const parts = /^(\w+)\s+(\w+(?:\(\d+\))?)\s+(NOT\s+NULL|NULL)/i.exec(c.replace(/\s+/g, ' ').trim());
        expect(parts, c).not.toBeNull();
        return { name: parts![1], sqlType: parts![2].toLowerCase(), nullable: !/NOT/i.test(parts![3]) };
      });
      expect(cols, proc).toEqual(TVP_COLUMNS[proc]);
    }
  });

  it('creates the registered-accounts table, and only the schema, that table and the types', () => {
    expect(code).toMatch(/\bCREATE\s+TABLE\s+saldo\.registered_accounts\b/i);
    const creates = [...code.matchAll(/\bCREATE\s+(\w+)\s+([\w.]+)/gi)].map((m) => `${m[1].toUpperCase()} ${m[2]}`);
    expect(sorted(creates)).toEqual(sorted(['SCHEMA saldo', `TABLE saldo.${REGISTERED_ACCOUNTS}`, ...EXCHANGE_TABLE_TYPES.map((t) => `TYPE saldo.${t}`)]));
  });

  it('01 keeps the reference tables in schema ref, outside the exchange schema', () => {
    const ref = stripComments(SQL.ref);
    const tables = [...ref.matchAll(/\bCREATE\s+TABLE\s+(\w+)\.(\w+)/gi)];
    expect(tables.length).toBeGreaterThanOrEqual(12);
    expect(new Set(tables.map((m) => m[1]))).toEqual(new Set(['ref']));
    for (const t of ['buildings', 'premises', 'persons', 'residents', 'benefits', 'beneficiaries', 'providers', 'services', 'tariffs', 'charges', 'turnovers', 'payments', 'meters', 'meter_readings']) {
      expect(tables.map((m) => m[2])).toContain(t);
    }
  });
});

describe('sql/mssql/03: procedure signatures and result columns', () => {
  const types = rowTypes();

  it('every outbound procedure takes @period char(7), plus @as_of date / @months int where documented', () => {
    for (const proc of EXPORT_PROCEDURES) {
      const p = byName.get(proc)!;
      const params = p.params.split(',').map((x) => x.trim().replace(/\s+/g, ' ').toLowerCase());
      const want = ['@period char(7)'];
      if (proc === 'export_balances') want.push('@as_of date = null');
      if (proc === 'export_meter_readings') want.push('@months int = 12');
      expect(params, proc).toEqual(want);
    }
  });

  it('every inbound procedure takes its table type READONLY, in one transaction with XACT_ABORT', () => {
    for (const proc of IMPORT_PROCEDURES) {
      const p = byName.get(proc)!;
      expect(p.params.toLowerCase(), proc).toBe(`@rows saldo.${IMPORT_TABLE_TYPES[proc]} readonly`);
      expect(p.body).toMatch(/SET XACT_ABORT ON;/);
      expect(p.body).toMatch(/BEGIN TRANSACTION;[\s\S]*COMMIT TRANSACTION;/);
      expect(selectList(p.afterMarker!).map((c) => c.name), proc).toEqual(['line_no', 'status', 'message']);
    }
  });

  it("portal_payment_tt carries every field of the port's PortalPaymentRow; import_portal_payments is idempotent by payment_id, checked first", () => {
    const cols = TVP_COLUMNS.import_portal_payments.filter((c) => c.name !== 'line_no');
    expect(sorted(cols.map((c) => c.name))).toEqual(sorted(Object.keys(PAYMENT_TVP_FIELDS)));
    expect(cols.filter((c) => c.nullable).map((c) => c.name)).toEqual(['service_code', 'reference']);
    expect(cols.find((c) => c.name === 'amount')!.sqlType).toBe('bigint'); // minor units, never a decimal or float
    const body = byName.get('import_portal_payments')!.body.replace(/\s+/g, ' ');
    expect(body).toMatch(/WHERE y\.channel = 'portal' AND y\.external_ref = i\.payment_id/);
    expect(body).toMatch(/PARTITION BY x\.payment_id/); // an id twice in one call is booked once
    // The duplicate test is the first CASE branch, so a booked payment is never answered 'rejected'.
    expect(body).toMatch(/CASE WHEN d\.payment_id IS NOT NULL OR i\.rn > 1 THEN 'duplicate'/);
    expect(body).toMatch(/INSERT INTO ref\.payments \([^)]*\bexternal_ref, note\)/);
    // A type made before reference existed is dropped and made anew (with its procedure).
    expect(stripComments(SQL.schema).replace(/\s+/g, ' ')).toMatch(/TYPE_ID\(N'saldo\.portal_payment_tt'\) IS NOT NULL AND NOT EXISTS \(.*c\.name = N'reference'\) BEGIN IF OBJECT_ID\(N'saldo\.import_portal_payments', N'P'\) IS NOT NULL DROP PROCEDURE saldo\.import_portal_payments; DROP TYPE saldo\.portal_payment_tt; END;/);
  });

  it('reading_tt carries every field of the port\'s AcceptedReading; import_readings is idempotent by reading_key', () => {
    const cols = TVP_COLUMNS.import_readings.filter((c) => c.name !== 'line_no');
    expect(sorted(cols.map((c) => c.name))).toEqual(sorted(Object.keys(READING_TVP_FIELDS)));
    // Optional in AcceptedReading ⇔ nullable in the type; the value travels as text.
    expect(cols.filter((c) => c.nullable).map((c) => c.name)).toEqual(['account_no']);
    expect(cols.find((c) => c.name === 'value')!.sqlType).toMatch(/^varchar\(/);
    const body = byName.get('import_readings')!.body.replace(/\s+/g, ' ');
    expect(body).toMatch(/WHERE r\.reading_key = i\.reading_key/);
    expect(body).toMatch(/INSERT INTO ref\.meter_readings \([^)]*\breading_key\)/);
    expect(body).toMatch(/PARTITION BY x\.reading_key/); // a key twice in one call is written once
    expect(stripComments(SQL.ref).replace(/\s+/g, ' ')).toMatch(/CREATE UNIQUE INDEX \w+ ON ref\.meter_readings \(reading_key\) WHERE reading_key IS NOT NULL/);
  });

  it('the row types, the mapping and the contract schemas name the same fields in the same order', () => {
    for (const proc of EXPORT_PROCEDURES) {
      const names = types[proc].map((f) => f.name);
      expect(ROW_FIELDS[proc].map((f) => f.name), proc).toEqual(names);
      expect(Object.keys((CONTRACT_SCHEMAS[proc] as unknown as { shape: object }).shape), proc).toEqual(names);
      for (const f of ROW_FIELDS[proc]) {
        const t = types[proc].find((x) => x.name === f.name)!;
        expect(f.nullable, `${proc}.${f.name} nullable`).toBe(t.nullable);
        if (f.kind === 'minor') expect(t.type, `${proc}.${f.name}`).toBe('Minor');
        if (t.type === 'Minor') expect(f.kind, `${proc}.${f.name}`).toBe('minor');
        if (f.kind === 'bool') expect(t.type).toBe('boolean');
        if (f.kind === 'int') expect(t.type).toBe('number');
      }
    }
  });

  it("every outbound procedure's result SELECT returns the row type's columns, in order", () => {
    for (const proc of EXPORT_PROCEDURES) {
      const p = byName.get(proc)!;
      expect(p.afterMarker, `${proc} has a -- @result marker`).not.toBeNull();
      expect(selectList(p.afterMarker!).map((c) => c.name), proc).toEqual(types[proc].map((f) => f.name));
    }
  });

  it('money leaves as bigint minor units, decimals as varchar strings — never as decimal/float', () => {
    for (const proc of EXPORT_PROCEDURES) {
      const cols = selectList(byName.get(proc)!.afterMarker!);
      for (const f of ROW_FIELDS[proc]) {
        const c = cols.find((x) => x.name === f.name)!;
        if (f.kind === 'minor') expect(c.expr, `${proc}.${f.name}`).toMatch(/^CAST\(ROUND\(.+\* 100, 0\) AS bigint\) AS \w+$/i);
        if (f.kind === 'decimal') expect(c.expr, `${proc}.${f.name}`).toMatch(/^CONVERT\(varchar\(32\), [\w.]+\) AS \w+$/i);
      }
    }
  });

  it('per-account outbound procedures order by account first', () => {
    for (const proc of EXPORT_PROCEDURES) {
      const body = byName.get(proc)!.body;
      // the last ORDER BY of the body: the result's
      const order = [...body.matchAll(/\bORDER\s+BY\s+([^;()]+);\s*END\b/gi)].at(-1)?.[1]?.trim() ?? '';
      expect(order, proc).not.toBe('');
      if (ROW_FIELDS[proc][0].name === 'account_no') expect(order, proc).toMatch(/^\w+\.account_no\b/);
    }
  });
});

describe('sql/mssql/04: least privilege', () => {
  const code = stripComments(SQL.security);
  const g = grants(SQL.security);

  it('grants exactly REQUIRED_RIGHTS (objects.ts) and nothing else', () => {
    const given = g.flatMap((x) =>
      x.permissions.map((permission) => `${x.cls === 'TYPE' ? 'type' : x.object.endsWith(REGISTERED_ACCOUNTS) ? 'table' : 'procedure'}|${x.object.replace(/^saldo\./i, '')}|${permission}`),
    );
    const want = REQUIRED_RIGHTS.map((r) => `${r.kind}|${r.object}|${r.permission}`);
    expect(sorted(given)).toEqual(sorted(want));
    expect(new Set(g.map((x) => x.cls))).toEqual(new Set(['OBJECT', 'TYPE']));
    // every GRANT of the file was understood by the reader above
    expect((code.match(/\bGRANT\b/gi) ?? []).length).toBe(g.length);
    for (const x of g) expect(x.text).not.toMatch(/WITH\s+GRANT\s+OPTION/i);
  });

  it('no fixed role, no server role, no schema- or database-wide right, no ALTER/CONTROL/IMPERSONATE, no DENY tricks', () => {
    expect(code).not.toMatch(/\b(db_owner|db_datareader|db_datawriter|db_ddladmin|db_securityadmin|db_accessadmin|sysadmin|securityadmin|serveradmin)\b/i);
    expect(code).not.toMatch(/\b(CONTROL|IMPERSONATE|TAKE\s+OWNERSHIP|ALTER\s+ANY|ALTER\s+AUTHORIZATION|ALTER\s+SERVER\s+ROLE|sp_addrolemember|sp_addsrvrolemember|DENY|REVOKE)\b/i);
    expect(code).not.toMatch(/::\s*(SCHEMA|DATABASE|SERVER)\b|\bON\s+(SCHEMA|DATABASE)\b/i);
    const memberships = [...code.matchAll(/\bALTER\s+ROLE\s+(\w+)\s+ADD\s+MEMBER\b/gi)].map((m) => m[1]);
    expect(memberships).toEqual(['saldo_exchange']);
    expect(code).toMatch(/\bCREATE\s+ROLE\s+saldo_exchange\b/i);
    expect(code).toMatch(/\bCREATE\s+USER\s+\[\$\(SALDO_LOGIN\)\]\s+FOR\s+LOGIN\s+\[\$\(SALDO_LOGIN\)\]/i);
  });

  it('holds no password: only the sqlcmd variable $(SALDO_PASSWORD)', () => {
    const uses = [...code.matchAll(/\bPASSWORD\s*=\s*(N?'[^']*')/gi)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toBe("N'$(SALDO_PASSWORD)'");
    expect((code.match(/\bPASSWORD\b/gi) ?? []).length).toBe(uses.length);
    expect(code).not.toMatch(/^\s*:setvar\s+SALDO_PASSWORD/im);
    for (const other of [SQL.ref, SQL.schema, SQL.procs]) expect(stripComments(other)).not.toMatch(/\bPASSWORD\b|\bCREATE\s+LOGIN\b|\bGRANT\b/i);
  });
});

describe('the T-SQL reader of this test', () => {
  it('reads aliases, bare columns and nested expressions', () => {
    const cols = selectList(`SELECT a.x, CAST(ROUND(b.y * 100, 0) AS bigint) AS y, CONVERT(varchar(32), c.z) AS z, 'a,b' AS s FROM t`);
    expect(cols.map((c) => c.name)).toEqual(['x', 'y', 'z', 's']);
    expect(stripComments(`a -- x\n/* y */ 'c -- d' [e]`)).toBe(`a \n  'c -- d' [e]`);
  });
});
