// CLI strings of the portal accounts feature, merged into CLI_TEXT (shared/i18n/cli.ts).

import type { FeatureText } from './feature';

const en = {} satisfies Record<string, string>;

export const ACCOUNTS_CLI: FeatureText<typeof en> = { en, pl: {}, uk: {} };
