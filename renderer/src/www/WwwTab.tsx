import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { CheckProgress } from './CheckProgress';
import { CheckSummary } from './CheckSummary';
import { PeriodPicker } from './PeriodPicker';
import '../styles/www.css';

/** Data to WWW: for now, check what the accounting source would export for a month. */
export function WwwTab() {
  const t = useT();
  const status = useSaldo((s) => s.status);
  const period = useSaldo((s) => s.period);
  const job = useSaldo((s) => s.job);
  const lastCheck = useSaldo((s) => s.lastCheck);
  const start = useSaldo((s) => s.startSourceCheck);
  const cancel = useSaldo((s) => s.cancelJob);
  const allowed = hasPermission(status, 'source.read');
  const periods = status?.periods ?? [];

  return (
    <div className="www">
      <div className="panel">
        <h2 className="panel-title">{t.t('www_heading')}</h2>
        <p className="panel-intro">{t.t('www_intro')}</p>
        {!allowed ? (
          <p className="notice notice-info" data-testid="www-no-permission">
            {t.t('www_noPermission')}
          </p>
        ) : periods.length === 0 ? (
          <p className="notice notice-info">{t.t('www_noPeriods')}</p>
        ) : (
          <div className="toolbar">
            <PeriodPicker periods={periods} value={period} disabled={!!job} />
            <button type="button" className="button button-primary" data-testid="check-source" disabled={!period || !!job} onClick={() => void start()}>
              {t.t('www_check')}
            </button>
            {job ? (
              <button
                type="button"
                className="button"
                data-testid="cancel-job"
                disabled={!job.jobId || job.cancelling}
                onClick={() => void cancel()}
              >
                {job.cancelling ? t.t('www_cancelling') : t.t('www_cancel')}
              </button>
            ) : null}
          </div>
        )}
        {job ? <CheckProgress progress={job.progress} running /> : lastCheck?.progress ? <CheckProgress progress={lastCheck.progress} running={false} status={lastCheck.status} /> : null}
      </div>

      {lastCheck && !job ? <CheckSummary outcome={lastCheck} /> : null}

      <p className="notice notice-note" data-testid="send-note">
        {t.t('www_sendNote')}
      </p>
    </div>
  );
}
