// The readings rules' settings (norms, rule outcomes, submission window, spike factor) live in the
// store's settings under one key; the defaults are the rules' own for the workspace's country.
// A change is validated against the rules' schema and written to the audit log.

import type { Operator } from '../../shared/domain/permissions';
import { fail } from '../../shared/errors/problem';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { ReadingRulesSchema, defaultReadingRules, type ReadingRules } from './rules';

export const RULES_KEY = 'readings.rules';

/** The rules in force: the saved ones over the country's defaults. */
export function readingRules(ws: Workspace): ReadingRules {
  const saved = ws.settings.get<unknown>(RULES_KEY);
  const locale = ws.cfg.config.locale;
  if (saved === undefined) return defaultReadingRules(locale);
  const defaults = defaultReadingRules(locale);
  const parsed = ReadingRulesSchema.safeParse({ ...defaults, ...(saved as object) });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    fail('SAL-2063', ws.locale(), { detail: `${i.path.join('.') || '(root)'}: ${i.message}` });
  }
  return parsed.data;
}

/** Saves new rules (a whole settings object or a part of one, over the ones in force). */
export function saveReadingRules(ws: Workspace, actor: Operator, change: Record<string, unknown>): ReadingRules {
  requirePermission(actor, 'settings.manage', ws.locale());
  const current = readingRules(ws);
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(change)) {
    const before = merged[k];
    merged[k] = v && typeof v === 'object' && !Array.isArray(v) && before && typeof before === 'object' ? { ...(before as object), ...(v as object) } : v;
  }
  const parsed = ReadingRulesSchema.safeParse(merged);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    fail('SAL-2063', ws.locale(), { detail: `${i.path.join('.') || '(root)'}: ${i.message}` });
  }
  ws.settings.set(RULES_KEY, parsed.data, actor.name);
  ws.audit.append(actor.name, 'settings.change', RULES_KEY, { changed: Object.keys(change) });
  return parsed.data;
}
