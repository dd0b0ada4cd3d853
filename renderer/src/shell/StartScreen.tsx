import { useT } from '../i18n';
import { useSaldo } from '../store';
import { ProblemText } from '../ui/ProblemText';

/** Shown until main has answered app.status, or when it could not. */
export function StartScreen() {
  const t = useT();
  const phase = useSaldo((s) => s.phase);
  const error = useSaldo((s) => s.error);
  const retry = useSaldo((s) => s.checkSession);
  return (
    <div className="start-screen">
      <div className="start-card" role={phase === 'failed' ? 'alert' : 'status'}>
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">S</span>
          <span className="brand-name">{t.t('appName')}</span>
        </div>
        {phase === 'failed' ? (
          <>
            <p className="start-title">{t.t('startFailed')}</p>
            {error ? <ProblemText problem={error} /> : null}
            <button type="button" className="button button-primary" onClick={() => void retry()}>
              {t.t('retry')}
            </button>
          </>
        ) : (
          <p className="muted">{t.t('loading')}</p>
        )}
      </div>
    </div>
  );
}
