// The shell on a Polish demo workspace: language, tabs, status bar, language switch that persists,
// keyboard tabs, and a clean console (no errors, no CSP violations).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UI_TEXT } from '../../shared/i18n/ui';
import type { AppStatus } from '../../shared/ipc/contract';
import { bridgeCall, screenshot, startApp, type AppSession } from './helpers';

const TAB_KEYS = ['tab_www', 'tab_readings', 'tab_bank', 'tab_journal', 'tab_audit', 'tab_settings'] as const;

describe('renderer shell', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads in Polish by default on a Polish demo workspace', async () => {
    const { page } = app;
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    expect(await page.getByRole('tab').allTextContents()).toEqual(TAB_KEYS.map((k) => UI_TEXT.pl[k]));
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(UI_TEXT.pl.tab_www);
    await expectVisibleText(page, UI_TEXT.pl.www_check);
    // the month picker shows month names, newest first, and the demo period is there
    const options = await page.locator('[data-testid=period] option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options[0][0]).toBe(app.ws.period);
    expect(options[0][1]).toBe('październik 2026');
    expect(options.map((o) => o[0])).toEqual([...options.map((o) => o[0])].sort().reverse());
  });

  it('shows the organisation, the accounting source, the portal, the operator and the language', async () => {
    const { page } = app;
    const st = await bridgeCall<AppStatus>(app, 'app.status', {});
    expect(await page.getByTestId('organisation').textContent()).toBe(st.organisation.name);
    const source = await page.getByTestId('status-source').textContent();
    expect(source).toContain(UI_TEXT.pl.sb_source);
    expect(source).toContain(UI_TEXT.pl.sourceKindShort_sqlite);
    expect(source).toContain(st.accounting.label);
    expect(await page.getByTestId('status-source-state').textContent()).toBe(UI_TEXT.pl.connected);
    expect(await page.getByTestId('status-portal').textContent()).toContain(st.portal.label);
    expect(await page.getByTestId('status-operator').textContent()).toContain(st.operator.displayName);
    expect(await page.getByTestId('status-language').textContent()).toContain('Polski');
  });

  it('moves between tabs with the arrow keys and shows each tab', async () => {
    const { page } = app;
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(UI_TEXT.pl.tab_readings);
    await expectVisibleText(page, UI_TEXT.pl.rd_heading);
    await page.keyboard.press('ArrowRight');
    await expectVisibleText(page, UI_TEXT.pl.bank_dropHere);
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(UI_TEXT.pl.tab_settings);
    await expectVisibleText(page, UI_TEXT.pl.profiles_heading);
    await screenshot(page, 'shell-pl-settings');
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(UI_TEXT.pl.tab_www);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await screenshot(page, 'shell-pl');
  });

  it('switches to English, re-renders, and keeps English after a reload', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: UI_TEXT.en.tab_www }).waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(TAB_KEYS.map((k) => UI_TEXT.en[k]));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('status-language').textContent()).toContain('English');
    await page.reload();
    await page.getByRole('tab', { name: UI_TEXT.en.tab_www }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('tab').allTextContents()).toEqual(TAB_KEYS.map((k) => UI_TEXT.en[k]));
    expect(await page.locator('[data-testid=period] option').first().textContent()).toBe('October 2026');
    await screenshot(page, 'shell-en');
  });

  it('switches to Ukrainian', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('tab', { name: UI_TEXT.uk.tab_www }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    expect(await page.locator('[data-testid=period] option').first().textContent()).toBe('жовтень 2026');
    await screenshot(page, 'shell-uk');
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_www }).waitFor();
  });

  it('shows an auditor only what the role allows (main checks too)', async () => {
    const { page, bridge } = app;
    bridge.backend.ws.operators.add({ name: 'audytor', displayName: 'Ewa Audytorka', role: 'auditor' });
    bridge.actAs('audytor');
    await page.reload();
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_www }).waitFor();
    expect(await page.getByTestId('status-operator').textContent()).toContain(`Ewa Audytorka · ${UI_TEXT.pl.role_auditor}`);
    expect(await page.getByTestId('check-source').count()).toBe(0);
    await expectVisibleText(page, UI_TEXT.pl.www_noPermission);
    // tabs the role may not use are not shown
    expect(await page.getByRole('tab').allTextContents()).toEqual(['tab_www', 'tab_journal', 'tab_audit', 'tab_settings'].map((k) => UI_TEXT.pl[k as (typeof TAB_KEYS)[number]]));
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_journal }).click();
    await page.getByTestId('journal-refresh').waitFor();
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});

async function expectVisibleText(page: AppSession['page'], text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: 5_000 });
}
