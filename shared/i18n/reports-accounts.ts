// Report labels of the portal accounts feature (activation letters, collected funds), merged into
// REPORT_TEXT (shared/i18n/reports.ts).

import type { FeatureText } from './feature';

const en = {} satisfies Record<string, string>;

export const ACCOUNTS_REPORTS: FeatureText<typeof en> = { en, pl: {}, uk: {} };
