// The demo accounting database: deterministic, realistic, internally consistent, and carrying the
// planted defects — all checked through the SQLite gateway, the way the product reads it.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PROCEDURES, type ExportParams, type ExportProcedure, type ExportRows } from '../../shared/domain/accounting';
import { isValidIban, isValidNrb } from '../../shared/domain/iban';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { generateAccountingDb, type GeneratorOptions, type GeneratorResult } from '../../main/demo/generator';
import { Prng } from '../../main/demo/prng';

const dir = mkdtempSync(join(tmpdir(), 'saldo-demo-'));
const END = '2025-03';
const BASE: GeneratorOptions = { premises: 500, months: 6, locale: 'pl', seed: 'alpha', endPeriod: END };

interface Demo {
  path: string;
  result: GeneratorResult;
  gw: SqliteAccountingGateway;
}

async function demo(name: string, opts: GeneratorOptions): Promise<Demo> {
  const path = join(dir, `${name}.sqlite`);
  const result = await generateAccountingDb(path, opts);
  return { path, result, gw: SqliteAccountingGateway.open(path) };
}

async function rows<P extends ExportProcedure>(gw: SqliteAccountingGateway, proc: P, params: ExportParams): Promise<ExportRows[P][]> {
  const out: ExportRows[P][] = [];
  for await (const row of gw.export(proc, params)) out.push(row);
  return out;
}

/** A decimal string as an exact integer in 1/10^scale units. */
function scaled(s: string, scale: number): bigint {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole + frac.padEnd(scale, '0'));
}

let A: Demo;
let A2: Demo;
let B: Demo;
let U: Demo;
const progress: [number, number][] = [];

beforeAll(async () => {
  A = await demo('a', { ...BASE, onProgress: (d, t) => progress.push([d, t]) });
  A2 = await demo('a2', BASE);
  B = await demo('b', { ...BASE, seed: 'beta' });
  U = await demo('u', { premises: 300, months: 4, locale: 'uk', seed: 7, endPeriod: END });
});

