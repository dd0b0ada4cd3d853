// Benchmark of the readings core (issue 5): 100,000 readings (a month of a 50,000-meter estate, two
// readings per meter: radio and portal, with duplicates, superseded readings, rollovers,
// replacements, garbage values) judged against 13 months of history per meter. Prints the time
// to build the lookup, to validate, readings/s and peak RSS; the same readings also go through the
// CSV importer (a 100k-line file) for its own figure. The service's target: validated, written
// and archived in under 10 s in total — validation should take well under one second of that.
//
//   npx tsx bench/readings-validate.bench.ts [--readings 100000] [--runs 3]

import type { MeterReadingRow, MeterRow } from '../shared/domain/accounting';
import { importReadingsFile } from '../main/readings/import';
import { createMeterLookup, meterFactsFromExports } from '../main/readings/meter-lookup';
import { DEFAULT_READING_RULES } from '../main/readings/rules';
import type { RawReading } from '../main/readings/types';
import { validateReadings } from '../main/readings/validate';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('readings', '100000'));
const RUNS = Number(arg('runs', '3'));
const METERS = Math.ceil(N / 2);
const HISTORY_MONTHS = 13;

// A deterministic generator (mulberry32), so every run judges the same estate.
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240331);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const fmt3 = (milli: number) => `${Math.floor(milli / 1000)}.${pad(milli % 1000, 3)}`;

const meters: MeterRow[] = [];
const history: MeterReadingRow[] = [];
const accounts: { account_no: string; residents_count: number; building: string }[] = [];
for (let i = 0; i < METERS; i++) {
  const acc = `${pad(Math.floor(i / 2), 6)}`;
  if (i % 2 === 0) accounts.push({ account_no: acc, residents_count: 1 + Math.floor(rand() * 4), building: `B${pad(Math.floor(i / 200), 4)}` });
  const id = `M${pad(i, 7)}`;
  meters.push({
    account_no: acc,
    meter_id: id,
    serial: `S${pad(i, 8)}`,
    radio_id: i % 3 === 0 ? pad(90000000 + i, 8) : null,
    medium: i % 2 === 0 ? 'cold_water' : 'hot_water',
    tariff_zones: 1,
    register_digits: 5,
    decimals: 3,
    unit: 'm3',
    installed_on: '2019-01-01',
    removed_on: null,
    verification_due: i % 97 === 0 ? '2024-01-31' : '2029-12-31',
    last_value: null,
    last_date: null,
    automatic: i % 3 === 0,
  });
  // 13 months of history, about 3 m³ a month; some near the register's end.
  let milli = i % 250 === 0 ? 99_960_000 : Math.floor(rand() * 500_000);
  for (let m = 0; m < HISTORY_MONTHS; m++) {
    const y = 2023 + Math.floor((2 + m) / 12);
    const mo = ((2 + m) % 12) + 1;
    history.push({ meter_id: id, reading_date: `${y}-${pad(mo, 2)}-10`, zone: 1, value: fmt3(milli % 100_000_000), source: 'inspector' });
    milli += 2000 + Math.floor(rand() * 2000);
  }
}
const lastValue = new Map<string, number>();
for (const h of history) lastValue.set(h.meter_id, Math.round(Number(h.value.replace('.', ''))));

const raws: RawReading[] = [];
for (let k = 0; k < N; k++) {
  const i = k % METERS;
  const m = meters[i];
  const base = (lastValue.get(m.meter_id)! + 1500 + Math.floor(rand() * 4000)) % 100_000_000;
  const portal = k >= METERS;
  const roll = rand();
  let value = fmt3(base).replace('.', ',');
  if (roll < 0.01) value = 'abc';
  else if (roll < 0.02) value = fmt3(Math.max(base - 50_000, 0));
  else if (roll < 0.03) value = fmt3(base + 40_000);
  else if (roll < 0.05 && portal) value = raws[i].value; // a duplicate of the radio reading
  raws.push(
    portal
      ? { sourceId: `portal-${k}`, source: 'portal', meterId: m.meter_id, accountNo: m.account_no, readingDate: roll < 0.5 ? '2024-03-20' : '2024-03-05', value, submittedAt: '2024-03-20T10:00:00+01:00' }
      : { sourceId: `file:${k + 2}`, source: 'radio', radioId: m.radio_id ?? undefined, serial: m.radio_id ? undefined : m.serial, readingDate: '2024-03-15', value, alarms: roll > 0.995 ? ['LEAK'] : undefined, file: 'radio.csv', line: k + 2 },
  );
}
const now = new Date('2024-03-28T12:00:00Z');

function mib() {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

const times: number[] = [];
// CPU time too: on a shared machine the wall clock measures the neighbours as well.
const cpuTimes: number[] = [];
let counts: Record<string, number> = {};
let lookupMs = 0;
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const lookup = createMeterLookup(meterFactsFromExports({ meters, readings: history, accounts }));
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const decisions = validateReadings(raws, lookup, DEFAULT_READING_RULES, now, 'pl');
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  lookupMs = t1 - t0;
  times.push(t2 - t1);
  counts = {};
  for (const d of decisions) counts[d.outcome] = (counts[d.outcome] ?? 0) + 1;
}
const best = Math.min(...times);

// The same radio readings as a CSV file through the importer.
const lines = ['serial;radio;date;value'];
for (const r of raws) if (r.source === 'radio') lines.push(`${r.serial ?? ''};${r.radioId ?? ''};15.03.2024;${r.value}`);
const bytes = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const c0 = performance.now();
const imported = importReadingsFile({
  bytes,
  fileName: 'radio.csv',
  format: 'csv',
  locale: 'pl',
  mapping: { name: 'bench', header: true, columns: { serial: 'serial', radioId: 'radio', date: 'date', value: 'value' } },
});
const csvMs = performance.now() - c0;

console.log(`readings validated: ${N} against ${METERS} meters × ${HISTORY_MONTHS} months of history`);
console.log(`lookup build:       ${lookupMs.toFixed(0)} ms`);
console.log(`validate (best of ${RUNS}): ${best.toFixed(0)} ms  (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
console.log(`validate CPU time:  ${cpuTimes.map((t) => t.toFixed(0)).join(', ')} ms (user+system, includes GC threads)`);
console.log(`readings/s:         ${Math.round(N / (best / 1000)).toLocaleString('en')} (wall clock), ${Math.round(N / (Math.min(...cpuTimes) / 1000)).toLocaleString('en')} (CPU time)`);
console.log(`outcomes:           ${JSON.stringify(counts)}`);
console.log(`CSV import:         ${imported.readings.length} readings from ${(bytes.length / 1024 / 1024).toFixed(1)} MiB in ${csvMs.toFixed(0)} ms (${Math.round(imported.readings.length / (csvMs / 1000)).toLocaleString('en')} lines/s)`);
console.log(`RSS now / peak:     ${mib()} MiB / ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
