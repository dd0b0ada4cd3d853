// The MSSQL adapter without a server: mapping.ts over the values mssql/tedious really hand over
// (bigint as a digit string, decimal as a JS float, date as a Date at UTC midnight with useUTC,
// bit as boolean, char padded with spaces), and gateway.ts over a fake driver that behaves like
// mssql's stream mode (recordset → row… → done; pause/resume; cancel → ECANCEL error, then done).

import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mssql from 'mssql';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CONTRACT_SCHEMAS } from '../../main/accounting/contract';
import {
  DriverMissingError,
  exchangeDriverConfig,
  HIGH_WATER,
  MssqlAccountingGateway,
  odbcConnectionString,
  parseMssqlConnectionString,
  type ConnectExchange,
  type ExchangePool,
  type ExchangeRequest,
} from '../../main/accounting/mssql/gateway';
import {
  checkColumns,
  mapImportResult,
  mapRow,
  RowMappingError,
  rowMapper,
  sqlBool,
  sqlDate,
  sqlDecimal,
  sqlInt,
  sqlMinor,
  sqlText,
  ROW_FIELDS,
  type FieldKind,
  type FieldSpec,
} from '../../main/accounting/mssql/mapping';
import type { MssqlSettings } from '../../main/accounting/mssql/settings';
import { openAccounting } from '../../main/accounting/open';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { generateAccountingDb } from '../../main/demo/generator';
import type { LoadedConfig } from '../../main/engine/config';
import type { ExportParams, ExportProcedure } from '../../shared/domain/accounting';
import { contractSuite, POISON_ACCOUNT, POISON_AMOUNT, POISON_BANK_AMOUNT, POISON_VALUE } from '../integration/accounting-contract.suite';
import type { SqlInput, TableAccess } from '../../main/accounting/mssql/registered-accounts';
import type { AcceptedReading } from '../../main/readings/types';
import { ProblemError } from '../../shared/errors/problem';

// ---------------------------------------------------------------------------------------------
// mapping.ts

describe('mapping: money', () => {
  it('bigint minor units arrive as digit strings and come back as exact integers', () => {
    expect(sqlMinor('123456')).toBe(123456);
    expect(sqlMinor('-5')).toBe(-5);
    expect(sqlMinor('0')).toBe(0);
    expect(sqlMinor(250)).toBe(250); // an int column
    expect(sqlMinor('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('beyond the exact range is an error, never a rounded amount', () => {
    expect(() => sqlMinor('9007199254740993', 'amount')).toThrow(/amount.*beyond the exact integer range/);
    expect(() => sqlMinor('-9007199254740993')).toThrow(RowMappingError);
    expect(() => sqlMinor(2 ** 60)).toThrow(/beyond/);
  });

  it('the 0.1 + 0.2 trap: a decimal read as a float is refused, with the fix', () => {
    // tedious reads decimal(14,2) 0.30 as 30 / 10^2 — and a computed float is worse:
    const float = 0.1 + 0.2; // 0.30000000000000004
    expect(() => sqlMinor(float, 'amount')).toThrow(/floating-point.*CAST\(ROUND\(amount \* 100, 0\) AS bigint\)/);
    // 1.005 * 100 = 100.49999999999999: Math.round would book 1.00 instead of 1.01
    expect(1.005 * 100).not.toBe(100.5);
    expect(() => sqlMinor(1.005 * 100)).toThrow(RowMappingError);
    expect(() => sqlMinor(12.34)).toThrow(RowMappingError);
    expect(() => sqlMinor('12.34')).toThrow(/integer.*bigint minor units/);
  });
});

describe('mapping: decimals (tariffs, quantities, meter values)', () => {
  it('varchar of CONVERT(varchar(32), decimal) is kept exactly', () => {
    expect(sqlDecimal('12.5000')).toBe('12.5000');
    expect(sqlDecimal('0.3000')).toBe('0.3000');
    expect(sqlDecimal('-0.2500')).toBe('-0.2500');
    expect(sqlDecimal('99999999999.9999')).toBe('99999999999.9999'); // beyond float precision, still exact
    expect(sqlDecimal(' 54.30 ')).toBe('54.30');
  });

  it('normalises losslessly: a bare ".5", and zeros beyond 4 places of a wider scale', () => {
    expect(sqlDecimal('.5')).toBe('0.5');
    expect(sqlDecimal('-.5')).toBe('-0.5');
    expect(sqlDecimal('1.500000')).toBe('1.5000');
    expect(sqlDecimal('007.25')).toBe('7.25');
    expect(sqlDecimal(3)).toBe('3'); // an int column is exact
  });

  it('refuses a float, and float text from CONVERT of a float column', () => {
    expect(() => sqlDecimal(0.1 + 0.2, 'tariff')).toThrow(/tariff.*floating-point.*CONVERT\(varchar\(32\), value\)/);
    expect(() => sqlDecimal('1e-005', 'value')).toThrow(/not a decimal number/);
    expect(() => sqlDecimal('abc')).toThrow(RowMappingError);
    expect(() => sqlDecimal(true)).toThrow(RowMappingError);
  });
});

describe('mapping: dates, read in UTC whatever the process time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  /** What tedious' readDate builds with useUTC: true for a date column holding `iso`. */
  const tediousDate = (iso: string) => {
    // tedious: `days` since 0001-01-01 (+1) from the wire, then new Date(Date.UTC(2000, 0, days - 730118))
    const days = Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(2000, 0, 0)) / 86_400_000) + 730118;
    return new Date(Date.UTC(2000, 0, days - 730118));
  };

  it.each(['America/New_York', 'Europe/Kyiv', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])('%s: the last day of a month stays that day', (tz) => {
    process.env.TZ = tz;
    const d = tediousDate('2025-03-31');
    expect(sqlDate(d)).toBe('2025-03-31');
    expect(sqlDate(tediousDate('2024-02-29'))).toBe('2024-02-29');
    expect(sqlDate(tediousDate('2025-01-01'))).toBe('2025-01-01');
    if (tz === 'America/New_York' || tz === 'Pacific/Pago_Pago') {
      // the trap the UTC reading avoids: local parts of UTC midnight are the day before
      expect(d.getDate()).toBe(30);
    }
  });

  it('a datetime gives the server-side calendar date (useUTC reads wall-clock values as UTC)', () => {
    process.env.TZ = 'Europe/Warsaw';
    expect(sqlDate(new Date(Date.UTC(2025, 2, 31, 23, 59, 59)))).toBe('2025-03-31');
    expect(sqlDate(new Date(Date.UTC(2025, 3, 1, 0, 0, 0)))).toBe('2025-04-01');
  });

  it('accepts ISO text, refuses the rest', () => {
    expect(sqlDate('2025-03-05')).toBe('2025-03-05');
    expect(sqlDate('2025-03-05T00:00:00.000Z')).toBe('2025-03-05');
    expect(() => sqlDate('05.03.2025', 'valid_from')).toThrow(/valid_from.*a date expected/);
    expect(() => sqlDate(new Date(Number.NaN))).toThrow(/invalid date/);
    expect(() => sqlDate(45000)).toThrow(RowMappingError);
  });

  it('the driver config asks for useUTC explicitly (msnodesqlv8 takes it from there too)', () => {
    const cfg = exchangeDriverConfig(SETTINGS, 'pw') as { options: Record<string, unknown>; stream: boolean };
    expect(cfg.options.useUTC).toBe(true);
    expect(cfg.options.encrypt).toBe(true);
    expect(cfg.options.trustServerCertificate).toBe(false);
    expect(cfg.stream).toBe(true);
  });
});

