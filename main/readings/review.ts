// The operator's decision on held readings (issue 5 point 5): accept (written to the accounting
// database, the portal told "accepted") or reject (the portal told "rejected" with the reason), one
// or many at once, always with a note; who decided and when is kept in the archive and the audit log.

import type { Operator } from '../../shared/domain/permissions';
import { can } from '../../shared/domain/permissions';
import type { Problem } from '../../shared/domain/types';
import { ProblemError, problem } from '../../shared/errors/problem';
import type { ReadingsReviewResult } from '../../shared/ipc/contract-readings';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import type { PortalGateway } from '../portal/port';
import { ReadingsArchive, type ArchiveRow, type Verdict } from './archive';
import { flushAcks, WRITE_BATCH } from './pipeline';
import type { AcceptedReading } from './types';

export interface ReviewRequest {
  keys: string[];
  decision: 'accept' | 'reject';
  note: string;
}

export async function reviewReadings(ws: Workspace, actor: Operator, req: ReviewRequest, openPortal: () => Promise<PortalGateway>): Promise<ReadingsReviewResult> {
  const locale = ws.locale();
  requirePermission(actor, 'readings.process', locale);
  const note = req.note.trim();
  const archive = new ReadingsArchive(ws.db);
  const errors: Problem[] = [];
  const ids = [...new Set(req.keys.map((k) => Number(k)))];
  const rows = archive.byIds(ids);
  const found = new Set(rows.map((r) => r.id));
  for (const id of ids) if (!found.has(id)) errors.push(problem('SAL-2056', locale, { key: String(id) }, { key: String(id) }));
  const held: ArchiveRow[] = [];
  for (const r of rows) {
    if (r.outcome === 'held') held.push(r);
    else errors.push(problem('SAL-2055', locale, { key: String(r.id), outcome: r.outcome }, { key: String(r.id) }));
  }
  const decided = { decidedBy: actor.name, note };
  const ackOf = (r: ArchiveRow) => (r.source === 'portal' ? 'pending' : 'none') as Verdict['ack'];
  const keyOf = (r: ArchiveRow) => r.meter_id ?? r.serial ?? r.radio_id ?? r.source_id;
  let accepted = 0;
  let rejected = 0;

  if (req.decision === 'reject') {
    const updates = held.map((r) => {
      const p = problem('SAL-2058', locale, { operator: actor.name, note }, { key: keyOf(r) });
      return { id: r.id, verdict: { outcome: 'rejected', problems: [...(JSON.parse(r.problems) as Problem[]), p], ack: ackOf(r), ...decided } satisfies Verdict };
    });
    archive.update(updates);
    rejected = updates.length;
  } else {
    const gw = await ws.accounting();
    for (let i = 0; i < held.length; i += WRITE_BATCH) {
      const batch = held.slice(i, i + WRITE_BATCH);
      const writable = batch.filter((r) => r.meter_id && r.normalized);
      const rows: AcceptedReading[] = writable.map((r) => {
        const row: AcceptedReading = { reading_key: r.reading_key, meter_id: r.meter_id!, reading_date: r.reading_date, zone: r.zone, value: r.normalized!, source: r.source };
        if (r.account_no) row.account_no = r.account_no;
        return row;
      });
      // One accounting transaction per batch: when it fails nothing of it is written and the
      // readings stay held (the archive is updated only after the database committed).
      const results = rows.length ? await gw.importReadings(rows) : [];
      const byKey = new Map(results.map((x) => [x.reading_key, x]));
      const updates = batch.map((r) => {
        const before = JSON.parse(r.problems) as Problem[];
        const answer = byKey.get(r.reading_key);
        if (answer && answer.status !== 'refused') {
          accepted++;
          const p = problem('SAL-2059', locale, { operator: actor.name, note }, { key: keyOf(r) });
          return { id: r.id, verdict: { outcome: 'accepted', problems: [...before, p], written: answer.status, ack: ackOf(r), ...decided } satisfies Verdict };
        }
        rejected++;
        const p = problem('SAL-2054', locale, { meter: r.meter_id ?? '?', detail: answer?.message ?? 'no meter or value to write' }, { key: keyOf(r) });
        errors.push(p);
        return { id: r.id, verdict: { outcome: 'rejected', problems: [...before, p], ack: ackOf(r), ...decided } satisfies Verdict };
      });
      archive.update(updates);
    }
  }
  ws.audit.append(actor.name, 'readings.review', held.length === 1 ? `reading:${held[0].id}` : `readings:${held.length}`, {
    decision: req.decision,
    note,
    accepted,
    rejected,
    keys: held.slice(0, 100).map((r) => String(r.id)),
  });

  // The residents learn the outcome now when this operator may talk to the portal; otherwise the
  // acknowledgements stay pending and go with the next portal import.
  if (held.some((r) => r.source === 'portal') && can(actor, 'exchange.run')) {
    let portal: PortalGateway | null = null;
    try {
      portal = await openPortal();
      const r = await flushAcks(ws, portal, new AbortController().signal, 'review');
      if (r.problem) errors.push(r.problem);
    } catch (e) {
      const detail = e instanceof ProblemError ? e.problem.message : (e as Error).message;
      errors.push(problem('SAL-2057', locale, { count: held.length, detail }));
    } finally {
      await portal?.close();
    }
  }
  return { accepted, rejected, errors };
}
