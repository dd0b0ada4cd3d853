// Codes SAL-2xxx: meter readings (merged into CATALOGUE, shared/errors/catalogue.ts).

import type { CatalogueEntry } from './catalogue';

export const READINGS_CATALOGUE = {} satisfies Record<string, CatalogueEntry>;
