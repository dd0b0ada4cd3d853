// The portal accounts feature's report kinds (collected funds by provider, …), merged into the
// registry (main/reports/registry.ts).

import type { FeatureReportBuilder } from '../reports/registry';
import { buildFundsReport, fundsOfRun } from './funds/report';

export const ACCOUNTS_REPORT_KINDS: Record<string, FeatureReportBuilder> = {
  // Part B: collected funds by provider, from a funds run (saldo report funds --period creates one).
  funds: (input, ws) => buildFundsReport(fundsOfRun(ws, input.run.id), input, ws),
};
