// The accounting contract suite run against the embedded SQLite demo (Polish and Ukrainian), plus
// what only the SQLite adapter can be asked: a missing file, a file that is not a database, and
// that rows are iterated, never fetched whole.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import mssql from 'mssql';
import { exchangeDriverConfig, MssqlAccountingGateway, parseMssqlConnectionString } from '../../main/accounting/mssql/gateway';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { generateAccountingDb } from '../../main/demo/generator';
import { ProblemError } from '../../shared/errors/problem';
import { contractSuite, POISON_ACCOUNT, POISON_AMOUNT, POISON_BANK_AMOUNT, POISON_VALUE, type BreakWrites } from './accounting-contract.suite';

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

/** A trigger that aborts the insert of one reading, so a batch fails for real in its middle. */
const sqliteBreakWrites =
  (locale: 'pl' | 'uk'): BreakWrites =>
  async () => {
    const db = new Database(await demoDb(locale));
    db.pragma('busy_timeout = 2000');
    db.prepare(
      `CREATE TRIGGER contract_test_fail BEFORE INSERT ON meter_readings WHEN NEW.value = '${POISON_VALUE}'
       BEGIN SELECT RAISE(ABORT, 'contract test: this reading is refused by a trigger'); END`,
    ).run();
    return async () => {
      db.prepare('DROP TRIGGER contract_test_fail').run();
      db.close();
    };
  };

/** A trigger that aborts booking one portal payment (POISON_AMOUNT), so a batch fails in its middle. */
const sqliteBreakPaymentWrites =
  (locale: 'pl' | 'uk'): BreakWrites =>
  async () => {
    const db = new Database(await demoDb(locale));
    db.pragma('busy_timeout = 2000');
    db.prepare(
      `CREATE TRIGGER contract_test_fail_payment BEFORE INSERT ON portal_payments WHEN NEW.amount = ${POISON_AMOUNT}
       BEGIN SELECT RAISE(ABORT, 'contract test: this payment is refused by a trigger'); END`,
    ).run();
    return async () => {
      db.prepare('DROP TRIGGER contract_test_fail_payment').run();
      db.close();
    };
  };

/** A trigger that aborts booking one bank item (POISON_BANK_AMOUNT), so a batch fails in its middle. */
const sqliteBreakBankWrites =
  (locale: 'pl' | 'uk'): BreakWrites =>
  async () => {
    const db = new Database(await demoDb(locale));
    db.pragma('busy_timeout = 2000');
    db.prepare(
      `CREATE TRIGGER contract_test_fail_bank BEFORE INSERT ON bank_payments WHEN NEW.amount = ${POISON_BANK_AMOUNT}
       BEGIN SELECT RAISE(ABORT, 'contract test: this bank item is refused by a trigger'); END`,
    ).run();
    return async () => {
      db.prepare('DROP TRIGGER contract_test_fail_bank').run();
      db.close();
    };
  };

/** A trigger that refuses registering POISON_ACCOUNT, so a registrations batch fails in its middle for real. */
const sqliteBreakRegistrations =
  (locale: 'pl' | 'uk'): BreakWrites =>
  async () => {
    const db = new Database(await demoDb(locale));
    db.pragma('busy_timeout = 2000');
    db.prepare(
      `CREATE TRIGGER contract_test_fail_registration BEFORE INSERT ON registered_accounts WHEN NEW.account_no = '${POISON_ACCOUNT}'
       BEGIN SELECT RAISE(ABORT, 'contract test: this registration is refused by a trigger'); END`,
    ).run();
    return async () => {
      db.prepare('DROP TRIGGER contract_test_fail_registration').run();
      db.close();
    };
  };

contractSuite('SQLite demo (pl)', async () => SqliteAccountingGateway.open(await demoDb('pl')), PERIOD, {
  breakWrites: sqliteBreakWrites('pl'),
  breakPaymentWrites: sqliteBreakPaymentWrites('pl'),
  breakRegistrations: sqliteBreakRegistrations('pl'),
  breakBankWrites: sqliteBreakBankWrites('pl'),
});
contractSuite('SQLite demo (uk)', async () => SqliteAccountingGateway.open(await demoDb('uk')), PERIOD, {
  breakWrites: sqliteBreakWrites('uk'),
  breakPaymentWrites: sqliteBreakPaymentWrites('uk'),
  breakRegistrations: sqliteBreakRegistrations('uk'),
  breakBankWrites: sqliteBreakBankWrites('uk'),
});

