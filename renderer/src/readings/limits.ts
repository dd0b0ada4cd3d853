// The contract's lists and limits the window needs, as plain values: importing them from
// shared/ipc/contract-readings.ts would bundle zod's schemas into the renderer (and zod probes
// `new Function`, which the window's CSP forbids). tests/unit/readings-ui.test.ts keeps them equal.

import type { ReadingEncoding, ReadingFormat } from '../../../shared/ipc/contract-readings';

export const FORMATS: readonly ReadingFormat[] = ['csv', 'wmbus-json', 'wmbus-csv'];
export const ENCODINGS: readonly ReadingEncoding[] = ['auto', 'utf-8', 'windows-1250', 'windows-1251'];
/** The largest file main takes (decoded bytes). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
