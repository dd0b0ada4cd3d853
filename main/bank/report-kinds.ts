// The bank feature's report kinds (CLI `saldo report <kind>`, IPC report.pdf/print), merged into
// the registry (main/reports/registry.ts). Each reads the run's statements and items as the
// service shows them now — after the operator's assignments — and builds its document.

import type { Workspace } from '../engine/workspace';
import type { FeatureReportBuilder, ReportInput } from '../reports/registry';
import { runItems, runStatements } from './queries';
import { buildBookedReport } from './reports/booked';
import type { BankReportData } from './reports/common';
import { buildStatementSummary } from './reports/statements';
import { buildUnmatchedReport } from './reports/unmatched';

function dataOf(input: ReportInput, ws: Workspace): BankReportData {
  // A run that read no statement file is no bank run: runStatements says so with its code.
  const statements = runStatements(ws, input.run.id);
  const items = runItems(ws, input.run.id, ['matched', 'suggested', 'unmatched', 'outgoing', 'fee']);
  return { run: input.run, statements, items };
}

const statementSummary: FeatureReportBuilder = (input, ws) => buildStatementSummary(dataOf(input, ws), input);

export const BANK_REPORT_KINDS: Record<string, FeatureReportBuilder> = {
  'bank-statements': statementSummary,
  // The issue names the statement summary `bank-summary` (saldo report bank-summary|bank-unmatched|bank-booked).
  'bank-summary': statementSummary,
  'bank-unmatched': (input, ws) => buildUnmatchedReport(dataOf(input, ws), input),
  'bank-booked': (input, ws) => buildBookedReport(dataOf(input, ws), input),
};
