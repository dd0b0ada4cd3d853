// Benchmark of the meter readings import (issue 5): 100,000 readings in a reading operator's CSV
// file, validated against the accounting data, the accepted ones written to the demo accounting
// database (one transaction per 1,000) and every one archived in the local store — on a demo
// workspace large enough to have a meter for each. The import runs in its own process, so the
// peak memory is its own; the event-loop lag is sampled as the window would feel it. Aim: < 10 s.
//
//   npx tsx bench/readings.bench.ts [--readings 100000] [--premises 44000] [--months 3] [--dir DIR] [--keep]

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const PERIOD = '2026-10';
const READ_DAY = '2026-11-03';

function peakMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * The radio operator's file: one line per meter and zone (serial;date;zone;value), the value the
 * last recorded one plus a little; every 50th line lower than the previous (rejected) and every
 * 400th not a number — the rules have real work, not only the happy path.
 */
function writeReadingsFile(ws: string, count: number): { file: string; lines: number } {
  const db = new Database(join(ws, 'accounting.sqlite'), { readonly: true });
  const rows = db
    .prepare(
      `SELECT m.serial, r.zone, r.value, m.decimals
       FROM meters m JOIN premises p ON p.premises_id = m.premises_id
       JOIN meter_readings r ON r.meter_id = m.meter_id
        AND r.reading_date = (SELECT MAX(x.reading_date) FROM meter_readings x WHERE x.meter_id = m.meter_id)
       WHERE m.removed_on IS NULL AND p.account_no IS NOT NULL AND p.account_no <> '' AND m.verification_due > ?
       ORDER BY m.meter_id, r.zone LIMIT ?`,
    )
    .all(READ_DAY, count) as Array<{ serial: string; zone: number; value: string; decimals: number }>;
  db.close();
  const out: string[] = ['serial;date;zone;value'];
  rows.forEach((r, i) => {
    const [int, frac = ''] = r.value.split('.');
    const scale = 10 ** r.decimals;
    let scaled = Number(int) * scale + Number((frac + '0000').slice(0, r.decimals));
    scaled += i % 50 === 7 ? -Math.min(scaled, 5 * scale) : (i % 7) * Math.max(1, scale / 10);
    const text = r.decimals ? `${Math.floor(scaled / scale)}.${String(scaled % scale).padStart(r.decimals, '0')}` : String(scaled);
    out.push(`${r.serial};${READ_DAY};${r.zone};${i % 400 === 11 ? 'n/a' : text}`);
  });
  const file = join(ws, 'bench-readings.csv');
  writeFileSync(file, out.join('\r\n') + '\r\n');
  return { file, lines: rows.length };
}

