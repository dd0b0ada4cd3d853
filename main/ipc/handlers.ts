// The services behind each channel of the IPC contract. Each takes the acting operator explicitly
// and checks its permission itself (the dispatcher checks too), so the CLI, the window and the
// test bridge are held to the same rules.

import type { Operator } from '../../shared/domain/permissions';
import { permissionsOf } from '../../shared/domain/permissions';
import type { Locale } from '../../shared/domain/types';
import type { AppStatus, CallChannel, CallResponses, JobChannel, JobResults } from '../../shared/ipc/contract';
import { CALLS, JOBS } from '../../shared/ipc/contract';
import { ProblemError, fail, problem } from '../../shared/errors/problem';
import type { z } from 'zod';
import { cycle, sourceCheck } from '../cycle/cycle';
import type { RunSummary } from '../cycle/run-job';
import { requirePermission } from '../engine/authorize';
import type { JobContext, JobOutcome } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { printReport, saveReportPdf, type ReportPorts } from '../reports/service';

type CallReq<C extends CallChannel> = z.output<(typeof CALLS)[C]['request']>;
type JobReq<J extends JobChannel> = z.output<(typeof JOBS)[J]['request']>;

export type CallHandlers = { [C in CallChannel]: (req: CallReq<C>, actor: Operator) => Promise<CallResponses[C]> };
export type JobHandlers = { [J in JobChannel]: (req: JobReq<J>, actor: Operator, ctx: JobContext) => Promise<JobOutcome<JobResults[J]>> };

export interface Handlers {
  calls: Omit<CallHandlers, 'job.cancel'>;
  jobs: JobHandlers;
}

declare const __SALDO_VERSION__: string | undefined;
export const VERSION = typeof __SALDO_VERSION__ === 'string' ? __SALDO_VERSION__ : '0.1.0';

function outcome(s: RunSummary) {
  return {
    status: s.status,
    result: { runId: s.runId, status: s.status, counts: s.counts, totals: s.totals, problems: s.problems },
    error: s.error,
  };
}

export function makeHandlers(ws: Workspace, ports: ReportPorts): Handlers {
  return {
    calls: {
      'app.status': async (_req, actor): Promise<AppStatus> => {
        const c = ws.cfg.config;
        const locale = ws.locale();
        let accounting: AppStatus['accounting'];
        let periods: string[] = [];
        try {
          const gw = await ws.accounting();
          periods = await gw.periods();
          accounting = { kind: gw.info.kind, label: gw.info.label, connected: true };
        } catch (e) {
          const p = e instanceof ProblemError ? e.problem : problem('SAL-5001', locale, { detail: (e as Error).message });
          accounting = { kind: c.accounting.kind, label: c.accounting.kind === 'sqlite' ? c.accounting.path : c.accounting.server, connected: false, problem: p };
        }
        const portal: AppStatus['portal'] =
          c.portal.transport === 'folder'
            ? { transport: 'folder', label: c.portal.dir, connected: true }
            : { transport: 'https', label: new URL(c.portal.baseUrl).host, connected: false };
        return { version: VERSION, locale, organisation: c.organisation, operator: { ...actor, permissions: permissionsOf(actor) }, accounting, portal, periods };
      },
      'settings.setLocale': async (req, actor) => {
        ws.settings.set('ui.locale', req.locale, actor.name);
        ws.audit.append(actor.name, 'settings.change', 'ui.locale', { value: req.locale });
        return { locale: req.locale as Locale };
      },
      'journal.list': async (req, actor) => {
        requirePermission(actor, 'journal.read', ws.locale());
        return ws.journal.list(req.limit ?? 100);
      },
      'journal.get': async (req, actor) => {
        requirePermission(actor, 'journal.read', ws.locale());
        return ws.journal.get(req.runId) ?? fail('SAL-6008', ws.locale(), { runId: req.runId });
      },
      'report.pdf': (req, actor) => saveReportPdf(ws, actor, req.kind, req.runId, ports),
      'report.print': (req, actor) => printReport(ws, actor, req.kind, req.runId, ports),
    },
    jobs: {
      'source.check': async (req, actor, ctx) => outcome(await sourceCheck(ws, actor, req.period, ctx)),
      'cycle.run': async (req, actor, ctx) => outcome(await cycle(ws, actor, req.period, ctx)),
    },
  };
}