describe('mapping: bits, integers, text, NULL', () => {
  it('bit → boolean', () => {
    expect(sqlBool(true)).toBe(true);
    expect(sqlBool(false)).toBe(false);
    expect(sqlBool(1)).toBe(true);
    expect(sqlBool(0)).toBe(false);
    expect(() => sqlBool('Y', 'automatic')).toThrow(/automatic.*bit/);
  });

  it('int and bigint → safe integers', () => {
    expect(sqlInt(3)).toBe(3);
    expect(sqlInt('42')).toBe(42);
    expect(() => sqlInt(2.5, 'zone')).toThrow(/zone/);
  });

  it('char padding is dropped, integers become text', () => {
    expect(sqlText('00-0001   ')).toBe('00-0001');
    expect(sqlText('  lead')).toBe('  lead');
    expect(sqlText(12345)).toBe('12345');
    expect(() => sqlText({})).toThrow(RowMappingError);
  });

  it('NULL stays null, also in a column the contract says is non-null (the row check reports it)', () => {
    const row = mapRow('export_residents', { account_no: null, person: 'Jan Kowalski', role: 'owner', registered_from: new Date(Date.UTC(2020, 0, 1)), registered_to: null });
    expect(row.account_no).toBeNull();
    expect(row.registered_to).toBeNull();
    expect(CONTRACT_SCHEMAS.export_residents.safeParse(row).success).toBe(false);
  });
});

/** Rows as tedious gives them for the reference procedures of sql/mssql/03. */
const RAW = {
  export_accounts: {
    account_no: '01-0001-01',
    premises_kind: 'residential',
    building: 'B012      ',
    address: 'ul. Lipowa 12, Poznań',
    unit: '4',
    area_m2: '54.30',
    residents_count: 3,
    owner_name: 'Anna Nowak',
    portal_enabled: true,
    portal_group: 'member',
    virtual_account: '61109010140000071219812874',
    info1: null,
    info2: null,
    info3: 'parking',
    info4: null,
    status: 'active',
  },
  export_charges: {
    account_no: '01-0001-01',
    service_code: 'CO',
    debt_brought_forward: '12345',
    quantity: '54.3000',
    tariff: '4.5600',
    amount: '24761',
    recalculation: '-120',
    total: '36986',
  },
  export_meters: {
    account_no: '01-0001-01',
    meter_id: 'W-000123',
    serial: 'SN998877',
    radio_id: null,
    medium: 'cold_water',
    tariff_zones: 1,
    register_digits: 5,
    decimals: 3,
    unit: 'm3',
    installed_on: new Date(Date.UTC(2021, 5, 1)),
    removed_on: null,
    verification_due: new Date(Date.UTC(2027, 5, 1)),
    last_value: '00123.4560',
    last_date: new Date(Date.UTC(2025, 2, 31)),
    automatic: false,
  },
  export_balances: { account_no: '01-0001-01', turnover_type: 'closing', amount: '-4410' },
};