afterAll(async () => {
  for (const d of [A, A2, B, U]) await d?.gw.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo generator: determinism', () => {
  it('the same seed gives identical exports of every procedure, for every period', async () => {
    expect(A2.result).toEqual(A.result);
    for (const period of A.result.periods) {
      for (const proc of EXPORT_PROCEDURES) {
        expect(await rows(A2.gw, proc, { period }), `${proc} ${period}`).toEqual(await rows(A.gw, proc, { period }));
      }
    }
  });

  it('another seed gives other data', async () => {
    const period = END;
    expect(await rows(B.gw, 'export_accounts', { period })).not.toEqual(await rows(A.gw, 'export_accounts', { period }));
    expect(await rows(B.gw, 'export_charges', { period })).not.toEqual(await rows(A.gw, 'export_charges', { period }));
  });

  it('the PRNG is a pure function of its seed', () => {
    const draw = (seed: string | number): number[] => {
      const r = new Prng(seed);
      return Array.from({ length: 5 }, () => r.u32());
    };
    expect(draw('x')).toEqual(draw('x'));
    expect(draw('x')).not.toEqual(draw('y'));
    expect(draw(7)).toEqual(draw('7'));
  });

  it('reports progress up to the total and leaves no temporary file', () => {
    expect(progress.length).toBeGreaterThan(1);
    const [done, total] = progress[progress.length - 1];
    expect(done).toBe(total);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('periods, counts and organisation are reported', async () => {
    expect(A.result.periods).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    expect(await A.gw.periods()).toEqual([...A.result.periods].reverse());
    expect(A.result.counts.premises).toBe(500);
    expect(A.result.counts.turnovers).toBe(500 * 6);
    expect(A.result.counts.registered_accounts).toBe(0);
    expect(A.result.organisation.name).toMatch(/^Spółdzielnia Mieszkaniowa „.+”$/);
    expect(A.result.organisation.taxId).toMatch(/^\d{10}$/);
  });

  it('an aborted generation leaves nothing behind; bad options are refused', async () => {
    const ac = new AbortController();
    ac.abort();
    const path = join(dir, 'aborted.sqlite');
    await expect(generateAccountingDb(path, { ...BASE, premises: 20000, signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('aborted'))).toEqual([]);
    await expect(generateAccountingDb(path, { ...BASE, endPeriod: '2025-13' })).rejects.toThrow(RangeError);
    await expect(generateAccountingDb(path, { ...BASE, premises: 5 })).rejects.toThrow(RangeError);
  });
});

describe('demo generator: realistic, consistent data', () => {
  it('about 70 % of the premises are portal-enabled; ~10 % commercial', async () => {
    const accounts = await rows(A.gw, 'export_accounts', { period: END });
    expect(accounts).toHaveLength(500);
    const www = accounts.filter((a) => a.portal_enabled).length / accounts.length;
    expect(www).toBeGreaterThan(0.62);
    expect(www).toBeLessThan(0.78);
    const commercial = accounts.filter((a) => a.premises_kind === 'commercial').length / accounts.length;
    expect(commercial).toBeGreaterThan(0.04);
    expect(commercial).toBeLessThan(0.16);
    expect(accounts.some((a) => /[ąćęłńóśźż]/i.test(a.owner_name))).toBe(true);
  });

  it('every virtual account is a valid NRB except the planted one, and its last digits identify the premises', async () => {
    const accounts = await rows(A.gw, 'export_accounts', { period: END });
    const invalid = accounts.filter((a) => !isValidNrb(a.virtual_account));
    const planted = A.result.defects.filter((d) => d.kind === 'bad_virtual_account_checksum').map((d) => d.key);
    expect(invalid.map((a) => a.account_no)).toEqual(planted);
    for (const a of accounts.filter((x) => x.account_no).slice(0, 50)) expect(a.virtual_account.endsWith(a.account_no!.replace('/', ''))).toBe(true);
    const providers = await rows(A.gw, 'export_providers', { period: END });
    for (const p of providers) expect(isValidNrb(p.account)).toBe(true);
  });

  it('closing = opening + turnovers for every account, and opening = the previous closing', async () => {
    let previous: number[] | undefined;
    for (const period of A.result.periods) {
      const balances = await rows(A.gw, 'export_balances', { period });
      expect(balances.length % 7).toBe(0);
      const openings: number[] = [];
      const closings: number[] = [];
      for (let i = 0; i < balances.length; i += 7) {
        const [opening, charges, payments, corrections, subsidies, benefits, closing] = balances.slice(i, i + 7).map((b) => b.amount);
        expect(closing).toBe(opening + charges + payments + corrections + subsidies + benefits);
        expect(payments).toBeLessThanOrEqual(0);
        expect(subsidies).toBeLessThanOrEqual(0);
        expect(benefits).toBeLessThanOrEqual(0);
        openings.push(opening);
        closings.push(closing);
      }
      if (previous) expect(openings).toEqual(previous);
      previous = closings;
    }
  });

  it('charges: amount = quantity × tariff rounded half up; total = debt + amount + recalculation; they add up to the turnovers', async () => {
    const period = END;
    const charges = await rows(A.gw, 'export_charges', { period });
    expect(charges.length).toBeGreaterThan(500 * 5);
    for (const c of charges) {
      const q = c.quantity.split('.')[1]?.length ?? 0;
      const t = c.tariff.split('.')[1]?.length ?? 0;
      const product = scaled(c.quantity, q) * scaled(c.tariff, t); // scale q + t
      const div = 10n ** BigInt(q + t - 2);
      const rounded = (product + div / 2n) / div;
      expect(BigInt(c.amount), `${c.account_no} ${c.service_code}`).toBe(rounded);
      expect(c.total).toBe(c.debt_brought_forward + c.amount + c.recalculation);
    }
    const dup = A.result.defects.find((d) => d.kind === 'duplicate_account_no')!.key;
    const sums = new Map<string, { amount: number; recalc: number; debt: number }>();
    for (const c of charges) {
      const s = sums.get(c.account_no) ?? { amount: 0, recalc: 0, debt: 0 };
      s.amount += c.amount;
      s.recalc += c.recalculation;
      s.debt += c.debt_brought_forward;
      sums.set(c.account_no, s);
    }
    const balances = await rows(A.gw, 'export_balances', { period });
    for (let i = 0; i < balances.length; i += 7) {
      const acc = balances[i].account_no;
      const s = sums.get(acc);
      if (acc === dup || !s) continue;
      expect(s.amount).toBe(balances[i + 1].amount);
      expect(s.recalc).toBe(balances[i + 3].amount);
      expect(s.debt).toBe(balances[i].amount);
    }
  });

  it('export_services gives the tariff in force in the period (raised in January)', async () => {
    const dec = await rows(A.gw, 'export_services', { period: '2024-12' });
    const jan = await rows(A.gw, 'export_services', { period: '2025-01' });
    expect(dec.map((s) => s.code)).toEqual(jan.map((s) => s.code));
    for (let i = 0; i < dec.length; i++) expect(Number(jan[i].tariff)).toBeGreaterThan(Number(dec[i].tariff));
  });

  it('meter readings increase on every meter; a drop per premises and medium happens only at a meter replacement', async () => {
    const meters = await rows(A.gw, 'export_meters', { period: END });
    const readings = await rows(A.gw, 'export_meter_readings', { period: END, months: 6 });
    const meterOf = new Map(meters.map((m) => [m.meter_id, m]));
    // monotonic per meter and zone
    const last = new Map<string, bigint>();
    for (const r of readings) {
      const m = meterOf.get(r.meter_id);
      if (!m) continue; // a meter removed before this period
      const key = `${r.meter_id}/${r.zone}`;
      const v = scaled(r.value, m.decimals);
      const prev = last.get(key);
      if (prev !== undefined) expect(v >= prev, `${key} ${r.reading_date}`).toBe(true);
      last.set(key, v);
    }
    // radio ids differ from serials; about 60 % of water meters are radio-read
    const water = meters.filter((m) => m.medium === 'cold_water' || m.medium === 'hot_water');
    for (const m of water.filter((w) => w.radio_id)) expect(m.radio_id).not.toBe(m.serial);
    const radio = water.filter((m) => m.automatic).length / water.length;
    expect(radio).toBeGreaterThan(0.5);
    expect(radio).toBeLessThan(0.7);
    expect(meters.some((m) => m.medium === 'electricity' && m.tariff_zones === 2 && m.register_digits === 6 && m.decimals === 1)).toBe(true);

    // per premises and medium: a drop only where the meter changes, and there is at least one replacement
    const all6 = await rows(A.gw, 'export_meters', { period: A.result.periods[0] });
    const info = new Map([...all6, ...meters].map((m) => [m.meter_id, m]));
    const seq = new Map<string, { meter: string; v: bigint; date: string }>();
    let replacements = 0;
    const dup = A.result.defects.find((d) => d.kind === 'duplicate_account_no')!.key; // two premises, one key
    const sorted = readings
      .filter((r) => r.zone === 1 && info.has(r.meter_id) && info.get(r.meter_id)!.account_no !== dup)
      .map((r) => ({ r, m: info.get(r.meter_id)! }))
      .sort((x, y) => (x.m.account_no + x.m.medium).localeCompare(y.m.account_no + y.m.medium) || x.r.reading_date.localeCompare(y.r.reading_date) || x.m.installed_on.localeCompare(y.m.installed_on));
    for (const { r, m } of sorted) {
      const key = `${m.account_no}/${m.medium}`;
      const v = scaled(r.value, m.decimals);
      const prev = seq.get(key);
      if (prev && v < prev.v) {
        expect(prev.meter, `${key} ${r.reading_date}`).not.toBe(r.meter_id);
        const old = info.get(prev.meter)!;
        expect(old.removed_on).toBe(m.installed_on);
        replacements++;
      }
      seq.set(key, { meter: r.meter_id, v, date: r.reading_date });
    }
    expect(replacements).toBeGreaterThan(0);
  });

  it('consumption is realistic: a few m³ of cold water per person a month', async () => {
    const charges = await rows(A.gw, 'export_charges', { period: END });
    const accounts = await rows(A.gw, 'export_accounts', { period: END });
    const people = new Map(accounts.filter((a) => a.premises_kind === 'residential').map((a) => [a.account_no, a.residents_count]));
    let m3 = 0;
    let persons = 0;
    for (const c of charges) {
      if (c.service_code !== 'ZW' || !people.get(c.account_no)) continue;
      m3 += Number(c.quantity);
      persons += people.get(c.account_no)!;
    }
    expect(m3 / persons).toBeGreaterThan(1.5);
    expect(m3 / persons).toBeLessThan(4.5);
  });
});

describe('demo generator: planted defects, found through the gateway', () => {
  it('lists at least one of each kind', () => {
    const kinds = new Set(A.result.defects.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['bad_virtual_account_checksum', 'duplicate_account_no', 'expired_meter', 'missing_account_no']);
    expect(A.result.defects.length).toBeLessThanOrEqual(12);
  });

  it('a duplicated account number, a missing one, a bad checksum', async () => {
    const accounts = await rows(A.gw, 'export_accounts', { period: END });
    const seen = new Map<string, number>();
    for (const a of accounts) if (a.account_no) seen.set(a.account_no, (seen.get(a.account_no) ?? 0) + 1);
    const duplicated = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
    expect(duplicated).toEqual(A.result.defects.filter((d) => d.kind === 'duplicate_account_no').map((d) => d.key));

    const missing = accounts.filter((a) => !a.account_no);
    expect(missing).toHaveLength(A.result.defects.filter((d) => d.kind === 'missing_account_no').length);
    const m = A.result.defects.find((d) => d.kind === 'missing_account_no')!;
    expect(`${missing[0].building}/${missing[0].unit}`).toBe(m.key);

    const bad = A.result.defects.find((d) => d.kind === 'bad_virtual_account_checksum')!;
    const holder = accounts.find((a) => a.account_no === bad.key)!;
    expect(isValidNrb(holder.virtual_account)).toBe(false);
    // the defects sit on portal-enabled premises, where the WWW validations look
    expect(holder.portal_enabled).toBe(true);
    expect(missing[0].portal_enabled).toBe(true);
  });

  it('expired meters: past their verification date and still active — only the planted ones', async () => {
    const meters = await rows(A.gw, 'export_meters', { period: END });
    const expired = meters.filter((m) => m.removed_on === null && m.verification_due < `${END}-01`).map((m) => m.meter_id);
    expect(expired.sort()).toEqual(A.result.defects.filter((d) => d.kind === 'expired_meter').map((d) => d.key).sort());
    for (const id of expired) expect(meters.find((m) => m.meter_id === id)!.last_date).not.toBeNull();
  });
});

describe('demo generator: Ukrainian locale', () => {
  it('Cyrillic names and addresses, UA IBANs, EDRPOU codes, hryvnia services', async () => {
    const residents = await rows(U.gw, 'export_residents', { period: END });
    expect(residents.length).toBeGreaterThan(300);
    for (const r of residents) expect(r.person).toMatch(/^[А-ЯІЇЄҐа-яіїєґ’'-]+ [А-ЯІЇЄҐа-яіїєґ’'-]+ [А-ЯІЇЄҐа-яіїєґ’'-]+$/);
    const text = residents.map((r) => r.person.toLowerCase()).join(' ');
    for (const ch of ['і', 'ї', 'є']) expect(text.includes(ch), ch).toBe(true);

    const accounts = await rows(U.gw, 'export_accounts', { period: END });
    expect(accounts[0].address).toMatch(/ м\. /);
    const invalid = accounts.filter((a) => !isValidIban(a.virtual_account));
    expect(invalid.map((a) => a.account_no)).toEqual(U.result.defects.filter((d) => d.kind === 'bad_virtual_account_checksum').map((d) => d.key));
    for (const a of accounts) expect(a.virtual_account).toMatch(/^UA\d{27}$/);

    const providers = await rows(U.gw, 'export_providers', { period: END });
    for (const p of providers) {
      expect(isValidIban(p.account)).toBe(true);
      expect(p.tax_code).toMatch(/^\d{8}$/);
      expect(p.bank).toMatch(/^\d{6}$/);
    }
    expect(providers.map((p) => p.name).join(' ')).toContain('Ґ');
    const services = await rows(U.gw, 'export_services', { period: END });
    expect(services.map((s) => s.name)).toEqual(expect.arrayContaining(['Холодне водопостачання', 'Гаряче водопостачання', 'Водовідведення']));
    expect(U.result.organisation.taxId).toMatch(/^\d{8}$/);
  });
});
