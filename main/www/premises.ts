// The premises grid of the Data to WWW tab: every premises of the period with its portal flags,
// whether its account record changed since it was last delivered, and the error that keeps it
// from being sent. Filtered and paged in main; the list is built once per period and delivery
// state and kept, so paging 200,000 premises does not re-read the source on every scroll.

import type { AccountRow } from '../../shared/domain/accounting';
import type { Operator } from '../../shared/domain/permissions';
import type { PremisesPage, PremisesRow } from '../../shared/ipc/contract';
import { requirePermission } from '../engine/authorize';
import { Breather, yieldToLoop } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { Delivered } from './delivered';
import { AccountIndex, RecordFingerprints, comparedFields } from './records';

export interface PremisesQuery {
  period: string;
  building?: string;
  group?: 'member' | 'other';
  portalEnabled?: boolean;
  changedOnly?: boolean;
  search?: string;
  offset?: number;
  limit?: number;
}

const cache = new WeakMap<Workspace, { key: string; rows: PremisesRow[]; buildings: string[] }>();

async function build(ws: Workspace, period: string): Promise<{ rows: PremisesRow[]; buildings: string[] }> {
  const gw = await ws.accounting();
  const params = { period };
  const index = new AccountIndex(ws.locale());
  const all: AccountRow[] = [];
  for await (const r of gw.export('export_accounts', params)) {
    index.add(r); // the gateway lets the event loop run while it reads
    all.push(r);
  }
  index.finish();
  const delivered = await new Delivered(ws.db).load('accounts', period);
  const fingerprints = new RecordFingerprints(comparedFields('accounts', ws.cfg.config.www.keepOnUpdate.accounts ?? []));
  const buildings = new Set<string>();
  const breathe = new Breather();
  const rows: PremisesRow[] = [];
  for (const r of all) {
    if (breathe.due()) {
      await yieldToLoop();
      breathe.reset();
    }
    rows.push(row(r));
  }
  return { rows, buildings: [...buildings].sort() };

  function row(r: AccountRow): PremisesRow {
    const key = r.account_no?.trim() ?? '';
    buildings.add(r.building);
    const before = key ? delivered.get(key) : undefined;
    const changed = before === undefined || before !== fingerprints.ofRow(r);
    return {
      account: key,
      building: r.building,
      address: r.address,
      unit: r.unit,
      kind: r.premises_kind,
      group: r.portal_group,
      portalEnabled: r.portal_enabled,
      status: r.status,
      changed: r.portal_enabled && changed,
      error: !key ? 'SAL-1001' : (index.accounts.get(key)?.error ?? null),
    };
  }
}

export async function premisesPage(ws: Workspace, actor: Operator, q: PremisesQuery): Promise<PremisesPage> {
  requirePermission(actor, 'source.read', ws.locale());
  const stamp = ws.db.prepare(`SELECT COALESCE(MAX(delivered_at), '') FROM www_delivered WHERE category = 'accounts' AND period = ?`).pluck().get(q.period) as string;
  const key = `${q.period}|${stamp}`;
  let c = cache.get(ws);
  if (!c || c.key !== key) {
    c = { key, ...(await build(ws, q.period)) };
    cache.set(ws, c);
  }
  const s = q.search?.trim().toLocaleLowerCase();
  const rows = c.rows.filter(
    (r) =>
      (!q.building || r.building === q.building) &&
      (!q.group || r.group === q.group) &&
      (q.portalEnabled === undefined || r.portalEnabled === q.portalEnabled) &&
      (!q.changedOnly || r.changed) &&
      (!s || r.account.toLocaleLowerCase().includes(s) || r.address.toLocaleLowerCase().includes(s)),
  );
  const offset = q.offset ?? 0;
  return { total: rows.length, offset, rows: rows.slice(offset, offset + (q.limit ?? 500)), buildings: c.buildings };
}
