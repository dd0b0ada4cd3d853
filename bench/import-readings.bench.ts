// importReadings on the SQLite demo: the accounting write of the readings import.
//   npx tsx bench/import-readings.bench.ts [--premises 20000] [--readings 100000] [--batch 1000]
// Generates a demo database in a temporary folder, writes `readings` readings (every meter in
// turn, one day after another) in batches of `batch` (one transaction each), then writes the same
// batches again (every row answered "already"), and prints the wall time and rows per second of
// both passes (and the CPU time, which a busy machine does not inflate). Deletes the folder.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SqliteAccountingGateway } from '../main/accounting/sqlite/gateway';
import { generateAccountingDb } from '../main/demo/generator';
import type { AcceptedReading } from '../main/readings/types';

const { values } = parseArgs({
  options: {
    premises: { type: 'string', default: '20000' },
    readings: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
  },
});
const premises = Number(values.premises);
const total = Number(values.readings);
const batch = Number(values.batch);
const PERIOD = '2025-06';
const dir = mkdtempSync(join(tmpdir(), 'saldo-bench-'));
const path = join(dir, 'accounting.sqlite');

try {
  await generateAccountingDb(path, { premises, months: 2, locale: 'pl', seed: 'bench', endPeriod: PERIOD });
  const gw = SqliteAccountingGateway.open(path);
  const meters: Array<{ meter_id: string; account_no: string }> = [];
  for await (const m of gw.export('export_meters', { period: PERIOD })) if (!m.removed_on) meters.push({ meter_id: m.meter_id, account_no: m.account_no });
  // Days after the demo's last period, so no reading is already recorded on them.
  const rows: AcceptedReading[] = Array.from({ length: total }, (_, i) => {
    const m = meters[i % meters.length];
    const day = 1 + Math.floor(i / meters.length);
    return { reading_key: `bench:${i}`, account_no: m.account_no, meter_id: m.meter_id, reading_date: `2025-07-${String(day).padStart(2, '0')}`, zone: 1, value: `${1000 + (i % 977)}.125`, source: 'radio' };
  });
  if (total / meters.length > 28) throw new Error(`too few meters (${meters.length}) for ${total} readings: raise --premises`);

  const pass = async (label: string) => {
    const counts: Record<string, number> = {};
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += batch) {
      for (const r of await gw.importReadings(rows.slice(i, i + batch))) counts[r.status] = (counts[r.status] ?? 0) + 1;
    }
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time as well as wall time: on a busy machine the wall time mostly measures the others.
    console.log(
      `${label}: ${rows.length} readings in ${Math.ceil(rows.length / batch)} batches of ${batch}: wall ${s.toFixed(2)} s (${Math.round(rows.length / s)} rows/s), CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (${JSON.stringify(counts)})`,
    );
  };
  console.log(`demo: ${premises} premises, ${meters.length} meters`);
  await pass('first write');
  await pass('same batches again');
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
  await gw.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
