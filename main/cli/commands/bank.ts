// `saldo bank …`: import statement files (the summary, `--json` in the issue's stable shape, with
// `booked`: what went to accounting when saldo.json bank.deliver is `accounting`), assign an
// unmatched payment, write (deliver) a run's results again after assignments, and watch a folder
// unattended. The import and the watch call the
// bank service with the CLI's operator, whose permission the service checks (as for the window).

import { InvalidArgumentError } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { EXIT_CODES, type Problem } from '../../../shared/domain/types';
import { formatMoney, parseDecimal } from '../../../shared/domain/money';
import { STATEMENT_ENCODINGS, STATEMENT_FORMATS, type BankBooking, type BankImportSummary, type BankItemView, type BankWriteResult, type CountAmount } from '../../../shared/ipc/contract-bank';
import { ProblemError, fill, problem } from '../../../shared/errors/problem';
import { requirePermission } from '../../engine/authorize';
import { ensureKnownOperator } from '../../engine/workspace';
import { BankStore } from '../../bank/store';
import { MAX_STATEMENT_BYTES, importStatements, type ImportFile } from '../../bank/service';
import { emptyBooking } from '../../bank/deliver';
import { StatementWatcher } from '../../bank/watch';
import { Exit, type CliContext, type RegisterCommands } from '../context';

function oneOf<T extends string>(name: string, list: readonly T[]) {
  return (v: string): T => {
    if (!(list as readonly string[]).includes(v)) throw new InvalidArgumentError(`${name} must be one of ${list.join(', ')}`);
    return v as T;
  };
}

function positiveInt(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 31) throw new InvalidArgumentError(`${name} must be a whole number from 1`);
    return n;
  };
}

interface ImportOpts {
  out?: string;
  encoding?: string;
  format?: (typeof STATEMENT_FORMATS)[number];
  csvMapping?: string;
}

/** The booking line and one problem line per refused item (saldo.json bank.deliver = accounting). */
function printBooked(cli: CliContext, b: BankBooking): void {
  const money = (v: string) => formatMoney(parseDecimal(v), cli.locale());
  cli.io.out(
    fill(cli.t().bankBooked, {
      wCount: b.written.count,
      wAmount: money(b.written.amount),
      aCount: b.already.count,
      aAmount: money(b.already.amount),
      rCount: b.refused.count,
      rAmount: money(b.refused.amount),
    }) + '\n',
  );
  for (const p of b.errors) printProblemLine(cli, p);
}

function printSummary(cli: CliContext, s: BankImportSummary, delivered: boolean): void {
  const T = cli.t();
  const L = cli.locale();
  const money = (v: string) => formatMoney(parseDecimal(v), L);
  const ca = (c: CountAmount) => [c.count, money(c.amount)] as const;
  cli.io.out(fill(T.bankRunLine, { runId: s.runId, status: T[`status_${s.status === 'running' ? 'failed' : s.status}`] }) + '\n');
  for (const f of s.files) {
    const flags = f.duplicate ? T.bankDuplicate : !f.booked ? T.bankNotBooked : '';
    cli.io.out(
      fill(T.bankFileLine, { file: f.file, format: f.format ?? T.bankUnknown, encoding: f.encoding ?? T.bankUnknown, statements: f.statements, entries: f.entries, check: T[`bankCheck_${f.balanceCheck}`], flags }) + '\n',
    );
    const [inCount, inAmount] = ca(f.moneyIn);
    const [outCount, outAmount] = ca(f.moneyOut);
    cli.io.out(fill(T.bankFileAmounts, { inCount, inAmount, outCount, outAmount }) + '\n');
    if (f.booked) {
      const [resCount, resAmount] = ca(f.matched.residential);
      const [comCount, comAmount] = ca(f.matched.commercial);
      const [unCount, unAmount] = ca(f.unmatched);
      cli.io.out(fill(T.bankFileMatched, { resCount, resAmount, comCount, comAmount, sugCount: f.suggested.count, unCount, unAmount }) + '\n');
    }
    for (const p of f.errors) printProblemLine(cli, p);
  }
  cli.io.out(fill(T.bankTotals, { entries: s.entries, matched: s.matched, suggested: s.suggested, unmatched: s.unmatched, outgoing: s.outgoing, fees: s.fees, duplicates: s.duplicates }) + '\n');
  if (s.outputs.length) cli.io.out(`${T.bankOutputs}\n${s.outputs.map((o) => `  ${o}`).join('\n')}\n`);
  if (delivered) printBooked(cli, s.booked);
  for (const p of s.errors) printProblemLine(cli, p);
}

