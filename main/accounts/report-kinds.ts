// The portal accounts feature's report kinds (collected funds by provider, …), merged into the
// registry (main/reports/registry.ts).

import type { FeatureReportBuilder } from '../reports/registry';

export const ACCOUNTS_REPORT_KINDS: Record<string, FeatureReportBuilder> = {};
