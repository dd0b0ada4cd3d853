// The services behind each channel of the IPC contract. Each takes the acting operator explicitly
// and checks its permission itself (the dispatcher checks too), so the CLI, the window and the
// test bridge are held to the same rules.

import type { Operator } from '../../shared/domain/permissions';
import { permissionsOf } from '../../shared/domain/permissions';
import type { Locale, Problem } from '../../shared/domain/types';
import type { AppStatus, CallChannel, CallResponses, JobChannel, JobResults } from '../../shared/ipc/contract';
import { CALLS, JOBS } from '../../shared/ipc/contract';
import { ProblemError, fail, problem } from '../../shared/errors/problem';
import type { z } from 'zod';
import { cycle, sourceCheck } from '../cycle/cycle';
import type { RunSummary } from '../cycle/run-job';
import { requirePermission } from '../engine/authorize';
import type { JobContext, JobOutcome } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { printReport, saveAuditPdf, saveReportPdf, type Ports } from '../reports/service';
import { saveOperator } from '../security/operators-admin';
import { sessionStatus, setupAdmin, signIn, signOut, type SessionState } from '../security/session';
import { checkExternalUrl } from '../security/links';
import { listProfiles, testProfile } from '../settings/profiles';
import type { ChainSecretStore } from '../security/secrets';
import type { ConnectionTest } from '../../shared/ipc/views';
import { describeMssql } from '../accounting/mssql/settings';
import { openPortal } from '../portal/open';
import { sendToPortal } from '../www/send';
import { sendNotice } from '../www/notice';
import { premisesPage } from '../www/premises';
import { readingsHandlers } from '../readings/handlers';
import { bankHandlers } from '../bank/handlers';
import { accountsHandlers } from '../accounts/handlers';
import type { PortalGateway } from '../portal/port';
import type { BANK_CALLS, BANK_JOBS } from '../../shared/ipc/contract-bank';
import type { ACCOUNTS_CALLS, ACCOUNTS_JOBS } from '../../shared/ipc/contract-accounts';
import type { READINGS_CALLS, READINGS_JOBS } from '../../shared/ipc/contract-readings';

type CallReq<C extends CallChannel> = z.output<(typeof CALLS)[C]['request']>;
type JobReq<J extends JobChannel> = z.output<(typeof JOBS)[J]['request']>;

/** Channels that need no signed-in operator: the session's own. */
export type PublicChannel = { [C in CallChannel]: (typeof CALLS)[C] extends { public: true } ? C : never }[CallChannel];
export type PublicHandlers = { [C in PublicChannel]: (req: CallReq<C>, session: SessionState) => Promise<CallResponses[C]> };
export type CallHandlers = { [C in Exclude<CallChannel, PublicChannel>]: (req: CallReq<C>, actor: Operator) => Promise<CallResponses[C]> };
export type JobHandlers = { [J in JobChannel]: (req: JobReq<J>, actor: Operator, ctx: JobContext) => Promise<JobOutcome<JobResults[J]>> };

/** What a feature's handlers get: the workspace, the output ports, the secrets, and a portal opener. */
export interface FeatureDeps {
  ws: Workspace;
  ports: Ports;
  secrets: ChainSecretStore;
  openPortal: () => Promise<PortalGateway>;
}

/** The handlers of one feature's channels (a feature's contract file lists them). */
export interface FeatureHandlers<C extends object, J extends object> {
  calls: Pick<CallHandlers, Extract<keyof C, keyof CallHandlers>>;
  jobs: Pick<JobHandlers, Extract<keyof J, JobChannel>>;
}
export type ReadingsHandlers = FeatureHandlers<typeof READINGS_CALLS, typeof READINGS_JOBS>;
export type BankHandlers = FeatureHandlers<typeof BANK_CALLS, typeof BANK_JOBS>;
export type AccountsHandlers = FeatureHandlers<typeof ACCOUNTS_CALLS, typeof ACCOUNTS_JOBS>;

