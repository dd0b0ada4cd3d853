// "SQL only through parameters": no SQL text in the product is built from values at run time.
// Every template literal that looks like SQL and interpolates something is listed here with the
// reason it is safe (the interpolated part is code, never input); a new one fails this test until
// it is reviewed and listed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REVIEWED: Record<string, string> = {
  'main/accounting/sqlite/gateway.ts: SELECT COUNT(*) FROM (${spec.sql})': 'spec.sql is one of the gateway’s own constant queries; the values are bound',
  'main/store/store.ts: user_version = ${m.id}': 'm.id is the number of a migration compiled into the app; PRAGMA takes no parameters',
  'main/accounting/sqlite/gateway.ts: ${HAS_ACCOUNT}': 'HAS_ACCOUNT is a constant SQL fragment shared by the export queries',
  'main/accounting/mssql/privileges.ts: ${roleValues}': 'roleValues is a constant list of role names written in the module; @schema is bound',
  'main/demo/generator.ts: INSERT INTO ${table} (${columns.join(': 'table and columns are the generator’s own constant names; rows are bound',
  'main/accounting/mssql/registered-accounts.ts: FROM ${table(schema)}': 'the exchange schema name, checked as an identifier by MssqlSettingsSchema and bracket-quoted; values are bound',
  'main/accounting/mssql/registered-accounts.ts: FROM ${t} WITH (UPDLOCK, HOLDLOCK) WHERE account_no IN (${names})': 't is the bracket-quoted table name; names are generated parameter names (@a0, @a1…); the accounts are bound',
  'main/accounting/mssql/registered-accounts.ts: DELETE FROM ${t} WHERE': 't is the bracket-quoted table name; the account is bound',
  'main/accounting/mssql/registered-accounts.ts: INSERT INTO ${t} (': 't is the bracket-quoted table name; the values are bound',
  'main/accounting/sqlite/schema.ts: ${PORTAL_PAYMENTS_TABLE}': 'a constant CREATE TABLE of the same module, shared with the upgrade of older demo files',
  'main/accounts/payments/store.ts: FROM (${LISTING}) WHERE ${': 'LISTING and the WHERE fragments are the module’s own constant SQL; the filters are bound (@outcome, @runId, @q)',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const SQL = /\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA|CREATE\s+TABLE|DROP|ALTER|EXEC(UTE)?)\b|user_version/i;

describe('SQL only through parameters', () => {
  it('finds no SQL template literal that interpolates a value, beyond the reviewed ones', () => {
    const found: string[] = [];
    for (const file of [...sources('main'), ...sources('shared')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/`([^`]*)`/g)) {
        const lit = m[1];
        if (!lit.includes('${') || !SQL.test(lit)) continue;
        const head = lit.split('\n').map((l) => l.trim()).find((l) => l.includes('${')) ?? lit;
        found.push(`${file}: ${head}`);
      }
    }
    const unreviewed = found.filter((f) =>
      !Object.keys(REVIEWED).some((r) => {
        const [file, fragment] = [r.slice(0, r.indexOf(': ')), r.slice(r.indexOf(': ') + 2)];
        return f.startsWith(file + ': ') && f.includes(fragment);
      }),
    );
    expect(unreviewed).toEqual([]);
  });

  it('really detects an interpolated value (the check can fail)', () => {
    const bad = 'db.prepare(`SELECT * FROM runs WHERE operator = \'${name}\'`)';
    const lit = /`([^`]*)`/.exec(bad)![1];
    expect(lit.includes('${') && SQL.test(lit)).toBe(true);
  });
});
