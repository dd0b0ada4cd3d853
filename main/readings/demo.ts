// The demo's meter readings (issue 5 point 8): the month after the last generated one, as residents
// entered it on the portal (a feed file in the demo portal folder, in the folder transport's layout:
// portal/inbox/readings/<name>.json) and as the reading operator's radio file in the workspace
// (readings/radio-<period>.csv, in the country's code page, with a saved column mapping for the demo
// administrator). Most readings are plain; some break each rule, so the first import shows all
// three outcomes. Deterministic from the seed; a sample of meters is read straight from the demo
// database (indexed queries), so demo init stays fast at 200,000 premises.

import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, lastDayOfPeriod } from '../../shared/domain/period';
import type { ColumnMappingInput } from '../../shared/ipc/contract-readings';
import type { DemoFeatureInput } from '../demo/workspace';
import { Prng } from '../demo/prng';
import { openStore, nowIso } from '../store/store';
import type { FeedReading } from '../portal/port';
import { defaultReadingRules } from './rules';
import { nearRegisterEnd, replaceMeter } from './demo-meters';

/** At most this many meters get a portal reading and a radio reading (the demo stays quick). */
const PORTAL_METERS = 1500;
const RADIO_METERS = 600;
export const DEMO_MAPPING = 'radio-demo';
/** The demo workspace's administrator (main/demo/workspace.ts DEMO_OPERATOR), who owns the demo mapping. */
const DEMO_ADMIN = 'admin';

