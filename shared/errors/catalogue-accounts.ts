// Codes SAL-41xx/42xx: portal accounts, registrations, portal payments and collected funds
// (merged into CATALOGUE, shared/errors/catalogue.ts).

import type { CatalogueEntry } from './catalogue';

export const ACCOUNTS_CATALOGUE = {} satisfies Record<string, CatalogueEntry>;
