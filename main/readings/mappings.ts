// The radio operator's CSV column mappings, saved per operator (issue 5 point 1). A mapping is
// checked against the contract's schema when it crosses IPC and against the importer's own schema
// before it is saved or used, so a saved mapping always works with the importer.

import type { Operator } from '../../shared/domain/permissions';
import { fail } from '../../shared/errors/problem';
import { columnMapping, type ColumnMappingInput, type ColumnMappingView } from '../../shared/ipc/contract-readings';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { nowIso } from '../store/store';
import type { Locale } from '../../shared/domain/types';
import { ColumnMappingSchema, type ColumnMapping } from './import';

interface Row {
  name: string;
  mapping: string;
  updated_at: string;
}

const view = (r: Row): ColumnMappingView => ({ name: r.name, mapping: JSON.parse(r.mapping) as ColumnMappingInput, updatedAt: r.updated_at });

/** The importer's own check of a mapping (SAL-2053 with the first reason when it refuses it). */
export function toImporterMapping(m: ColumnMappingInput, locale: Locale): ColumnMapping {
  const parsed = ColumnMappingSchema.safeParse(m);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    fail('SAL-2053', locale, { name: String(m?.name ?? ''), detail: `${i.path.join('.') || '(mapping)'}: ${i.message}` });
  }
  return parsed.data;
}

export function listMappings(ws: Workspace, actor: Operator): ColumnMappingView[] {
  requirePermission(actor, 'readings.process', ws.locale());
  const rows = ws.db.prepare(`SELECT name, mapping, updated_at FROM readings_mappings WHERE operator = ? ORDER BY name`).all(actor.name) as Row[];
  return rows.map(view);
}

/** The acting operator's saved mapping by name (SAL-2052 when there is none). */
export function findMapping(ws: Workspace, actor: Operator, name: string): ColumnMappingInput {
  const r = ws.db.prepare(`SELECT name, mapping, updated_at FROM readings_mappings WHERE operator = ? AND name = ?`).get(actor.name, name.trim()) as Row | undefined;
  if (!r) fail('SAL-2052', ws.locale(), { name });
  return view(r).mapping;
}

export function saveMapping(ws: Workspace, actor: Operator, input: ColumnMappingInput): ColumnMappingView {
  requirePermission(actor, 'readings.process', ws.locale());
  const parsed = columnMapping.safeParse(input);
  if (!parsed.success) fail('SAL-2053', ws.locale(), { name: String(input?.name ?? ''), detail: parsed.error.issues[0].message });
  const mapping = parsed.data;
  toImporterMapping(mapping, ws.locale()); // the importer must accept it too
  const at = nowIso();
  ws.db
    .prepare(`INSERT INTO readings_mappings (operator, name, mapping, updated_at) VALUES (?, ?, ?, ?)
              ON CONFLICT (operator, name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`)
    .run(actor.name, mapping.name, JSON.stringify(mapping), at);
  ws.audit.append(actor.name, 'readings.mapping.save', mapping.name, { columns: Object.keys(mapping.columns) });
  return { name: mapping.name, mapping, updatedAt: at };
}
