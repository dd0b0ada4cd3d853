// The one list of database objects the accounting exchange uses on the customer's SQL Server
// (DESIGN.md §3; seed 000: "the login is forcibly limited only to those database objects that are
// used in the data exchange"). The MSSQL adapter, the T-SQL install script, the security script
// and the least-privilege check (privileges.ts) are all checked against REQUIRED_RIGHTS.
//
// Every object lives in the exchange schema (MssqlSettings.schema, default `saldo`):
// - the outbound `export_*` procedures (EXPORT_PROCEDURES);
// - the inbound procedures `import_readings`, `import_portal_payments`, `import_bank_items`, each
//   taking one table-valued parameter of the table type named in IMPORT_TABLE_TYPES;
// - the table `registered_accounts` (accounts registered on the portal): SELECT/INSERT/DELETE only.
//
// `import_bank_items` is "optional" in DESIGN.md in the sense that an office may keep booking bank
// payments from output files; the install script still always creates it (with an empty body when
// unused) so that this list is one fixed contract and the check never has to guess.
//
// Table types and the TVP permission (SQL Server docs, "Use table-valued parameters" / "User-defined
// table types", Security): "To declare a table variable that uses a user-defined table type, EXECUTE
// permission is required on that user-defined table type", while REFERENCES is required only "when
// the table type is a parameter in a routine or when SCHEMABINDING is specified" — i.e. by whoever
// CREATEs the procedure, not by its caller. A client calling a procedure with a TVP makes the server
// declare a variable of the type (RPC), so the exchange login needs EXECUTE on each type (else error
// 229 "The EXECUTE permission was denied on the object 'reading_tt'"), and not REFERENCES.
// `GRANT EXECUTE ON SCHEMA::saldo` covers the types of the schema as well as its procedures.

import { EXPORT_PROCEDURES, type ExportProcedure } from '../../../shared/domain/accounting';

export const DEFAULT_EXCHANGE_SCHEMA = 'saldo';

export type ExchangeObjectKind = 'procedure' | 'table' | 'type';
export type ExchangePermission = 'EXECUTE' | 'SELECT' | 'INSERT' | 'DELETE' | 'REFERENCES';

export const IMPORT_PROCEDURES = ['import_readings', 'import_portal_payments', 'import_bank_items'] as const;
export type ImportProcedure = (typeof IMPORT_PROCEDURES)[number];

export type ExchangeProcedure = ExportProcedure | ImportProcedure;

/** Outbound then inbound: every procedure the exchange login calls. */
export const EXCHANGE_PROCEDURES: readonly ExchangeProcedure[] = [...EXPORT_PROCEDURES, ...IMPORT_PROCEDURES];

/** The table type of the one table-valued parameter each inbound procedure takes. */
export const IMPORT_TABLE_TYPES: Readonly<Record<ImportProcedure, string>> = {
  import_readings: 'reading_tt', // validated meter readings
  import_portal_payments: 'portal_payment_tt', // payments made on the portal
  import_bank_items: 'bank_item_tt', // matched bank statement items
};

export const EXCHANGE_TABLE_TYPES: readonly string[] = IMPORT_PROCEDURES.map((p) => IMPORT_TABLE_TYPES[p]);

/** The one table the exchange touches directly, and the only rights it has on it (no UPDATE). */
export const REGISTERED_ACCOUNTS = 'registered_accounts';
export const REGISTERED_ACCOUNTS_RIGHTS: readonly ExchangePermission[] = ['SELECT', 'INSERT', 'DELETE'];

export interface ExchangeObject {
  object: string;
  kind: ExchangeObjectKind;
}

/** Every object of the exchange schema, procedures first. */
export const EXCHANGE_OBJECTS: readonly ExchangeObject[] = [
  ...EXCHANGE_PROCEDURES.map((object) => ({ object, kind: 'procedure' as const })),
  { object: REGISTERED_ACCOUNTS, kind: 'table' },
  ...EXCHANGE_TABLE_TYPES.map((object) => ({ object, kind: 'type' as const })),
];

export interface RequiredRight {
  object: string;
  kind: ExchangeObjectKind;
  permission: ExchangePermission;
}

/**
 * Exactly the rights the exchange login needs, and nothing else: EXECUTE on every procedure,
 * SELECT/INSERT/DELETE on registered_accounts, EXECUTE on every table type. REFERENCES is in the
 * ExchangePermission union only so the scripts' checks can name it: a TVP caller never needs it
 * (see the note above), and the least-privilege check reports it as excess.
 */
export const REQUIRED_RIGHTS: Array<{ object: string; kind: ExchangeObjectKind; permission: ExchangePermission }> = [
  ...EXCHANGE_PROCEDURES.map((object) => ({ object, kind: 'procedure' as const, permission: 'EXECUTE' as const })),
  ...REGISTERED_ACCOUNTS_RIGHTS.map((permission) => ({ object: REGISTERED_ACCOUNTS, kind: 'table' as const, permission })),
  ...EXCHANGE_TABLE_TYPES.map((object) => ({ object, kind: 'type' as const, permission: 'EXECUTE' as const })),
];

/** `saldo.export_accounts`: how messages name an exchange object. */
export function qualifiedName(schema: string, object: string): string {
  return `${schema}.${object}`;
}

/** The T-SQL securable of a GRANT: OBJECT::[saldo].[export_accounts] or TYPE::[saldo].[reading_tt]. */
export function securableOf(schema: string, object: string, kind: ExchangeObjectKind): string {
  const q = (s: string) => `[${s.replace(/]/g, ']]')}]`;
  return `${kind === 'type' ? 'TYPE' : 'OBJECT'}::${q(schema)}.${q(object)}`;
}

/**
 * The exchange objects the login can see in the exchange schema (bound parameter @schema). One row
 * per procedure, table and table type: `object_name`, `object_kind` ('procedure' | 'table' | 'type').
 * A login sees only objects it has some right on (metadata visibility), so "absent" means "not
 * installed, or no right on it" — messages say both.
 */
export const EXCHANGE_OBJECTS_QUERY = `SET NOCOUNT ON;
SELECT o.name AS object_name, CASE WHEN o.type IN ('P', 'PC') THEN N'procedure' ELSE N'table' END AS object_kind
FROM sys.objects AS o
JOIN sys.schemas AS s ON s.schema_id = o.schema_id
WHERE s.name = @schema AND o.type IN ('P', 'PC', 'U')
UNION ALL
SELECT t.name, N'type'
FROM sys.table_types AS t
JOIN sys.schemas AS s ON s.schema_id = t.schema_id
WHERE s.name = @schema;`;

/** EXCHANGE_OBJECTS not among the rows of EXCHANGE_OBJECTS_QUERY (names compare case-insensitively, as SQL Server's default collations do). */
export function absentObjects(rows: ReadonlyArray<{ object_name?: unknown; object_kind?: unknown }>): ExchangeObject[] {
  const present = new Set(rows.map((r) => `${String(r.object_kind ?? '').toLowerCase()}|${String(r.object_name ?? '').toLowerCase()}`));
  return EXCHANGE_OBJECTS.filter((o) => !present.has(`${o.kind}|${o.object.toLowerCase()}`));
}