function printProblemLine(cli: CliContext, p: Problem): void {
  const T = cli.t();
  const where = [p.file, p.line ? `:${p.line}` : ''].join('');
  cli.io.err(`${T[`bankSeverity_${p.severity}`]} ${p.code}${where ? ` (${where})` : ''}: ${p.message}\n${T.hint}: ${p.hint}\n`);
}

/** Reads the named files; a missing or oversized one is bad usage (exit 2) before anything starts. */
function readFiles(cli: CliContext, files: string[]): ImportFile[] {
  return files.map((f) => {
    const abs = resolve(f);
    const fail = (p: Problem) => {
      cli.printProblem(p);
      throw new Exit(EXIT_CODES.usage);
    };
    if (!existsSync(abs) || !statSync(abs).isFile()) fail(problem('SAL-3066', cli.locale(), { file: abs, detail: fill(cli.t().bankNoFile, { file: abs }) }, { file: abs }));
    if (statSync(abs).size > MAX_STATEMENT_BYTES) fail(problem('SAL-3067', cli.locale(), { file: abs, max: MAX_STATEMENT_BYTES / 1024 / 1024 }, { file: abs }));
    try {
      return { name: basename(abs), bytes: new Uint8Array(readFileSync(abs)) };
    } catch (e) {
      return fail(problem('SAL-3066', cli.locale(), { file: abs, detail: (e as Error).message }, { file: abs }));
    }
  });
}

