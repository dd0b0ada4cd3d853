// The report kinds registry: one place that maps a kind name (CLI `saldo report --kind`, IPC) to
// its builder. Features add their kinds here.

import type { Locale, RunRecord } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import type { ReportDoc, ReportOrganisation } from './model';
import { buildRunSummary } from './run-summary';
import { buildWwwErrors } from './www-errors';
import type { RecordOutcome } from '../store/journal';

export const REPORT_KINDS = ['run-summary', 'www-errors'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

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
  return (REPORT_KINDS as readonly string[]).includes(kind);
}

/** Builds the report of `kind`; an unknown kind is problem SAL-6009 naming the available ones. */
export function buildReport(kind: string, input: ReportInput): ReportDoc {
  if (!isReportKind(kind)) fail('SAL-6009', input.locale, { kind, available: REPORT_KINDS.join(', ') });
  switch (kind) {
    case 'run-summary':
      return buildRunSummary(input.run, input);
    case 'www-errors':
      return buildWwwErrors(input.run, input.records ?? [], input);
  }
}
