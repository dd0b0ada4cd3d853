// Part B of the feature's CLI: `saldo portal payments import` and `saldo report funds`. Through the
// dispatcher like the window, so the same schemas and permissions apply; --json prints the stable
// English shapes of the contract (PaymentsImportSummary, FundsSummary plus the files written).

import type { Command } from 'commander';
import { formatMoney, parseDecimal } from '../../shared/domain/money';
import { EXIT_CODES, type Problem } from '../../shared/domain/types';
import { fill } from '../../shared/errors/problem';
import type { FundsSummary, PaymentsImportSummary } from '../../shared/ipc/contract-accounts';
import { Exit, type CliContext } from '../cli/context';

function printProblems(cli: CliContext, problems: readonly Problem[]): void {
  const T = cli.t();
  for (const p of problems) {
    const label = p.severity === 'error' ? T.error : T[`paySeverity_${p.severity}`];
    cli.io.err(`${label} ${p.code}${p.key ? ` [${p.key}]` : ''}: ${p.message}\n${T.hint}: ${p.hint}\n`);
  }
}

const money = (cli: CliContext, decimal: string, currency: string) => `${formatMoney(parseDecimal(decimal), cli.locale())} ${currency}`;

export function registerPaymentsCommands(portal: Command, cli: CliContext): void {
  const payments = portal.command('payments').description('payments residents made on the portal');
  payments
    .command('import')
    .description('fetch the portal’s payments by cursor, book them in accounting (one transaction per page), acknowledge each; list what could not be booked')
    .action(async () => {
      await cli.withBackend(async (b) => {
        const fin = await cli.runJob(b, 'accounts.paymentsImport', {});
        const s = fin.result as PaymentsImportSummary | undefined;
        if (cli.globals().json) {
          cli.io.out(JSON.stringify(s ?? { runId: null, status: fin.status, errors: fin.error ? [fin.error] : [] }, null, 2) + '\n');
        } else {
          const T = cli.t();
          cli.io.out(fill(T.payRunLine, { runId: s?.runId ?? '-', status: T[`status_${fin.status}`] }) + '\n');
          if (s) {
            cli.io.out(fill(T.payCounts, { read: s.read, booked: s.booked, written: s.written, already: s.already, rejected: s.rejected, duplicates: s.duplicates }) + '\n');
            cli.io.out(fill(T.payAmount, { amount: money(cli, s.bookedAmount, s.currency) }) + '\n');
            cli.io.out(fill(T.payAcks, { acknowledged: s.acknowledged, pending: s.pendingAcks }) + '\n');
            if (s.notBooked.length) {
              cli.io.out(T.payNotBooked + '\n');
              for (const p of s.notBooked) {
                cli.io.out(`  ${p.id.padEnd(20)} ${p.accountNo.padEnd(16)} ${money(cli, p.amount, p.currency).padStart(16)}  ${p.code ?? ''}  ${p.problem?.message ?? ''}\n`);
              }
              if (s.notBookedTotal > s.notBooked.length) cli.io.out(fill(T.payNotBookedMore, { count: s.notBookedTotal - s.notBooked.length }) + '\n');
            }
            // Booking refusals are listed above; the rest (warnings, the failure) with their hints.
            printProblems(cli, s.errors.filter((p) => !s.notBooked.some((n) => n.problem?.code === p.code && n.id === p.key)));
          } else if (fin.error) printProblems(cli, [fin.error]);
        }
        cli.setExit(cli.statusExit(fin.status));
      });
    });
}

export interface ReportFundsOptions {
  run?: number;
  period?: string;
  pdf: string;
  csv?: string;
}

/**
 * `saldo report funds --period YYYY-MM --pdf OUT [--csv OUT]`: a funds run for the month (recording
 * what it counted), then its report and CSV. With --run instead of --period: an existing funds run.
 */
export async function reportFunds(cli: CliContext, o: ReportFundsOptions): Promise<void> {
  if ((o.run === undefined) === (o.period === undefined)) {
    cli.io.err(cli.t().fundsRunOrPeriod + '\n');
    throw new Exit(EXIT_CODES.usage);
  }
  await cli.withBackend(async (b) => {
    let runId = o.run;
    let summary: FundsSummary | undefined;
    let status: FundsSummary['status'] = 'completed';
    if (o.period !== undefined) {
      const fin = await cli.runJob(b, 'accounts.funds', { period: o.period });
      summary = fin.result as FundsSummary | undefined;
      status = fin.status;
      runId = summary?.runId;
      if (fin.status !== 'completed' || !summary) {
        if (cli.globals().json) cli.io.out(JSON.stringify(summary ?? { runId: null, status: fin.status, period: o.period, errors: fin.error ? [fin.error] : [] }, null, 2) + '\n');
        else {
          cli.io.out(fill(cli.t().fundsRunLine, { runId: runId ?? '-', period: o.period, status: cli.t()[`status_${fin.status}`] }) + '\n');
          printProblems(cli, summary?.errors ?? (fin.error ? [fin.error] : []));
        }
        cli.setExit(cli.statusExit(fin.status));
        return;
      }
    }
    const pdf = await cli.call<{ file: string; bytes: number }>(b, 'report.pdf', { kind: 'funds', runId });
    const pdfOut = cli.copyOut(pdf.file, o.pdf);
    let csvOut: string | null = null;
    if (o.csv) {
      const csv = await cli.call<{ file: string; bytes: number }>(b, 'accounts.fundsCsv', { runId });
      csvOut = cli.copyOut(csv.file, o.csv);
    }
    const T = cli.t();
    if (cli.globals().json) {
      cli.io.out(JSON.stringify({ ...(summary ?? { runId, status }), pdf: pdfOut, csv: csvOut }, null, 2) + '\n');
    } else {
      if (summary) {
        cli.io.out(fill(T.fundsRunLine, { runId: summary.runId, period: summary.period, status: T[`status_${status}`] }) + '\n');
        cli.io.out(fill(T.fundsBasisLine, { period: summary.period, basis: summary.basis ?? '-' }) + '\n');
        cli.io.out(
          fill(T.fundsTotals, {
            collected: money(cli, summary.collected, summary.currency),
            portal: money(cli, summary.portal, summary.currency),
            bank: money(cli, summary.bank, summary.currency),
            overpayment: money(cli, summary.overpayment, summary.currency),
          }) + '\n',
        );
        for (const l of summary.lines) {
          const name = l.kind === 'overpayment' ? T.fundsOverpayment : (l.name ?? l.providerCode ?? '-');
          const share = cli.locale() === 'en' ? l.shareOfTotal : l.shareOfTotal.replace('.', ',');
          cli.io.out(`  ${name.slice(0, 40).padEnd(40)} ${money(cli, l.collected, summary.currency).padStart(20)} ${share.padStart(7)} %\n`);
        }
        printProblems(cli, summary.errors);
      }
      cli.io.out(fill(T.savedPdf, { file: pdfOut, bytes: pdf.bytes }) + '\n');
      if (csvOut) cli.io.out(fill(T.fundsSavedCsv, { file: csvOut }) + '\n');
    }
    cli.setExit(cli.statusExit(status));
  });
}
