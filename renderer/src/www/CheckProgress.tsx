import type { JobProgress, RunStatus } from '../../../shared/domain/types';
import { useT } from '../i18n';
import { ProgressBar } from '../ui/ProgressBar';

/** The bar plus "step · done / total · errors" under it. */
export function CheckProgress({ progress, running, status, label }: { progress: JobProgress | null; running: boolean; status?: RunStatus; label?: string }) {
  const t = useT();
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const counts = `${t.num(done)} / ${t.num(total)}`;
  const phase = progress ? t.label('cat_', progress.phase.replace(/^export_/, '')) : t.t('www_starting');
  const tone = status === 'failed' ? 'danger' : status === 'cancelled' || status === 'stopped' ? 'warning' : 'normal';
  return (
    <div className="check-progress" data-testid="check-progress" data-running={running ? 'true' : 'false'}>
      <ProgressBar label={label ?? t.t('www_progressLabel')} done={done} total={total} running={running} valueText={counts} tone={tone} />
      <div className="progress-caption">
        <span>
          <span className="muted">{t.t('www_step')}:</span> <span data-testid="progress-phase">{phase}</span>
        </span>
        <span className="num" data-testid="progress-counts">
          <span className="muted">{t.t('www_records')}:</span> {counts}
        </span>
        {progress && progress.errors > 0 ? (
          <span className="text-danger" data-testid="progress-errors">
            {t.plural('www_errors', progress.errors)}
          </span>
        ) : null}
      </div>
    </div>
  );
}