describe('mapping: whole rows of the reference procedures satisfy the contract', () => {
  it.each(Object.keys(RAW) as Array<keyof typeof RAW>)('%s', (proc) => {
    const row = mapRow(proc, RAW[proc]);
    expect(CONTRACT_SCHEMAS[proc].parse(row)).toEqual(row);
  });

  it('a charge row, value by value', () => {
    expect(mapRow('export_charges', RAW.export_charges)).toEqual({
      account_no: '01-0001-01',
      service_code: 'CO',
      debt_brought_forward: 12345,
      quantity: '54.3000',
      tariff: '4.5600',
      amount: 24761,
      recalculation: -120,
      total: 36986,
    });
    expect(mapRow('export_meters', RAW.export_meters)).toMatchObject({ installed_on: '2021-06-01', last_value: '123.4560', last_date: '2025-03-31', automatic: false });
  });

  it('checks the columns: missing, extra, and float-typed columns are refused with the fix', () => {
    expect(() => checkColumns('export_balances', ['account_no', 'turnover_type'])).toThrow(/missing amount/);
    expect(() => checkColumns('export_balances', ['account_no', 'turnover_type', 'amount', 'debug'])).toThrow(/unexpected debug/);
    const meta = (type: unknown) => ({ account_no: { type: mssql.VarChar }, turnover_type: { type: mssql.VarChar }, amount: { type } });
    expect(() => checkColumns('export_balances', meta(mssql.Decimal))).toThrow(/amount.*decimal.*CAST\(ROUND/);
    expect(() => checkColumns('export_balances', meta(mssql.Money))).toThrow(RowMappingError);
    expect(() => checkColumns('export_balances', meta(mssql.BigInt))).not.toThrow();
    expect(() =>
      checkColumns('export_services', { code: {}, name: {}, unit: {}, tariff: { type: mssql.Float }, provider_code: {} }),
    ).toThrow(/tariff.*float.*CONVERT\(varchar\(32\)/);
    const m = rowMapper('export_balances');
    expect(() => m.map({ account_no: 'x', turnover_type: 'opening' })).toThrow(/missing amount/);
  });

  it('import answers', () => {
    expect(mapImportResult({ line_no: 1, status: 'accepted', message: null })).toEqual({ line_no: 1, status: 'accepted', message: null });
    expect(mapImportResult({ line_no: 2, status: 'duplicate        ', message: 'already' })).toMatchObject({ status: 'duplicate' });
    expect(() => mapImportResult({ line_no: 3, status: 'ok', message: null })).toThrow(/status/);
  });
});

// ---------------------------------------------------------------------------------------------
// A fake driver with mssql's stream-mode behaviour

const SETTINGS: MssqlSettings = {
  kind: 'mssql',
  server: 'acc-srv',
  database: 'Ksiegowosc',
  schema: 'saldo',
  authentication: { type: 'sql', user: 'saldo_portal', passwordSecret: 'mssql.password' },
  encrypt: true,
  trustServerCertificate: false,
  connectTimeoutMs: 15_000,
  requestTimeoutMs: 300_000,
};

type Behaviour = (r: FakeRequest) => unknown;

class FakeRequest extends EventEmitter implements ExchangeRequest {
  stream = false;
  readonly inputs: Array<{ name: string; type: unknown; value: unknown }> = [];
  procedure: string | null = null;
  paused = false;
  pauses = 0;
  cancels = 0;
  emitted = 0;
  constructor(private readonly behaviour: Behaviour) {
    super();
  }
  input(name: string, type: unknown, value: unknown): this {
    this.inputs.push({ name, type, value });
    return this;
  }
  execute(procedure: string): unknown {
    this.procedure = procedure;
    return this.behaviour(this);
  }
  pause(): void {
    this.paused = true;
    this.pauses++;
  }
  resume(): void {
    this.paused = false;
    this.emit('_wake');
  }
  cancel(): void {
    this.cancels++;
    this.emit('_wake');
  }
}

class FakePool implements ExchangePool {
  readonly requests: FakeRequest[] = [];
  closed = false;
  constructor(private readonly behave: (r: FakeRequest) => Behaviour) {}
  request(): FakeRequest {
    const r = new FakeRequest((req) => this.behave(req)(req));
    this.requests.push(r);
    return r;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const BALANCE_COLUMNS = { account_no: { type: mssql.VarChar }, turnover_type: { type: mssql.VarChar }, amount: { type: mssql.BigInt } };
const balanceRow = (i: number) => ({ account_no: `00-${String(i).padStart(6, '0')}`, turnover_type: 'opening', amount: String(i * 100) });

/**
 * mssql stream mode over tedious: rows come as fast as the socket gives them (`perTick` per
 * event-loop turn) while not paused; cancel ends the request with an ECANCEL error, then 'done'.
 */
function streamRows(total: number, opts: { perTick?: number; columns?: object | null; row?: (i: number) => object; failAt?: { index: number; error: unknown } } = {}): Behaviour {
  const perTick = opts.perTick ?? 2000;
  const row = opts.row ?? balanceRow;
  return (r) => {
    let i = 0;
    let ended = false;
    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      if (error) r.emit('error', error);
      r.emit('done', { rowsAffected: [] });
    };
    const tick = () => {
      if (r.cancels > 0) return end(Object.assign(new mssql.RequestError('Canceled.', 'ECANCEL')));
      if (i === 0 && opts.columns !== null) r.emit('recordset', opts.columns ?? BALANCE_COLUMNS);
      let n = 0;
      while (i < total && !r.paused && r.cancels === 0 && n++ < perTick) {
        if (opts.failAt && i === opts.failAt.index) return end(opts.failAt.error);
        r.emitted++;
        r.emit('row', row(i++));
      }
      if (r.cancels > 0) return end(Object.assign(new mssql.RequestError('Canceled.', 'ECANCEL')));
      if (i >= total) return end();
      if (r.paused) r.once('_wake', () => setImmediate(tick));
      else setImmediate(tick);
    };
    setImmediate(tick);
    return Promise.resolve({ recordset: undefined }); // mssql's promise in stream mode resolves at the end
  };
}

function serverError(number: number, message: string): Error {
  const e = Object.assign(new Error(message), { info: { number, state: 1, class: 16, message, serverName: 'ACC-SRV', procName: '', lineNumber: 1 } });
  return new mssql.RequestError(e as unknown as string, 'EREQUEST');
}

async function gateway(behave: (r: FakeRequest) => Behaviour, options = {}) {
  const pool = new FakePool(behave);
  let cfg: Record<string, unknown> | undefined;
  const connect: ConnectExchange = async (c) => {
    cfg = c;
    return pool;
  };
  const gw = await MssqlAccountingGateway.open(SETTINGS, 'S3cret;pw', 'en', connect, options);
  return { gw, pool, cfg: () => cfg! };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('gateway: export streams with backpressure', () => {
  it('calls [saldo].[export_balances] with typed parameters and maps every row', async () => {
    const { gw, pool } = await gateway(() => streamRows(3));
    const rows = [];
    for await (const row of gw.export('export_balances', { period: '2025-03', asOf: '2025-03-05' })) rows.push(row);
    expect(rows).toEqual([0, 1, 2].map((i) => ({ account_no: balanceRow(i).account_no, turnover_type: 'opening', amount: i * 100 })));
    const r = pool.requests[0];
    expect(r.procedure).toBe('[saldo].[export_balances]');
    expect(r.stream).toBe(true);
    const period = r.inputs.find((x) => x.name === 'period')!;
    expect(period.value).toBe('2025-03');
    expect(period.type).toMatchObject({ type: mssql.Char, length: 7 });
    const asOf = r.inputs.find((x) => x.name === 'as_of')!;
    expect(asOf.type).toBe(mssql.Date);
    expect((asOf.value as Date).toISOString()).toBe('2025-03-05T00:00:00.000Z');
    expect(r.inputs.map((x) => x.name)).toEqual(['period', 'as_of']);
    await gw.close();
    expect(pool.closed).toBe(true);
  });

  it('passes @months as int to export_meter_readings, and as_of defaults to the last day', async () => {
    const { gw, pool } = await gateway(() => streamRows(0, { columns: null }));
    for await (const _ of gw.export('export_meter_readings', { period: '2025-03' })) void _;
    for await (const _ of gw.export('export_balances', { period: '2024-02' })) void _;
    expect(pool.requests[0].inputs[1]).toEqual({ name: 'months', type: mssql.Int, value: 12 });
    expect((pool.requests[1].inputs[1].value as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    await expect(async () => {
      for await (const _ of gw.export('export_charges', { period: '2025-3' })) void _;
    }).rejects.toThrow(RangeError);
    await gw.close();
  });

  it('rows arriving faster than consumed: the request is paused, memory stays bounded', async () => {
    const total = 60_000;
    const { gw, pool } = await gateway(() => streamRows(total, { perTick: 5000 }));
    let consumed = 0;
    let maxAhead = 0;
    for await (const row of gw.export('export_balances', { period: '2025-03' })) {
      expect(row.amount).toBe(consumed * 100); // in order, none lost
      consumed++;
      maxAhead = Math.max(maxAhead, pool.requests[0].emitted - consumed);
      if (consumed % 50 === 0) await tick(); // a slow consumer (e.g. uploading to the portal)
    }
    expect(consumed).toBe(total);
    const r = pool.requests[0];
    expect(r.pauses).toBeGreaterThan(10);
    expect(maxAhead).toBeLessThanOrEqual(HIGH_WATER);
    expect(r.cancels).toBe(0);
    await gw.close();
  });

  it('an aborted signal cancels the request and rejects with AbortError', async () => {
    const { gw, pool } = await gateway(() => streamRows(100_000, { perTick: 300 }));
    const ac = new AbortController();
    let seen = 0;
    const run = async () => {
      for await (const _ of gw.export('export_balances', { period: '2025-03' }, ac.signal)) if (++seen === 100) ac.abort();
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBe(100);
    const r = pool.requests[0];
    expect(r.cancels).toBeGreaterThanOrEqual(1);
    await tick();
    await tick();
    const emitted = r.emitted;
    await tick();
    expect(r.emitted).toBe(emitted); // nothing more comes
    expect(emitted).toBeLessThan(100_000);
    await gw.close();
  });

  it('an abort while waiting for rows cancels at once; an already aborted signal sends no request', async () => {
    // a server that answers nothing until cancelled
    const { gw, pool } = await gateway(() => (r) => {
      r.once('_wake', () => setImmediate(() => (r.emit('error', new mssql.RequestError('Canceled.', 'ECANCEL')), r.emit('done', {}))));
      return new Promise(() => undefined);
    });
    const ac = new AbortController();
    const it = gw.export('export_charges', { period: '2025-03' }, ac.signal)[Symbol.asyncIterator]();
    const next = it.next();
    await tick();
    ac.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.requests[0].cancels).toBe(1);

    const before = pool.requests.length;
    const already = new AbortController();
    already.abort();
    await expect(gw.export('export_accounts', { period: '2025-03' }, already.signal)[Symbol.asyncIterator]().next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.requests.length).toBe(before);
    await gw.close();
  });

  it('breaking off the loop cancels the request; the gateway stays usable', async () => {
    const { gw, pool } = await gateway(() => streamRows(50_000));
    let n = 0;
    for await (const _ of gw.export('export_balances', { period: '2025-03' })) if (++n === 10) break;
    expect(pool.requests[0].cancels).toBe(1);
    let all = 0;
    for await (const _ of gw.export('export_balances', { period: '2025-03' })) all++;
    expect(all).toBe(50_000);
    expect(pool.requests[1].cancels).toBe(0);
    await gw.close();
  });

  it('several exports stream at the same time, each on its own request', async () => {
    const { gw } = await gateway(() => streamRows(5000));
    const a = gw.export('export_balances', { period: '2025-03' })[Symbol.asyncIterator]();
    const b = gw.export('export_balances', { period: '2025-03' })[Symbol.asyncIterator]();
    const [a1, b1, a2, b2] = [await a.next(), await b.next(), await a.next(), await b.next()];
    expect(a1.value).toEqual(b1.value);
    expect(a2.value).toEqual(b2.value);
    await a.return?.();
    await b.return?.();
    await gw.close();
  });
});

describe('gateway: errors name the procedure', () => {
  const run = async (gw: MssqlAccountingGateway, proc: 'export_charges' | 'export_balances' = 'export_charges') => {
    try {
      for await (const _ of gw.export(proc, { period: '2025-03' })) void _;
    } catch (e) {
      return e as ProblemError;
    }
    throw new Error('no error');
  };

  it('a missing procedure (2812) is SAL-5021 naming saldo.export_charges', async () => {
    const err = serverError(2812, "Could not find stored procedure 'saldo.export_charges'.");
    const { gw } = await gateway(() => (r) => {
      setImmediate(() => {
        r.emit('error', err);
        r.emit('done', {});
      });
    });
    const e = await run(gw);
    expect(e).toBeInstanceOf(ProblemError);
    expect(e.problem.code).toBe('SAL-5021');
    expect(e.problem.message).toContain('saldo.export_charges');
    await gw.close();
  });

  it('a missing EXECUTE right (229) is SAL-5023 naming the object', async () => {
    const err = serverError(229, "The EXECUTE permission was denied on the object 'export_charges', database 'Ksiegowosc', schema 'saldo'.");
    const { gw } = await gateway(() => (r) => setImmediate(() => (r.emit('error', err), r.emit('done', {}))));
    const e = await run(gw);
    expect(e.problem.code).toBe('SAL-5023');
    expect(e.problem.message).toContain('saldo.export_charges');
    expect(e.problem.message).toContain('EXECUTE');
    await gw.close();
  });

  it('an error in the middle of the rows stops the export; the password never shows', async () => {
    const err = serverError(8115, 'Arithmetic overflow error converting numeric to data type bigint. Password=S3cret;pw');
    const { gw } = await gateway(() => streamRows(10_000, { failAt: { index: 700, error: err } }));
    const e = await run(gw, 'export_balances');
    expect(e.problem.code).toBe('SAL-5025');
    expect(e.problem.message).toContain('Arithmetic overflow');
    expect(JSON.stringify(e.problem)).not.toContain('S3cret');
    await gw.close();
  });

  it('a float-typed column or a second result set is SAL-5002 naming the procedure and the column', async () => {
    const { gw } = await gateway(() => streamRows(5, { columns: { ...BALANCE_COLUMNS, amount: { type: mssql.Decimal } } }));
    const e = await run(gw, 'export_balances');
    expect(e.problem.code).toBe('SAL-5002');
    expect(e.problem.message).toContain('saldo.export_balances');
    expect(e.problem.message).toMatch(/amount.*CAST\(ROUND/);
    await gw.close();

    const two = await gateway(() => (r) => {
      setImmediate(() => {
        r.emit('recordset', BALANCE_COLUMNS);
        r.emit('row', balanceRow(1));
        r.emit('recordset', BALANCE_COLUMNS);
        r.emit('done', {});
      });
    });
    const e2 = await run(two.gw, 'export_balances');
    expect(e2.problem.code).toBe('SAL-5002');
    expect(e2.problem.message).toMatch(/more than one result set/);
    await two.gw.close();
  });

  it('a float value without metadata is SAL-5002 (the 0.1 + 0.2 trap at run time)', async () => {
    const { gw } = await gateway(() => (r) =>
      setImmediate(() => {
        r.emit('row', { account_no: 'a', turnover_type: 'opening', amount: 0.1 + 0.2 });
        r.emit('done', {});
      }),
    );
    const e = await run(gw, 'export_balances');
    expect(e.problem.code).toBe('SAL-5002');
    expect(e.problem.message).toMatch(/column amount: money .* floating-point number \(0\.30000000000000004\)/);
    await gw.close();
  });
});

describe('gateway: open, count, periods, imports, close', () => {
  it('open: connect errors are classified; no password is SAL-5026; a missing msnodesqlv8 is SAL-5050', async () => {
    const login = new mssql.ConnectionError(Object.assign(new Error("Login failed for user 'saldo_portal'."), { code: 'ELOGIN' }) as unknown as string);
    await expect(MssqlAccountingGateway.open(SETTINGS, 'pw', 'pl', async () => Promise.reject(login))).rejects.toMatchObject({ problem: { code: 'SAL-5018' } });
    await expect(MssqlAccountingGateway.open(SETTINGS, null, 'en', async () => new FakePool(() => streamRows(0)))).rejects.toMatchObject({
      problem: { code: 'SAL-5026' },
    });
    const integrated: MssqlSettings = { ...SETTINGS, instanceName: 'KSIEG', authentication: { type: 'integrated' } };
    const missing = new DriverMissingError('msnodesqlv8', new Error("Cannot find package 'msnodesqlv8'"));
    const e = (await MssqlAccountingGateway.open(integrated, null, 'uk', async () => Promise.reject(missing)).catch((x: unknown) => x)) as ProblemError;
    expect(e.problem.code).toBe('SAL-5050');
    expect(e.problem.message).toContain('acc-srv\\KSIEG/Ksiegowosc');
  });

  it('the integrated login goes through msnodesqlv8 with an ODBC Driver 18 connection string', async () => {
    const s: MssqlSettings = { ...SETTINGS, instanceName: 'KSIEG', authentication: { type: 'integrated' } };
    const cfg = exchangeDriverConfig(s, null) as Record<string, unknown>;
    expect(cfg.driver).toBe('msnodesqlv8');
    expect(cfg.connectionString).toBe(
      'Driver={ODBC Driver 18 for SQL Server};Server={acc-srv\\KSIEG};Database={Ksiegowosc};Trusted_Connection=yes;Encrypt=yes;TrustServerCertificate=no;Connection Timeout=15;APP=Saldo',
    );
    expect(odbcConnectionString({ ...s, instanceName: undefined, port: 14330, database: 'a}b' })).toContain('Server={tcp:acc-srv,14330};Database={a}}b}');
  });

  it('info names server and database, never the password', async () => {
    const { gw, cfg } = await gateway(() => streamRows(0));
    expect(gw.info).toEqual({ kind: 'mssql', label: 'acc-srv/Ksiegowosc' });
    expect(JSON.stringify(gw.info)).not.toContain('S3cret');
    expect((cfg().authentication as { options: { password: string } }).options.password).toBe('S3cret;pw');
    await gw.close();
  });

  it('count runs the procedure without mapping and remembers the result; a full export records it too', async () => {
    const { gw, pool } = await gateway(() => streamRows(1234));
    expect(await gw.count('export_balances', { period: '2025-03' })).toBe(1234);
    expect(await gw.count('export_balances', { period: '2025-03' })).toBe(1234);
    expect(pool.requests.length).toBe(1);
    for await (const _ of gw.export('export_balances', { period: '2025-02' })) void _;
    expect(await gw.count('export_balances', { period: '2025-02' })).toBe(1234);
    expect(pool.requests.length).toBe(2);
    await gw.close();
  });

  it('periods: probes export_charges from next month back, newest first, stopping after the data', async () => {
    const withData = new Set(['2025-01', '2025-02', '2025-03', '2024-06']);
    const { gw, pool } = await gateway(
      (r) => (req) => {
        const period = req.inputs.find((x) => x.name === 'period')!.value as string;
        return streamRows(withData.has(period) ? 10_000 : 0)(r);
      },
      { now: () => new Date(Date.UTC(2025, 3, 15)) },
    );
    expect(await gw.periods()).toEqual(['2025-03', '2025-02', '2025-01']);
    const probed = pool.requests.map((r) => r.inputs[0].value);
    expect(probed).toEqual(['2025-05', '2025-04', '2025-03', '2025-02', '2025-01', '2024-12']);
    expect(pool.requests.every((r) => r.procedure === '[saldo].[export_charges]')).toBe(true);
    // a hit is cancelled after its first row, not read whole
    for (const r of pool.requests.filter((x) => withData.has(x.inputs[0].value as string))) {
      expect(r.cancels).toBe(1);
      expect(r.emitted).toBeLessThan(10_000);
    }
    expect(await gw.periods()).toEqual(['2025-03', '2025-02', '2025-01']); // memoised
    expect(pool.requests.length).toBe(6);
    await gw.close();
  });

  it('periods: nothing within the look-back is an empty list', async () => {
    const { gw, pool } = await gateway(() => streamRows(0), { now: () => new Date(Date.UTC(2025, 3, 15)), periodsLookbackMonths: 5 });
    expect(await gw.periods()).toEqual([]);
    expect(pool.requests.length).toBe(6);
    await gw.close();
  });

  it('imports: a table-valued parameter of the saldo type, line numbers, one answer per row', async () => {
    const { gw, pool } = await gateway(() => (r) => {
      const table = r.inputs[0].value as mssql.Table;
      return Promise.resolve({ recordset: table.rows.map((row) => ({ line_no: row[0], status: row[0] === 2 ? 'duplicate' : 'accepted', message: null })) });
    });
    const answers = await gw.importReadings([
      { reading_key: 'portal:r-1', account_no: '01-0001-01', meter_id: 'W-1', reading_date: '2025-03-31', zone: 1, value: '123.4560', source: 'portal' },
      { reading_key: 'portal:r-1', meter_id: 'W-1', reading_date: '2025-03-31', zone: 1, value: '123.4560', source: 'portal' },
    ]);
    expect(answers).toEqual([
      { reading_key: 'portal:r-1', status: 'written' },
      { reading_key: 'portal:r-1', status: 'already' },
    ]);
    const r = pool.requests[0];
    expect(r.procedure).toBe('[saldo].[import_readings]');
    expect(r.stream).toBe(false);
    expect(r.inputs[0].name).toBe('rows');
    expect(r.inputs[0].type).toBe(mssql.TVP);
    const table = r.inputs[0].value as mssql.Table;
    expect(table.schema).toBe('saldo');
    expect(table.name).toBe('reading_tt');
    expect(table.columns.map((c) => c.name)).toEqual(['line_no', 'reading_key', 'account_no', 'meter_id', 'reading_date', 'zone', 'value', 'source']);
    expect(table.rows[0][0]).toBe(1);
    expect(table.rows[0][1]).toBe('portal:r-1');
    expect(table.rows[1][2]).toBeNull(); // no account given: the procedure matches the meter alone
    expect((table.rows[0][4] as Date).toISOString()).toBe('2025-03-31T00:00:00.000Z');
    expect(table.rows[0][6]).toBe('123.4560'); // a reading travels as text, never as a float

    const payments = await gw.importPortalPayments([{ payment_id: 'P-1', account_no: '01-0001-01', paid_on: '2025-03-05', amount: 12345, service_code: null, reference: 'Czynsz 03/2025' }]);
    expect(payments).toEqual([{ payment_id: 'P-1', status: 'written' }]);
    const t2 = pool.requests[1].inputs[0].value as mssql.Table;
    expect(t2.name).toBe('portal_payment_tt');
    expect(t2.rows[0]).toEqual([1, 'P-1', '01-0001-01', new Date(Date.UTC(2025, 2, 5)), 12345, null, 'Czynsz 03/2025']);
    await gw.close();
  });

  it('importReadings: one call (one transaction) however many rows; refused rows carry the reason', async () => {
    const { gw, pool } = await gateway(() => (r) => {
      const table = r.inputs[0].value as mssql.Table;
      return Promise.resolve({ recordset: table.rows.map((row) => ({ line_no: row[0], status: row[0] === 3 ? 'rejected' : 'accepted', message: row[0] === 3 ? 'no meter X on account A' : null })) });
    });
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ reading_key: `k-${i}`, meter_id: 'W-1', reading_date: '2025-03-31', zone: 1, value: `${i}.5`, source: 'radio' as const }));
    const answers = await gw.importReadings(rows);
    expect(pool.requests).toHaveLength(1); // never split: a split batch could be half written
    expect((pool.requests[0].inputs[0].value as mssql.Table).rows).toHaveLength(12_000);
    expect(answers).toHaveLength(12_000);
    expect(answers[2]).toEqual({ reading_key: 'k-2', status: 'refused', message: 'no meter X on account A' });
    expect(answers.filter((a) => a.status === 'written')).toHaveLength(11_999);
    expect(await gw.importReadings([])).toEqual([]);
    expect(pool.requests).toHaveLength(1);
    await gw.close();
  });

  it('importReadings: a float value or a missing key is SAL-5053 and nothing is sent; a failed call is SAL-5051', async () => {
    const { gw, pool } = await gateway(() => () => Promise.resolve({ recordset: [] }));
    const ok = { reading_key: 'k', meter_id: 'W-1', reading_date: '2025-03-31', zone: 1, value: '1.5', source: 'portal' as const };
    await expect(gw.importReadings([ok, { ...ok, reading_key: 'k2', value: 1.5 as unknown as string }])).rejects.toMatchObject({ problem: { code: 'SAL-5053', message: expect.stringContaining('k2') } });
    await expect(gw.importReadings([{ ...ok, reading_key: '' }])).rejects.toMatchObject({ problem: { code: 'SAL-5053' } });
    expect(pool.requests).toHaveLength(0);
    await gw.close();

    const failing = serverError(547, 'The INSERT statement conflicted with the FOREIGN KEY constraint "fk_ref_meter_readings_meter".');
    const d = await gateway(() => () => Promise.reject(failing));
    await expect(d.gw.importReadings([ok])).rejects.toMatchObject({ problem: { code: 'SAL-5051', message: expect.stringContaining('FOREIGN KEY') } });
    await d.gw.close();
  });

  it('importPortalPayments: one call (one transaction) however many rows; answers mapped per payment id', async () => {
    const { gw, pool } = await gateway(() => (r) => {
      const table = r.inputs[0].value as mssql.Table;
      return Promise.resolve({
        recordset: table.rows.map((row) => ({
          line_no: row[0],
          status: row[0] === 2 ? 'rejected' : row[0] === 3 ? 'duplicate' : 'accepted',
          message: row[0] === 2 ? `no account ${row[2]}` : row[0] === 3 ? `payment ${row[1]} is already booked` : null,
        })),
      });
    });
    const rows = Array.from({ length: 7_000 }, (_, i) => ({ payment_id: `P-${i}`, account_no: i === 1 ? 'NO-SUCH' : '01-0001-01', paid_on: '2025-03-05', amount: 100 + i }));
    const answers = await gw.importPortalPayments(rows);
    expect(pool.requests).toHaveLength(1); // never split: a split batch could be half booked
    expect(pool.requests[0].procedure).toBe('[saldo].[import_portal_payments]');
    const table = pool.requests[0].inputs[0].value as mssql.Table;
    expect(table.rows).toHaveLength(7_000);
    expect(table.columns.map((c) => c.name)).toEqual(['line_no', 'payment_id', 'account_no', 'paid_on', 'amount', 'service_code', 'reference']);
    expect(table.rows[1]).toEqual([2, 'P-1', 'NO-SUCH', new Date(Date.UTC(2025, 2, 5)), 101, null, null]);
    expect(answers.slice(0, 4)).toEqual([
      { payment_id: 'P-0', status: 'written' },
      { payment_id: 'P-1', status: 'refused', message: 'no account NO-SUCH' },
      { payment_id: 'P-2', status: 'already', message: 'payment P-2 is already booked' },
      { payment_id: 'P-3', status: 'written' },
    ]);
    expect(await gw.importPortalPayments([])).toEqual([]);
    expect(pool.requests).toHaveLength(1);
    await gw.close();
  });

  it('importPortalPayments: a fractional or missing amount is SAL-4159 and nothing is sent; a failed call is SAL-4158', async () => {
    const { gw, pool } = await gateway(() => () => Promise.resolve({ recordset: [] }));
    const ok = { payment_id: 'P-1', account_no: '01-0001-01', paid_on: '2025-03-05', amount: 100 };
    await expect(gw.importPortalPayments([ok, { ...ok, payment_id: 'P-2', amount: 12.5 }])).rejects.toMatchObject({ problem: { code: 'SAL-4159', message: expect.stringContaining('P-2') } });
    await expect(gw.importPortalPayments([{ ...ok, amount: 0 }])).rejects.toMatchObject({ problem: { code: 'SAL-4159' } });
    await expect(gw.importPortalPayments([{ ...ok, paid_on: '2025-02-30' }])).rejects.toMatchObject({ problem: { code: 'SAL-4159' } });
    await expect(gw.importPortalPayments([{ ...ok, payment_id: 'x'.repeat(65) }])).rejects.toMatchObject({ problem: { code: 'SAL-4159' } });
    expect(pool.requests).toHaveLength(0);
    await gw.close();

    const failing = serverError(547, 'The INSERT statement conflicted with the FOREIGN KEY constraint "fk_ref_payments_premises".');
    const d = await gateway(() => () => Promise.reject(failing));
    await expect(d.gw.importPortalPayments([ok])).rejects.toMatchObject({ problem: { code: 'SAL-4158', message: expect.stringContaining('FOREIGN KEY') } });
    await d.gw.close();
  });

  it('imports: a wrong answer count is SAL-5002; a driver error names the procedure (importBankItems: inside SAL-3047)', async () => {
    const short = await gateway(() => () => Promise.resolve({ recordset: [] }));
    await expect(
      short.gw.importBankItems([{ statement_id: 'S1', item_ref: '1', account_no: 'a', booked_on: '2025-03-01', amount: 100, payer: null, title: null }]),
    ).rejects.toMatchObject({ problem: { code: 'SAL-3047', message: expect.stringMatching(/SAL-5002: .*saldo\.import_bank_items/) } });
    await short.gw.close();

    const denied = serverError(229, "The EXECUTE permission was denied on the object 'bank_item_tt', database 'Ksiegowosc', schema 'saldo'.");
    const d = await gateway(() => () => Promise.reject(denied));
    await expect(
      d.gw.importBankItems([{ statement_id: 'S1', item_ref: '1', account_no: 'a', booked_on: '2025-03-01', amount: 100, payer: null, title: null }]),
    ).rejects.toMatchObject({ problem: { code: 'SAL-3047', message: expect.stringMatching(/SAL-5023: .*saldo\.bank_item_tt/) } });
    await d.gw.close();
  });

  it('importBankItems: one call (one transaction) however many rows; the TVP columns in order; answers mapped per statement + item', async () => {
    const { gw, pool } = await gateway(() => (r) => {
      const table = r.inputs[0].value as mssql.Table;
      return Promise.resolve({
        recordset: table.rows.map((row) => ({
          line_no: row[0],
          status: row[0] === 2 ? 'rejected' : row[0] === 3 ? 'duplicate' : 'accepted',
          message: row[0] === 2 ? `no account ${row[3]}` : row[0] === 3 ? `item ${row[2]} of statement ${row[1]} is already booked` : null,
        })),
      });
    });
    const rows = Array.from({ length: 6_000 }, (_, i) => ({
      statement_id: '61109010140000071219812874|ST1|00042-001',
      item_ref: `REF-${i}`,
      account_no: i === 1 ? 'NO-SUCH' : '0012/034',
      booked_on: '2025-03-05',
      amount: 100 + i,
      payer: i === 0 ? `  ${'Ł'.repeat(199)}😀 ` : null,
      title: i === 0 ? 'Czynsz 03/2025' : i === 2 ? '' : null,
    }));
    const answers = await gw.importBankItems(rows);
    expect(pool.requests).toHaveLength(1); // never split: a split batch could be half booked
    expect(pool.requests[0].procedure).toBe('[saldo].[import_bank_items]');
    const table = pool.requests[0].inputs[0].value as mssql.Table;
    expect(table.name).toBe('bank_item_tt');
    expect(table.rows).toHaveLength(6_000);
    expect(table.columns.map((c) => c.name)).toEqual(['line_no', 'statement_id', 'item_ref', 'account_no', 'booked_on', 'amount', 'payer', 'title']);
    // Money as bigint minor units, the day as a UTC date; a payer longer than nvarchar(200) cut
    // without splitting the emoji's surrogate pair; an empty title is NULL.
    expect(table.rows[0]).toEqual([1, '61109010140000071219812874|ST1|00042-001', 'REF-0', '0012/034', new Date(Date.UTC(2025, 2, 5)), 100, 'Ł'.repeat(199), 'Czynsz 03/2025']);
    expect(table.rows[2]).toEqual([3, '61109010140000071219812874|ST1|00042-001', 'REF-2', '0012/034', new Date(Date.UTC(2025, 2, 5)), 102, null, null]);
    expect(answers.slice(0, 4)).toEqual([
      { statement_id: '61109010140000071219812874|ST1|00042-001', item_ref: 'REF-0', status: 'written' },
      { statement_id: '61109010140000071219812874|ST1|00042-001', item_ref: 'REF-1', status: 'refused', message: 'no account NO-SUCH' },
      { statement_id: '61109010140000071219812874|ST1|00042-001', item_ref: 'REF-2', status: 'already', message: 'item REF-2 of statement 61109010140000071219812874|ST1|00042-001 is already booked' },
      { statement_id: '61109010140000071219812874|ST1|00042-001', item_ref: 'REF-3', status: 'written' },
    ]);
    expect(await gw.importBankItems([])).toEqual([]);
    expect(pool.requests).toHaveLength(1);
    await gw.close();
  });

  it('importBankItems: a fraction, a bad day or a key too long for its column is SAL-3048 and nothing is sent; a failed call is SAL-3047', async () => {
    const { gw, pool } = await gateway(() => () => Promise.resolve({ recordset: [] }));
    const ok = { statement_id: 'S1', item_ref: 'R1', account_no: '0012/034', booked_on: '2025-03-05', amount: 100 };
    for (const bad of [{ amount: 12.5 }, { amount: 0 }, { booked_on: '2025-02-30' }, { item_ref: 'x'.repeat(65) }, { statement_id: 'S'.repeat(65) }, { statement_id: 'A/B' }, { account_no: '9'.repeat(33) }]) {
      await expect(gw.importBankItems([ok, { ...ok, item_ref: 'R2', ...bad }])).rejects.toMatchObject({ problem: { code: 'SAL-3048' } });
    }
    expect(pool.requests).toHaveLength(0);
    await gw.close();

    const failing = serverError(547, 'The INSERT statement conflicted with the FOREIGN KEY constraint "fk_ref_payments_premises".');
    const d = await gateway(() => () => Promise.reject(failing));
    await expect(d.gw.importBankItems([ok])).rejects.toMatchObject({ problem: { code: 'SAL-3047', message: expect.stringContaining('FOREIGN KEY') } });
    await d.gw.close();
  });

  it('close cancels running exports', async () => {
    const { gw, pool } = await gateway(() => streamRows(100_000, { perTick: 100 }));
    const it = gw.export('export_balances', { period: '2025-03' })[Symbol.asyncIterator]();
    await it.next();
    await gw.close();
    expect(pool.requests[0].cancels).toBe(1);
    expect(pool.closed).toBe(true);
    await expect(async () => {
      for (;;) if ((await it.next()).done) break;
    }).rejects.toMatchObject({ problem: { code: 'SAL-5001' } });
  });
});

describe('gateway over the real mssql driver (no server: 127.0.0.1 only)', () => {
  it('a refused connection on a closed local port is SAL-5010', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const s: MssqlSettings = { ...SETTINGS, server: '127.0.0.1', port, connectTimeoutMs: 3000 };
    await expect(MssqlAccountingGateway.open(s, 'pw', 'en')).rejects.toMatchObject({ problem: { code: 'SAL-5010', message: expect.stringContaining(`127.0.0.1:${port}`) } });
  });

  it('the integrated login without msnodesqlv8 installed is SAL-5050', async () => {
    const s: MssqlSettings = { ...SETTINGS, server: '127.0.0.1', authentication: { type: 'integrated' } };
    await expect(MssqlAccountingGateway.open(s, null, 'pl')).rejects.toMatchObject({ problem: { code: 'SAL-5050' } });
  });

  it("a real mssql Request in stream mode: its events reach the gateway (a pool that is not connected)", async () => {
    const pool = new mssql.ConnectionPool({ server: '127.0.0.1', database: 'x', options: { trustServerCertificate: true } });
    pool.on('error', () => undefined);
    const gw = await MssqlAccountingGateway.open(SETTINGS, 'pw', 'en', async () => ({
      request: () => pool.request() as unknown as ExchangeRequest,
      close: () => pool.close(),
    }));
    const err = await (async () => {
      for await (const _ of gw.export('export_accounts', { period: '2025-03' })) void _;
    })().catch((e: unknown) => e as ProblemError);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).problem.code).toBe('SAL-5010'); // ECONNCLOSED
    await gw.close();
  });
});

describe('openAccounting and SALDO_TEST_MSSQL', () => {
  it('reads the password from the secret store and opens the SQL Server gateway', async () => {
    const cfg = { config: { accounting: SETTINGS }, path: (p: string) => p } as unknown as LoadedConfig;
    let seen: Record<string, unknown> | undefined;
    const gw = await openAccounting(cfg, 'en', { get: async (name) => (name === 'mssql.password' ? 'from-store' : null) }, async (c) => {
      seen = c;
      return new FakePool(() => streamRows(0));
    });
    expect(gw.info.kind).toBe('mssql');
    expect((seen!.authentication as { options: { password: string } }).options.password).toBe('from-store');
    await gw.close();
    await expect(openAccounting(cfg, 'pl', { get: () => null })).rejects.toMatchObject({ problem: { code: 'SAL-5026' } });
    await expect(openAccounting(cfg, 'pl')).rejects.toMatchObject({ problem: { code: 'SAL-5026' } });
  });

  it('parses the connection string format documented in sql/mssql/README.md', () => {
    const a = parseMssqlConnectionString('Server=127.0.0.1,1433;Database=AccountingTest;User Id=saldo_portal;Password={p;w}}d};TrustServerCertificate=true');
    expect(a.password).toBe('p;w}d');
    expect(a.settings).toMatchObject({ server: '127.0.0.1', port: 1433, database: 'AccountingTest', schema: 'saldo', encrypt: true, trustServerCertificate: true });
    expect(a.settings.authentication).toEqual({ type: 'sql', user: 'saldo_portal', passwordSecret: 'SALDO_TEST_MSSQL' });
    const b = parseMssqlConnectionString('server=tcp:127.0.0.1\\SQLEXPRESS; initial catalog=Acc; uid=u; pwd="a""b"; Domain=CORP; Encrypt=no; Schema=wymiana; Connect Timeout=30');
    expect(b.settings).toMatchObject({ server: '127.0.0.1', instanceName: 'SQLEXPRESS', database: 'Acc', schema: 'wymiana', encrypt: false, connectTimeoutMs: 30_000 });
    expect(b.settings.authentication).toEqual({ type: 'ntlm', domain: 'CORP', user: 'u', passwordSecret: 'SALDO_TEST_MSSQL' });
    expect(b.password).toBe('a"b');
    const c = parseMssqlConnectionString('Server=127.0.0.1;Database=Acc;Integrated Security=SSPI');
    expect(c.settings.authentication).toEqual({ type: 'integrated' });
    expect(c.password).toBeNull();
    expect(() => parseMssqlConnectionString('Database=Acc')).toThrow(/Server/);
  });
});

// ---------------------------------------------------------------------------------------------
// The whole contract suite through the MSSQL adapter, over a driver that answers like tedious
// would for the reference procedures: the SQLite demo's rows turned back into driver values
// (money as bigint digit strings, decimals as varchar, dates as Dates at UTC midnight, bits as
// booleans, char padding), with recordset metadata, pause/resume and cancel.

const contractDir = mkdtempSync(join(tmpdir(), 'saldo-mssql-contract-'));
const CONTRACT_PERIOD = '2025-03';
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));

