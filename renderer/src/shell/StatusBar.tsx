import type { Problem } from '../../../shared/domain/types';
import { LANGUAGE_NAMES } from '../../../shared/i18n/ui';
import { useT } from '../i18n';
import { useSaldo } from '../store';

function Connection({ connected, problem, testId }: { connected: boolean; problem?: Problem; testId: string }) {
  const t = useT();
  if (connected) {
    return (
      <span className="conn conn-ok" data-testid={testId}>
        <span className="dot" aria-hidden="true" />
        {t.t('connected')}
      </span>
    );
  }
  const text = problem ? `${problem.code}: ${problem.message}` : t.t('notConnected');
  return (
    <span className="conn conn-bad" data-testid={testId} title={problem ? `${text}\n${problem.hint}` : text}>
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}

/** Bottom line: where data comes from and goes to, who is working, in which language. */
export function StatusBar() {
  const t = useT();
  const status = useSaldo((s) => s.status);
  if (!status) return null;
  const { accounting, portal, operator } = status;
  const source = `${t.label('sourceKindShort_', accounting.kind)} — ${accounting.label}`;
  const port = `${t.label('transport_', portal.transport)} — ${portal.label}`;
  const op = `${operator.displayName} · ${t.label('role_', operator.role)}`;
  return (
    <footer className="status-bar" aria-label={t.t('statusBar')}>
      <div className="sb-item sb-source" data-testid="status-source" title={source}>
        <span className="sb-label">{t.t('sb_source')}:</span>
        <span className="sb-value">{source}</span>
        <Connection connected={accounting.connected} problem={accounting.problem} testId="status-source-state" />
      </div>
      <div className="sb-item sb-portal" data-testid="status-portal" title={port}>
        <span className="sb-label">{t.t('sb_portal')}:</span>
        <span className="sb-value">{port}</span>
        <Connection connected={portal.connected} problem={portal.problem} testId="status-portal-state" />
      </div>
      <div className="sb-item sb-operator" data-testid="status-operator" title={op}>
        <span className="sb-label">{t.t('sb_operator')}:</span>
        <span className="sb-value">{op}</span>
      </div>
      <div className="sb-item sb-language" data-testid="status-language">
        <span className="sb-label">{t.t('sb_language')}:</span>
        <span className="sb-value">{LANGUAGE_NAMES[t.locale]}</span>
      </div>
    </footer>
  );
}
