import type { JobProgress, RunStatus } from '../../../shared/domain/types';
import { useT } from '../i18n';
import { ProgressBar } from '../ui/ProgressBar';
import { useBank } from './store';

/** The import's bar with its step and counts, and Cancel while it runs. */
export function ImportProgress({ progress, running, status }: { progress: JobProgress | null; running: boolean; status?: RunStatus }) {
  const t = useT();
  const job = useBank((s) => s.job);
  const cancel = useBank((s) => s.cancelImport);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const counts = `${t.num(done)} / ${t.num(total)}`;
  // A step the window has no name for is shown by the bar's own name, not by its key.
  const named = progress ? t.label('bankPhase_', progress.phase) : null;
  const phase = named === null ? t.t('bank_starting') : named === progress?.phase ? t.t('bank_progressLabel') : named;
  const counted = progress?.phase === 'bank.import';
  const tone = status === 'failed' ? 'danger' : status === 'cancelled' || status === 'stopped' ? 'warning' : 'normal';
  return (
    <div className="job-progress bank-progress" data-testid="bank-progress" data-running={running ? 'true' : 'false'}>
      <div className="job-progress-bar">
        <div className="check-progress">
          <ProgressBar label={t.t('bank_progressLabel')} done={done} total={total} running={running} valueText={counts} tone={tone} />
          <div className="progress-caption">
            <span>
              <span className="muted">{t.t('bank_step')}:</span> <span data-testid="bank-progress-phase">{running ? phase : status ? t.label('status_', status) : t.t('bank_done')}</span>
            </span>
            <span className="num" data-testid="bank-progress-counts">
              {counted ? <span className="muted">{t.t('bank_filesDone')}: </span> : null}
              {counts}
            </span>
          </div>
        </div>
        {running && job ? (
          <button type="button" className="button" data-testid="bank-cancel" disabled={!job.jobId || job.cancelling} onClick={() => void cancel()}>
            {job.cancelling ? t.t('bank_cancelling') : t.t('bank_cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