const META_TYPE: Record<FieldKind, unknown> = { text: mssql.NVarChar, int: mssql.Int, minor: mssql.BigInt, decimal: mssql.VarChar, date: mssql.Date, bool: mssql.Bit };

function toDriverValues(fields: readonly FieldSpec[], row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = row[f.name];
    if (v === null || v === undefined) out[f.name] = null;
    else if (f.kind === 'minor') out[f.name] = String(v);
    else if (f.kind === 'date') out[f.name] = new Date(`${v as string}T00:00:00.000Z`);
    else if (f.name === 'building') out[f.name] = (v as string).padEnd(16, ' '); // a char(16) column
    else out[f.name] = v;
  }
  return out;
}

/**
 * saldo.import_readings as the reference procedure answers it, done by the SQLite demo's own
 * import (the same rules): the table-valued parameter read back into rows, the answers in the
 * procedure's words; a failure of the write is a server error (the procedure rolled back).
 */
async function importReadingsCall(source: SqliteAccountingGateway, req: FakeRequest): Promise<{ recordset: unknown[] }> {
  const table = req.inputs.find((x) => x.name === 'rows')!.value as mssql.Table;
  const names = table.columns.map((c) => c.name);
  const rows = table.rows.map((cells) => {
    const r = Object.fromEntries(names.map((n, i) => [n, cells[i]])) as Record<string, unknown>;
    const row: AcceptedReading = {
      reading_key: r.reading_key as string,
      meter_id: r.meter_id as string,
      reading_date: (r.reading_date as Date).toISOString().slice(0, 10),
      zone: r.zone as number,
      value: r.value as string,
      source: r.source as AcceptedReading['source'],
    };
    if (r.account_no !== null) row.account_no = r.account_no as string;
    return { line: r.line_no as number, row };
  });
  let answers;
  try {
    answers = await source.importReadings(rows.map((x) => x.row));
  } catch (e) {
    throw serverError(50000, (e as ProblemError).problem?.message ?? String(e));
  }
  const words = { written: 'accepted', already: 'duplicate', refused: 'rejected' } as const;
  return { recordset: answers.map((a, i) => ({ line_no: rows[i].line, status: words[a.status], message: a.message ?? null })) };
}

