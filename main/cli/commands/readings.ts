// `saldo readings …` commands: import (portal or a file), review held readings, re-check a run,
// list a run's readings, save a CSV column mapping. They go through the dispatcher like the
// window, so the same schemas and permissions apply; --json prints the contract's shapes exactly.

import { InvalidArgumentError } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isPeriod } from '../../../shared/domain/period';
import { EXIT_CODES, type Problem } from '../../../shared/domain/types';
import { fill, problem } from '../../../shared/errors/problem';
import {
  MAX_FILE_BYTES,
  READING_ENCODINGS,
  READING_FORMATS,
  READING_OUTCOMES,
  type ColumnMappingView,
  type ReadingsImportSummary,
  type ReadingsPage,
  type ReadingsReviewResult,
} from '../../../shared/ipc/contract-readings';
import { ensureKnownOperator } from '../../engine/workspace';
import { readingRules, saveReadingRules } from '../../readings/settings';
import { Exit, type CliContext, type RegisterCommands } from '../context';

const oneOf = <T extends string>(name: string, values: readonly T[]) => (v: string): T => {
  if (!(values as readonly string[]).includes(v)) throw new InvalidArgumentError(`${name}: expected ${values.join(', ')}`);
  return v as T;
};

function period(v: string): string {
  if (!isPeriod(v)) throw new InvalidArgumentError('expected a month as YYYY-MM');
  return v;
}

function runNo(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 31) throw new InvalidArgumentError('--run must be a run number');
  return n;
}

const keyList = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

/** Reads a file the operator named, within the import limit; a problem ends the command (exit 1). */
function readInput(cli: CliContext, file: string): Buffer {
  const path = resolve(file);
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new Error(`${size} bytes, more than ${MAX_FILE_BYTES}`);
    return readFileSync(path);
  } catch (e) {
    cli.printProblem(problem('SAL-2061', cli.locale(), { file: path, detail: (e as Error).message }));
    throw new Exit(EXIT_CODES.failed);
  }
}

function printSummary(cli: CliContext, s: ReadingsImportSummary, kind: string, period: string): void {
  const T = cli.t();
  cli.io.out(fill(T.runLine, { runId: s.runId, kind, period, status: T[`status_${s.status}`] }) + '\n');
  cli.io.out(fill(T.rdSummary, { read: s.read, accepted: s.accepted, held: s.held, rejected: s.rejected, duplicates: s.duplicates, superseded: s.superseded }) + '\n');
  const codes = Object.entries(s.byCode).sort(([a], [b]) => a.localeCompare(b));
  if (codes.length) {
    cli.io.out(T.rdByCode + '\n');
    for (const [code, n] of codes) cli.io.out(`  ${code}  ${String(n).padStart(8)}\n`);
  }
  const shown = 20;
  for (const p of s.errors.slice(0, shown)) printProblem(cli, p);
  if (s.errors.length > shown) cli.io.err(fill(T.rdMore, { count: s.errors.length - shown, runId: s.runId }) + '\n');
}

function printProblem(cli: CliContext, p: Problem): void {
  const T = cli.t();
  const where = p.file ? ` [${p.file}${p.line ? `:${p.line}` : ''}]` : p.key ? ` [${p.key}]` : '';
  cli.io.err(`${T[`rdSeverity_${p.severity}`]} ${p.code}${where}: ${p.message}\n${T.hint}: ${p.hint}\n`);
}