interface MeterSample {
  id: number;
  code: string;
  account: string;
  medium: string;
  serial: string;
  radio: string | null;
  automatic: number;
  zones: number;
  digits: number;
  decimals: number;
  residents: number;
  due: string;
  /** Last recorded value per zone (scaled integer) and its date; average monthly use per zone. */
  last: number[];
  lastDate: string;
  perMonth: number[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fmt = (scaled: number, decimals: number): string => {
  const neg = scaled < 0;
  const s = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const v = decimals ? `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}` : s;
  return neg ? `-${v}` : v;
};
const toScaled = (v: string, decimals: number): number => {
  const [i, f = ''] = v.split('.');
  return Number(i) * 10 ** decimals + Number((f + '0'.repeat(decimals)).slice(0, decimals));
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function sampleMeters(db: Database.Database, periodEnd: string, want: number, automatic: boolean): MeterSample[] {
  const total = db.prepare(`SELECT COUNT(*) FROM meters WHERE removed_on IS NULL AND automatic = ?`).pluck().get(automatic ? 1 : 0) as number;
  const step = Math.max(1, Math.floor(total / want));
  const rows = db
    .prepare(
      `SELECT m.meter_id AS id, m.meter_code AS code, p.account_no AS account, m.medium, m.serial, m.radio_id AS radio, m.automatic,
              m.tariff_zones AS zones, m.register_digits AS digits, m.decimals, p.residents_count AS residents, m.verification_due AS due
       FROM meters m JOIN premises p ON p.premises_id = m.premises_id
       WHERE m.removed_on IS NULL AND m.automatic = ? AND p.account_no IS NOT NULL AND p.account_no <> ''
         AND (m.meter_id % ?) = 0 AND m.verification_due > ?
       ORDER BY m.meter_id LIMIT ?`,
    )
    .all(automatic ? 1 : 0, step, periodEnd, want) as Array<Omit<MeterSample, 'last' | 'lastDate' | 'perMonth'>>;
  const hist = db.prepare(`SELECT reading_date, zone, value FROM meter_readings WHERE meter_id = ? ORDER BY reading_date DESC, zone LIMIT 16`);
  const out: MeterSample[] = [];
  for (const r of rows) {
    const h = hist.all(r.id) as Array<{ reading_date: string; zone: number; value: string }>;
    if (!h.length) continue;
    const lastDate = h[0].reading_date;
    const last: number[] = [];
    const perMonth: number[] = [];
    for (let z = 1; z <= r.zones; z++) {
      const zr = h.filter((x) => x.zone === z);
      if (!zr.length || zr[0].reading_date !== lastDate) break;
      const first = zr[zr.length - 1];
      const v = toScaled(zr[0].value, r.decimals);
      last.push(v);
      const days = daysBetween(first.reading_date, lastDate);
      perMonth.push(days > 0 ? Math.max(0, Math.round(((v - toScaled(first.value, r.decimals)) * 30.4) / days)) : 0);
    }
    if (last.length !== r.zones) continue;
    out.push({ ...r, last, lastDate, perMonth });
  }
  return out;
}

/**
 * A plausible value for `day`: the last one plus the usual use since (integer scale units). Water
 * stays under the workspace's norm, so that the plain readings pass and only the planted ones are
 * held (the generator's flats use more than some countries' social norms).
 */
function plausible(m: MeterSample, z: number, day: string, rng: Prng, norms: Record<string, string | null>): number {
  const days = Math.max(1, daysBetween(m.lastDate, day));
  let use = Math.round((m.perMonth[z] * days * rng.range(0.8, 1.2)) / 30.4);
  const norm = norms[m.medium];
  if (norm) {
    const cap = Math.floor((toScaled(norm, m.decimals) * Math.max(1, m.residents) * Math.max(1, days / 30.4) * 0.8) / m.zones);
    use = Math.min(use, cap);
  }
  return m.last[z] + use;
}

function writeAtomic(file: string, bytes: Buffer): void {
  const dir = join(file, '..');
  const tmp = join(dir, `.${file.slice(dir.length + 1)}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

export async function writeDemoReadings(input: DemoFeatureInput): Promise<void> {
  const P = addMonths(input.period, 1);
  const day = (d: number) => `${P}-${pad(d)}`;
  const rng = new Prng(`${input.seed}:readings`);
  const norms = defaultReadingRules(input.locale).norms;
  const db = new Database(input.accountingFile, { readonly: true, fileMustExist: true });
  let typed: MeterSample[];
  let radio: MeterSample[];
  let expired: { code: string; account: string; zones: number; decimals: number } | undefined;
  try {
    const periodEnd = lastDayOfPeriod(P);
    typed = sampleMeters(db, periodEnd, PORTAL_METERS, false);
    radio = sampleMeters(db, periodEnd, RADIO_METERS, true).filter((m) => m.radio);
    expired = db
      .prepare(
        `SELECT m.meter_code AS code, p.account_no AS account, m.tariff_zones AS zones, m.decimals FROM meters m JOIN premises p ON p.premises_id = m.premises_id
         WHERE m.removed_on IS NULL AND m.automatic = 0 AND m.verification_due < ? AND p.account_no IS NOT NULL AND p.account_no <> '' ORDER BY m.meter_id LIMIT 1`,
      )
      .get(`${P}-01`) as typeof expired;
  } finally {
    db.close();
  }

  // ---- the portal feed: residents' readings ----
  const items: FeedReading[] = [];
  let seq = 0;
  const item = (m: { code: string; account: string }, zone: number, value: string, date: string, submitted?: string): void => {
    items.push({
      id: `demo-${P}-${pad(++seq, 6)}`,
      account_no: m.account,
      meter_id: m.code,
      zone,
      value,
      reading_date: date,
      submitted_at: submitted ?? `${date}T${pad(rng.int(7, 21))}:${pad(rng.int(0, 59))}:00+01:00`,
    });
  };
  const planted = new Set<MeterSample>();
  const pick = (test: (m: MeterSample) => boolean) => {
    const m = typed.find((x) => !planted.has(x) && test(x));
    if (m) planted.add(m);
    return m;
  };
  const water = (m: MeterSample) => m.medium === 'cold_water' || m.medium === 'hot_water';
  const allZones = (m: MeterSample, date: string, value: (z: number) => number, submitted?: string) => {
    for (let z = 0; z < m.zones; z++) item(m, z + 1, fmt(value(z), m.decimals), date, submitted);
  };

  // Rule breakers first (each on its own meter), then the plain readings.
  // A cold-water meter 0.9 m³ before the end of its register reads 0.3xx now: a rollover → held.
  const roll = pick((m) => m.medium === 'cold_water' && m.zones === 1 && m.digits > 0);
  if (roll) {
    const unit = 10 ** roll.decimals;
    nearRegisterEnd(input.accountingFile, roll, Math.round(0.9 * unit));
    item(roll, 1, fmt(Math.round(0.3 * unit) + rng.int(0, Math.max(1, Math.round(0.09 * unit))), roll.decimals), day(4));
  }
  // A water meter replaced on the 1st: the new meter's first reading is lower than the old one's
  // last (a replacement → held), and a resident still reads the old meter (not in service → rejected).
  const swapped = pick((m) => water(m) && m.zones === 1 && m.last[0] > 2 * 10 ** m.decimals);
  if (swapped) {
    const code = replaceMeter(input.accountingFile, swapped, day(1), `SAL${P.replace('-', '')}${pad(swapped.id, 6)}`);
    item({ code, account: swapped.account }, 1, fmt(Math.round((rng.int(5, 15) * 10 ** swapped.decimals) / 10), swapped.decimals), day(5));
    item(swapped, 1, fmt(plausible(swapped, 0, day(6), rng, norms), swapped.decimals), day(6));
  }
  const low = pick((m) => m.last[0] > 4 * 10 ** m.decimals);
  if (low) allZones(low, day(3), (z) => Math.floor(low.last[z] / 2)); // lower than the previous → rejected
  const norm = pick((m) => m.medium === 'cold_water' && m.zones === 1);
  if (norm) allZones(norm, day(4), (z) => norm.last[z] + (Math.max(1, norm.residents) * 8 + 5) * 10 ** norm.decimals); // far above the norm → held
  const spike = pick((m) => m.medium === 'electricity' && m.zones === 1 && m.perMonth[0] > 10 ** m.decimals);
  if (spike) allZones(spike, day(4), (z) => spike.last[z] + spike.perMonth[z] * 9); // a spike → held
  const late = pick(water);
  if (late) allZones(late, day(2), (z) => plausible(late, z, day(2), rng, norms), `${day(27)}T19:30:00+01:00`); // submitted after the window → held
  const future = pick(water);
  if (future) allZones(future, `${Number(P.slice(0, 4)) + 5}${P.slice(4)}-03`, (z) => future.last[z] + 10 ** future.decimals); // a date in the future → rejected
  const negative = pick(water);
  if (negative) allZones(negative, day(5), () => -3 * 10 ** negative.decimals); // negative → rejected
  const precise = pick((m) => water(m) && m.decimals < 4);
  if (precise) for (let z = 0; z < precise.zones; z++) item(precise, z + 1, `${fmt(precise.last[z], precise.decimals)}${precise.decimals ? '7' : '.7'}`, day(5)); // too many decimals → rejected
  const zones = pick((m) => m.zones === 2);
  if (zones) item(zones, 1, fmt(plausible(zones, 0, day(5), rng, norms), zones.decimals), day(5)); // one zone of two → rejected
  const zero = pick(water);
  if (zero) allZones(zero, day(6), (z) => zero.last[z]); // zero consumption → accepted
  const dup = pick(water);
  if (dup) {
    const v = plausible(dup, 0, day(6), rng, norms);
    allZones(dup, day(6), () => v);
    allZones(dup, day(6), () => v); // submitted twice → one duplicate
  }
  const twice = pick(water);
  if (twice) {
    allZones(twice, day(3), (z) => plausible(twice, z, day(3), rng, norms)); // superseded by the later one
    allZones(twice, day(8), (z) => plausible(twice, z, day(8), rng, norms) + 10 ** twice.decimals);
  }
  if (expired) item(expired, 1, fmt(10 ** expired.decimals * 50, expired.decimals), day(5)); // past verification → rejected
  item({ code: 'M99999999', account: typed[0]?.account ?? 'NONE' }, 1, '12.5', day(5)); // no such meter → rejected
  const auto = radio[0];
  if (auto) allZones(auto, day(5), (z) => plausible(auto, z, day(5), rng, norms)); // typed for a radio meter → rejected

  for (const m of typed) {
    if (planted.has(m)) continue;
    const d = day(rng.int(2, 9));
    allZones(m, d, (z) => plausible(m, z, d, rng, norms));
  }
  const inbox = join(input.dir, 'portal', 'inbox', 'readings');
  mkdirSync(inbox, { recursive: true });
  writeAtomic(join(inbox, `${P}-demo.json`), Buffer.from(JSON.stringify({ items }) + '\n', 'utf8'));

  // ---- the radio file: the reading operator's export, in the country's code page ----
  const uk = input.locale === 'uk';
  const header = uk ? ['Радіо ID', 'Дата зчитування', 'Показник', 'Тривоги'] : ['Nr radiowy', 'Data odczytu', 'Wskazanie licznika', 'Alarmy'];
  const lines: string[] = [header.join(';')];
  const dmy = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
  const comma = (v: string) => v.replace('.', ',');
  const rows = radio.filter((m) => m.zones === 1).slice(1);
  rows.forEach((m, i) => {
    const d = day(1 + (i % 3));
    let value = comma(fmt(plausible(m, 0, d, rng, norms), m.decimals));
    let alarm = '';
    if (i === 0) alarm = 'LEAK'; // an alarm flag → accepted with a warning
    if (i === 1) value = uk ? 'помилка' : 'błąd'; // not a number → rejected
    if (i === 2) value = comma(fmt(Math.floor(m.last[0] / 3), m.decimals)); // lower than the previous → rejected
    lines.push([m.radio!, dmy(d), value, alarm].join(';'));
  });
  lines.push(['99000001', dmy(day(2)), '123,4', ''].join(';')); // a radio id no meter has → rejected
  const dir = join(input.dir, 'readings');
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, `radio-${P}.csv`), iconv.encode(lines.join('\r\n') + '\r\n', uk ? 'win1251' : 'win1250'));

  // The demo administrator's saved mapping for that file.
  const mapping: ColumnMappingInput = {
    name: DEMO_MAPPING,
    delimiter: ';',
    header: true,
    decimalMark: ',',
    dateFormats: ['DD.MM.YYYY'],
    columns: { radioId: header[0], date: header[1], value: header[2], alarms: header[3] },
  };
  const store = openStore(join(input.dir, 'store.sqlite'), input.locale);
  try {
    store
      .prepare(`INSERT OR REPLACE INTO readings_mappings (operator, name, mapping, updated_at) VALUES (?, ?, ?, ?)`)
      .run(DEMO_ADMIN, DEMO_MAPPING, JSON.stringify(mapping), nowIso());
  } finally {
    store.close();
  }
}