/** saldo.import_portal_payments answered the same way, by the SQLite demo's own booking. */
async function importPaymentsCall(source: SqliteAccountingGateway, req: FakeRequest): Promise<{ recordset: unknown[] }> {
  const table = req.inputs.find((x) => x.name === 'rows')!.value as mssql.Table;
  const names = table.columns.map((c) => c.name);
  const rows = table.rows.map((cells) => {
    const r = Object.fromEntries(names.map((n, i) => [n, cells[i]])) as Record<string, unknown>;
    return {
      line: r.line_no as number,
      row: {
        payment_id: r.payment_id as string,
        account_no: r.account_no as string,
        paid_on: (r.paid_on as Date).toISOString().slice(0, 10),
        amount: r.amount as number,
        service_code: r.service_code as string | null,
        reference: r.reference as string | null,
      },
    };
  });
  let answers;
  try {
    answers = await source.importPortalPayments(rows.map((x) => x.row));
  } catch (e) {
    throw serverError(50000, (e as ProblemError).problem?.message ?? String(e));
  }
  const words = { written: 'accepted', already: 'duplicate', refused: 'rejected' } as const;
  return { recordset: answers.map((a, i) => ({ line_no: rows[i].line, status: words[a.status], message: a.message ?? null })) };
}

/** saldo.import_bank_items answered the same way, by the SQLite demo's own booking. */
async function importBankItemsCall(source: SqliteAccountingGateway, req: FakeRequest): Promise<{ recordset: unknown[] }> {
  const table = req.inputs.find((x) => x.name === 'rows')!.value as mssql.Table;
  const names = table.columns.map((c) => c.name);
  const rows = table.rows.map((cells) => {
    const r = Object.fromEntries(names.map((n, i) => [n, cells[i]])) as Record<string, unknown>;
    return {
      line: r.line_no as number,
      row: {
        statement_id: r.statement_id as string,
        item_ref: r.item_ref as string,
        account_no: r.account_no as string,
        booked_on: (r.booked_on as Date).toISOString().slice(0, 10),
        amount: r.amount as number,
        payer: r.payer as string | null,
        title: r.title as string | null,
      },
    };
  });
  let answers;
  try {
    answers = await source.importBankItems(rows.map((x) => x.row));
  } catch (e) {
    throw serverError(50000, (e as ProblemError).problem?.message ?? String(e));
  }
  const words = { written: 'accepted', already: 'duplicate', refused: 'rejected' } as const;
  return { recordset: answers.map((a, i) => ({ line_no: rows[i].line, status: words[a.status], message: a.message ?? null })) };
}

