// The accounting exchange contract, as a suite any gateway must pass: the SQLite demo today, a
// real SQL Server with the saldo exchange procedures later (see accounting-contract.test.ts).
// `period` must be a month the source has data for, with enough charges (≥ a few thousand rows)
// for the streaming checks to mean something.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PROCEDURES, TURNOVER_TYPES, type BalanceRow } from '../../shared/domain/accounting';
import { CONTRACT_SCHEMAS } from '../../main/accounting/contract';
import type { AccountingGateway } from '../../main/accounting/port';

export function contractSuite(name: string, makeGateway: () => Promise<AccountingGateway>, period: string): void {
  describe(`accounting contract: ${name}`, () => {
    let gw: AccountingGateway;

    beforeAll(async () => {
      gw = await makeGateway();
    });

    afterAll(async () => {
      await gw?.close();
    });

    it('lists its periods newest first, the period under test among them', async () => {
      const periods = await gw.periods();
      expect(periods).toContain(period);
      expect([...periods].sort().reverse()).toEqual(periods);
    });

    for (const proc of EXPORT_PROCEDURES) {
      it(`${proc}: returns rows, and every row matches the contract`, async () => {
        const schema = CONTRACT_SCHEMAS[proc];
        let rows = 0;
        const mismatches: unknown[] = [];
        for await (const row of gw.export(proc, { period })) {
          rows++;
          const check = schema.safeParse(row);
          if (!check.success && mismatches.length < 5) mismatches.push({ row, issues: check.error.issues });
        }
        expect(mismatches).toEqual([]);
        expect(rows).toBeGreaterThan(0);
        const counted = await gw.count(proc, { period });
        if (gw.info.kind === 'sqlite') expect(counted).toBe(rows);
        else expect(counted).toBeGreaterThan(0); // MSSQL may estimate
      });
    }

    it('export_balances: seven turnover rows per account, closing = opening + the turnovers', async () => {
      let chunk: BalanceRow[] = [];
      let accounts = 0;
      for await (const row of gw.export('export_balances', { period })) {
        chunk.push(row);
        if (chunk.length < TURNOVER_TYPES.length) continue;
        expect(chunk.map((r) => r.turnover_type)).toEqual([...TURNOVER_TYPES]);
        expect(new Set(chunk.map((r) => r.account_no)).size).toBe(1);
        const [opening, charges, payments, corrections, subsidies, benefits, closing] = chunk.map((r) => r.amount);
        expect(closing).toBe(opening + charges + payments + corrections + subsidies + benefits);
        accounts++;
        chunk = [];
      }
      expect(chunk).toEqual([]);
      expect(accounts).toBeGreaterThan(0);
    });

    it('export_balances as of a day inside the period still balances', async () => {
      let chunk: BalanceRow[] = [];
      for await (const row of gw.export('export_balances', { period, asOf: `${period}-05` })) {
        chunk.push(row);
        if (chunk.length < TURNOVER_TYPES.length) continue;
        const [opening, charges, payments, corrections, subsidies, benefits, closing] = chunk.map((r) => r.amount);
        expect(closing).toBe(opening + charges + payments + corrections + subsidies + benefits);
        chunk = [];
      }
    });

    it('an aborted signal stops a long export early', async () => {
      const total = await gw.count('export_charges', { period });
      const ac = new AbortController();
      let seen = 0;
      const run = async (): Promise<void> => {
        for await (const _row of gw.export('export_charges', { period }, ac.signal)) {
          if (++seen === 100) ac.abort();
        }
      };
      await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
      expect(seen).toBeGreaterThanOrEqual(100);
      expect(seen).toBeLessThan(total);

      const already = new AbortController();
      already.abort();
      let none = 0;
      const runAborted = async (): Promise<void> => {
        for await (const _row of gw.export('export_accounts', { period }, already.signal)) none++;
      };
      await expect(runAborted()).rejects.toMatchObject({ name: 'AbortError' });
      expect(none).toBe(0);
    });

    it('streams: the first rows come long before the last, and breaking off leaves the gateway usable', async () => {
      const t0 = performance.now();
      let firstRowsMs = 0;
      let rows = 0;
      for await (const _row of gw.export('export_charges', { period })) {
        if (++rows === 10) {
          firstRowsMs = performance.now() - t0;
          break;
        }
      }
      expect(rows).toBe(10);

      const t1 = performance.now();
      let all = 0;
      for await (const _row of gw.export('export_charges', { period })) all++;
      const allMs = performance.now() - t1;
      expect(all).toBeGreaterThan(5000);
      expect(firstRowsMs).toBeLessThan(allMs / 2);
    });

    it('several exports can stream at the same time', async () => {
      const a = gw.export('export_accounts', { period })[Symbol.asyncIterator]();
      const b = gw.export('export_accounts', { period })[Symbol.asyncIterator]();
      const [a1, b1, a2, b2] = [await a.next(), await b.next(), await a.next(), await b.next()];
      expect(a1.value).toEqual(b1.value);
      expect(a2.value).toEqual(b2.value);
      await a.return?.();
      await b.return?.();
    });
  });
}