// The SQL Server adapter, against a real server with the saldo exchange procedures installed
// (sql/mssql/README.md: the format of SALDO_TEST_MSSQL, and SALDO_TEST_MSSQL_PERIOD, a month with
// a few thousand charges). Skipped where no server runs.
// SALDO_TEST_MSSQL_ADMIN (same format, a login that may create triggers on ref.meter_readings)
// lets the suite make a batch fail in its middle for real, as the SQLite trigger does.
/** A trigger that refuses the insert `when` matches, made through the admin login; the BreakWrites undoes it. */
function mssqlTrigger(name: string, table: string, when: string, message: string): BreakWrites | undefined {
  if (!process.env.SALDO_TEST_MSSQL_ADMIN) return undefined;
  return async () => {
    const { settings, password } = parseMssqlConnectionString(process.env.SALDO_TEST_MSSQL_ADMIN!);
    const pool = await new mssql.ConnectionPool({ ...exchangeDriverConfig(settings, password), stream: false } as unknown as mssql.config).connect();
    await pool.request().batch(`CREATE OR ALTER TRIGGER ref.${name} ON ${table} AFTER INSERT AS IF EXISTS (SELECT 1 FROM inserted WHERE ${when}) THROW 50999, N'${message}', 1;`);
    return async () => {
      await pool.request().batch(`DROP TRIGGER ref.${name}`);
      await pool.close();
    };
  };
}
const mssqlBreakWrites = mssqlTrigger('contract_test_fail', 'ref.meter_readings', `value = ${POISON_VALUE}`, 'contract test: this reading is refused by a trigger');
/** The same for ref.payments: booking a portal payment of POISON_AMOUNT minor units fails… */
const mssqlBreakPaymentWrites = mssqlTrigger('contract_test_fail_payment', 'ref.payments', `channel = 'portal' AND amount = ${POISON_AMOUNT / 100}`, 'contract test: this payment is refused by a trigger');
/** …and a bank item of POISON_BANK_AMOUNT minor units. */
const mssqlBreakBankWrites = mssqlTrigger('contract_test_fail_bank', 'ref.payments', `channel = 'bank' AND amount = ${POISON_BANK_AMOUNT / 100}`, 'contract test: this bank item is refused by a trigger');

describe.skipIf(!process.env.SALDO_TEST_MSSQL)('SQL Server', () => {
  contractSuite(
    'SQL Server',
    async () => {
      const { settings, password } = parseMssqlConnectionString(process.env.SALDO_TEST_MSSQL!);
      return MssqlAccountingGateway.open(settings, password);
    },
    process.env.SALDO_TEST_MSSQL_PERIOD ?? PERIOD,
    { breakWrites: mssqlBreakWrites, breakPaymentWrites: mssqlBreakPaymentWrites, breakBankWrites: mssqlBreakBankWrites },
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

  it('importReadings commits while an export is being read (the file is switched to WAL when opened)', async () => {
    const path = join(dir, 'fresh-demo.sqlite');
    await generateAccountingDb(path, { premises: 40, months: 2, locale: 'uk', seed: 'fresh', endPeriod: PERIOD });
    const gw = SqliteAccountingGateway.open(path);
    try {
      const it = gw.export('export_meters', { period: PERIOD })[Symbol.asyncIterator]();
      const m = (await it.next()).value as { meter_id: string; account_no: string };
      const rows = [{ reading_key: 'while-reading-1', account_no: m.account_no, meter_id: m.meter_id, reading_date: `${PERIOD}-28`, zone: 1, value: '1', source: 'radio' as const }];
      // In rollback-journal mode this commit would need the reader gone: SQLITE_BUSY → SAL-5051.
      expect(await gw.importReadings(rows)).toEqual([{ reading_key: 'while-reading-1', status: 'written' }]);
      expect((await it.next()).done).toBe(false); // and the export goes on
      await it.return?.();
    } finally {
      await gw.close();
    }
  });

  it('a demo file made before reading_key existed is upgraded on the first write', async () => {
    const path = join(dir, 'old-demo.sqlite');
    await generateAccountingDb(path, { premises: 40, months: 2, locale: 'pl', seed: 'old', endPeriod: PERIOD });
    const old = new Database(path);
    old.exec('DROP INDEX readings_key; ALTER TABLE meter_readings DROP COLUMN reading_key');
    const meter = old.prepare(`SELECT m.meter_code, p.account_no FROM meters m JOIN premises p ON p.premises_id = m.premises_id WHERE p.account_no <> '' LIMIT 1`).get() as { meter_code: string; account_no: string };
    old.close();
    const gw = SqliteAccountingGateway.open(path);
    const row = { reading_key: 'upgrade-1', account_no: meter.account_no, meter_id: meter.meter_code, reading_date: `${PERIOD}-27`, zone: 1, value: '42.5', source: 'portal' as const };
    expect(await gw.importReadings([row])).toEqual([{ reading_key: 'upgrade-1', status: 'written' }]);
    expect(await gw.importReadings([row])).toEqual([{ reading_key: 'upgrade-1', status: 'already' }]);
    await gw.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare(`SELECT value, source FROM meter_readings WHERE reading_key = 'upgrade-1'`).all()).toEqual([{ value: '42.5', source: 'portal' }]);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get()).toBe('2');
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
