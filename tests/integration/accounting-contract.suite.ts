// The accounting exchange contract, as a suite any gateway must pass: the SQLite demo today, a
// real SQL Server with the saldo exchange procedures later (see accounting-contract.test.ts).
// `period` must be a month the source has data for, with enough charges (≥ a few thousand rows)
// for the streaming checks to mean something.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PROCEDURES, TURNOVER_TYPES, type BalanceRow } from '../../shared/domain/accounting';
import { CONTRACT_SCHEMAS } from '../../main/accounting/contract';
import type { AccountingGateway } from '../../main/accounting/port';
import type { AcceptedReading } from '../../main/readings/types';
import type { PortalPaymentRow } from '../../main/accounting/payment-rows';
import type { BankItemRow } from '../../main/accounting/bank-item-rows';
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
  /** Like breakWrites, for booking a portal payment of POISON_AMOUNT minor units. */
  breakPaymentWrites?: BreakWrites;
  /** Like breakWrites, for inserting the account POISON_ACCOUNT into registered_accounts. */
  breakRegistrations?: BreakWrites;
  /** Like breakWrites, for booking a bank item of POISON_BANK_AMOUNT minor units. */
  breakBankWrites?: BreakWrites;
}

/** The amount (minor units) whose booking breakBankWrites makes the database refuse. */
export const POISON_BANK_AMOUNT = 66_666;

/** The account whose registration breakRegistrations makes the database refuse. */
export const POISON_ACCOUNT = 'CONTRACT-POISON';

