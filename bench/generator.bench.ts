// Demo accounting database generator benchmark.
//   npx tsx bench/generator.bench.ts [--premises 200000] [--months 3] [--locale pl|uk] [--seed bench]
// Generates into a temporary folder, prints wall time, rows per second, peak RSS and file size,
// then deletes the folder.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateAccountingDb } from '../main/demo/generator';

const { values } = parseArgs({
  options: {
    premises: { type: 'string', default: '200000' },
    months: { type: 'string', default: '3' },
    locale: { type: 'string', default: 'pl' },
    seed: { type: 'string', default: 'bench' },
  },
});

const premises = Number(values.premises);
const months = Number(values.months);
const locale = values.locale === 'uk' ? 'uk' : 'pl';
const dir = mkdtempSync(join(tmpdir(), 'saldo-bench-'));
const path = join(dir, 'accounting.sqlite');

try {
  const t0 = performance.now();
  const result = await generateAccountingDb(path, { premises, months, locale, seed: values.seed, endPeriod: '2025-06' });
  const seconds = (performance.now() - t0) / 1000;
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
  console.log(`premises: ${premises}, months: ${months}, locale: ${locale}`);
  console.log(`wall time: ${seconds.toFixed(2)} s`);
  console.log(`rows: ${rows} (${Object.entries(result.counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`rows per second: ${Math.round(rows / seconds)}`);
  console.log(`peak RSS: ${mib(process.resourceUsage().maxRSS * 1024)} MiB`);
  console.log(`database file: ${mib(statSync(path).size)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