function sqliteBackedPool(source: SqliteAccountingGateway): ExchangePool {
  const behaviour: Behaviour = (req) => {
    if (req.procedure === '[saldo].[import_readings]') return importReadingsCall(source, req);
    if (req.procedure === '[saldo].[import_bank_items]') return importBankItemsCall(source, req);
    if (req.procedure === '[saldo].[import_portal_payments]') return importPaymentsCall(source, req);
    const proc = /^\[saldo\]\.\[(\w+)\]$/.exec(req.procedure ?? '')![1] as ExportProcedure;
    const input = (name: string) => req.inputs.find((x) => x.name === name)?.value;
    const params: ExportParams = { period: input('period') as string };
    if (input('as_of') instanceof Date) params.asOf = (input('as_of') as Date).toISOString().slice(0, 10);
    if (typeof input('months') === 'number') params.months = input('months') as number;
    const fields = ROW_FIELDS[proc] as readonly FieldSpec[];
    const rows = source.export(proc, params)[Symbol.asyncIterator]();
    let ended = false;
    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      void rows.return?.(undefined);
      if (error) req.emit('error', error);
      req.emit('done', {});
    };
    const pump = async (): Promise<void> => {
      let n = 0;
      while (!req.paused && req.cancels === 0) {
        const next = await rows.next();
        if (next.done) return end();
        req.emitted++;
        req.emit('row', toDriverValues(fields, next.value as unknown as Record<string, unknown>));
        if (++n % 400 === 0) await tick(); // a network packet's worth
      }
      if (req.cancels > 0) return end(new mssql.RequestError('Canceled.', 'ECANCEL'));
      req.once('_wake', () => void pump().catch(end));
    };
    setImmediate(() => {
      req.emit('recordset', Object.fromEntries(fields.map((f, index) => [f.name, { index, name: f.name, type: META_TYPE[f.kind] }])));
      void pump().catch(end);
    });
    return new Promise(() => undefined);
  };
  return new FakePool(() => behaviour);
}

