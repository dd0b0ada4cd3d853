// `saldo`: the headless console, for Task Scheduler / cron and unattended folders (seed 003).
// It opens the same workspace and goes through the same dispatcher as the window, acting as a
// named operator, so it obeys the same permissions. Exit codes follow DESIGN.md §5:
// 0 completed, 1 failed, 2 bad usage, 3 stopped, 4 cancelled.

import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { isPeriod } from '../../shared/domain/period';
import { EXIT_CODES, type Locale, type Problem, type RunStatus } from '../../shared/domain/types';
import type { JobFinished, SourceCheckResult } from '../../shared/ipc/contract';
import { CLI_TEXT } from '../../shared/i18n/cli';
import { lookupReportText } from '../../shared/i18n/reports';
import { formatMoney, parseDecimal } from '../../shared/domain/money';
import { ProblemError, fill, problem } from '../../shared/errors/problem';
import { createBackend, type Backend } from '../engine/backend';
import { ensureKnownOperator } from '../engine/workspace';
import { initDemoWorkspace } from '../demo/workspace';
import { ChromiumPdfPrinter } from '../reports/pdf';
import { countLabel } from '../reports/run-summary';

export type { CliIo } from './context';

const processIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

import { Exit, type CliContext, type CliIo, type Globals } from './context';
import { registerReadingsCommands } from './commands/readings';
import { registerBankCommands } from './commands/bank';
import { registerAccountsCommands } from './commands/accounts';
import { reportFunds } from '../accounts/payments-cli';

function envLocale(): Locale | undefined {
  const l = process.env.SALDO_LANG;
  return l === 'pl' || l === 'uk' || l === 'en' ? l : undefined;
}

function int(name: string, min: number, max: number) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
}

function period(v: string): string {
  if (!isPeriod(v)) throw new InvalidArgumentError('expected a month as YYYY-MM');
  return v;
}

/** Reads one line (a password or secret) from standard input: never from argv, where process lists show it. */
async function readSecretFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    size += (c as Buffer).length;
    if (size > 64 * 1024) break;
  }
  // fatal: a secret with invalid UTF-8 is refused, not silently altered.
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)).replace(/\r?\n$/, '');
}

