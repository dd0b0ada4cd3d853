// Report labels of the bank feature, merged into REPORT_TEXT (shared/i18n/reports.ts).

import type { FeatureText } from './feature';

const en = {} satisfies Record<string, string>;

export const BANK_REPORTS: FeatureText<typeof en> = { en, pl: {}, uk: {} };
