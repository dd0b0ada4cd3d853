import type { ReactNode } from 'react';
import { LANGUAGE_NAMES } from '../../../shared/i18n/ui';
import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { OperatorsPanel } from './OperatorsPanel';
import { ProfilesPanel } from './ProfilesPanel';
import { ConnectionState as State } from './ConnectionState';
import '../styles/settings.css';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/**
 * Everyone: the organisation, their own operator, what Saldo is connected to, the language.
 * Administrators also: connection profiles with "test connection", and the operators.
 */
export function SettingsTab() {
  const t = useT();
  const status = useSaldo((s) => s.status);
  const manageSettings = useSaldo((s) => hasPermission(s.status, 'settings.manage'));
  const manageOperators = useSaldo((s) => hasPermission(s.status, 'operators.manage'));
  if (!status) return null;
  const { organisation: org, accounting, portal, operator } = status;
  return (
    <div className="settings">
      {!manageSettings && !manageOperators ? (
        <p className="notice notice-note" data-testid="settings-admin-only">
          {t.t('settings_adminOnly')}
        </p>
      ) : null}
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
              <ul className="plain-list perm-list" data-testid="settings-permissions">
                {operator.permissions.map((p) => (
                  <li key={p} data-permission={p}>
                    {t.label('perm_', p)}
                  </li>
                ))}
              </ul>
            </Row>
          </dl>
        </section>
        {/* an administrator sees both connections in the profiles below, with their state */}
        {!manageSettings ? (
          <>
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
          </>
        ) : null}
        <section className="panel">
          <h2 className="panel-title">{t.t('settings_language')}</h2>
          <dl className="facts">
            <Row label={t.t('settings_language')}>{LANGUAGE_NAMES[t.locale]}</Row>
            <Row label={t.t('settings_version')}><span className="mono">{status.version}</span></Row>
          </dl>
          <p className="muted small">{t.t('settings_languageNote')}</p>
        </section>
      </div>
      {manageSettings ? <ProfilesPanel /> : null}
      {manageOperators ? <OperatorsPanel /> : null}
    </div>
  );
}
