// The accounting exchange contract, as a suite any gateway must pass: the SQLite demo today, a
// real SQL Server with the saldo exchange procedures later (see accounting-contract.test.ts).
// `period` must be a month the source has data for, with enough charges (≥ a few thousand rows)
// for the streaming checks to mean something.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PROCEDURES, TURNOVER_TYPES, type BalanceRow } from '../../shared/domain/accounting';
import { CONTRACT_SCHEMAS } from '../../main/accounting/contract';
import type { AccountingGateway } from '../../main/accounting/port';
import type { AcceptedReading } from '../../main/readings/types';
import type { MeterRow } from '../../shared/domain/accounting';
import { ProblemError } from '../../shared/errors/problem';

/**
 * Makes the database itself fail on writing a reading with value POISON_VALUE (a trigger), so that
 * a batch fails in its middle for real; resolves with the function that removes the failure.
 */
export type BreakWrites = () => Promise<() => Promise<void>>;
export const POISON_VALUE = '777.777';

export interface ContractOptions {
  breakWrites?: BreakWrites;
}

export function contractSuite(name: string, makeGateway: () => Promise<AccountingGateway>, period: string, opts: ContractOptions = {}): void {
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

    describe('importReadings', () => {
      // Meters of the period and a day on which none of them has a reading yet; every case writes
      // its own meters (taken in turn), and reads back through the contract's own export.
      let meters: MeterRow[] = [];
      let day = '';
      let next = 0;
      const run = `${Date.now().toString(36)}`;
      const take = (n: number) => meters.slice(next, (next += n));
      const key = (s: string) => `contract-${run}-${s}`;
      const row = (m: MeterRow, k: string, value: string, over: Partial<AcceptedReading> = {}): AcceptedReading => ({
        reading_key: key(k),
        account_no: m.account_no,
        meter_id: m.meter_id,
        reading_date: day,
        zone: 1,
        value,
        source: 'radio',
        ...over,
      });
      /** What the database holds for these meters on the day (through export_meter_readings). */
      const recorded = async (ms: MeterRow[]) => {
        const ids = new Set(ms.map((m) => m.meter_id));
        const out: string[] = [];
        for await (const r of gw.export('export_meter_readings', { period, months: 1 })) {
          if (ids.has(r.meter_id) && r.reading_date === day) out.push(`${r.meter_id}/${r.zone}=${Number(r.value)}`);
        }
        return out.sort();
      };
      const problemOf = async (p: Promise<unknown>) => {
        const e = await p.then(
          () => null,
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(ProblemError);
        return (e as ProblemError).problem;
      };

      beforeAll(async () => {
        const all: MeterRow[] = [];
        for await (const m of gw.export('export_meters', { period })) {
          if (m.account_no && !m.removed_on && m.installed_on < `${period}-01`) all.push(m);
          if (all.length >= 400) break;
        }
        const busy = new Map<string, Set<string>>();
        for await (const r of gw.export('export_meter_readings', { period, months: 1 })) {
          if (!busy.has(r.reading_date)) busy.set(r.reading_date, new Set());
          busy.get(r.reading_date)!.add(r.meter_id);
        }
        // The day with the fewest recorded readings; only meters free on it.
        const days = Array.from({ length: 28 }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
        day = days.reduce((a, b) => ((busy.get(b)?.size ?? 0) < (busy.get(a)?.size ?? 0) ? b : a));
        meters = all.filter((m) => !busy.get(day)?.has(m.meter_id));
        expect(meters.length).toBeGreaterThanOrEqual(30);
      });

      it('writes a batch: written; the same batch again is already, never doubled', async () => {
        const ms = take(3);
        const rows = ms.map((m, i) => row(m, `w${i}`, `${100 + i}.5`));
        expect(await gw.importReadings(rows)).toEqual(rows.map((r) => ({ reading_key: r.reading_key, status: 'written' })));
        const want = ms.map((m, i) => `${m.meter_id}/1=${100 + i + 0.5}`).sort();
        expect(await recorded(ms)).toEqual(want);

        const again = await gw.importReadings(rows);
        expect(again.map((a) => a.status)).toEqual(['already', 'already', 'already']);
        expect(await recorded(ms)).toEqual(want);
        expect(await gw.importReadings([])).toEqual([]);
      });

      it('refuses what the database cannot take, row by row, without aborting the batch', async () => {
        const [a, b, c, d] = take(4);
        const rows = [
          row(a, 'r-good-1', '12.5'),
          row(a, 'r-no-meter', '1', { meter_id: 'NO-SUCH-METER' }),
          row(b, 'r-zone', '2', { zone: b.tariff_zones + 1 }),
          row(b, 'r-account', '3', { account_no: 'NO-SUCH-ACCOUNT' }),
          row(c, 'r-not-a-value', '-5'),
          row(c, 'r-too-many-places', '1.23456'),
          row(d, 'r-good-2', '0'),
          row(d, 'r-good-2', '0'), // the same key twice in one call: written once
          row(a, 'r-other-value', '13', { source: 'portal' }), // a's day and zone already hold 12.5
          row(a, 'r-equal-value', '12.500'), // an equal value under another key: nothing new
        ];
        const res = await gw.importReadings(rows);
        expect(res.map((r) => r.reading_key)).toEqual(rows.map((r) => r.reading_key));
        expect(res.map((r) => r.status)).toEqual(['written', 'refused', 'refused', 'refused', 'refused', 'refused', 'written', 'already', 'refused', 'already']);
        expect(res[1].message).toContain('NO-SUCH-METER');
        expect(res[2].message).toMatch(/zone/);
        expect(res[3].message).toContain('NO-SUCH-ACCOUNT');
        for (const r of res.filter((x) => x.status === 'refused')) expect(r.message?.length).toBeGreaterThan(0);
        expect(await recorded([a, b, c, d])).toEqual([`${a.meter_id}/1=12.5`, `${d.meter_id}/1=0`].sort());
      });

      it('a value that is not decimal text (a float) is refused before anything is written', async () => {
        const [a, b] = take(2);
        const rows = [row(a, 'f-1', '5'), row(b, 'f-2', 5.25 as unknown as string)];
        const p = await problemOf(gw.importReadings(rows));
        expect(p.code).toBe('SAL-5053');
        expect(p.message).toContain(key('f-2'));
        expect(await recorded([a, b])).toEqual([]);
      });

      it.skipIf(!opts.breakWrites)('a failure in the middle of a batch leaves nothing of it; a re-run writes it whole', async () => {
        const ms = take(5);
        const rows = ms.map((m, i) => row(m, `m${i}`, i === 3 ? POISON_VALUE : `${200 + i}`));
        const restore = await opts.breakWrites!();
        try {
          const p = await problemOf(gw.importReadings(rows));
          expect(p.code).toBe('SAL-5051');
          expect(p.severity).toBe('error');
          expect(await recorded(ms)).toEqual([]); // rows 1–3 were inserted before row 4 failed: all rolled back
        } finally {
          await restore();
        }
        const res = await gw.importReadings(rows);
        expect(res.map((r) => r.status)).toEqual(['written', 'written', 'written', 'written', 'written']);
        expect(await recorded(ms)).toHaveLength(5);
      });
    });
  });
}
