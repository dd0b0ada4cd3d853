import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { AsOfDate } from './AsOfDate';
import { CheckSummary } from './CheckSummary';
import { JobProgressView } from './JobProgress';
import { NoticeForm } from './NoticeForm';
import { PeriodPicker } from './PeriodPicker';
import { PremisesPanel } from './PremisesPanel';
import { SendPanel } from './SendPanel';
import { SendSummary } from './SendSummary';
import '../styles/www.css';
import { PortalAccountsSection } from '../accounts/PortalAccountsSection';

/**
 * Data to WWW (seed 002): the month and the as-of date; the premises grid to filter and tick; the
 * send in one of three modes, per category or all, with a preview, progress and Cancel; the result
 * with its problems and error report; a notice to residents. The source check stays at hand.
 */
export function WwwTab() {
  const t = useT();
  const status = useSaldo((s) => s.status);
  const period = useSaldo((s) => s.period);
  const job = useSaldo((s) => s.job);
  const lastCheck = useSaldo((s) => s.lastCheck);
  const lastSend = useSaldo((s) => s.lastSend);
  const start = useSaldo((s) => s.startSourceCheck);
  const allowed = hasPermission(status, 'source.read');
  const canSend = hasPermission(status, 'exchange.run');
  const periods = status?.periods ?? [];
  const checkJob = job?.channel === 'source.check' ? job : null;

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
            {period ? <AsOfDate key={period} period={period} disabled={!!job} /> : null}
            <span className="spacer" />
            <button type="button" className="button" data-testid="check-source" title={t.t('www_checkHint')} disabled={!period || !!job} onClick={() => void start()}>
              {t.t('www_check')}
            </button>
          </div>
        )}
        {checkJob ? (
          <JobProgressView progress={checkJob.progress} running label={t.t('www_progressLabel')} phases={checkJob.phases} />
        ) : lastCheck?.progress ? (
          <JobProgressView progress={lastCheck.progress} running={false} status={lastCheck.status} label={t.t('www_progressLabel')} phases={[]} />
        ) : null}
      </div>

      {lastCheck && !job ? <CheckSummary outcome={lastCheck} /> : null}

      {allowed && period ? (
        <>
          <PremisesPanel period={period} />
          <SendPanel />
          {lastSend && !job ? <SendSummary outcome={lastSend} /> : null}
          {canSend ? <NoticeForm /> : null}
        </>
      ) : null}
      {/* Residents' portal accounts: activation letters and registrations (renderer/src/accounts). */}
      <PortalAccountsSection />
    </div>
  );
}
