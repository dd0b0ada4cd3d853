// Report labels of the readings feature, merged into REPORT_TEXT (shared/i18n/reports.ts).

import type { FeatureText } from './feature';

const en = {} satisfies Record<string, string>;

export const READINGS_REPORTS: FeatureText<typeof en> = { en, pl: {}, uk: {} };
