import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import '../styles/auth.css';

/** The frame of the sign-in and set-up screens: the brand and the language switch, a card in the middle. */
export function AuthLayout({ organisation, children, testId }: { organisation?: string | null; children: ReactNode; testId: string }) {
  const t = useT();
  return (
    <div className="auth" data-testid={testId}>
      <header className="app-header auth-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <span className="brand-name">{t.t('appName')}</span>
          <span className="brand-tagline">{t.t('appTagline')}</span>
        </div>
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      <main className="auth-main">
        <div className="auth-card">
          {organisation ? (
            <p className="auth-org" data-testid="auth-organisation">
              {organisation}
            </p>
          ) : null}
          {children}
        </div>
      </main>
    </div>
  );
}