export const registerReadingsCommands: RegisterCommands = (program, cli) => {
  const readings = program.command('readings').description('meter readings: import from the portal or a radio file, review, re-check');

  readings
    .command('import')
    .description('import readings: the residents’ portal (by cursor) or a reading operator’s file; validate, write the accepted, hold the doubtful, archive all')
    .requiredOption('--source <source>', 'portal or file', oneOf('--source', ['portal', 'file'] as const))
    .option('--file <file>', 'the radio readings file (with --source file)')
    .option('--format <format>', 'csv, wmbus-json or wmbus-csv', oneOf('--format', READING_FORMATS))
    .option('--mapping <name>', 'the saved column mapping for a CSV file (yours: saldo readings mappings)')
    .option('--encoding <encoding>', 'auto (default), utf-8, windows-1250 or windows-1251', oneOf('--encoding', READING_ENCODINGS))
    .option('--period <YYYY-MM>', 'the month whose meters judge the readings (default: that of the latest reading date)', period)
    .action(async (o: { source: 'portal' | 'file'; file?: string; format?: (typeof READING_FORMATS)[number]; mapping?: string; encoding?: string; period?: string }) => {
      const g = cli.globals();
      let req: Record<string, unknown>;
      if (o.source === 'file') {
        if (!o.file || !o.format) {
          cli.io.err(`${cli.t().error}: ${cli.t().rdNeedFile}\n`);
          throw new Exit(EXIT_CODES.usage);
        }
        const bytes = readInput(cli, o.file);
        req = { source: 'file', fileName: basename(o.file), content: bytes.toString('base64'), format: o.format };
        if (o.mapping) req.mapping = o.mapping;
        if (o.encoding) req.encoding = o.encoding;
      } else req = { source: 'portal' };
      if (o.period) req.period = o.period;
      await cli.withBackend(async (b) => {
        const fin = await cli.runJob(b, 'readings.import', req);
        const s = (fin.result as ReadingsImportSummary | undefined) ?? {
          runId: null as unknown as number,
          status: fin.status,
          read: 0,
          accepted: 0,
          held: 0,
          rejected: 0,
          duplicates: 0,
          superseded: 0,
          byCode: {},
          errors: fin.error ? [fin.error] : [],
        };
        if (g.json) cli.io.out(JSON.stringify(s, null, 2) + '\n');
        else printSummary(cli, s, 'readings-import', o.period ?? '-');
        cli.setExit(cli.statusExit(fin.status));
      });
    });

  readings
    .command('review')
    .description('accept or reject readings held for review in a run, with a note (accepted ones are written to the accounting database)')
    .requiredOption('--run <id>', 'the import run', runNo)
    .option('--accept <keys>', 'reading keys, comma-separated, or "all"', keyList)
    .option('--reject <keys>', 'reading keys, comma-separated, or "all"', keyList)
    .requiredOption('--note <text>', 'why (kept with the decision and in the audit log)')
    .action(async (o: { run: number; accept?: string[]; reject?: string[]; note: string }) => {
      const T = cli.t();
      if (!o.accept === !o.reject) {
        cli.io.err(`${T.error}: ${T.rdNeedDecision}\n`);
        throw new Exit(EXIT_CODES.usage);
      }
      const decision = o.accept ? 'accept' : 'reject';
      const asked = (o.accept ?? o.reject)!;
      await cli.withBackend(async (b) => {
        // The keys must be readings held in this run: read them (paged) to check, or to expand "all".
        const held = new Set<string>();
        for (let offset = 0; ; offset += 5000) {
          const page = await cli.call<ReadingsPage>(b, 'readings.list', { runId: o.run, outcome: 'held', offset, limit: 5000 });
          for (const r of page.rows) held.add(r.key);
          if (page.rows.length < 5000) break;
        }
        const keys = asked.length === 1 && asked[0].toLowerCase() === 'all' ? [...held] : asked;
        const notHeld = keys.filter((k) => !held.has(k));
        if (!keys.length || notHeld.length) {
          cli.io.err(`${T.error}: ${keys.length ? fill(T.rdNotHeld, { key: notHeld.join(','), runId: o.run }) : fill(T.rdNoneHeld, { runId: o.run })}\n`);
          throw new Exit(EXIT_CODES.failed);
        }
        const total: ReadingsReviewResult = { accepted: 0, rejected: 0, errors: [] };
        for (let i = 0; i < keys.length; i += 10_000) {
          const r = await cli.call<ReadingsReviewResult>(b, 'readings.review', { keys: keys.slice(i, i + 10_000), decision, note: o.note });
          total.accepted += r.accepted;
          total.rejected += r.rejected;
          total.errors.push(...r.errors);
        }
        const failed = total.errors.some((p) => p.severity === 'error');
        if (cli.globals().json) cli.io.out(JSON.stringify({ runId: o.run, status: failed ? 'failed' : 'completed', ...total }, null, 2) + '\n');
        else {
          cli.io.out(fill(T.rdReviewed, { accepted: total.accepted, rejected: total.rejected }) + '\n');
          for (const p of total.errors) printProblem(cli, p);
        }
        cli.setExit(failed ? EXIT_CODES.failed : EXIT_CODES.completed);
      });
    });

  readings
    .command('recheck')
    .description('judge the held and rejected readings of a run again, after a correction in the accounting system')
    .requiredOption('--run <id>', 'the import run', runNo)
    .option('--keys <keys>', 'only these reading keys, comma-separated', keyList)
    .action(async (o: { run: number; keys?: string[] }) => {
      await cli.withBackend(async (b) => {
        const fin = await cli.runJob(b, 'readings.recheck', { runId: o.run, ...(o.keys?.length ? { keys: o.keys } : {}) });
        const s = fin.result as ReadingsImportSummary | undefined;
        if (cli.globals().json) cli.io.out(JSON.stringify(s ?? { runId: null, status: fin.status, errors: fin.error ? [fin.error] : [] }, null, 2) + '\n');
        else if (s) printSummary(cli, s, 'readings-recheck', `run ${o.run}`);
        else if (fin.error) printProblem(cli, fin.error);
        cli.setExit(cli.statusExit(fin.status));
      });
    });

  readings
    .command('list')
    .description('the archived readings of a run (keys for review)')
    .requiredOption('--run <id>', 'the run', runNo)
    .option('--outcome <outcome>', READING_OUTCOMES.join(', '), oneOf('--outcome', READING_OUTCOMES))
    .option('--limit <n>', 'at most this many (1–5000)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 5000) throw new InvalidArgumentError('--limit: 1 to 5000');
      return n;
    }, 1000)
    .action(async (o: { run: number; outcome?: string; limit: number }) => {
      await cli.withBackend(async (b) => {
        const page = await cli.call<ReadingsPage>(b, 'readings.list', { runId: o.run, ...(o.outcome ? { outcome: o.outcome } : {}), limit: o.limit });
        if (cli.globals().json) return void cli.io.out(JSON.stringify(page, null, 2) + '\n');
        const T = cli.t();
        if (!page.rows.length) return void cli.io.out(T.rdNoReadings + '\n');
        cli.io.out(T.rdListHeader + '\n');
        for (const r of page.rows) {
          const code = r.problems.find((p) => p.severity !== 'warning')?.code ?? r.problems[0]?.code ?? '';
          const cols = [
            r.key.padEnd(8),
            T[`rdOutcome_${r.outcome}`].padEnd(11),
            (r.meterId ?? r.serial ?? r.radioId ?? '?').padEnd(16),
            (r.accountNo ?? '').padEnd(16),
            r.readingDate.padEnd(11),
            String(r.zone).padEnd(5),
            r.value.slice(0, 12).padEnd(12),
            (r.consumption ?? '').padEnd(12),
            code,
          ];
          cli.io.out(cols.join(' ') + '\n');
        }
      });
    });

  readings
    .command('mappings')
    .description('your saved CSV column mappings')
    .action(async () => {
      await cli.withBackend(async (b) => {
        const list = await cli.call<ColumnMappingView[]>(b, 'readings.mappings', {});
        if (cli.globals().json) return void cli.io.out(JSON.stringify(list, null, 2) + '\n');
        for (const m of list) cli.io.out(`${m.name.padEnd(24)} ${m.updatedAt}  ${JSON.stringify(m.mapping.columns)}\n`);
      });
    });

  readings
    .command('save-mapping')
    .description('save a CSV column mapping (a JSON file: name, header, delimiter, decimalMark, dateFormats, columns)')
    .argument('<file>', 'the mapping as JSON')
    .action(async (file: string) => {
      const bytes = readInput(cli, file);
      let mapping: unknown;
      try {
        mapping = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch (e) {
        cli.printProblem(problem('SAL-2061', cli.locale(), { file: resolve(file), detail: (e as Error).message }));
        throw new Exit(EXIT_CODES.failed);
      }
      await cli.withBackend(async (b) => {
        const saved = await cli.call<ColumnMappingView>(b, 'readings.saveMapping', { mapping });
        cli.io.out(cli.globals().json ? JSON.stringify(saved, null, 2) + '\n' : fill(cli.t().rdMappingSaved, { name: saved.name }) + '\n');
      });
    });

  readings
    .command('rules')
    .description('the readings rules in force (norms, rule outcomes, submission window, spike factor); --set FILE changes them (Administrator)')
    .option('--set <file>', 'a JSON file with the settings to change, e.g. {"norms":{"cold_water":"3.5"},"actions":{"SAL-2014":"hold"}}')
    .action(async (o: { set?: string }) => {
      let change: Record<string, unknown> | undefined;
      if (o.set) {
        try {
          change = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readInput(cli, o.set))) as Record<string, unknown>;
          if (!change || typeof change !== 'object' || Array.isArray(change)) throw new Error('expected a JSON object');
        } catch (e) {
          if (e instanceof Exit) throw e;
          cli.printProblem(problem('SAL-2063', cli.locale(), { detail: (e as Error).message }));
          throw new Exit(EXIT_CODES.failed);
        }
      }
      await cli.withBackend(async (b) => {
        const actor = ensureKnownOperator(b.ws, cli.globals().operator);
        const rules = change ? saveReadingRules(b.ws, actor, change) : readingRules(b.ws);
        cli.io.out(JSON.stringify(rules, null, 2) + '\n');
      });
    });
};
