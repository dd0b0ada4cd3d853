// The demo accounting database generator. Builds a realistic Polish or Ukrainian cooperative
// (buildings, premises, residents, beneficiaries, providers, services with tariffs, monthly
// charges and turnovers, payments, meters and reading histories) into a SQLite file with the
// schema of main/accounting/sqlite/schema.ts, and plants a few defects the validations must find.
//
// Deterministic: every value comes from one seeded PRNG stream in a fixed order, so the same seed
// and options give identical table contents. Money is integer minor units; quantities, tariffs and
// meter values are integers in their own decimal scale and become strings only when written.
//
// Fast: one write transaction, reused prepared statements, no journal while loading, secondary
// indexes built after the load; written under a temporary name and renamed when complete.

import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { addMonths, isPeriod, lastDayOfPeriod, parsePeriod } from '../../shared/domain/period';
import { isValidIban, isValidNrb, makeNrb, makeUaIban } from '../../shared/domain/iban';
import { ACCOUNTING_INDEXES, ACCOUNTING_SCHEMA, SCHEMA_VERSION } from '../accounting/sqlite/schema';
import * as pl from './names-pl';
import * as uk from './names-uk';
import { Prng } from './prng';

export interface GeneratorOptions {
  premises: number;
  /** History depth in months, ending at endPeriod (default 12, at most 36). */
  months?: number;
  locale: 'pl' | 'uk';
  seed: string | number;
  /** YYYY-MM, the last generated month. */
  endPeriod: string;
  onProgress?: (done: number, total: number) => void;
  /** Stops the generation (the temporary file is removed, nothing is left under `path`). */
  signal?: AbortSignal;
}

export interface PlantedDefect {
  kind: 'duplicate_account_no' | 'missing_account_no' | 'bad_virtual_account_checksum' | 'expired_meter';
  /** The account number, or the meter id; for a missing account number "<building>/<unit>". */
  key: string;
  detail: string;
}

export interface GeneratorResult {
  organisation: { name: string; address: string; taxId: string };
  /** The generated periods, oldest first. */
  periods: string[];
  /** Rows per table. */
  counts: Record<string, number>;
  defects: PlantedDefect[];
}

// ---------------------------------------------------------------------------------------------
// Small exact helpers

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000];

/** An integer `n` in decimal scale `scale` → "12.345". */
function fmt(n: number, scale: number): string {
  if (scale === 0) return String(n);
  const neg = n < 0;
  const s = String(neg ? -n : n).padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/** quantity (scale qScale) × tariff (scale 4) → minor units, rounded half up. Exact integer arithmetic. */
export function chargeAmount(quantity: number, qScale: number, tariffE4: number): number {
  const p = quantity * tariffE4;
  if (!Number.isSafeInteger(p) || p < 0) throw new RangeError(`charge out of range: ${quantity} × ${tariffE4}`);
  const d = POW10[qScale + 2];
  const r = p % d;
  return (p - r) / d + (2 * r >= d ? 1 : 0);
}

/** a × b / d rounded half up (a × b ≥ 0). */
function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  const r = p % d;
  return (p - r) / d + (2 * r >= d ? 1 : 0);
}

/**
 * Buffered inserts: rows are written `batch` at a time with one multi-row INSERT, which halves the
 * per-row cost of better-sqlite3 calls. Order is preserved, so the table contents do not change.
 */
class Bulk {
  rows = 0;
  private readonly buf: unknown[];
  private n = 0;
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;