function statusExit(status: RunStatus): number {
  return status === 'running' ? EXIT_CODES.failed : EXIT_CODES[status];
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT_CODES.completed;
  let globals: Globals = {};
  let locale: Locale = envLocale() ?? 'en';
  const t = () => CLI_TEXT[locale];

  const printProblem = (p: Problem) => {
    if (globals.json) io.out(JSON.stringify({ status: 'failed', errors: [p] }, null, 2) + '\n');
    else io.err(`${t().error} ${p.code}: ${p.message}\n${t().hint}: ${p.hint}\n`);
  };

  const withBackend = async <T>(fn: (b: Backend) => Promise<T>): Promise<T> => {
    const configFile = resolve(globals.config ?? process.env.SALDO_CONFIG ?? 'saldo.json');
    const override = globals.lang ?? envLocale();
    const backend = createBackend(configFile, {
      locale: override,
      ports: { pdf: new ChromiumPdfPrinter() },
      emit: (event, payload) => {
        if (event === 'job.progress' && io.isTTY && !globals.json) {
          const p = payload as { phase: string; done: number; total: number };
          const pct = p.total ? Math.floor((p.done * 100) / p.total) : 0;
          io.err(`\r${p.phase.padEnd(24)} ${String(pct).padStart(3)}%  ${p.done}/${p.total}   `);
        }
      },
    });
    locale = backend.ws.locale();
    try {
      return await fn(backend);
    } finally {
      await backend.close();
    }
  };

  /** Call a channel through the dispatcher as the CLI's operator; a problem ends the command. */
  const call = async <T>(b: Backend, channel: string, req: unknown): Promise<T> => {
    const actor = ensureKnownOperator(b.ws, globals.operator);
    const res = await b.dispatcher.handle(channel, req, { session: { actor }, trustedSender: true, senderLabel: 'cli' });
    if (!res.ok) {
      printProblem(res.error);
      throw new Exit(EXIT_CODES.failed);
    }
    return res.value as T;
  };

  const runJob = async (b: Backend, channel: string, req: unknown): Promise<JobFinished> => {
    const { jobId } = await call<{ jobId: string }>(b, channel, req);
    const onSigint = () => {
      io.err(`\n${t().cancelling}\n`);
      b.jobs.cancel(jobId);
    };
    process.once('SIGINT', onSigint);
    try {
      const fin = await b.jobs.wait(jobId);
      if (io.isTTY && !globals.json) io.err('\n');
      return fin!;
    } finally {
      process.off('SIGINT', onSigint);
    }
  };

  /** Copies a saved report to where the operator asked, atomically; returns the absolute path. */
  const copyOut = (saved: string, target: string): string => {
    const out = resolve(target);
    const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
    try {
      copyFileSync(saved, tmp);
      renameSync(tmp, out);
    } catch (e) {
      printProblem(problem('SAL-6013', locale, { file: out, detail: (e as Error).message }));
      throw new Exit(EXIT_CODES.failed);
    }
    return out;
  };

  const program = new Command('saldo')
    .description('Saldo — moves data between the accounting database and the residents’ portal')
    .option('--config <file>', 'workspace configuration (default: $SALDO_CONFIG or ./saldo.json)')
    .option('--json', 'machine-readable output on stdout')
    .option('--operator <name>', 'the operator this command acts as (default: the config’s "operator")')
    .option('--lang <pl|uk|en>', 'language of messages and reports (default: $SALDO_LANG, then the workspace’s)', (v) => {
      if (v !== 'pl' && v !== 'uk' && v !== 'en') throw new InvalidArgumentError('expected pl, uk or en');
      return v;
    })
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .hook('preAction', (_this, action) => {
      globals = action.optsWithGlobals() as Globals;
    });

  // Features add their commands with the same helpers (main/cli/commands/*).
  const cli: CliContext = {
    io,
    globals: () => globals,
    locale: () => locale,
    t,
    printProblem,
    withBackend,
    call,
    runJob,
    copyOut,
    setExit: (code) => {
      exitCode = code;
    },
    statusExit,
  };
  registerReadingsCommands(program, cli);
  registerBankCommands(program, cli);
  registerAccountsCommands(program, cli);

  const demo = program.command('demo').description('demo workspace');
  demo
    .command('init')
    .description('create a complete demo workspace: accounting DB, store, portal folder, saldo.json')
    .requiredOption('--dir <dir>', 'new or empty directory')
    .option('--premises <n>', 'number of premises', int('--premises', 10, 2_000_000), 2000)
    .option('--months <m>', 'months of history', int('--months', 1, 120), 12)
    .option('--locale <locale>', 'pl or uk data', (v) => {
      if (v !== 'pl' && v !== 'uk') throw new InvalidArgumentError('expected pl or uk');
      return v;
    }, 'pl')
    .option('--seed <seed>', 'seed for deterministic data', 'saldo')
    .option('--end-period <YYYY-MM>', 'last generated month (default: last month)', period)
    .action(async (o: { dir: string; premises: number; months: number; locale: 'pl' | 'uk'; seed: string; endPeriod?: string }) => {
      locale = globals.lang ?? envLocale() ?? o.locale;
      const ws = await initDemoWorkspace(o.dir, {
        premises: o.premises,
        months: o.months,
        locale: o.locale,
        seed: o.seed,
        endPeriod: o.endPeriod,
        onProgress: io.isTTY && !globals.json ? (d, tot) => io.err(`\r${t().generating} ${Math.floor((d * 100) / tot)}%`) : undefined,
      }, locale);
      if (io.isTTY && !globals.json) io.err('\n');
      if (globals.json) {
        io.out(JSON.stringify({ status: 'completed', dir: ws.dir, config: ws.configFile, period: ws.period, operator: ws.operator, counts: ws.generated.counts, defects: ws.generated.defects }, null, 2) + '\n');
      } else {
        const T = t();
        io.out(
          [
            fill(T.demoCreated, { dir: ws.dir }),
            fill(T.demoConfig, { file: ws.configFile }),
            fill(T.demoPremises, { premises: o.premises, months: o.months }),
            fill(T.demoPeriod, { period: ws.period }),
            fill(T.demoDefects, { count: ws.generated.defects.length }),
            fill(T.demoNext, { file: ws.configFile, period: ws.period }),
          ].join('\n') + '\n',
        );
      }
    });

  program
    .command('journal')
    .description('the runs, newest first')
    .option('--limit <n>', 'how many runs', int('--limit', 1, 10_000), 50)
    .action(async (o: { limit: number }) => {
      await withBackend(async (b) => {
        const runs = await call<import('../../shared/domain/types').RunRecord[]>(b, 'journal.list', { limit: o.limit });
        if (globals.json) {
          io.out(JSON.stringify(runs, null, 2) + '\n');
          return;
        }
        if (!runs.length) return io.out(t().noRuns + '\n');
        io.out(t().journalHeader + '\n');
        for (const r of runs) {
          const dur = r.durationMs === null ? '' : `${(r.durationMs / 1000).toFixed(1)} s`;
          io.out(
            `${String(r.id).padEnd(4)} ${r.started.slice(0, 19).replace('T', ' ').padEnd(21)} ${r.operator.padEnd(10)} ${r.kind.padEnd(13)} ${(r.period ?? '').padEnd(8)} ${t()[`status_${r.status}`].padEnd(10)} ${dur}\n`,
          );
        }
      });
    });

  program
    .command('report')
    .description('print a report as PDF (kinds: run-summary, www-errors, …; funds --period YYYY-MM [--csv OUT] makes a collected-funds run first)')
    .argument('<kind>', 'report kind')
    .option('--run <id>', 'run number', int('--run', 1, 2 ** 31))
    .requiredOption('--pdf <out>', 'output PDF file')
    .option('--period <YYYY-MM>', 'funds: a new collected-funds run for this month, then its report', period)
    .option('--csv <out>', 'funds: also the CSV export')
    .action(async (kind: string, o: { run?: number; pdf: string; period?: string; csv?: string }) => {
      // Collected funds by provider (issue 7): main/accounts/payments-cli.ts.
      if (kind === 'funds') return reportFunds(cli, o);
      if (o.period !== undefined || o.csv !== undefined) {
        io.err(t().fundsOnly + '\n');
        throw new Exit(EXIT_CODES.usage);
      }
      if (o.run === undefined) {
        io.err(t().reportRunRequired + '\n');
        throw new Exit(EXIT_CODES.usage);
      }
      await withBackend(async (b) => {
        const saved = await call<{ file: string; bytes: number }>(b, 'report.pdf', { kind, runId: o.run });
        const out = copyOut(saved.file, o.pdf);
        if (globals.json) io.out(JSON.stringify({ status: 'completed', kind, runId: o.run, file: out, bytes: saved.bytes }, null, 2) + '\n');
        else io.out(fill(t().savedPdf, { file: out, bytes: saved.bytes }) + '\n');
      });
    });

  program
    .command('cycle')
    .description('the main job: the whole exchange for a period, headless')
    .requiredOption('--period <YYYY-MM>', 'the accounting month', period)
    .action(async (o: { period: string }) => {
      await withBackend(async (b) => {
        const fin = await runJob(b, 'cycle.run', { period: o.period });
        const res = fin.result as SourceCheckResult | undefined;
        const reports: string[] = [];
        if (res) {
          const saved = await call<{ file: string }>(b, 'report.pdf', { kind: 'run-summary', runId: res.runId });
          reports.push(saved.file);
          // The records the send skipped or flagged, with what to do, when there are any.
          if (res.problems > 0) reports.push((await call<{ file: string }>(b, 'report.pdf', { kind: 'www-errors', runId: res.runId })).file);
        }
        const errors = res ? (b.ws.journal.get(res.runId)?.problems ?? []) : fin.error ? [fin.error] : [];
        if (globals.json) {
          io.out(JSON.stringify({ runId: res?.runId ?? null, status: fin.status, period: o.period, counts: res?.counts ?? {}, totals: res?.totals ?? {}, problems: res?.problems ?? errors.length, errors, reports }, null, 2) + '\n');
        } else {
          const T = t();
          io.out(fill(T.runLine, { runId: res?.runId ?? '-', kind: 'cycle', period: o.period, status: T[`status_${fin.status}`] }) + '\n');
          if (res) {
            io.out(`${T.counts}:\n`);
            for (const [k, v] of Object.entries(res.counts)) {
              io.out(`  ${countLabel(locale, k).padEnd(40)} ${String(v).padStart(12)}\n`);
            }
            io.out(`${T.totals}:\n`);
            for (const [k, v] of Object.entries(res.totals)) {
              io.out(`  ${(lookupReportText(locale, 'total_', k) ?? k).padEnd(32)} ${formatMoney(parseDecimal(v), locale).padStart(18)}\n`);
            }
            io.out(fill(T.problems, { count: res.problems }) + '\n');
          }
          if (fin.error) io.err(`${T.error} ${fin.error.code}: ${fin.error.message}\n${T.hint}: ${fin.error.hint}\n`);
          if (reports.length) io.out(`${T.reports}\n${reports.map((r) => `  ${r}`).join('\n')}\n`);
        }
        exitCode = statusExit(fin.status);
      });
    });

  program
    .command('audit')
    .description('the audit log: who did what and when, newest first (Auditor, Administrator)')
    .option('--limit <n>', 'how many entries', int('--limit', 1, 100_000), 1000)
    .option('--pdf <out>', 'also print it as a PDF')
    .action(async (o: { limit: number; pdf?: string }) => {
      await withBackend(async (b) => {
        const entries = await call<import('../../shared/ipc/views').AuditEntryView[]>(b, 'audit.list', { limit: o.limit });
        let pdf: string | undefined;
        if (o.pdf) {
          const saved = await call<{ file: string }>(b, 'audit.pdf', { limit: o.limit });
          pdf = copyOut(saved.file, o.pdf);
        }
        if (globals.json) {
          io.out(JSON.stringify(o.pdf ? { entries, pdf } : entries, null, 2) + '\n');
          return;
        }
        for (const e of entries) {
          const label = lookupReportText(locale, 'action_', e.action) ?? e.action;
          io.out(`${e.at}  ${e.operator.padEnd(12)} ${label}${e.target ? ` — ${e.target}` : ''}\n`);
        }
        if (pdf) io.out(fill(t().savedFile, { file: pdf }) + '\n');
      });
    });

  const operators = program.command('operators').description('operators of the console (Administrator)');
  operators
    .command('list')
    .description('operators, their roles and grants')
    .action(async () => {
      await withBackend(async (b) => {
        const list = await call<import('../../shared/ipc/views').OperatorView[]>(b, 'operators.list', {});
        if (globals.json) return void io.out(JSON.stringify(list, null, 2) + '\n');
        for (const op of list) {
          io.out(`${op.name.padEnd(16)} ${op.role.padEnd(14)} ${op.grants.join(',').padEnd(14)} ${op.disabled ? 'disabled' : ''}${op.lockedUntil ? ` locked until ${op.lockedUntil}` : ''}\n`);
        }
      });
    });
  operators
    .command('add')
    .description('add an operator (or change one); the password is read from standard input, never from the command line')
    .argument('<name>', 'sign-in name')
    .requiredOption('--role <role>', 'administrator, operator or auditor')
    .option('--display-name <text>', 'full name shown in reports')
    .option('--grant <permission...>', 'extra permissions (exchange.run for an operator)')
    .option('--password-stdin', 'read a new password from standard input')
    .option('--disable', 'disable the operator')
    .action(async (name: string, o: { role: string; displayName?: string; grant?: string[]; passwordStdin?: boolean; disable?: boolean }) => {
      await withBackend(async (b) => {
        const password = o.passwordStdin ? await readSecretFromStdin() : undefined;
        const view = await call<import('../../shared/ipc/views').OperatorView>(b, 'operators.save', {
          name,
          displayName: o.displayName ?? name,
          role: o.role,
          grants: o.grant ?? [],
          ...(password !== undefined ? { password } : {}),
          ...(o.disable ? { disabled: true } : {}),
        });
        io.out(globals.json ? JSON.stringify(view, null, 2) + '\n' : `${view.name} ${view.role}\n`);
      });
    });

  const www = program.command('www').description('Data to WWW: the period’s data to the residents’ portal');
  www
    .command('send')
    .description('send all, selected or changed records of the period (only premises with the "WWW" parameter)')
    .requiredOption('--period <YYYY-MM>', 'the accounting month', period)
    .requiredOption('--mode <mode>', 'all, selected or changed', (v) => {
      if (v !== 'all' && v !== 'selected' && v !== 'changed') throw new InvalidArgumentError('expected all, selected or changed');
      return v;
    })
    .option('--categories <list>', 'comma-separated: accounts,services,providers,residents,beneficiaries,balances,charges,meters', (v) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .option('--accounts <list>', 'comma-separated account numbers (with --mode selected)', (v) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .option('--as-of <YYYY-MM-DD>', 'balances as of this day (default: the last day of the period)')
    .option('--dry-run', 'preview: count new, changed, unchanged and not-in-billing records; send nothing')
    .option('--confirm-drop', 'go on although accounts would fall out of billing or a category came back empty')
    .action(async (o: { period: string; mode: string; categories?: string[]; accounts?: string[]; asOf?: string; dryRun?: boolean; confirmDrop?: boolean }) => {
      await withBackend(async (b) => {
        const fin = await runJob(b, 'www.send', {
          period: o.period,
          mode: o.mode,
          ...(o.categories ? { categories: o.categories } : {}),
          ...(o.accounts ? { accounts: o.accounts } : {}),
          ...(o.asOf ? { asOf: o.asOf } : {}),
          ...(o.dryRun ? { dryRun: true } : {}),
          ...(o.confirmDrop ? { confirmDrop: true } : {}),
        });
        const s = fin.result as import('../../shared/ipc/contract').WwwSendSummary | undefined;
        if (globals.json) {
          io.out(JSON.stringify(s ?? { runId: null, status: fin.status, period: o.period, mode: o.mode, dryRun: !!o.dryRun, categories: {}, errors: fin.error ? [fin.error] : [] }, null, 2) + '\n');
        } else {
          const T = t();
          io.out(fill(T.runLine, { runId: s?.runId ?? '-', kind: o.dryRun ? 'www-preview' : 'www-send', period: o.period, status: T[`status_${fin.status}`] }) + '\n');
          if (s) {
            io.out(`${''.padEnd(16)} ${T.wwwCols}\n`);
            for (const [c, r] of Object.entries(s.categories)) {
              const label = lookupReportText(locale, 'count_', c) ?? c;
              io.out(`${label.slice(0, 16).padEnd(16)} ${[r.new, r.changed, r.unchanged, r.sent, r.notInBilling, r.skipped, r.errors.length].map((n) => String(n).padStart(9)).join('')}\n`);
            }
            for (const p of s.errors) io.err(`${T.error} ${p.code}: ${p.message}\n${T.hint}: ${p.hint}\n`);
          }
          if (fin.error && !s?.errors.length) io.err(`${T.error} ${fin.error.code}: ${fin.error.message}\n${T.hint}: ${fin.error.hint}\n`);
        }
        exitCode = statusExit(fin.status);
      });
    });
  www
    .command('notice')
    .description('a message to residents on the portal')
    .requiredOption('--audience <who>', 'members, others, all, or accounts:A,B')
    .requiredOption('--title <text>', 'the title')
    .requiredOption('--body-file <file>', 'a UTF-8 text file with the message')
    .action(async (o: { audience: string; title: string; bodyFile: string }) => {
      const audience = o.audience.startsWith('accounts:')
        ? { kind: 'accounts', accounts: o.audience.slice('accounts:'.length).split(',').map((x) => x.trim()).filter(Boolean) }
        : { kind: o.audience };
      let body: string;
      try {
        const bytes = readFileSync(resolve(o.bodyFile));
        if (bytes.length > 100_000) throw new Error('larger than 100 kB');
        body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch (e) {
        printProblem(problem('SAL-6014', locale, { detail: `--body-file ${o.bodyFile}: ${(e as Error).message}` }));
        throw new Exit(EXIT_CODES.usage);
      }
      await withBackend(async (b) => {
        const r = await call<{ runId: number; status: RunStatus; recipients: number }>(b, 'www.notice', { audience, title: o.title, body });
        io.out(globals.json ? JSON.stringify(r, null, 2) + '\n' : fill(t().noticeSent, { runId: r.runId, recipients: r.recipients }) + '\n');
        exitCode = statusExit(r.status);
      });
    });

  const secretsCmd = program.command('secrets').description('passwords and tokens for the connections (Administrator); values are read from standard input, never from the command line');
  secretsCmd
    .command('set')
    .description('store a secret (Windows: DPAPI for the current user; elsewhere: an owner-only encrypted file)')
    .argument('<name>', 'the name a connection refers to, e.g. mssql')
    .action(async (name: string) => {
      await withBackend(async (b) => {
        const value = await readSecretFromStdin();
        await call(b, 'secrets.set', { name, value });
        io.out(globals.json ? JSON.stringify({ status: 'completed', name }) + '\n' : fill(t().secretSaved, { name }) + '\n');
      });
    });
  secretsCmd
    .command('list')
    .description('the names of the stored secrets (never their values)')
    .action(async () => {
      await withBackend(async (b) => {
        const list = await call<Array<{ name: string; source: string }>>(b, 'secrets.list', {});
        io.out(globals.json ? JSON.stringify(list, null, 2) + '\n' : list.map((s) => `${s.name}${s.source === 'env' ? ' (env)' : ''}`).join('\n') + (list.length ? '\n' : ''));
      });
    });
  secretsCmd
    .command('delete')
    .argument('<name>')
    .action(async (name: string) => {
      await withBackend(async (b) => {
        const r = await call<{ deleted: boolean }>(b, 'secrets.delete', { name });
        io.out(globals.json ? JSON.stringify(r) + '\n' : `${r.deleted}\n`);
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      return EXIT_CODES.usage;
    }
    if (e instanceof ProblemError) {
      printProblem(e.problem);
      return EXIT_CODES.failed;
    }
    printProblem(problem('SAL-9001', locale, { detail: (e as Error).message }));
    return EXIT_CODES.failed;
  }
  return exitCode;
}
