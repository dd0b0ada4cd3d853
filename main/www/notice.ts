// A message to residents on the portal (seed 002: "additional information for residents, by user
// group", or to chosen residents): to members, to other users, to all, or to listed accounts —
// only ever to premises with the "WWW" parameter. Journaled and audited.

import { randomBytes } from 'node:crypto';
import type { Operator } from '../../shared/domain/permissions';
import type { RunStatus } from '../../shared/domain/types';
import { ProblemError, fail, problem } from '../../shared/errors/problem';
import { requirePermission } from '../engine/authorize';
import type { Workspace } from '../engine/workspace';
import { runJournaled } from '../cycle/run-job';
import type { Notice, PortalGateway } from '../portal/port';
import { currentPeriod } from '../../shared/domain/period';

export interface NoticeRequest {
  audience: { kind: 'members' | 'others' | 'all' } | { kind: 'accounts'; accounts: string[] };
  title: string;
  body: string;
  period?: string;
}

export async function sendNotice(ws: Workspace, actor: Operator, req: NoticeRequest, openPortal: () => Promise<PortalGateway>): Promise<{ runId: number; status: RunStatus; recipients: number }> {
  const locale = ws.locale();
  requirePermission(actor, 'exchange.run', locale);
  const gw = await ws.accounting();
  const period = req.period ?? (await gw.periods())[0] ?? currentPeriod();
  let recipients = 0;
  const run = await runJournaled(ws, actor, { kind: 'www-notice', period, mode: req.audience.kind }, async (scope) => {
    const wanted = req.audience.kind === 'accounts' ? new Set(req.audience.accounts) : null;
    const found = new Set<string>();
    for await (const r of gw.export('export_accounts', { period })) {
      const key = r.account_no?.trim();
      if (!key || !r.portal_enabled) continue;
      const a = req.audience;
      if (a.kind === 'all' || (a.kind === 'members' && r.portal_group === 'member') || (a.kind === 'others' && r.portal_group === 'other') || wanted?.has(key)) {
        recipients++;
        found.add(key);
      }
    }
    if (wanted) for (const k of wanted) if (!found.has(k)) scope.problem(problem('SAL-1024', locale, { account: k }, { key: k }), 'notices');
    if (!recipients) fail('SAL-1025', locale, { audience: req.audience.kind });
    const notice: Notice = {
      noticeId: `n${scope.runId}-${randomBytes(4).toString('hex')}`,
      period,
      audience: req.audience.kind === 'accounts' ? { kind: 'accounts', accounts: [...found] } : { kind: req.audience.kind },
      title: req.title,
      body: req.body,
    };
    const portal = await openPortal();
    try {
      const res = await portal.putNotice(notice);
      scope.count('notices.sent', 1);
      scope.count('notices.recipients', recipients - res.rejected.length);
    } finally {
      await portal.close();
    }
  });
  ws.audit.append(actor.name, 'www.notice', `run:${run.runId}`, { audience: req.audience.kind, recipients, status: run.status });
  if (run.error) throw new ProblemError(run.error);
  return { runId: run.runId, status: run.status, recipients };
}
