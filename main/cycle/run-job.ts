// Runs a journaled job: opens the run, runs its steps, and closes the run exactly once with the
// right status — completed, cancelled (the operator's Cancel), or failed (with the problem).

import type { Operator } from '../../shared/domain/permissions';
import type { Problem, RunStatus } from '../../shared/domain/types';
import type { SourceCheckResult } from '../../shared/ipc/contract';
import { ProblemError, problem } from '../../shared/errors/problem';
import { isAbort } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { RunScope } from './run-scope';

/** What a journaled job answers (the contract's result), plus the problem that failed it. */
export interface RunSummary extends SourceCheckResult {
  error?: Problem;
}

export async function runJournaled(
  ws: Workspace,
  actor: Operator,
  what: { kind: string; period?: string; mode?: string },
  /** The run's steps; they answer 'stopped' when a guard stopped the run before anything was sent or booked. */
  steps: (scope: RunScope) => Promise<void | 'stopped'>,
): Promise<RunSummary> {
  const log = ws.log(what.kind);
  const runId = ws.journal.start({ operator: actor.name, kind: what.kind, period: what.period, mode: what.mode });
  const scope = new RunScope(runId, ws.journal);
  log.info(`run ${runId} started by ${actor.name}`, what);
  ws.audit.append(actor.name, 'run.start', `run:${runId}`, { kind: what.kind, period: what.period ?? null, mode: what.mode ?? null });
  let status: RunStatus = 'completed';
  let error: Problem | undefined;
  try {
    if ((await steps(scope)) === 'stopped') status = 'stopped';
  } catch (e) {
    if (isAbort(e)) {
      status = 'cancelled';
    } else {
      status = 'failed';
      error = e instanceof ProblemError ? e.problem : problem('SAL-9001', ws.locale(), { detail: (e as Error).message });
      if (!(e instanceof ProblemError)) log.error(`run ${runId}`, e);
      scope.problem(error, 'run');
    }
  }
  scope.flush();
  ws.journal.finish(runId, { status, counts: scope.counts, totals: scope.totals(), problems: scope.problems });
  log.info(`run ${runId} ${status}`, { counts: scope.counts, problems: scope.problemCount });
  ws.audit.append(actor.name, 'run.finish', `run:${runId}`, { kind: what.kind, status, problems: scope.problemCount });
  return { runId, status, counts: scope.counts, totals: scope.totals(), problems: scope.problemCount, error };
}