export const registerBankCommands: RegisterCommands = (program, cli) => {
  const bank = program.command('bank').description('bank statements: import, match to premises, output files, watch a folder');

  bank
    .command('import')
    .description('import statement files (MT940/MT942, camt.052/053/054, 1C, CSV), match the payments, optionally write the output files')
    .argument('<files...>', 'statement files')
    .option('--out <dir>', 'write the output files (residential, commercial, unmatched) into this folder')
    .option('--encoding <name>', `override the detected encoding (${STATEMENT_ENCODINGS.join(', ')})`, oneOf('--encoding', STATEMENT_ENCODINGS))
    .option('--format <name>', `override the detected format (${STATEMENT_FORMATS.join(', ')})`, oneOf('--format', STATEMENT_FORMATS))
    .option('--csv-mapping <name>', 'the CSV column mapping (a preset or one saved in saldo.json bank.csvMappings)')
    .action(async (files: string[], o: ImportOpts) => {
      await cli.withBackend(async (b) => {
        const inputs = readFiles(cli, files);
        const actor = ensureKnownOperator(b.ws, cli.globals().operator);
        let summary: BankImportSummary | undefined;
        const jobId = b.jobs.start(
          'bank.import',
          async (ctx) => {
            summary = await importStatements(b.ws, actor, inputs, { encoding: o.encoding, format: o.format, csvMapping: o.csvMapping, outDir: o.out ? resolve(o.out) : undefined }, ctx);
            return { status: summary.status, result: summary };
          },
          (e) => (e instanceof ProblemError ? e.problem : problem('SAL-9001', b.ws.locale(), { detail: (e as Error).message })),
        );
        const onSigint = () => {
          cli.io.err(`\n${cli.t().cancelling}\n`);
          b.jobs.cancel(jobId);
        };
        process.once('SIGINT', onSigint);
        let fin;
        try {
          fin = (await b.jobs.wait(jobId))!;
        } finally {
          process.off('SIGINT', onSigint);
        }
        if (!summary) {
          // The permission check or something before the run failed.
          cli.printProblem(fin.error ?? problem('SAL-9001', cli.locale(), { detail: 'no result' }));
          cli.setExit(EXIT_CODES.failed);
          return;
        }
        if (cli.globals().json) cli.io.out(JSON.stringify(summary, null, 2) + '\n');
        else printSummary(cli, summary, !!o.out && b.ws.cfg.config.bank.deliver === 'accounting');
        cli.setExit(cli.statusExit(summary.status));
      });
    });

  bank
    .command('assign')
    .description('assign an unmatched payment (or confirm a suggestion) to a premises')
    .requiredOption('--run <id>', 'the import run', positiveInt('--run'))
    .requiredOption('--entry <ref>', 'the item number or its bank reference')
    .requiredOption('--account <no>', 'the premises account number')
    .option('--note <text>', 'why (kept in the audit log)')
    .action(async (o: { run: number; entry: string; account: string; note?: string }) => {
      await cli.withBackend(async (b) => {
        const actor = ensureKnownOperator(b.ws, cli.globals().operator);
        try {
          requirePermission(actor, 'bank.process', b.ws.locale());
        } catch (e) {
          cli.printProblem((e as ProblemError).problem);
          throw new Exit(EXIT_CODES.failed);
        }
        const found = new BankStore(b.ws.db).findItem(o.run, o.entry);
        if (found.length > 1) {
          cli.io.err(fill(cli.t().bankAmbiguousEntry, { run: o.run, entry: o.entry, items: found.map((f) => f.id).join(', ') }) + '\n');
          throw new Exit(EXIT_CODES.usage);
        }
        if (!found.length) {
          cli.printProblem(problem('SAL-3060', cli.locale(), { item: `${o.run}/${o.entry}` }));
          throw new Exit(EXIT_CODES.failed);
        }
        const v = await cli.call<BankItemView>(b, 'bank.assign', { itemKey: String(found[0].id), accountNo: o.account, ...(o.note ? { note: o.note } : {}) });
        if (cli.globals().json) cli.io.out(JSON.stringify({ status: 'completed', item: v }, null, 2) + '\n');
        else {
          const T = cli.t();
          cli.io.out(
            fill(T.bankAssigned, { item: v.key, amount: formatMoney(parseDecimal(v.amount), cli.locale()), account: v.accountNo ?? '', kind: v.premisesKind ? T[`bankKind_${v.premisesKind}`] : '', address: v.address ?? '' }) + '\n',
          );
        }
      });
    });

  bank
    .command('write')
    .description('deliver a run again (after assignments): the output files into bank.outDir, or with bank.deliver = accounting the matched payments to accounting and the unmatched file')
    .requiredOption('--run <id>', 'the import run', positiveInt('--run'))
    .action(async (o: { run: number }) => {
      await cli.withBackend(async (b) => {
        const res = await cli.call<BankWriteResult>(b, 'bank.write', { runId: o.run });
        const booked = res.booked ?? emptyBooking();
        if (cli.globals().json) {
          cli.io.out(JSON.stringify({ status: 'completed', runId: o.run, files: res.files, booked }, null, 2) + '\n');
          return;
        }
        const T = cli.t();
        const L = cli.locale();
        cli.io.out(`${T.bankOutputs}\n`);
        for (const f of res.files) cli.io.out(fill(T.bankWrittenFile, { kind: T[`bankKind_${f.kind}`], file: f.file, rows: f.rows, total: formatMoney(parseDecimal(f.total), L) }) + '\n');
        if (res.booked) printBooked(cli, res.booked);
      });
    });

  bank
    .command('watch')
    .description('process each new statement file in IN_DIR as it appears; move it to processed/ or failed/ with a report; Ctrl+C or SIGTERM stops')
    .argument('<in_dir>', 'the folder the bank files arrive in')
    .requiredOption('--out <dir>', 'where the output files go')
    .option('--encoding <name>', `override the detected encoding (${STATEMENT_ENCODINGS.join(', ')})`, oneOf('--encoding', STATEMENT_ENCODINGS))
    .option('--format <name>', `override the detected format (${STATEMENT_FORMATS.join(', ')})`, oneOf('--format', STATEMENT_FORMATS))
    .option('--csv-mapping <name>', 'the CSV column mapping for CSV files')
    .action(async (inDir: string, o: ImportOpts & { out: string }) => {
      await cli.withBackend(async (b) => {
        const actor = ensureKnownOperator(b.ws, cli.globals().operator);
        const T = cli.t();
        const json = cli.globals().json;
        const watcher = new StatementWatcher(b.ws, actor, {
          inDir,
          outDir: o.out,
          encoding: o.encoding,
          format: o.format,
          csvMapping: o.csvMapping,
          onFile: (name, movedTo, s) => {
            if (json) cli.io.out(JSON.stringify({ event: 'file', file: name, movedTo, summary: s }) + '\n');
            else cli.io.out(fill(T.bankWatchFile, { file: name, runId: s.runId, status: T[`status_${s.status === 'running' ? 'failed' : s.status}`], movedTo }) + '\n');
          },
        });
        try {
          await watcher.start();
        } catch (e) {
          if (!(e instanceof ProblemError)) throw e;
          cli.printProblem(e.problem);
          throw new Exit(EXIT_CODES.failed);
        }
        if (!json) cli.io.out(fill(T.bankWatching, { dir: resolve(inDir), out: resolve(o.out) }) + '\n');
        await new Promise<void>((done) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            done();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await watcher.stop();
        if (json) cli.io.out(JSON.stringify({ event: 'stopped', processed: watcher.processed }) + '\n');
        else cli.io.out(fill(T.bankWatchStopped, { count: watcher.processed }) + '\n');
      });
    });
};
