// Benchmark of Data to WWW (issue 4): a full send of every category of a 200,000-premises demo
// workspace to the folder transport, and "send changed" after 1% of the records changed, side by
// side with the ceiling — reading the same rows from the SQLite file and writing them out as JSON
// lines with nothing else. Each phase runs in its own process, so peak memory is its own; the
// event-loop lag (p99) is sampled during the sends, as the window would feel it.
//
// The aims are in elapsed time. On a machine shared with other work the elapsed times also measure
// the waiting for a core, so each phase also prints its CPU time, and the CPU time of its main
// thread alone (Linux): the ceiling writes its file on libuv's threads, in parallel, so on an idle
// machine its elapsed time is about its main thread's, and so is a send's.
//
//   npx tsx bench/www-send.bench.ts [--premises 200000] [--months 3] [--dir DIR] [--keep]

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const here = fileURLToPath(import.meta.url);
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const PERIOD = '2026-10';
const PROCS = ['export_accounts', 'export_services', 'export_providers', 'export_residents', 'export_beneficiaries', 'export_balances', 'export_charges', 'export_meters'] as const;

function child(phase: string, dir: string, nodeFlags: string[] = []): Record<string, number> {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', here, '--phase', phase, '--dir', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** CPU seconds (user + system, every thread) since `from`: on a shared machine, what the code itself costs. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

/** CPU seconds of this process's main thread (Linux /proc; clock ticks of 1/100 s), or NaN elsewhere. */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function peakMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function phaseCeiling(dir: string) {
  const { SqliteAccountingGateway } = await import('../main/accounting/sqlite/gateway');
  const gw = SqliteAccountingGateway.open(join(dir, 'accounting.sqlite'));
  const out = createWriteStream(join(dir, 'ceiling.jsonl'));
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpu();
  const t0 = performance.now();
  let rows = 0;
  for (const p of PROCS) {
    for await (const r of gw.export(p, { period: PERIOD })) {
      rows++;
      if (!out.write(JSON.stringify(r) + '\n')) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  await gw.close();
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuSince(c0), mainCpuSeconds: mainThreadCpu() - m0, rows, peakMiB: peakMiB() };
}

async function phaseSend(dir: string, mode: 'all' | 'changed') {
  const { createBackend } = await import('../main/engine/backend');
  const { ChromiumPdfPrinter } = await import('../main/reports/pdf');
  const b = createBackend(join(dir, 'saldo.json'), { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(dir, '.key', 'k') } }, emit: () => {} });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpu();
  const t0 = performance.now();
  const r = await b.dispatcher.handle('www.send', { period: PERIOD, mode, confirmDrop: true }, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const fin = await b.jobs.wait((r.value as { jobId: string }).jobId);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuSince(c0);
  const mainCpuSeconds = mainThreadCpu() - m0;
  lag.disable();
  const s = fin!.result as { status: string; categories: Record<string, { sent: number }> };
  if (s.status !== 'completed') throw new Error(`send ${mode}: ${s.status} ${JSON.stringify(fin!.error)}`);
  const sent = Object.values(s.categories).reduce((a, c) => a + c.sent, 0);
  await b.close();
  return { seconds, cpuSeconds, mainCpuSeconds, sent, peakMiB: peakMiB(), lagP99Ms: lag.percentile(99) / 1e6, lagMaxMs: lag.max / 1e6 };
}

/** 1% of the records change: account info lines, and charge recalculations. */
function changeOnePercent(dir: string) {
  const db = new Database(join(dir, 'accounting.sqlite'));
  const a = db.prepare(`UPDATE premises SET info4 = 'Zmiana ' || premises_id WHERE premises_id % 100 = 7`).run().changes;
  const c = db.prepare(`UPDATE charges SET recalculation = recalculation + 100 WHERE period = ? AND premises_id % 100 = 13`).run(PERIOD).changes;
  db.close();
  return { accounts: a, chargeRows: c };
}

async function main() {
  const phase = arg('phase', '');
  const dir = arg('dir', '');
  if (phase === 'ceiling') return console.log(JSON.stringify(await phaseCeiling(dir)));
  if (phase === 'send-all') return console.log(JSON.stringify(await phaseSend(dir, 'all')));
  if (phase === 'send-changed') return console.log(JSON.stringify(await phaseSend(dir, 'changed')));

  const premises = Number(arg('premises', '200000'));
  const months = Number(arg('months', '3'));
  const root = dir || mkdtempSync(join(tmpdir(), 'saldo-bench-www-'));
  const ws = join(root, 'ws');
  if (!existsSync(join(ws, 'saldo.json'))) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', join(here, '..', '..', 'main', 'cli', 'entry.ts'), 'demo', 'init', '--dir', ws, '--premises', String(premises), '--months', String(months), '--end-period', PERIOD, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`demo workspace: ${premises} premises, ${months} months, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const ceiling = child('ceiling', ws);
  const cpu = (p: Record<string, number>) => `CPU ${p.cpuSeconds.toFixed(2)} s, main thread ${p.mainCpuSeconds.toFixed(2)} s`;
  const times = (p: Record<string, number>) =>
    `${p.seconds.toFixed(2)} s (${(p.seconds / ceiling.seconds).toFixed(2)}× ceiling; main thread ${(p.mainCpuSeconds / ceiling.mainCpuSeconds).toFixed(2)}×; ${cpu(p)})`;
  console.log(`ceiling (read rows + write JSON lines): ${ceiling.seconds.toFixed(2)} s (${cpu(ceiling)}), ${ceiling.rows} rows, peak ${ceiling.peakMiB} MiB`);
  const all = child('send-all', ws);
  console.log(`full send, all categories, folder: ${times(all)} — aim ≤ 2×; ${all.sent} records, peak ${all.peakMiB} MiB (aim < 500), event-loop lag p99 ${all.lagP99Ms.toFixed(1)} ms, max ${all.lagMaxMs.toFixed(1)} ms (aim p99 < 50)`);
  // The same send with V8's old space capped: if it still finishes (in about the same time), the
  // peak above is garbage V8 had not yet collected, not memory the send holds.
  const capped = child('send-all', ws, ['--max-old-space-size=200']);
  console.log(`full send again, V8 heap capped at 200 MiB: ${capped.seconds.toFixed(2)} s, peak ${capped.peakMiB} MiB`);
  const changed = changeOnePercent(ws);
  console.log(`changed: ${changed.accounts} accounts and ${changed.chargeRows} charge rows (1%)`);
  const ch = child('send-changed', ws);
  console.log(`send changed: ${times(ch)} — aim ≤ 0.75×; ${ch.sent} records, peak ${ch.peakMiB} MiB, event-loop lag p99 ${ch.lagP99Ms.toFixed(1)} ms`);
  if (!dir && !process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
}

await main();
