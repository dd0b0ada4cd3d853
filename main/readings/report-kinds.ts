// The readings feature's report kinds (CLI `saldo report <kind>`, IPC report.pdf/print), merged into
// the registry (main/reports/registry.ts).

import type { FeatureReportBuilder } from '../reports/registry';

export const READINGS_REPORT_KINDS: Record<string, FeatureReportBuilder> = {};
