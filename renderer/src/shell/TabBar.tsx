import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { UiStringKey } from '../../../shared/i18n/ui';
import { useT } from '../i18n';
import { useSaldo, visibleTabs, type TabId } from '../store';

export const tabId = (id: TabId) => `tab-${id}`;
export const panelId = (id: TabId) => `panel-${id}`;

const LABELS: Record<TabId, UiStringKey> = {
  www: 'tab_www',
  readings: 'tab_readings',
  bank: 'tab_bank',
  journal: 'tab_journal',
  audit: 'tab_audit',
  settings: 'tab_settings',
};

/** The tabs the operator's role may use, in this order. */
export function useVisibleTabs(): TabId[] {
  const permissions = useSaldo((s) => s.status?.operator.permissions);
  return useMemo(() => visibleTabs(permissions), [permissions]);
}

/** WAI-ARIA tabs with automatic activation: arrows, Home and End move and select. Tabs a role may not use are not shown. */
export function TabBar() {
  const t = useT();
  const TABS = useVisibleTabs();
  const tab = useSaldo((s) => s.tab);
  const setTab = useSaldo((s) => s.setTab);
  const refs = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});

  // Just signed in (the form is gone and nothing has focus): start at the selected tab.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) refs.current[tab]?.focus();
    // only when the tab bar appears
  }, []);

  const go = (id: TabId) => {
    setTab(id);
    refs.current[id]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    e.preventDefault();
    go(TABS[next]);
  };

  return (
    <div className="tab-bar" role="tablist" aria-label={t.t('sections')} onKeyDown={onKeyDown}>
      {TABS.map((id) => (
        <button
          key={id}
          ref={(el) => {
            refs.current[id] = el;
          }}
          type="button"
          role="tab"
          id={tabId(id)}
          aria-controls={panelId(id)}
          aria-selected={tab === id}
          tabIndex={tab === id ? 0 : -1}
          className="tab"
          data-tab={id}
          onClick={() => setTab(id)}
        >
          {t.t(LABELS[id])}
        </button>
      ))}
    </div>
  );
}
