import { useT } from '../i18n';
import { useSaldo } from '../store';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const t = useT();
  const org = useSaldo((s) => s.status?.organisation);
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
    </header>
  );
}