const contractDb = join(contractDir, 'accounting.sqlite');

/**
 * The adapter's own registered_accounts statements (mssql/registered-accounts.ts) run on the demo
 * file, as a server would run them: only T-SQL's bracketed names and lock hints are dropped; the
 * @name parameters are bound by SQLite, and a transaction is SQLite's.
 */
function sqliteTables(path: string): TableAccess & { close(): void } {
  const db = new Database(path);
  db.pragma('busy_timeout = 2000');
  const dialect = (sql: string) => sql.replace(/\[saldo\]\.\[registered_accounts\]/g, 'registered_accounts').replace(/ WITH \(UPDLOCK, HOLDLOCK\)/g, '');
  const bind = (inputs: readonly SqlInput[]) => Object.fromEntries(inputs.map((i) => [i.name, i.value instanceof Date ? i.value.toISOString().replace('.000Z', 'Z') : i.value]));
  const run = async (sql: string, inputs: readonly SqlInput[]) => {
    const st = db.prepare(dialect(sql));
    if (st.reader) return st.all(bind(inputs)) as Array<Record<string, unknown>>;
    st.run(bind(inputs));
    return [];
  };
  return {
    query: run,
    begin: async () => {
      db.exec('BEGIN IMMEDIATE');
      return { query: run, commit: async () => void db.exec('COMMIT'), rollback: async () => void db.exec('ROLLBACK') };
    },
    close: () => db.close(),
  };
}

