// The accounting contract suite run against the embedded SQLite demo (Polish and Ukrainian), plus
// what only the SQLite adapter can be asked: a missing file, a file that is not a database, and
// that rows are iterated, never fetched whole.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MssqlAccountingGateway, parseMssqlConnectionString } from '../../main/accounting/mssql/gateway';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { generateAccountingDb } from '../../main/demo/generator';
import { ProblemError } from '../../shared/errors/problem';
import { contractSuite } from './accounting-contract.suite';

const dir = mkdtempSync(join(tmpdir(), 'saldo-contract-'));
const PERIOD = '2025-03';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dbs = new Map<string, Promise<string>>();
function demoDb(locale: 'pl' | 'uk'): Promise<string> {
  let p = dbs.get(locale);
  if (!p) {
    const path = join(dir, `accounting-${locale}.sqlite`);
    p = generateAccountingDb(path, { premises: 3000, months: 3, locale, seed: `contract-${locale}`, endPeriod: PERIOD }).then(() => path);
    dbs.set(locale, p);
  }
  return p;
}

contractSuite('SQLite demo (pl)', async () => SqliteAccountingGateway.open(await demoDb('pl')), PERIOD);
contractSuite('SQLite demo (uk)', async () => SqliteAccountingGateway.open(await demoDb('uk')), PERIOD);

// The SQL Server adapter, against a real server with the saldo exchange procedures installed
// (sql/mssql/README.md: the format of SALDO_TEST_MSSQL, and SALDO_TEST_MSSQL_PERIOD, a month with
// a few thousand charges). Skipped where no server runs.
describe.skipIf(!process.env.SALDO_TEST_MSSQL)('SQL Server', () => {
  contractSuite(
    'SQL Server',
    async () => {
      const { settings, password } = parseMssqlConnectionString(process.env.SALDO_TEST_MSSQL!);
      return MssqlAccountingGateway.open(settings, password);
    },
    process.env.SALDO_TEST_MSSQL_PERIOD ?? PERIOD,
  );
});

describe('SQLite accounting gateway', () => {
  it('a missing file is SAL-5001', () => {
    const missing = join(dir, 'nope.sqlite');
    expect(() => SqliteAccountingGateway.open(missing)).toThrow(ProblemError);
    try {
      SqliteAccountingGateway.open(missing, 'pl');
    } catch (e) {
      expect((e as ProblemError).problem.code).toBe('SAL-5001');
      expect((e as ProblemError).problem.message).toContain('nope.sqlite');
    }
  });

  it('a file that is not a demo database is SAL-5001', () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    expect(() => SqliteAccountingGateway.open(junk)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ code: 'SAL-5001' }) }));
  });

  it('names the file and the organisation, opens read-only', async () => {
    const gw = SqliteAccountingGateway.open(await demoDb('pl'));
    expect(gw.info).toMatchObject({ kind: 'sqlite', label: 'accounting-pl.sqlite' });
    expect(gw.info.organisation).toMatch(/^Spółdzielnia Mieszkaniowa „.+”$/);
    await gw.close();
    const db = new Database(await demoDb('pl'), { readonly: true });
    expect(() => db.exec('DELETE FROM meta')).toThrow(/readonly/);
    db.close();
  });

  it('iterates rows: no statement is ever fetched whole', async () => {
    const gw = SqliteAccountingGateway.open(await demoDb('pl'));
    const probe = new Database(':memory:');
    const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { all: (...a: unknown[]) => unknown[] };
    probe.close();
    const all = vi.spyOn(proto, 'all');
    try {
      let rows = 0;
      for await (const _row of gw.export('export_charges', { period: PERIOD })) if (++rows === 50) break;
      expect(rows).toBe(50);
      expect(all).not.toHaveBeenCalled();
    } finally {
      all.mockRestore();
      await gw.close();
    }
  });
});
