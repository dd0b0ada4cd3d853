import { useEffect, type ComponentType } from 'react';
import { LANGUAGE_NAMES } from '../../shared/i18n/ui';
import { AuditTab } from './audit/AuditTab';
import { SetupScreen } from './auth/SetupScreen';
import { SignInScreen } from './auth/SignInScreen';
import { BankTab } from './bank/BankTab';
import { useT } from './i18n';
import { JournalTab } from './journal/JournalTab';
import { ReadingsTab } from './readings/ReadingsTab';
import { SettingsTab } from './settings/SettingsTab';
import { Header } from './shell/Header';
import { ProblemBanner } from './shell/ProblemBanner';
import { StartScreen } from './shell/StartScreen';
import { StatusBar } from './shell/StatusBar';
import { TabBar, panelId, tabId, useVisibleTabs } from './shell/TabBar';
import { useSaldo, type TabId } from './store';
import { WwwTab } from './www/WwwTab';
import './styles/shell.css';

const PANELS: Record<TabId, ComponentType> = {
  www: WwwTab,
  readings: ReadingsTab,
  bank: BankTab,
  journal: JournalTab,
  audit: AuditTab,
  settings: SettingsTab,
};

/** Keeps <html lang> and the window title in step with the UI language and organisation. */
function useDocumentLanguage(): void {
  const t = useT();
  const org = useSaldo((s) => s.status?.organisation.name ?? s.organisationName);
  useEffect(() => {
    document.documentElement.lang = t.locale;
    document.title = org ? `${t.t('appName')} — ${org}` : t.t('appName');
  }, [t, org]);
}

export function App() {
  useDocumentLanguage();
  const phase = useSaldo((s) => s.phase);
  const tab = useSaldo((s) => s.tab);
  const locale = useSaldo((s) => s.locale);
  const tabs = useVisibleTabs();

  if (phase === 'setup') return <SetupScreen />;
  if (phase === 'signIn') return <SignInScreen />;
  if (phase !== 'ready') return <StartScreen />;

  return (
    <div className="app" data-locale={locale} data-language={LANGUAGE_NAMES[locale]}>
      <Header />
      <TabBar />
      <ProblemBanner />
      <main className="app-main">
        {tabs.map((id) => {
          const Panel = PANELS[id];
          return (
            <section key={id} id={panelId(id)} role="tabpanel" aria-labelledby={tabId(id)} hidden={id !== tab} className="tab-panel" tabIndex={0}>
              {id === tab ? <Panel /> : null}
            </section>
          );
        })}
      </main>
      <StatusBar />
    </div>
  );
}
