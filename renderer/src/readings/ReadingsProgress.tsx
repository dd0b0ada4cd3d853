import type { JobProgress, RunStatus } from '../../../shared/domain/types';
import { useT } from '../i18n';
import { ProgressBar } from '../ui/ProgressBar';
import { useReadings } from './store';

/** The bar, the step and its counts; Cancel while the job runs. */
export function ReadingsProgress({ progress, running, status, label }: { progress: JobProgress | null; running: boolean; status?: RunStatus; label: string }) {
  const t = useT();
  const job = useReadings((s) => s.job);
  const cancel = useReadings((s) => s.cancelJob);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const counts = `${t.num(done)} / ${t.num(total)}`;
  const phase = progress ? t.label('rd_phase_', progress.phase) : t.t('www_starting');
  const tone = status === 'failed' ? 'danger' : status === 'cancelled' || status === 'stopped' ? 'warning' : 'normal';
  return (
    <div className="job-progress-bar readings-progress" data-testid="readings-progress" data-running={running ? 'true' : 'false'}>
      <div className="check-progress">
        <ProgressBar label={label} done={done} total={total} running={running} valueText={counts} tone={tone} />
        <div className="progress-caption">
          <span>
            <span className="muted">{t.t('www_step')}:</span> <span data-testid="readings-progress-phase">{phase}</span>
          </span>
          <span className="num">
            <span className="muted">{t.t('rd_readings')}:</span> <span data-testid="readings-progress-counts">{counts}</span>
          </span>
          {progress && progress.errors > 0 ? <span className="text-warn">{t.plural('rd_notAccepted', progress.errors)}</span> : null}
        </div>
      </div>
      {running && job ? (
        <button type="button" className="button" data-testid="readings-cancel" disabled={!job.jobId || job.cancelling} onClick={() => void cancel()}>
          {job.cancelling ? t.t('www_cancelling') : t.t('www_cancel')}
        </button>
      ) : null}
    </div>
  );
}
