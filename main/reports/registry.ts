// The report kinds registry: one place that maps a kind name (CLI `saldo report --kind`, IPC) to
// its builder. Features add their kinds here.

import type { Locale, RunRecord } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import type { ReportDoc, ReportOrganisation } from './model';
import { buildRunSummary } from './run-summary';
import { buildWwwErrors } from './www-errors';
import type { RecordOutcome } from '../store/journal';
import type { Workspace } from '../engine/workspace';
import { READINGS_REPORT_KINDS } from '../readings/report-kinds';
import { BANK_REPORT_KINDS } from '../bank/report-kinds';
import { ACCOUNTS_REPORT_KINDS } from '../accounts/report-kinds';

/** A feature's report: built from the run and whatever the feature keeps in the workspace's store. */
export type FeatureReportBuilder = (input: ReportInput, ws: Workspace) => ReportDoc;

const FEATURE_REPORTS: Record<string, FeatureReportBuilder> = { ...READINGS_REPORT_KINDS, ...BANK_REPORT_KINDS, ...ACCOUNTS_REPORT_KINDS };

export const REPORT_KINDS: readonly string[] = ['run-summary', 'www-errors', ...Object.keys(FEATURE_REPORTS)];
export type ReportKind = string;

export interface ReportInput {
  run: RunRecord;
  /** The run's per-record outcomes, for the reports that list them. */
  records?: RecordOutcome[];
  organisation: ReportOrganisation;
  locale: Locale;
  printedAt: Date;
  /** Who prints the report. */
  operator: string;
  /** IANA zone for printed times; the machine's zone when absent. */
  timeZone?: string;
}

export function isReportKind(kind: string): kind is ReportKind {
  return REPORT_KINDS.includes(kind);
}

/** Builds the report of `kind`; an unknown kind is problem SAL-6009 naming the available ones. */
export function buildReport(kind: string, input: ReportInput, ws?: Workspace): ReportDoc {
  if (!isReportKind(kind)) fail('SAL-6009', input.locale, { kind, available: REPORT_KINDS.join(', ') });
  if (kind === 'run-summary') return buildRunSummary(input.run, input);
  if (kind === 'www-errors') return buildWwwErrors(input.run, input.records ?? [], input);
  if (!ws) throw new Error(`report ${kind} needs the workspace`);
  return FEATURE_REPORTS[kind](input, ws);
}