async function phaseImport(ws: string, file: string) {
  const { openWorkspace } = await import('../main/engine/workspace');
  const { importReadings } = await import('../main/readings/service');
  const w = openWorkspace(join(ws, 'saldo.json'));
  const phases: Record<string, number> = {};
  const phasesCpu: Record<string, number> = {};
  let last = 'start';
  let lastAt = performance.now();
  let lastCpu = process.cpuUsage();
  const cpuSince = (c: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1e6;
  };
  // How long import_readings calls are in flight (on the demo, a thread of its own writes them).
  const gw = await w.accounting();
  const importRows = gw.importReadings.bind(gw);
  let gatewaySeconds = 0;
  gw.importReadings = async (rows, signal) => {
    const t = performance.now();
    try {
      return await importRows(rows, signal);
    } finally {
      gatewaySeconds += (performance.now() - t) / 1000;
    }
  };
  // …and the archive's (every reading, one transaction per batch), in wall time: the process's CPU
  // meanwhile includes the writer thread's, which works at the same time.
  const { ReadingsArchive } = await import('../main/readings/archive');
  const insertMany = ReadingsArchive.prototype.insertMany;
  let archiveSeconds = 0;
  ReadingsArchive.prototype.insertMany = function (rows) {
    const t = performance.now();
    try {
      return insertMany.call(this, rows);
    } finally {
      archiveSeconds += (performance.now() - t) / 1000;
    }
  };
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  lastAt = t0;
  lastCpu = cpu0;
  const content = readFileSync(file).toString('base64');
  const s = await importReadings(
    w,
    w.operators.find('admin')!,
    { source: 'file', fileName: 'bench-readings.csv', content, format: 'csv', mapping: { name: 'bench', header: true, delimiter: ';', decimalMark: '.', dateFormats: ['YYYY-MM-DD'], columns: { serial: 'serial', date: 'date', zone: 'zone', value: 'value' } } },
    {
      signal: new AbortController().signal,
      progress: (phase) => {
        if (phase === last) return;
        const now = performance.now();
        phases[last] = (phases[last] ?? 0) + (now - lastAt) / 1000;
        phasesCpu[last] = (phasesCpu[last] ?? 0) + cpuSince(lastCpu);
        last = phase;
        lastAt = now;
        lastCpu = process.cpuUsage();
      },
    },
    async () => {
      throw new Error('no portal in this benchmark');
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  phases[last] = (phases[last] ?? 0) + (performance.now() - lastAt) / 1000;
  phasesCpu[last] = (phasesCpu[last] ?? 0) + cpuSince(lastCpu);
  lag.disable();
  if (s.status !== 'completed') throw new Error(`import ${s.status}: ${JSON.stringify(s.errors.at(-1))}`);
  const written = new Database(join(ws, 'accounting.sqlite'), { readonly: true }).prepare(`SELECT COUNT(*) FROM meter_readings WHERE reading_key LIKE 'radio:%'`).pluck().get() as number;
  const archived = w.db.prepare(`SELECT COUNT(*) FROM readings_archive`).pluck().get() as number;
  await w.close();
  return { seconds, cpuSeconds, read: s.read, accepted: s.accepted, held: s.held, rejected: s.rejected, written, archived, phases, phasesCpu, gatewaySeconds, archiveSeconds, peakMiB: peakMiB(), lagP99Ms: lag.percentile(99) / 1e6, lagMaxMs: lag.max / 1e6 };
}

async function main() {
  if (arg('phase', '') === 'import') return console.log(JSON.stringify(await phaseImport(arg('dir', ''), arg('file', ''))));

  const readings = Number(arg('readings', '100000'));
  const premises = Number(arg('premises', '44000'));
  const months = Number(arg('months', '3'));
  const dir = arg('dir', '');
  const root = dir || mkdtempSync(join(tmpdir(), 'saldo-bench-readings-'));
  const base = join(root, 'base');
  if (!existsSync(join(base, 'saldo.json'))) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', join(here, '..', '..', 'main', 'cli', 'entry.ts'), 'demo', 'init', '--dir', base, '--premises', String(premises), '--months', String(months), '--end-period', PERIOD, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`demo workspace: ${premises} premises, ${months} months, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const { file, lines } = writeReadingsFile(base, readings);
  if (lines < readings) console.log(`note: the workspace has meters for ${lines} readings only; use more --premises`);
  // Each run imports into a fresh copy, so a kept --dir can be measured again.
  const ws = join(root, 'run');
  rmSync(ws, { recursive: true, force: true });
  cpSync(base, ws, { recursive: true });
  const out = execFileSync(process.execPath, ['--import', 'tsx', here, '--phase', 'import', '--dir', ws, '--file', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').at(-1)!);
  console.log(
    `readings import: ${r.read} readings validated, ${r.written} written, ${r.archived} archived in ${r.seconds.toFixed(2)} s ` +
      `(${Math.round(r.read / r.seconds)} readings/s; aim < 10 s; CPU ${r.cpuSeconds.toFixed(2)} s), peak ${r.peakMiB} MiB, event-loop lag p99 ${r.lagP99Ms.toFixed(1)} ms, max ${r.lagMaxMs.toFixed(1)} ms`,
  );
  console.log(`  outcomes: accepted ${r.accepted}, held ${r.held}, rejected ${r.rejected}`);
  console.log(`  phases (wall / CPU): ${Object.entries(r.phases as Record<string, number>).map(([k, v]) => `${k} ${v.toFixed(2)} / ${(r.phasesCpu[k] as number).toFixed(2)} s`).join(', ')}`);
  console.log(
    `  import_readings calls in flight (the demo writes on a thread of its own while the archive is written): ${r.gatewaySeconds.toFixed(2)} s wall; ` +
      `inserting 100% of the readings into the archive: ${r.archiveSeconds.toFixed(2)} s wall`,
  );
  console.log('  (start: decoding and parsing the file; read: the already-processed guard; lookup: the accounting exports; validate: the rules; archive: readings not to be written; write: import_readings and archiving)');
  if (!dir && !process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
}

await main();