contractSuite(
  'MSSQL adapter over a tedious-like driver (SQLite demo data)',
  async () => {
    const path = contractDb;
    await generateAccountingDb(path, { premises: 3000, months: 3, locale: 'pl', seed: 'mssql-contract', endPeriod: CONTRACT_PERIOD });
    const source = SqliteAccountingGateway.open(path);
    const pool = sqliteBackedPool(source);
    const tables = sqliteTables(path);
    const gw = await MssqlAccountingGateway.open(SETTINGS, 'pw', 'en', async () => ({
      request: () => pool.request(),
      tables,
      close: async () => {
        await pool.close();
        await source.close();
        tables.close();
      },
    }));
    expect(gw.info.kind).toBe('mssql');
    return gw;
  },
  CONTRACT_PERIOD,
  {
    // The database behind the fake driver fails on one row for real (a trigger), as a server would.
    breakWrites: async () => {
      const db = new Database(contractDb);
      db.pragma('busy_timeout = 2000');
      db.prepare(`CREATE TRIGGER contract_test_fail BEFORE INSERT ON meter_readings WHEN NEW.value = '${POISON_VALUE}' BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END`).run();
      return async () => {
        db.prepare('DROP TRIGGER contract_test_fail').run();
        db.close();
      };
    },
    breakRegistrations: async () => {
      const db = new Database(contractDb);
      db.pragma('busy_timeout = 2000');
      db.prepare(`CREATE TRIGGER contract_test_fail_registration BEFORE INSERT ON registered_accounts WHEN NEW.account_no = '${POISON_ACCOUNT}' BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END`).run();
      return async () => {
        db.prepare('DROP TRIGGER contract_test_fail_registration').run();
        db.close();
      };
    },
    breakBankWrites: async () => {
      const db = new Database(contractDb);
      db.pragma('busy_timeout = 2000');
      db.prepare(`CREATE TRIGGER contract_test_fail_bank BEFORE INSERT ON bank_payments WHEN NEW.amount = ${POISON_BANK_AMOUNT} BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END`).run();
      return async () => {
        db.prepare('DROP TRIGGER contract_test_fail_bank').run();
        db.close();
      };
    },
    breakPaymentWrites: async () => {
      const db = new Database(contractDb);
      db.pragma('busy_timeout = 2000');
      db.prepare(`CREATE TRIGGER contract_test_fail_payment BEFORE INSERT ON portal_payments WHEN NEW.amount = ${POISON_AMOUNT} BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END`).run();
      return async () => {
        db.prepare('DROP TRIGGER contract_test_fail_payment').run();
        db.close();
      };
    },
  },
);
