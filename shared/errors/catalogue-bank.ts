// Codes SAL-3xxx: bank statements (merged into CATALOGUE, shared/errors/catalogue.ts).

import type { CatalogueEntry } from './catalogue';

export const BANK_CATALOGUE = {} satisfies Record<string, CatalogueEntry>;
