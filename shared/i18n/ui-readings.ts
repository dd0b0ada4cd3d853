// The window's strings of the readings feature, merged into UI_TEXT (shared/i18n/ui.ts).

import type { FeatureText, PluralForms } from './feature';

const en = {} satisfies Record<string, string | PluralForms>;

export const READINGS_UI: FeatureText<typeof en> = { en, pl: {}, uk: {} };
