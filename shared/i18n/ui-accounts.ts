// The window's strings of the portal accounts feature (portal accounts, registrations, portal
// payments, collected funds), merged into UI_TEXT (shared/i18n/ui.ts).

import type { FeatureText, PluralForms } from './feature';

const en = {} satisfies Record<string, string | PluralForms>;

export const ACCOUNTS_UI: FeatureText<typeof en> = { en, pl: {}, uk: {} };