  constructor(db: Database.Database, table: string, private readonly columns: string[], batch = 64) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.many = db.prepare(head + Array(batch).fill(tuple).join(', '));
    this.one = db.prepare(head + tuple);
    this.buf = new Array(batch * columns.length);
  }

  run(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.buf[this.n++] = values[i];
    this.rows++;
    if (this.n === this.buf.length) {
      this.many.run(this.buf);
      this.n = 0;
    }
  }

  flush(): void {
    const w = this.columns.length;
    for (let i = 0; i < this.n; i += w) this.one.run(this.buf.slice(i, i + w));
    this.n = 0;
  }
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const DAY_MS = 86400000;
const dayOf = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function addYears(date: string, n: number): string {
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${pad(+date.slice(0, 4) + n, 4)}-${md}`;
}

// Polish NIP and bank routing number, Ukrainian EDRPOU — all with their check digits.

function makeNip(rng: Prng): string {
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (;;) {
    const d = String(rng.int(1, 9)) + rng.digits(8);
    let s = 0;
    for (let i = 0; i < 9; i++) s += w[i] * +d[i];
    if (s % 11 !== 10) return d + String(s % 11);
  }
}

function makeRouting(rng: Prng): string {
  const d = rng.pick(['102', '105', '109', '114', '116', '124', '132', '154', '175', '249']) + rng.digits(4);
  const w = [3, 9, 7, 1, 3, 9, 7];
  let s = 0;
  for (let i = 0; i < 7; i++) s += w[i] * +d[i];
  return d + String((10 - (s % 10)) % 10);
}

function makeEdrpou(rng: Prng): string {
  const d = String(rng.int(2, 4)) + rng.digits(6);
  const n = Number(d) * 10;
  const w = n < 30000000 || n > 60000000 ? [1, 2, 3, 4, 5, 6, 7] : [7, 1, 2, 3, 4, 5, 6];
  let s = 0;
  for (let i = 0; i < 7; i++) s += w[i] * +d[i];
  let c = s % 11;
  if (c === 10) {
    s = 0;
    for (let i = 0; i < 7; i++) s += (w[i] + 2) * +d[i];
    c = s % 11;
    if (c === 10) c = 0;
  }
  return d + String(c);
}

const UA_MFO = ['300465', '305299', '322001', '380805', '320478', '351005'];

// ---------------------------------------------------------------------------------------------
// Locale profiles

type Basis = 'area' | 'person' | 'flat' | 'cold' | 'hot' | 'sewage' | 'kwh';

interface ServiceDef {
  code: string;
  name: string;
  unit: string;
  basis: Basis;
  tariff: string; // 4 places
  provider: string;
  /** Charged only October–April (UA district heating). */
  seasonal?: boolean;
}

interface Profile {
  currency: string;
  cities: readonly { name: string; postal: string }[];
  streets: readonly string[];
  services: ServiceDef[];
  providers: { code: string; name: string }[];
  benefits: readonly { code: string; name: string; discountPct: string }[];
  estates: readonly string[];
  notes: readonly string[];
  /** Legal verification period in years, per medium. */
  legalYears: Record<'cold_water' | 'hot_water' | 'heat' | 'electricity', number>;
  subsidyShare: number;
  subsidyRange: [number, number];
  beneficiaryShare: number;
  electricityShare: number;
  heatMeterShare: number;
  commercialUnitPrefix: string;
  collectionNote: string;
  dispatcher: string;
  phonePrefix: string;
  organisationName(rng: Prng): string;
  address(street: string, house: string, postal: string, city: string): string;
  postal(prefix: string, rng: Prng): string;
  person(rng: Prng, female: boolean, surname?: string): Person;
  company(rng: Prng): string;
}

interface Person {
  last: string;
  first: string;
  middle: string | null;
  full: string;
  /** The family surname, masculine form (for relatives). */
  family: string;
}

const PL_PROFILE: Profile = {
  currency: 'PLN',
  cities: pl.PL_CITIES,
  streets: pl.PL_STREETS,
  services: [
    { code: 'EKS', name: 'Eksploatacja', unit: 'm2', basis: 'area', tariff: '3.4500', provider: 'P01' },
    { code: 'FRE', name: 'Fundusz remontowy', unit: 'm2', basis: 'area', tariff: '2.2000', provider: 'P01' },
    { code: 'ZW', name: 'Zimna woda', unit: 'm3', basis: 'cold', tariff: '12.8400', provider: 'P02' },
    { code: 'CW', name: 'Ciepła woda (podgrzanie)', unit: 'm3', basis: 'hot', tariff: '38.5000', provider: 'P03' },
    { code: 'SC', name: 'Ścieki', unit: 'm3', basis: 'sewage', tariff: '11.2000', provider: 'P02' },
    { code: 'CO', name: 'Centralne ogrzewanie (c.o.)', unit: 'm2', basis: 'area', tariff: '4.1200', provider: 'P03' },
    { code: 'SMI', name: 'Wywóz śmieci', unit: 'person', basis: 'person', tariff: '36.0000', provider: 'P04' },
    { code: 'DOM', name: 'Domofon', unit: 'flat', basis: 'flat', tariff: '5.0000', provider: 'P05' },
    { code: 'EE', name: 'Energia elektryczna (podlicznik)', unit: 'kWh', basis: 'kwh', tariff: '1.0950', provider: 'P06' },
  ],
  providers: [
    { code: 'P01', name: '' }, // the cooperative itself
    { code: 'P02', name: 'Miejskie Przedsiębiorstwo Wodociągów i Kanalizacji Sp. z o.o.' },
    { code: 'P03', name: 'Miejskie Przedsiębiorstwo Energetyki Cieplnej S.A.' },
    { code: 'P04', name: 'Zakład Gospodarki Komunalnej „Czysty Świat” Sp. z o.o.' },
    { code: 'P05', name: 'Domofon-Serwis Łukasz Żak' },
    { code: 'P06', name: 'Energia Miejska — Obrót Sp. z o.o.' },
  ],
  benefits: pl.PL_BENEFITS,
  estates: pl.PL_ESTATES,
  notes: pl.PL_NOTES,
  legalYears: { cold_water: 5, hot_water: 5, heat: 5, electricity: 8 },
  subsidyShare: 0.02,
  subsidyRange: [5000, 30000],
  beneficiaryShare: 0.04,
  electricityShare: 0.25,
  heatMeterShare: 0.15,
  commercialUnitPrefix: 'U',
  collectionNote: 'Sprawa w windykacji',
  dispatcher: 'Konserwator',
  phonePrefix: '+48 81',
  organisationName: (rng) => `Spółdzielnia Mieszkaniowa „${rng.pick(pl.PL_COOPERATIVES)}”`,
  address: (street, house, postal, city) => `${street} ${house}, ${postal} ${city}`,
  postal: (prefix, rng) => `${prefix}-${rng.digits(3)}`,
  person(rng, female, surname) {
    const family = surname ?? rng.pick(pl.PL_SURNAMES);
    const last = female ? pl.plFeminine(family) : family;
    const first = rng.pick(female ? pl.PL_FEMALE : pl.PL_MALE);
    return { last, first, middle: null, full: `${first} ${last}`, family };
  },
  company(rng) {
    if (rng.chance(0.35)) {
      const p = PL_PROFILE.person(rng, rng.chance(0.5));
      return `${rng.pick(pl.PL_SHOP_KINDS)} ${p.full}`;
    }
    return `${rng.pick(pl.PL_SHOP_KINDS)} „${rng.pick(pl.PL_SHOP_NAMES)}” ${rng.pick(pl.PL_LEGAL_FORMS)}`;
  },
};

const UK_PROFILE: Profile = {
  currency: 'UAH',
  cities: uk.UK_CITIES,
  streets: uk.UK_STREETS,
  services: [
    { code: 'UTR', name: 'Утримання будинку та прибудинкової території', unit: 'm2', basis: 'area', tariff: '8.5200', provider: 'P01' },
    { code: 'HV', name: 'Холодне водопостачання', unit: 'm3', basis: 'cold', tariff: '30.9000', provider: 'P02' },
    { code: 'GV', name: 'Гаряче водопостачання', unit: 'm3', basis: 'hot', tariff: '99.6300', provider: 'P03' },
    { code: 'VV', name: 'Водовідведення', unit: 'm3', basis: 'sewage', tariff: '22.5600', provider: 'P02' },
    { code: 'OP', name: 'Централізоване опалення', unit: 'm2', basis: 'area', tariff: '48.7500', provider: 'P03', seasonal: true },
    { code: 'TPV', name: 'Вивіз побутових відходів (ТПВ)', unit: 'person', basis: 'person', tariff: '35.2000', provider: 'P04' },
    { code: 'DMF', name: 'Домофон', unit: 'flat', basis: 'flat', tariff: '15.0000', provider: 'P06' },
    { code: 'EL', name: 'Електроенергія', unit: 'kWh', basis: 'kwh', tariff: '4.3200', provider: 'P05' },
  ],
  providers: [
    { code: 'P01', name: '' },
    { code: 'P02', name: 'КП «Водоканал»' },
    { code: 'P03', name: 'КП «Теплоенерго»' },
    { code: 'P04', name: 'ТОВ «Екосервіс»' },
    { code: 'P05', name: 'ТОВ «Міська енергопостачальна компанія»' },
    { code: 'P06', name: 'ФОП Ґудзь Євген Іванович' },
  ],
  benefits: uk.UK_BENEFITS,
  estates: uk.UK_ESTATES,
  notes: uk.UK_NOTES,
  legalYears: { cold_water: 4, hot_water: 4, heat: 4, electricity: 8 },
  subsidyShare: 0.1,
  subsidyRange: [30000, 150000],
  beneficiaryShare: 0.08,
  electricityShare: 0.5,
  heatMeterShare: 0.1,
  commercialUnitPrefix: 'НП',
  collectionNote: 'Справа про стягнення заборгованості',
  dispatcher: 'Диспетчер',
  phonePrefix: '+380 44',
  organisationName: (rng) => rng.pick(uk.UK_ORGANISATIONS),
  address: (street, house, postal, city) => `${street}, ${house}, м. ${city}, ${postal}`,
  postal: (prefix, rng) => `${prefix}${rng.digits(3)}`,
  person(rng, female, surname) {
    const family = surname ?? rng.pick(uk.UK_SURNAMES);
    const last = female ? uk.ukFeminine(family) : family;
    const father = rng.pick(uk.UK_MALE);
    const first = female ? rng.pick(uk.UK_FEMALE) : rng.pick(uk.UK_MALE)[0];
    const middle = female ? father[2] : father[1];
    return { last, first, middle, full: `${last} ${first} ${middle}`, family };
  },
  company(rng) {
    if (rng.chance(0.4)) {
      const p = UK_PROFILE.person(rng, rng.chance(0.5));
      return `ФОП ${p.last} ${p.first[0]}. ${p.middle![0]}.`;
    }
    return `${rng.pick(uk.UK_LEGAL_FORMS)} «${rng.pick(uk.UK_SHOP_KINDS)} ${rng.pick(uk.UK_SHOP_NAMES)}»`;
  },
};

// ---------------------------------------------------------------------------------------------
// In-memory state carried from the static pass into the monthly pass

type Medium = 'cold_water' | 'hot_water' | 'heat' | 'electricity';

interface MeterState {
  id: number;
  values: number[]; // per zone, in the meter's decimal scale
}

interface Slot {
  medium: Medium;
  zones: number;
  scale: number;
  base: number; // mean monthly consumption, in scale units
  nightShare: number; // for 2-zone meters
  automatic: boolean;
  meters: MeterState[]; // [current] or [old, replacement]
  current: number;
  replaceMonth: number; // month index of the replacement, -1 if none
  replaceDate: string;
}

interface PremState {
  id: number;
  active: boolean;
  residential: boolean;
  residents: number;
  areaE2: number;
  www: boolean;
  behaviour: number; // 0 punctual, 1 rounds up, 2 irregular, 3 pays charges only, 4 debtor
  balance: number;
  subsidy: number;
  benefitPctE2: number;
  benefitFrom: string;
  benefitTo: string | null;
  cold: Slot | null;
  hot: Slot | null;
  heat: Slot | null;
  elec: Slot | null;
}

const MEDIUM_SPEC: Record<Medium, { digits: number; decimals: number; unit: string }> = {
  cold_water: { digits: 5, decimals: 3, unit: 'm3' },
  hot_water: { digits: 5, decimals: 3, unit: 'm3' },
  heat: { digits: 5, decimals: 3, unit: 'GJ' },
  electricity: { digits: 6, decimals: 1, unit: 'kWh' },
};

const HEATING_MONTHS = new Set([1, 2, 3, 4, 10, 11, 12]);

// ---------------------------------------------------------------------------------------------

export async function generateAccountingDb(path: string, opts: GeneratorOptions): Promise<GeneratorResult> {
  const months = opts.months ?? 12;
  if (!Number.isInteger(opts.premises) || opts.premises < 20) throw new RangeError('premises: an integer, at least 20');
  if (!Number.isInteger(months) || months < 1 || months > 36) throw new RangeError('months: an integer from 1 to 36');
  if (!isPeriod(opts.endPeriod)) throw new RangeError(`endPeriod: not a period (YYYY-MM): ${opts.endPeriod}`);
  if (opts.locale !== 'pl' && opts.locale !== 'uk') throw new RangeError(`locale: pl or uk, not ${String(opts.locale)}`);

  const tmp = `${path}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    const result = await build(db, opts, months);
    db.close();
    renameSync(tmp, path);
    return result;
  } catch (e) {
    if (db.open) {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}

async function build(db: Database.Database, opts: GeneratorOptions, months: number): Promise<GeneratorResult> {
  const rng = new Prng(String(opts.seed));
  const P = opts.locale === 'pl' ? PL_PROFILE : UK_PROFILE;
  const N = opts.premises;

  db.pragma('foreign_keys = OFF'); // better-sqlite3 turns them on; the load order is ours to keep
  db.pragma('page_size = 16384'); // fewer, larger pages: faster bulk load and sequential export scans
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536'); // 64 MiB
  db.exec(ACCOUNTING_SCHEMA);

  const tables = new Map<string, Bulk>();
  const table = (name: string, columns: string[]): Bulk => {
    const t = new Bulk(db, name, columns);
    tables.set(name, t);
    return t;
  };

  // ---- the calendar
  const periods: string[] = [];
  for (let i = months - 1; i >= 0; i--) periods.push(addMonths(opts.endPeriod, -i));
  const monthStart = periods.map((p) => `${p}-01`);
  const monthEnd = periods.map((p) => lastDayOfPeriod(p));
  const monthNo = periods.map((p) => parsePeriod(p).month);
  const monthDays = monthEnd.map((d) => +d.slice(8));
  const histStartDay = dayOf(monthStart[0]);
  const endStart = monthStart[months - 1];
  const endStartDay = dayOf(endStart);

  // ---- progress and yielding (the clock only paces the yields; it never reaches the data)
  let lastYield = performance.now();
  const checkAbort = (): void => {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new DOMException('The generation was aborted', 'AbortError');
  };
  const breathe = async (): Promise<void> => {
    checkAbort();
    if (performance.now() - lastYield < 40) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    lastYield = performance.now();
    checkAbort();
  };
  checkAbort();

  // ---- organisation
  const city = rng.pick(P.cities);
  const orgName = P.organisationName(rng);
  const orgAddress = P.address(rng.pick(P.streets), String(rng.int(1, 60)), P.postal(city.postal, rng), city.name);
  const orgTax = opts.locale === 'pl' ? makeNip(rng) : makeEdrpou(rng);
  const orgBank = opts.locale === 'pl' ? makeRouting(rng) : rng.pick(UA_MFO);
  const orgAccount = opts.locale === 'pl' ? makeNrb(orgBank, rng.digits(16)) : makeUaIban(orgBank, '2600' + rng.digits(15));
  const virtualAccount = (digits: string): string =>
    opts.locale === 'pl' ? makeNrb(orgBank, '7000' + digits.padStart(12, '0')) : makeUaIban(orgBank, '2620' + digits.padStart(15, '0'));

  db.exec('BEGIN');
  const insMeta = table('meta', ['key', 'value']);
  const meta: [string, string][] = [
    ['schema_version', String(SCHEMA_VERSION)],
    ['locale', opts.locale],
    ['currency', P.currency],
    ['seed', String(opts.seed)],
    ['end_period', opts.endPeriod],
    ['months', String(months)],
    ['premises', String(N)],
    ['organisation_name', orgName],
    ['organisation_address', orgAddress],
    ['organisation_tax_id', orgTax],
  ];
  for (const [k, v] of meta) insMeta.run(k, v);

  const insPeriod = table('periods', ['period', 'booked_on']);
  for (let m = 0; m < months; m++) insPeriod.run(periods[m], monthStart[m]);

  // ---- benefits, providers, services and tariffs
  const insBenefit = table('benefits', ['code', 'name', 'discount_pct']);
  for (const b of P.benefits) insBenefit.run(b.code, b.name, b.discountPct);

  const insProvider = table('providers', ['provider_code', 'name', 'tax_code', 'bank', 'account']);
  for (const pr of P.providers) {
    if (pr.code === 'P01') {
      insProvider.run(pr.code, orgName, orgTax, orgBank, orgAccount);
    } else if (opts.locale === 'pl') {
      const routing = makeRouting(rng);
      insProvider.run(pr.code, pr.name, makeNip(rng), routing, makeNrb(routing, rng.digits(16)));
    } else {
      const mfo = rng.pick(UA_MFO);
      insProvider.run(pr.code, pr.name, makeEdrpou(rng), mfo, makeUaIban(mfo, '2600' + rng.digits(15)));
    }
  }

  const insService = table('services', ['service_id', 'code', 'name', 'unit', 'basis', 'provider_code']);
  const insTariff = table('tariffs', ['service_id', 'valid_from', 'tariff']);
  // tariffByMonth[s][m]: the tariff (scale 4) in force in month m; raised every January.
  const tariffByMonth: number[][] = [];
  P.services.forEach((s, i) => {
    const id = i + 1;
    insService.run(id, s.code, s.name, s.unit, s.basis, s.provider);
    let t = Math.round(Number(s.tariff) * 10000);
    insTariff.run(id, `${+periods[0].slice(0, 4) - 1}-01-01`, fmt(t, 4));
    const row: number[] = [];
    for (let m = 0; m < months; m++) {
      if (m > 0 && monthNo[m] === 1) {
        t = Math.round((t * (100 + rng.int(3, 12))) / 100 / 100) * 100; // +3…12 %, whole grosze/kopiyky
        insTariff.run(id, monthStart[m], fmt(t, 4));
      }
      row.push(t);
    }
    tariffByMonth.push(row);
  });

  // ---- building layout
  const layout: { flats: number; shops: number }[] = [];
  for (let left = N; left > 0; ) {
    const flats = Math.min(left, rng.int(18, 100));
    const shops = Math.min(left - flats, rng.int(0, Math.round(flats * 0.22)));
    layout.push({ flats, shops });
    left -= flats + shops;
  }
  const B = layout.length;
  const bWidth = Math.max(4, String(B).length);
  /** Account numbers: building and unit position, "0012/034" (PL) or "0012034" (UA). */
  const accountNoOf = (building: number, unit: number): string =>
    `${pad(building, bWidth)}${opts.locale === 'pl' ? '/' : ''}${pad(unit, 3)}`;
  const residentialIdx: number[] = [];
  {
    let i = 0;
    for (const b of layout) {
      for (let k = 0; k < b.flats; k++) residentialIdx.push(i + k);
      i += b.flats + b.shops;
    }
  }

  // ---- defects to plant (premises indices; all residential, active and portal-enabled)
  const picks = rng.sample(residentialIdx.length, 6).map((k) => residentialIdx[k]);
  const [dupSource, dupTarget, missingIdx, badChecksumIdx, expiredA, expiredB] = picks;
  const defectPremises = new Set(picks);
  const expiredPremises = new Set([expiredA, expiredB]);
  const defects: PlantedDefect[] = [];
  let forcedReplacement = false;

  // ---- prepared inserts
  const insBuilding = table('buildings', ['building_id', 'code', 'street', 'house_no', 'postal_code', 'city', 'address', 'built_year', 'floors']);
  const insPremises = table('premises', [
    'premises_id', 'account_no', 'building_id', 'unit', 'kind', 'area_m2', 'residents_count', 'owner_name', 'www', 'user_group',
    'virtual_account', 'info1', 'info2', 'info3', 'info4', 'status', 'opened_on', 'closed_on',
  ]);
  const insResident = table('residents', [
    'resident_id', 'premises_id', 'last_name', 'first_name', 'middle_name', 'full_name', 'role', 'registered_from', 'registered_to',
  ]);
  const insBeneficiary = table('beneficiaries', ['beneficiary_id', 'premises_id', 'resident_id', 'benefit_code', 'valid_from', 'valid_to']);
  const insMeter = table('meters', [
    'meter_id', 'meter_code', 'premises_id', 'medium', 'serial', 'radio_id', 'automatic', 'tariff_zones', 'register_digits', 'decimals',
    'unit', 'installed_on', 'removed_on', 'verification_due', 'replaces_meter_id',
  ]);
  const insCharge = table('charges', ['period', 'premises_id', 'service_id', 'debt_bf', 'quantity', 'tariff', 'amount', 'recalculation']);
  const insTurnover = table('turnovers', [
    'period', 'premises_id', 'opening', 'charges', 'payments', 'corrections', 'subsidies', 'benefits', 'closing',
  ]);
  const insPayment = table('payments', ['premises_id', 'period', 'paid_on', 'amount', 'channel']);
  const insReading = table('meter_readings', ['meter_id', 'reading_date', 'zone', 'value', 'source']);

  const totalUnits = B * (1 + months);
  let doneUnits = 0;
  const progress = (): void => {
    doneUnits++;
    opts.onProgress?.(doneUnits, totalUnits);
  };

  // ---- static pass: buildings, premises, residents, beneficiaries, meters
  const state: PremState[] = [];
  let premisesId = 0;
  let residentId = 0;
  let beneficiaryId = 0;
  let meterId = 0;
  const houseNo = new Map<string, number>();

  const newMeter = (
    premises: number,
    medium: Medium,
    zones: number,
    automatic: boolean,
    installed: string,
    removed: string | null,
    due: string,
    replaces: number | null,
  ): MeterState => {
    const id = ++meterId;
    const spec = MEDIUM_SPEC[medium];
    const yy = installed.slice(2, 4);
    const serial =
      medium === 'electricity'
        ? `${rng.int(10, 99)}${pad((id * 104729 + 7654321) % 1e9, 9)}`
        : `${medium === 'heat' ? 'HM' : rng.pick(['APT', 'PWZ', 'SNS', 'ITR', 'DHL'])}${yy}${pad((id * 7919 + 1234567) % 1e7, 7)}`;
    const radio = automatic ? rng.u32().toString(16).toUpperCase().padStart(8, '0') : null;
    insMeter.run(id, `M${pad(id, 8)}`, premises, medium, serial, radio, automatic ? 1 : 0, zones, spec.digits, spec.decimals, spec.unit, installed, removed, due, replaces);
    return { id, values: new Array<number>(zones).fill(0) };
  };

  /** A meter position in a premises, with its history: one meter, or an old one and its replacement. */
  const newSlot = (premIdx: number, premises: number, medium: Medium, zones: number, base: number, expired: boolean): Slot => {
    const spec = MEDIUM_SPEC[medium];
    const legal = P.legalYears[medium];
    const automatic = medium === 'cold_water' || medium === 'hot_water' ? rng.chance(0.6) : medium === 'heat' ? rng.chance(0.4) : false;
    const slot: Slot = {
      medium,
      zones,
      scale: spec.decimals,
      base,
      nightShare: zones === 2 ? rng.range(0.3, 0.45) : 0,
      automatic,
      meters: [],
      current: 0,
      replaceMonth: -1,
      replaceDate: '',
    };
    const replace =
      !expired &&
      !defectPremises.has(premIdx) &&
      medium !== 'electricity' &&
      (rng.chance(0.02) || (!forcedReplacement && medium === 'cold_water'));
    let installed: string;
    if (expired) {
      const due = dateOf(endStartDay - rng.int(5, 120));
      installed = addYears(due, -legal);
      slot.meters.push(newMeter(premises, medium, zones, automatic, installed, null, due, null));
    } else if (replace) {
      forcedReplacement = true;
      const m = rng.int(0, months - 1);
      const day = rng.int(3, 15);
      const date = `${periods[m]}-${pad(day, 2)}`;
      installed = addYears(dateOf(dayOf(date) + rng.int(0, 60)), -legal);
      const old = newMeter(premises, medium, zones, automatic, installed, date, addYears(installed, legal), null);
      const neu = newMeter(premises, medium, zones, automatic, date, null, addYears(date, legal), old.id);
      slot.meters.push(old, neu);
      slot.replaceMonth = m;
      slot.replaceDate = date;
    } else {
      installed = dateOf(rng.int(endStartDay - legal * 365 + 15, histStartDay - 1));
      slot.meters.push(newMeter(premises, medium, zones, automatic, installed, null, addYears(installed, legal), null));
    }
    // The register at the start of the history: what the meter counted since installation.
    const sinceInstall = Math.max(0, (histStartDay - dayOf(installed)) / 30.4);
    const cap = 0.4 * POW10[spec.digits + spec.decimals];
    for (let z = 0; z < zones; z++) {
      const share = zones === 2 ? (z === 0 ? 1 - slot.nightShare : slot.nightShare) : 1;
      slot.meters[0].values[z] = Math.min(cap, Math.round(base * share * sinceInstall * rng.range(0.8, 1.2)));
    }
    return slot;
  };

  let idx = 0;
  for (let b = 0; b < B; b++) {
    const { flats, shops } = layout[b];
    const buildingId = b + 1;
    const buildingCode = `B${pad(buildingId, bWidth)}`;
    const street = rng.pick(P.streets);
    const house = (houseNo.get(street) ?? 0) + rng.int(1, 4);
    houseNo.set(street, house);
    const houseStr = rng.chance(0.1) ? `${house}${rng.pick(['A', 'B', 'C'])}` : String(house);
    const postal = P.postal(city.postal, rng);
    const builtYear = rng.int(1962, Math.max(1962, Math.min(2016, +periods[0].slice(0, 4) - 2)));
    const floors = flats <= 30 ? 4 : flats <= 60 ? 5 : rng.pick([10, 11, 12]);
    const address = P.address(street, houseStr, postal, city.name);
    insBuilding.run(buildingId, buildingCode, street, houseStr, postal, city.name, address, builtYear, floors);
    const estate = rng.pick(P.estates);
    const phone = `${P.phonePrefix} ${rng.digits(3)} ${rng.digits(2)} ${rng.digits(2)}`;

    for (let u = 1; u <= flats + shops; u++, idx++) {
      const residential = u <= flats;
      const id = ++premisesId;
      const unit = residential ? String(u) : `${P.commercialUnitPrefix}${u - flats}`;
      const ownNo = accountNoOf(buildingId, u);
      const isDefect = defectPremises.has(idx);
      const active = isDefect || !rng.chance(0.004);
      const www = isDefect || (active && rng.chance(0.7));
      const group = residential && rng.chance(0.65) ? 'member' : 'other';
      const areaE2 = residential
        ? [rng.int(2500, 3800), rng.int(3800, 5500), rng.int(5500, 7200), rng.int(7000, 9500)][rng.weighted([20, 40, 30, 10])]
        : rng.int(3000, 25000);
      const behaviour = rng.weighted([78, 7, 8, 4, 3]);

      // residents (and a beneficiary among them)
      let residents = 0;
      let ownerName: string;
      const openedOn = `${builtYear}-${pad(rng.int(3, 12), 2)}-01`;
      const extra: Partial<PremState> = {};
      if (!active) {
        ownerName = residential ? P.person(rng, rng.chance(0.5)).full : P.company(rng);
      } else if (residential) {
        const n = 1 + rng.weighted([25, 33, 22, 13, 7]);
        const rented = rng.chance(0.12);
        const head = P.person(rng, rng.chance(0.5));
        ownerName = rented ? P.person(rng, rng.chance(0.5)).full : head.full;
        const sinceDay = Math.max(dayOf(openedOn), histStartDay - rng.int(60, 30 * 365));
        const ids: number[] = [];
        for (let k = 0; k < n; k++) {
          const p = k === 0 ? head : P.person(rng, rng.chance(0.5), rng.chance(0.85) ? head.family : undefined);
          const role = rented ? 'tenant' : k === 0 ? 'owner' : 'member';
          const from = dateOf(k === 0 ? sinceDay : rng.int(sinceDay, histStartDay - 1));
          insResident.run(++residentId, id, p.last, p.first, p.middle, p.full, role, from, null);
          ids.push(residentId);
        }
        residents = n;
        if (rng.chance(0.04)) {
          // someone who moved out, before or during the history
          const p = P.person(rng, rng.chance(0.5), head.family);
          const to = dateOf(Math.max(sinceDay + 30, rng.int(histStartDay - 400, endStartDay + 20)));
          insResident.run(++residentId, id, p.last, p.first, p.middle, p.full, 'member', dateOf(sinceDay), to);
        }
        if (rng.chance(P.beneficiaryShare)) {
          const benefit = rng.pick(P.benefits);
          const from = rng.chance(0.7) ? dateOf(rng.int(histStartDay - 1500, histStartDay - 1)) : monthStart[rng.int(0, months - 1)];
          const to = rng.chance(0.2) ? monthEnd[rng.int(0, months - 1)] : null;
          const validTo = to !== null && to > from ? to : null;
          insBeneficiary.run(++beneficiaryId, id, rng.pick(ids), benefit.code, from, validTo);
          extra.benefitPctE2 = Math.round(Number(benefit.discountPct) * 100);
          extra.benefitFrom = from;
          extra.benefitTo = validTo;
        }
      } else {
        ownerName = P.company(rng);
        if (rng.chance(0.4)) {
          const p = P.person(rng, rng.chance(0.5));
          insResident.run(++residentId, id, p.last, p.first, p.middle, p.full, 'tenant', dateOf(histStartDay - rng.int(30, 3000)), null);
          residents = 1;
        }
      }
      const st = makeState(id, active, residential, residents, areaE2, www, behaviour, extra);
      state.push(st);

      // the account number and virtual account, with the planted defects
      let accountNo: string | null = ownNo;
      let va = virtualAccount(ownNo.replace('/', ''));
      if (idx === dupTarget) {
        accountNo = accountNoAt(dupSource);
        defects.push({
          kind: 'duplicate_account_no',
          key: accountNo,
          detail: `premises ${buildingCode}/${unit} carries the account number ${accountNo} of another premises`,
        });
      } else if (idx === missingIdx) {
        accountNo = null;
        defects.push({ kind: 'missing_account_no', key: `${buildingCode}/${unit}`, detail: `premises ${buildingCode}/${unit} has no account number` });
      } else if (idx === badChecksumIdx) {
        const body = opts.locale === 'pl' ? va : va.slice(2);
        const check = (Number(body.slice(0, 2)) + 1) % 100;
        const bad = pad(check, 2) + body.slice(2);
        va = opts.locale === 'pl' ? bad : `UA${bad}`;
        if (opts.locale === 'pl' ? isValidNrb(va) : isValidIban(va)) throw new Error('internal: the planted checksum defect is valid');
        defects.push({ kind: 'bad_virtual_account_checksum', key: ownNo, detail: `virtual account ${va} of account ${ownNo} fails the MOD 97-10 check` });
      }

      const info2 = rng.chance(0.15) ? rng.pick(P.notes) : null;
      const info4 = behaviour === 4 ? P.collectionNote : null;
      const closedOn = active ? null : dateOf(rng.int(histStartDay - 700, histStartDay - 1));
      insPremises.run(
        id, accountNo, buildingId, unit, residential ? 'residential' : 'commercial', fmt(areaE2, 2), residents, ownerName, www ? 1 : 0, group,
        va, estate, info2, `${P.dispatcher}: ${phone}`, info4, active ? 'active' : 'closed', openedOn, closedOn,
      );

      // opening balance at the start of the history
      st.balance = !active
        ? rng.chance(0.7) ? 0 : rng.int(5000, 300000)
        : [rng.chance(0.9) ? 0 : -rng.int(0, 5000), -rng.int(0, 999), rng.int(0, 60000), rng.int(10000, 200000), rng.int(50000, 900000)][behaviour];
      if (active && residential && rng.chance(P.subsidyShare)) st.subsidy = rng.int(P.subsidyRange[0], P.subsidyRange[1]);

      // meters
      if (active) {
        const expired = expiredPremises.has(idx);
        if (residential) {
          st.cold = newSlot(idx, id, 'cold_water', 1, residents * rng.int(1800, 3600), expired);
          st.hot = newSlot(idx, id, 'hot_water', 1, residents * rng.int(900, 1800), false);
          if (rng.chance(P.heatMeterShare)) st.heat = newSlot(idx, id, 'heat', 1, Math.round((areaE2 * rng.int(40, 65)) / 100), false);
          if (rng.chance(P.electricityShare)) {
            const zones = rng.chance(0.5) ? 2 : 1;
            st.elec = newSlot(idx, id, 'electricity', zones, (40 + residents * rng.int(50, 90)) * 10, false);
          }
          if (expired) {
            const m = st.cold.meters[0];
            defects.push({ kind: 'expired_meter', key: `M${pad(m.id, 8)}`, detail: `cold water meter M${pad(m.id, 8)} of account ${accountNo} is past its verification date and still active` });
          }
        } else {
          if (rng.chance(0.9)) st.cold = newSlot(idx, id, 'cold_water', 1, rng.int(2000, 30000), false);
          if (rng.chance(0.5)) st.elec = newSlot(idx, id, 'electricity', 1, rng.int(200, 1500) * 10, false);
        }
      }
    }
    progress();
    await breathe();
  }

  /** The account number of the premises at index i, from the layout (the duplicate may copy a later one). */
  function accountNoAt(i: number): string {
    let start = 0;
    for (let b = 0; b < layout.length; b++) {
      const size = layout[b].flats + layout[b].shops;
      if (i < start + size) return accountNoOf(b + 1, i - start + 1);
      start += size;
    }
    throw new Error('internal: premises index out of range');
  }

  // ---- monthly pass: charges, turnovers, payments, readings
  const services = P.services;
  const scratchSvc: number[] = [];
  const scratchQty: string[] = [];
  const scratchTariff: string[] = [];
  const scratchAmount: number[] = [];
  const scratchRecalc: number[] = [];
  const cons = [0, 0];

  for (let m = 0; m < months; m++) {
    const period = periods[m];
    const inSeason = HEATING_MONTHS.has(monthNo[m]);
    const mStart = monthStart[m];
    const mEnd = monthEnd[m];
    let pi = 0;
    for (let b = 0; b < B; b++) {
      const size = layout[b].flats + layout[b].shops;
      for (let k = 0; k < size; k++, pi++) {
        const st = state[pi];
        const opening = st.balance;
        if (!st.active) {
          insTurnover.run(period, st.id, opening, 0, 0, 0, 0, 0, opening);
          continue;
        }

        // readings and consumption
        const readDate = `${period}-${pad(rng.int(20, 28), 2)}`;
        const src = st.www ? rng.pick(['portal', 'portal', 'portal', 'portal', 'portal', 'portal', 'inspector', 'estimate']) : rng.chance(0.75) ? 'inspector' : 'estimate';
        const vacant = rng.chance(0.01);
        let coldQ = 0;
        let hotQ = 0;
        let kwhQ = 0;
        for (const slot of [st.cold, st.hot, st.heat, st.elec]) {
          if (!slot) continue;
          let c = 0;
          if (slot.medium === 'heat') c = inSeason ? Math.round(slot.base * rng.range(0.7, 1.3)) : 0;
          else if (!vacant) c = Math.round(slot.base * rng.range(0.75, 1.25));
          if (slot.zones === 2) {
            cons[0] = Math.round(c * (1 - slot.nightShare));
            cons[1] = c - cons[0];
          } else cons[0] = c;
          const source = slot.automatic ? 'radio' : src;
          if (slot.replaceMonth === m) {
            const old = slot.meters[0];
            const neu = slot.meters[1];
            const frac = +slot.replaceDate.slice(8) / monthDays[m];
            for (let z = 0; z < slot.zones; z++) {
              const before = Math.round(cons[z] * frac);
              old.values[z] += before;
              insReading.run(old.id, slot.replaceDate, z + 1, fmt(old.values[z], slot.scale), 'inspector');
              insReading.run(neu.id, slot.replaceDate, z + 1, fmt(0, slot.scale), 'inspector');
              neu.values[z] = cons[z] - before;
              insReading.run(neu.id, readDate, z + 1, fmt(neu.values[z], slot.scale), source);
            }
            slot.current = 1;
          } else {
            const meter = slot.meters[slot.current];
            for (let z = 0; z < slot.zones; z++) {
              meter.values[z] += cons[z];
              insReading.run(meter.id, readDate, z + 1, fmt(meter.values[z], slot.scale), source);
            }
          }
          if (slot.medium === 'cold_water') coldQ += c;
          else if (slot.medium === 'hot_water') hotQ += c;
          else if (slot.medium === 'electricity') kwhQ += c;
        }
        if (!st.cold) coldQ = 3000; // no meter: a flat-rate 3 m³

        // charges per service
        let n = 0;
        let charges = 0;
        let corrections = 0;
        for (let s = 0; s < services.length; s++) {
          const svc = services[s];
          let q: number;
          let scale: number;
          switch (svc.basis) {
            case 'area':
              if (svc.seasonal && !inSeason) continue;
              q = st.areaE2;
              scale = 2;
              break;
            case 'person':
              if (st.residents === 0) continue;
              q = st.residents;
              scale = 0;
              break;
            case 'flat':
              if (!st.residential) continue;
              q = 1;
              scale = 0;
              break;
            case 'cold':
              q = coldQ;
              scale = 3;
              break;
            case 'hot':
              if (!st.hot) continue;
              q = hotQ;
              scale = 3;
              break;
            case 'sewage':
              q = coldQ + hotQ;
              scale = 3;
              break;
            case 'kwh':
              if (!st.elec) continue;
              q = kwhQ;
              scale = 1;
              break;
          }
          const t = tariffByMonth[s][m];
          const amount = chargeAmount(q, scale, t);
          const recalc = rng.chance(0.015) ? Math.round(amount * rng.range(-0.5, 0.2)) : 0;
          scratchSvc[n] = s + 1;
          scratchQty[n] = fmt(q, scale);
          scratchTariff[n] = fmt(t, 4);
          scratchAmount[n] = amount;
          scratchRecalc[n] = recalc;
          charges += amount;
          corrections += recalc;
          n++;
        }
        // the opening balance spread over the services in proportion to their amounts
        let left = opening;
        for (let i = 0; i < n; i++) {
          const share = i === n - 1 ? left : charges > 0 ? Math.trunc((opening * scratchAmount[i]) / charges) : i === 0 ? opening : 0;
          left -= share;
          insCharge.run(period, st.id, scratchSvc[i], share, scratchQty[i], scratchTariff[i], scratchAmount[i], scratchRecalc[i]);
        }

        // benefits, subsidies, payments
        const benefitActive = st.benefitPctE2 > 0 && st.benefitFrom <= mEnd && (st.benefitTo === null || st.benefitTo >= mStart);
        const benefits = benefitActive ? -mulDivRound(charges, st.benefitPctE2, 10000) : 0;
        const subsidies = st.subsidy > 0 ? -Math.min(st.subsidy, charges + benefits) : 0;
        const due = opening + charges + corrections + subsidies + benefits;
        let pay = 0;
        switch (st.behaviour) {
          case 0:
            pay = Math.max(0, due);
            break;
          case 1:
            pay = due > 0 ? Math.ceil(due / 1000) * 1000 : 0;
            break;
          case 2:
            pay = rng.chance(0.65) ? Math.max(0, due) : 0;
            break;
          case 3:
            pay = rng.chance(0.75) ? Math.max(0, charges + corrections + subsidies + benefits) : 0;
            break;
          default:
            pay = rng.chance(0.12) && due > 0 ? Math.round((due * 0.3) / 100) * 100 : 0;
        }
        if (pay > 0) {
          const channel = st.www && rng.chance(0.35) ? 'portal' : rng.chance(0.85) ? 'bank' : 'cash';
          const day = st.behaviour === 0 ? rng.int(1, 15) : rng.int(5, 28);
          if (rng.chance(0.04) && pay >= 200) {
            const first = Math.round(pay / 2);
            const day2 = rng.int(day, 28);
            insPayment.run(st.id, period, `${period}-${pad(day, 2)}`, first, channel);
            insPayment.run(st.id, period, `${period}-${pad(day2, 2)}`, pay - first, channel);
          } else {
            insPayment.run(st.id, period, `${period}-${pad(day, 2)}`, pay, channel);
          }
        }
        const closing = due - pay;
        insTurnover.run(period, st.id, opening, charges, -pay, corrections, subsidies, benefits, closing);
        st.balance = closing;
      }
      progress();
      await breathe();
    }
  }

  const counts: Record<string, number> = {};
  for (const [name, t] of tables) {
    t.flush();
    counts[name] = t.rows;
  }
  counts.registered_accounts = 0;
  db.exec('COMMIT');
  db.exec(ACCOUNTING_INDEXES);
  db.exec('ANALYZE');
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = DELETE');

  defects.sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
  return {
    organisation: { name: orgName, address: orgAddress, taxId: orgTax },
    periods,
    counts,
    defects,
  };
}

function makeState(
  id: number,
  active: boolean,
  residential: boolean,
  residents: number,
  areaE2: number,
  www: boolean,
  behaviour: number,
  extra: Partial<PremState>,
): PremState {
  return {
    id,
    active,
    residential,
    residents,
    areaE2,
    www,
    behaviour,
    balance: 0,
    subsidy: 0,
    benefitPctE2: 0,
    benefitFrom: '',
    benefitTo: null,
    cold: null,
    hot: null,
    heat: null,
    elec: null,
    ...extra,
  };
}
