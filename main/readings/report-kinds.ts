// The readings feature's report kinds (CLI `saldo report <kind>`, IPC report.pdf/print), merged into
// the registry (main/reports/registry.ts). Each reads every reading of the run from the archive
// (the held report also lists those decided since, so it needs all outcomes) and prints it with
// the review decisions made up to the moment of printing.

import type { FeatureReportBuilder } from '../reports/registry';
import { buildReadingsReport, READINGS_REPORT_KINDS as KINDS, type ReadingsReportKind } from './reports/build';
import { readingsOfRun } from './queries';

const builder =
  (kind: ReadingsReportKind): FeatureReportBuilder =>
  (input, ws) =>
    buildReadingsReport(kind, input.run, readingsOfRun(ws, input.run.id, undefined), input);

export const READINGS_REPORT_KINDS: Record<string, FeatureReportBuilder> = Object.fromEntries(KINDS.map((k) => [k, builder(k)]));
