import type { ReactNode } from 'react';
import { LANGUAGE_NAMES } from '../../../shared/i18n/ui';
import { useT } from '../i18n';
import { useSaldo } from '../store';
import '../styles/settings.css';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function State({ connected, problem }: { connected: boolean; problem?: { code: string; message: string; hint: string } }) {
  const t = useT();
  if (connected) return <span className="conn conn-ok"><span className="dot" aria-hidden="true" />{t.t('connected')}</span>;
  return (
    <span className="conn conn-bad">
      <span className="dot" aria-hidden="true" />
      {problem ? (
        <>
          <code>{problem.code}</code> {problem.message}
          <span className="settings-hint">{problem.hint}</span>
        </>
      ) : (
        t.t('notConnected')
      )}
    </span>
  );
}

/** Read-only for now: what Saldo is connected to and who is working. */
export function SettingsTab() {
  const t = useT();
  const status = useSaldo((s) => s.status);
  if (!status) return null;
  const { organisation: org, accounting, portal, operator } = status;
  return (
    <div className="settings">
      <p className="notice notice-note" data-testid="settings-readonly">
        {t.t('settings_readOnly')}
      </p>
      <div className="settings-grid">
        <section className="panel">
          <h2 className="panel-title">{t.t('settings_organisation')}</h2>
          <dl className="facts">
            <Row label={t.t('settings_name')} testId="settings-org">{org.name}</Row>
            {org.address ? <Row label={t.t('settings_address')}>{org.address}</Row> : null}
            {org.taxId ? <Row label={t.t('settings_taxId')}><span className="mono">{org.taxId}</span></Row> : null}
          </dl>
        </section>
        <section className="panel">
          <h2 className="panel-title">{t.t('settings_operator')}</h2>
          <dl className="facts">
            <Row label={t.t('settings_name')}>{operator.displayName}</Row>
            <Row label={t.t('settings_login')}><span className="mono">{operator.name}</span></Row>
            <Row label={t.t('settings_role')}>{t.label('role_', operator.role)}</Row>
            <Row label={t.t('settings_permissions')}>
              <ul className="plain-list">
                {operator.permissions.map((p) => (
                  <li key={p}>{t.label('perm_', p)}</li>
                ))}
              </ul>
            </Row>
          </dl>
        </section>
        <section className="panel">
          <h2 className="panel-title">{t.t('settings_source')}</h2>
          <dl className="facts">
            <Row label={t.t('settings_kind')}>{t.label('sourceKind_', accounting.kind)}</Row>
            <Row label={t.t('settings_connection')}><span className="mono break">{accounting.label}</span></Row>
            <Row label={t.t('settings_state')}><State connected={accounting.connected} problem={accounting.problem} /></Row>
          </dl>
        </section>
        <section className="panel">
          <h2 className="panel-title">{t.t('settings_portal')}</h2>
          <dl className="facts">
            <Row label={t.t('settings_kind')}>{t.label('transport_', portal.transport)}</Row>
            <Row label={t.t('settings_connection')}><span className="mono break">{portal.label}</span></Row>
            <Row label={t.t('settings_state')}><State connected={portal.connected} problem={portal.problem} /></Row>
          </dl>
        </section>
        <section className="panel">
          <h2 className="panel-title">{t.t('settings_language')}</h2>
          <dl className="facts">
            <Row label={t.t('settings_language')}>{LANGUAGE_NAMES[t.locale]}</Row>
            <Row label={t.t('settings_version')}><span className="mono">{status.version}</span></Row>
          </dl>
          <p className="muted small">{t.t('settings_languageNote')}</p>
        </section>
      </div>
    </div>
  );
}