export interface Handlers {
  public: PublicHandlers;
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

export function makeHandlers(ws: Workspace, ports: Ports, secrets: ChainSecretStore): Handlers {
  let startup: Promise<ConnectionTest> | null = null;
  const portal = () => openPortal(ws.cfg, secrets, ws.locale());
  const portalStatus = (): AppStatus['portal'] => {
    const p = ws.cfg.config.portal;
    return p.transport === 'folder' ? { transport: 'folder', label: p.dir, connected: true } : { transport: 'https', label: new URL(p.baseUrl).host, connected: false };
  };
  /** The accounting source as the status bar shows it, with the periods it has. */
  const accountingStatus = async (locale: Locale): Promise<{ accounting: AppStatus['accounting']; periods: string[] }> => {
    const a = ws.cfg.config.accounting;
    let warnings: Problem[] | undefined;
    // SQL Server: the start-up check (connect, exchange objects, the login's rights) runs once
    // per window and names what is missing or more than the exchange needs.
    if (a.kind === 'mssql') {
      startup ??= testProfile(ws, { name: 'system', displayName: 'system', role: 'administrator', grants: [] }, 'accounting', secrets);
      const check = await startup;
      warnings = check.excess;
      const failed = check.steps.find((s) => !s.ok);
      if (failed) return { accounting: { kind: 'mssql', label: describeMssql(a), connected: false, problem: failed.problem, warnings }, periods: [] };
    }
    const w = warnings ? { warnings } : {};
    try {
      const gw = await ws.accounting();
      return { accounting: { kind: gw.info.kind, label: gw.info.label, connected: true, ...w }, periods: await gw.periods() };
    } catch (e) {
      const p = e instanceof ProblemError ? e.problem : problem('SAL-5001', locale, { detail: (e as Error).message });
      return { accounting: { kind: a.kind, label: a.kind === 'sqlite' ? a.path : a.server, connected: false, problem: p, ...w }, periods: [] };
    }
  };
  const deps: FeatureDeps = { ws, ports, secrets, openPortal: portal };
  const readings = readingsHandlers(deps);
  const bank = bankHandlers(deps);
  const accounts = accountsHandlers(deps);
  return {
    public: {
      'session.status': async (_req, session) => sessionStatus(ws, session),
      'session.signIn': (req, session) => signIn(ws, session, req.name, req.password),
      'session.signOut': async (_req, session) => signOut(ws, session),
      'session.setupAdmin': (req, session) => setupAdmin(ws, session, req),
    },
    calls: {
      'app.status': async (_req, actor): Promise<AppStatus> => {
        const locale = ws.locale();
        const { accounting, periods } = await accountingStatus(locale);
        return { version: VERSION, locale, organisation: ws.cfg.config.organisation, operator: { ...actor, permissions: permissionsOf(actor) }, accounting, portal: portalStatus(), periods };
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
      'operators.list': async (_req, actor) => {
        requirePermission(actor, 'operators.manage', ws.locale());
        return ws.operators.views();
      },
      'operators.save': (req, actor) => saveOperator(ws, actor, req),
      'audit.list': async (req, actor) => {
        requirePermission(actor, 'audit.read', ws.locale());
        return ws.audit.list(req.limit ?? 1000);
      },
      'audit.pdf': (req, actor) => saveAuditPdf(ws, actor, req.limit ?? 1000, ports),
      'profiles.list': async (_req, actor) => listProfiles(ws, actor, secrets),
      'profiles.test': (req, actor) => testProfile(ws, actor, req.name, secrets),
      'secrets.list': async (_req, actor) => {
        requirePermission(actor, 'settings.manage', ws.locale());
        const names = await secrets.list();
        return Promise.all(names.map(async (name) => ({ name, source: (await secrets.source(name)) === 'env' ? ('env' as const) : ('store' as const) })));
      },
      'secrets.set': async (req, actor) => {
        requirePermission(actor, 'settings.manage', ws.locale());
        await secrets.set(req.name, req.value);
        ws.audit.append(actor.name, 'secrets.set', req.name, {}); // the name only, never the value
        return { name: req.name };
      },
      'secrets.delete': async (req, actor) => {
        requirePermission(actor, 'settings.manage', ws.locale());
        const deleted = await secrets.delete(req.name);
        ws.audit.append(actor.name, 'secrets.delete', req.name, { deleted });
        return { deleted };
      },
      'links.open': async (req, actor) => {
        const url = checkExternalUrl(req.url, ws.locale());
        const opened = ports.links ? await ports.links.open(url) : false;
        ws.audit.append(actor.name, 'links.open', url.host, { opened });
        return { opened };
      },
      'www.notice': (req, actor) => sendNotice(ws, actor, req, portal),
      'www.premises': (req, actor) => premisesPage(ws, actor, req),
      'report.pdf': (req, actor) => saveReportPdf(ws, actor, req.kind, req.runId, ports),
      'report.print': (req, actor) => printReport(ws, actor, req.kind, req.runId, ports),
      ...readings.calls,
      ...bank.calls,
      ...accounts.calls,
    },
    jobs: {
      'source.check': async (req, actor, ctx) => outcome(await sourceCheck(ws, actor, req.period, ctx)),
      'cycle.run': async (req, actor, ctx) => outcome(await cycle(ws, actor, req.period, ctx, portal)),
      'www.send': async (req, actor, ctx) => {
        const s = await sendToPortal(ws, actor, req, ctx, portal);
        return { status: s.status, result: s, error: s.status === 'failed' ? s.errors.at(-1) : undefined };
      },
      ...readings.jobs,
      ...bank.jobs,
      ...accounts.jobs,
    },
  };
}
