// What the tab's grids, the history panel and the reports read from the archive.

import type { Operator } from '../../shared/domain/permissions';
import type { ReadingView, ReadingsPage } from '../../shared/ipc/contract-readings';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { ReadingsArchive, type ListFilter } from './archive';

export function listReadings(ws: Workspace, actor: Operator, req: ListFilter): ReadingsPage {
  requirePermission(actor, 'readings.process', ws.locale());
  return new ReadingsArchive(ws.db).list(req);
}

/** Every reading of a run with one outcome (the printed reports; no paging). */
export function readingsOfRun(ws: Workspace, runId: number, outcome: ListFilter['outcome']): ReadingView[] {
  const archive = new ReadingsArchive(ws.db);
  const rows: ReadingView[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = archive.list({ runId, outcome, offset, limit: 5000 });
    rows.push(...page.rows);
    if (page.rows.length < 5000) return rows;
  }
}

export function readingHistory(ws: Workspace, actor: Operator, req: { meterId: string } | { accountNo: string }): ReadingView[] {
  requirePermission(actor, 'readings.process', ws.locale());
  return new ReadingsArchive(ws.db).history(req);
}