/** The amount (minor units) whose booking breakPaymentWrites makes the database refuse. */
export const POISON_AMOUNT = 77_777;

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

    describe('registered accounts', () => {
      // Accounts of the period not registered yet; each case takes its own and unregisters them after.
      let free: string[] = [];
      let next = 0;
      const take = (k: number) => free.slice(next, (next += k));
      const at = '2026-11-02T09:15:00+01:00';
      const reg = (account_no: string, when = at) => ({ event: 'registered' as const, account_no, at: when, portal_login: `${account_no.toLowerCase()}@example.pl` });
      const unreg = (account_no: string) => ({ event: 'unregistered' as const, account_no, at, portal_login: null });
      const table = async () => new Map((await gw.registeredAccounts()).map((r) => [r.account_no, r]));
      const used: string[] = [];

      beforeAll(async () => {
        const taken = await table();
        for await (const a of gw.export('export_accounts', { period })) {
          if (a.account_no && a.account_no.length <= 32 && !taken.has(a.account_no)) free.push(a.account_no);
          if (free.length >= 40) break;
        }
        free = [...new Set(free)];
        expect(free.length).toBeGreaterThanOrEqual(20);
      });

      afterAll(async () => {
        await gw.applyRegistrations(used.map(unreg)).catch(() => undefined);
      });

      it('registers an account once; only an explicit unregistration removes it', async () => {
        const [a, b] = take(2);
        used.push(a, b);
        expect(await gw.applyRegistrations([reg(a), reg(b)])).toEqual([
          { account_no: a, status: 'inserted' },
          { account_no: b, status: 'inserted' },
        ]);
        const t = await table();
        expect(t.get(a)).toEqual({ account_no: a, registered_at: '2026-11-02T08:15:00Z', portal_login: `${a.toLowerCase()}@example.pl` });
        expect(await gw.applyRegistrations([reg(a, '2026-11-09T10:00:00Z')])).toEqual([{ account_no: a, status: 'already' }]);
        expect((await table()).get(a)?.registered_at).toBe('2026-11-02T08:15:00Z'); // the first registration stands
        expect(await gw.applyRegistrations([unreg(a), unreg('CONTRACT-NOT-REGISTERED')])).toEqual([
          { account_no: a, status: 'deleted' },
          { account_no: 'CONTRACT-NOT-REGISTERED', status: 'absent' },
        ]);
        const after = await table();
        expect(after.has(a)).toBe(false);
        expect(after.has(b)).toBe(true);
      });

      it('an empty batch, or one that names other accounts, removes nothing', async () => {
        const [a, c] = take(2);
        used.push(a, c);
        await gw.applyRegistrations([reg(a)]);
        const before = await table();
        expect(await gw.applyRegistrations([])).toEqual([]);
        expect(await gw.applyRegistrations([reg(c)])).toEqual([{ account_no: c, status: 'inserted' }]);
        const after = await table();
        for (const k of before.keys()) expect(after.has(k), k).toBe(true);
        expect(after.size).toBe(before.size + 1);
      });

      it('applies a batch in its order: gone and back again is registered anew', async () => {
        const [a, d] = take(2);
        used.push(a, d);
        await gw.applyRegistrations([reg(a)]);
        const res = await gw.applyRegistrations([unreg(a), reg(a, '2026-11-20T12:00:00Z'), reg(d), unreg(d)]);
        expect(res.map((r) => r.status)).toEqual(['deleted', 'inserted', 'inserted', 'deleted']);
        const t = await table();
        expect(t.get(a)?.registered_at).toBe('2026-11-20T12:00:00Z');
        expect(t.has(d)).toBe(false);
      });

      it.skipIf(!opts.breakRegistrations)('a failure in the middle of a batch leaves nothing of it; a re-run applies it whole', async () => {
        const [gone, fresh] = take(2);
        used.push(gone, fresh, POISON_ACCOUNT);
        await gw.applyRegistrations([reg(gone)]);
        const before = await table();
        const restore = await opts.breakRegistrations!();
        try {
          const e = await gw.applyRegistrations([unreg(gone), reg(fresh), reg(POISON_ACCOUNT)]).then(
            () => null,
            (x: unknown) => x,
          );
          expect(e).toBeInstanceOf(ProblemError);
          expect((e as ProblemError).problem.code).toBe('SAL-4122');
          expect([...(await table()).keys()].sort()).toEqual([...before.keys()].sort());
        } finally {
          await restore();
        }
        const res = await gw.applyRegistrations([unreg(gone), reg(fresh), reg(POISON_ACCOUNT)]);
        expect(res.map((r) => r.status)).toEqual(['deleted', 'inserted', 'inserted']);
      });
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

    describe('importPortalPayments', () => {
      // Accounts of the period with one premises each; every case books its own payment ids. Booked
      // portal payments have no export of their own: what was booked is told by the answers to the
      // same rows sent again (already = booked before, written = not booked before).
      let accounts: string[] = [];
      const run = `${Date.now().toString(36)}`;
      const pid = (s: string) => `contract-${run}-${s}`;
      const pay = (id: string, account: string, amount: number, over: Partial<PortalPaymentRow> = {}): PortalPaymentRow => ({
        payment_id: pid(id),
        account_no: account,
        paid_on: `${period}-10`,
        amount,
        reference: `contract test ${id}`,
        ...over,
      });
      const statuses = async (rows: PortalPaymentRow[]) => (await gw.importPortalPayments(rows)).map((r) => r.status);

      beforeAll(async () => {
        const seen = new Map<string, number>();
        for await (const a of gw.export('export_accounts', { period })) if (a.account_no) seen.set(a.account_no, (seen.get(a.account_no) ?? 0) + 1);
        accounts = [...seen].filter(([, n]) => n === 1).map(([a]) => a).slice(0, 20);
        expect(accounts.length).toBeGreaterThanOrEqual(10);
      });

      it('books a batch: written; the same batch again is already; an id twice in one call is booked once', async () => {
        const rows = [pay('w1', accounts[0], 12345), pay('w2', accounts[1], 1), pay('w3', accounts[2], 9_000_000_000)];
        const res = await gw.importPortalPayments([...rows, rows[0]]);
        expect(res.map((r) => r.payment_id)).toEqual([...rows, rows[0]].map((r) => r.payment_id));
        expect(res.map((r) => r.status)).toEqual(['written', 'written', 'written', 'already']);
        expect(await statuses(rows)).toEqual(['already', 'already', 'already']);
        expect(await gw.importPortalPayments([])).toEqual([]);
      });

      it('refuses an unknown account or service row by row, without aborting the batch; a booked id stays already', async () => {
        const rows = [
          pay('r-good', accounts[3], 500),
          pay('r-no-account', 'NO-SUCH-ACCOUNT', 500),
          pay('r-no-service', accounts[4], 500, { service_code: 'NO-SUCH-SVC' }),
          pay('r-good-2', accounts[4], 700, { reference: null }),
        ];
        const res = await gw.importPortalPayments(rows);
        expect(res.map((r) => r.status)).toEqual(['written', 'refused', 'refused', 'written']);
        expect(res[1].message).toContain('NO-SUCH-ACCOUNT');
        expect(res[2].message).toContain('NO-SUCH-SVC');
        // a booked payment sent again under another account is still the booked one: already, not refused
        expect(await statuses([{ ...rows[0], account_no: 'NO-SUCH-ACCOUNT' }, rows[1]])).toEqual(['already', 'refused']);
      });

      it('an amount that is not whole minor units above zero is refused before anything is booked', async () => {
        const good = pay('f-good', accounts[5], 100);
        for (const amount of [12.5, 0, -100]) {
          const e = await gw.importPortalPayments([good, pay('f-bad', accounts[5], amount)]).then(
            () => null,
            (x: unknown) => x,
          );
          expect(e).toBeInstanceOf(ProblemError);
          expect((e as ProblemError).problem.code).toBe('SAL-4159');
          expect((e as ProblemError).problem.message).toContain(pid('f-bad'));
        }
        expect(await statuses([good])).toEqual(['written']); // the good row of those calls was not booked
      });

      it.skipIf(!opts.breakPaymentWrites)('a failure in the middle of a batch books nothing of it; a re-run books it whole', async () => {
        const rows = accounts.slice(6, 11).map((a, i) => pay(`m${i}`, a, i === 3 ? POISON_AMOUNT : 1000 + i));
        const restore = await opts.breakPaymentWrites!();
        try {
          const e = await gw.importPortalPayments(rows).then(
            () => null,
            (x: unknown) => x,
          );
          expect(e).toBeInstanceOf(ProblemError);
          expect((e as ProblemError).problem).toMatchObject({ code: 'SAL-4158', severity: 'error' });
        } finally {
          await restore();
        }
        // rows 1–3 were inserted before row 4 failed: all rolled back, so all are written now
        expect(await statuses(rows)).toEqual(['written', 'written', 'written', 'written', 'written']);
        expect(await statuses(rows)).toEqual(['already', 'already', 'already', 'already', 'already']);
      });
    });

    describe('importBankItems', () => {
      // Matched bank payments, known by statement + item. As with portal payments, what was booked
      // is told by the answers to the same rows sent again.
      let accounts: string[] = [];
      const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
      const stmt = (s: string) => `CONTRACT-${run}|${s}`;
      const item = (statement: string, ref: string, account: string, amount: number, over: Partial<BankItemRow> = {}): BankItemRow => ({
        statement_id: stmt(statement),
        item_ref: ref,
        account_no: account,
        booked_on: `${period}-12`,
        amount,
        payer: 'Zażółć Gęślą Jaźń / Іванна Ґудзь',
        title: `contract test ${ref}`,
        ...over,
      });
      const statuses = async (rows: BankItemRow[]) => (await gw.importBankItems(rows)).map((r) => r.status);

      beforeAll(async () => {
        const seen = new Map<string, number>();
        for await (const a of gw.export('export_accounts', { period })) if (a.account_no) seen.set(a.account_no, (seen.get(a.account_no) ?? 0) + 1);
        accounts = [...seen].filter(([, n]) => n === 1).map(([a]) => a).slice(20, 40);
        expect(accounts.length).toBeGreaterThanOrEqual(12);
      });

      it('books a batch: written; the same batch again is already; an item twice in one call is booked once', async () => {
        const rows = [item('S1', 'REF-1', accounts[0], 12345), item('S1', 'REF-2', accounts[1], 1), item('S2', 'REF-1', accounts[2], 9_000_000_000)];
        const res = await gw.importBankItems([...rows, rows[0]]);
        expect(res.map((r) => [r.statement_id, r.item_ref])).toEqual([...rows, rows[0]].map((r) => [r.statement_id, r.item_ref]));
        expect(res.map((r) => r.status)).toEqual(['written', 'written', 'written', 'already']);
        expect(res[3].message).toContain('REF-1');
        // The same item under another account or amount is still the booked one: already, never a second booking.
        expect(await statuses([...rows, { ...rows[1], account_no: accounts[3], amount: 999 }])).toEqual(['already', 'already', 'already', 'already']);
        expect(await gw.importBankItems([])).toEqual([]);
      });

      it('refuses an unknown account row by row, without aborting the batch; a booked item stays already', async () => {
        const rows = [item('S3', 'R-GOOD', accounts[4], 500), item('S3', 'R-NO-ACCOUNT', 'NO-SUCH-ACCOUNT', 500), item('S3', 'R-GOOD-2', accounts[5], 700, { payer: null, title: null })];
        const res = await gw.importBankItems(rows);
        expect(res.map((r) => r.status)).toEqual(['written', 'refused', 'written']);
        expect(res[1].message).toContain('NO-SUCH-ACCOUNT');
        expect(await statuses([{ ...rows[0], account_no: 'NO-SUCH-ACCOUNT' }, rows[1]])).toEqual(['already', 'refused']);
      });

      it('cuts a long payer and title to their columns (they are notes), never a key', async () => {
        const long = item('S4', 'R-LONG', accounts[6], 321, { payer: 'Ł'.repeat(250), title: 'Ї'.repeat(450) });
        expect(await statuses([long])).toEqual(['written']);
        expect(await statuses([long])).toEqual(['already']);
      });

      it('a row the exchange cannot carry is refused before anything is booked', async () => {
        const good = item('S5', 'F-GOOD', accounts[7], 100);
        const bad: Array<Partial<BankItemRow>> = [{ amount: 12.5 }, { amount: 0 }, { amount: -100 }, { booked_on: '2025-02-30' }, { item_ref: 'x'.repeat(65) }, { statement_id: 'S'.repeat(65) }, { item_ref: '' }, { item_ref: 'Żółw' }];
        for (const over of bad) {
          const e = await gw.importBankItems([good, item('S5', 'F-BAD', accounts[7], 100, over)]).then(
            () => null,
            (x: unknown) => x,
          );
          expect(e, JSON.stringify(over)).toBeInstanceOf(ProblemError);
          expect((e as ProblemError).problem.code).toBe('SAL-3048');
        }
        expect(await statuses([good])).toEqual(['written']); // the good row of those calls was not booked
      });

      it.skipIf(!opts.breakBankWrites)('a failure in the middle of a batch books nothing of it; a re-run books it whole', async () => {
        const rows = accounts.slice(8, 13).map((a, i) => item('S6', `M${i}`, a, i === 3 ? POISON_BANK_AMOUNT : 1000 + i));
        const restore = await opts.breakBankWrites!();
        try {
          const e = await gw.importBankItems(rows).then(
            () => null,
            (x: unknown) => x,
          );
          expect(e).toBeInstanceOf(ProblemError);
          expect((e as ProblemError).problem).toMatchObject({ code: 'SAL-3047', severity: 'error' });
        } finally {
          await restore();
        }
        // rows 1–3 were inserted before row 4 failed: all rolled back, so all are written now
        expect(await statuses(rows)).toEqual(['written', 'written', 'written', 'written', 'written']);
        expect(await statuses(rows)).toEqual(['already', 'already', 'already', 'already', 'already']);
      });
    });
  });
}
