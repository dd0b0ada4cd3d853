// The one dispatcher (DESIGN.md §2): every request from the window, the CLI or the test bridge
// passes here. It checks the sender, validates the arguments against the contract's schema,
// checks the acting operator's permission, and calls the service. Errors come back as values in
// the one error shape; nothing is thrown across the boundary.

import type { Operator } from '../../shared/domain/permissions';
import type { Locale, Problem, Result } from '../../shared/domain/types';
import { CALLS, JOBS, type CallChannel, type JobChannel } from '../../shared/ipc/contract';
import { ProblemError, problem } from '../../shared/errors/problem';
import { requirePermission } from '../engine/authorize';
import type { Jobs } from '../engine/jobs';
import type { ModuleLog } from '../engine/log';
import type { Handlers, PublicChannel } from './handlers';
import type { SessionState } from '../security/session';

export interface Caller {
  /** Who is signed in on this transport; the session channels change it. */
  session: SessionState;
  /** Whether the transport vouched for the sender (Electron: our own window and frame). */
  trustedSender: boolean;
  /** What the transport knows of the sender, for the log and the error (never a secret). */
  senderLabel?: string;
}

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly jobs: Jobs,
    private readonly locale: () => Locale,
    private readonly log: ModuleLog,
    /** Re-reads an operator on every call, so a role change or a disabled account takes effect at once. */
    private readonly currentOperator: (name: string) => Operator | null,
  ) {}

  toProblem(e: unknown): Problem {
    if (e instanceof ProblemError) return e.problem;
    this.log.error('unexpected error', e);
    return problem('SAL-9001', this.locale(), { detail: e instanceof Error ? e.message : String(e) });
  }

  async handle(channel: string, raw: unknown, caller: Caller): Promise<Result<unknown>> {
    const locale = this.locale();
    try {
      if (!caller.trustedSender) {
        this.log.warn(`rejected ${channel} from untrusted sender ${caller.senderLabel ?? '?'}`);
        return { ok: false, error: problem('SAL-6006', locale, { detail: caller.senderLabel ?? channel }) };
      }
      const isCall = has(CALLS, channel);
      const isJob = has(JOBS, channel);
      if (!isCall && !isJob) {
        return { ok: false, error: problem('SAL-6005', locale, { channel: String(channel).slice(0, 64), detail: 'unknown channel' }) };
      }
      const spec = isCall ? CALLS[channel as CallChannel] : JOBS[channel as JobChannel];
      const parsed = spec.request.safeParse(raw ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
        return { ok: false, error: problem('SAL-6005', locale, { channel, detail: `${where}${issue.message}` }) };
      }
      if (isCall && 'public' in spec && spec.public) {
        const fn = this.handlers.public[channel as PublicChannel] as (req: unknown, session: SessionState) => Promise<unknown>;
        return { ok: true, value: await fn(parsed.data, caller.session) };
      }
      if (caller.session.actor) caller.session.actor = this.currentOperator(caller.session.actor.name);
      const actor = caller.session.actor;
      if (!actor) return { ok: false, error: problem('SAL-6004', locale, { operator: '(not signed in)' }) };
      if (spec.permission) requirePermission(actor, spec.permission, locale);

      if (channel === 'job.cancel') {
        const { jobId } = parsed.data as { jobId: string };
        return { ok: true, value: { cancelled: this.jobs.cancel(jobId) } };
      }
      if (isCall) {
        const calls = this.handlers.calls as unknown as Record<string, (req: unknown, actor: Operator) => Promise<unknown>>;
        const fn = calls[channel];
        return { ok: true, value: await fn(parsed.data, actor) };
      }
      const job = this.handlers.jobs[channel as JobChannel] as (req: unknown, actor: Operator, ctx: Parameters<Handlers['jobs'][JobChannel]>[2]) => Promise<never>;
      const jobId = this.jobs.start(channel as JobChannel, (ctx) => job(parsed.data, actor, ctx), (e) => this.toProblem(e));
      return { ok: true, value: { jobId } };
    } catch (e) {
      return { ok: false, error: this.toProblem(e) };
    }
  }
}
