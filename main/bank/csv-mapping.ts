// A CSV column mapping by name: one saved in saldo.json (bank.csvMappings) or one of the parsers'
// presets (main/bank/parse/csv.ts). A saved mapping of a preset's name wins (the customer's bank
// may have changed its export).

import { fail } from '../../shared/errors/problem';
import type { Workspace } from '../engine/workspace';
import { CSV_PRESETS, CsvMappingSchema, type CsvMapping } from './parse/csv';

export function csvMappingNames(ws: Workspace): string[] {
  return [...new Set([...Object.keys(CSV_PRESETS), ...Object.keys(ws.cfg.config.bank.csvMappings)])];
}

export function resolveCsvMapping(ws: Workspace, name: string): CsvMapping {
  const saved = ws.cfg.config.bank.csvMappings;
  const raw = Object.prototype.hasOwnProperty.call(saved, name)
    ? saved[name]
    : Object.prototype.hasOwnProperty.call(CSV_PRESETS, name)
      ? (CSV_PRESETS as Record<string, unknown>)[name]
      : undefined;
  if (raw === undefined) fail('SAL-3068', ws.locale(), { name });
  const parsed = CsvMappingSchema.safeParse(raw);
  if (!parsed.success) fail('SAL-6002', ws.locale(), { detail: `bank.csvMappings.${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
  return parsed.data;
}
