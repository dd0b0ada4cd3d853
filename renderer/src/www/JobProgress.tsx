import type { JobProgress as Progress, RunStatus } from '../../../shared/domain/types';
import { useT } from '../i18n';
import { SENT_CATEGORIES, useSaldo, type WwwSendRequest } from '../store';
import { CheckProgress } from './CheckProgress';

type StepState = 'done' | 'current' | 'waiting';

/** Where each chosen category stands, from the phases the job went through (export_<category>). */
function stepStates(request: WwwSendRequest, phases: string[], running: boolean): Array<[string, StepState]> {
  const chosen = SENT_CATEGORIES.filter((c) => !request.categories?.length || request.categories.includes(c));
  const last = phases[phases.length - 1];
  return chosen.map((c) => {
    const phase = `export_${c}`;
    if (!running) return [c, 'done'];
    return [c, !phases.includes(phase) ? 'waiting' : phase === last ? 'current' : 'done'];
  });
}

const MARK: Record<StepState, string> = { done: '✓', current: '►', waiting: '○' };

/** The bar with its step and counts, the categories of a send and their state, and Cancel while it runs. */
export function JobProgressView({
  progress,
  running,
  status,
  label,
  request,
  phases,
}: {
  progress: Progress | null;
  running: boolean;
  status?: RunStatus;
  label: string;
  request?: WwwSendRequest;
  phases: string[];
}) {
  const t = useT();
  const job = useSaldo((s) => s.job);
  const cancel = useSaldo((s) => s.cancelJob);
  return (
    <div className="job-progress">
      <div className="job-progress-bar">
        <CheckProgress progress={progress} running={running} status={status} label={label} />
        {running && job ? (
          <button type="button" className="button" data-testid="cancel-job" disabled={!job.jobId || job.cancelling} onClick={() => void cancel()}>
            {job.cancelling ? t.t('www_cancelling') : t.t('www_cancel')}
          </button>
        ) : null}
      </div>
      {/* After a cancel, a stop or a failure the phases do not tell which category got how far: the summary does. */}
      {request && (running || status === 'completed') ? (
        <ol className="send-steps" aria-label={t.t('send_steps')} data-testid="send-steps">
          {stepStates(request, phases, running).map(([c, state]) => (
            <li key={c} className={`send-step send-step-${state}`} data-step={c} data-state={state}>
              <span className="send-step-mark" aria-hidden="true">
                {MARK[state]}
              </span>
              <span>{t.label('cat_', c)}</span>
              <span className="visually-hidden">({t.t(`step_${state}`)})</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
