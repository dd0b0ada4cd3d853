import { useT } from '../i18n';
import { useSaldo } from '../store';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const t = useT();
  const org = useSaldo((s) => s.status?.organisation);
  const operator = useSaldo((s) => s.status?.operator);
  const signOut = useSaldo((s) => s.signOut);
  return (
    <header className="app-header">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">S</span>
        <span className="brand-name">{t.t('appName')}</span>
      </div>
      <div className="org">
        <span className="org-name" data-testid="organisation" title={org?.name}>
          {org?.name}
        </span>
        {org?.address ? (
          <span className="org-address" title={org.address}>
            {org.address}
          </span>
        ) : null}
      </div>
      <LanguageSwitch />
      {operator ? (
        <div className="who" role="group" aria-label={t.t('auth_signedInAs')}>
          <div className="who-text" data-testid="header-operator">
            <span className="who-name" title={`${operator.displayName} (${operator.name})`}>
              {operator.displayName}
            </span>
            <span className="who-role" data-testid="header-role" data-role={operator.role}>
              {t.label('role_', operator.role)}
            </span>
          </div>
          <button type="button" className="button header-button" data-testid="sign-out" onClick={() => void signOut()}>
            {t.t('auth_signOut')}
          </button>
        </div>
      ) : null}
    </header>
  );
}
