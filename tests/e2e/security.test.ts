// Operators and security end to end: the first start sets up the administrator (a weak password is
// refused inline); an administrator adds an operator with the exchange grant and tests the
// accounting connection; sign-out returns to the sign-in screen. An Auditor signs in and finds no
// way to send (and main refuses the call too); wrong passwords are refused and five in a row lock
// the account; the audit log lists the sign-ins and is saved as a PDF.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../main/security/passwords';
import { Operators } from '../../main/store/operators';
import { openStore } from '../../main/store/store';
import type { Role } from '../../shared/domain/types';
import { CATALOGUE } from '../../shared/errors/catalogue';
import { UI_TEXT } from '../../shared/i18n/ui';
import type { OperatorView } from '../../shared/ipc/views';
import { bridgeCall, screenshot, startApp, type AppSession, fileStartsWith, useBrowser } from './helpers';

const ADMIN = { name: 'admin', displayName: 'Anna Zarządca', password: 'Wiosna w Gdańsku 2026' };
const CLERK = { name: 'marta', displayName: 'Marta Wiśniewska', password: 'maple syrup morning' };
const AUDITOR = { name: 'ewa', displayName: 'Ewa Audytorka', password: 'zielony las nad rzeką' };
const LOCKED = { name: 'jan', displayName: 'Jan Nowak', password: 'cztery pory roku' };

/** Adds operators with passwords to a workspace's store, and gives its administrator one (so no first-start set-up). */
async function addOperators(dir: string, ops: Array<{ name: string; displayName: string; password: string; role: Role }>): Promise<void> {
  const db = openStore(join(dir, 'store.sqlite'));
  try {
    const operators = new Operators(db);
    operators.update(ADMIN.name, { passwordHash: await hashPassword(ADMIN.password) });
    for (const op of ops) operators.add({ name: op.name, displayName: op.displayName, role: op.role, passwordHash: await hashPassword(op.password) });
  } finally {
    db.close();
  }
}

/** Types a name and password and presses Enter; resolves when main has answered. */
async function submitSignIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-name').fill(name);
  await page.getByTestId('sign-in-password').fill(password);
  const answered = page.waitForResponse((r) => r.url().includes('/__bridge/call/session.signIn'));
  await page.getByTestId('sign-in-password').press('Enter');
  await answered;
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

const browserOf = useBrowser();

describe('first start and the administrator', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', signedIn: false, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets up the administrator on a fresh demo workspace, refusing a weak password inline first', async () => {
    const { page } = app;
    const setup = page.getByTestId('setup');
    await setup.waitFor();
    expect(await setup.getByRole('heading', { level: 1 }).textContent()).toBe(UI_TEXT.pl.setup_title);
    expect(await page.getByTestId('setup-name').inputValue()).toBe('admin');
    expect(await focusedTestId(page)).toBe('setup-display-name');
    await expect(page.getByText(UI_TEXT.pl.setup_rule).isVisible()).resolves.toBe(true);

    await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
    await page.getByTestId('setup-password').fill('krótkie');
    await page.getByTestId('setup-repeat').fill('krótkie');
    await page.getByTestId('setup-repeat').press('Enter');
    const problem = page.getByTestId('setup-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('SAL-6022');
    expect(await problem.getByTestId('problem-message').textContent()).toBe(CATALOGUE['SAL-6022'].pl.message);
    expect(await page.getByTestId('setup-password').inputValue()).toBe('');
    expect(await page.getByTestId('setup-repeat').inputValue()).toBe('');
    expect(await focusedTestId(page)).toBe('setup-password');
    await screenshot(page, 'security-pl-setup-weak');

    // long enough, but it holds the operator name
    await page.getByTestId('setup-password').fill('Admin-Wiosna-2026');
    await page.getByTestId('setup-repeat').fill('Admin-Wiosna-2026');
    await page.getByTestId('setup-submit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=setup-problem]')?.getAttribute('data-code') === 'SAL-6029');
    expect(await page.locator('[data-testid=setup]').getByRole('tab').count()).toBe(0);

    // two different passwords are caught before asking main
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-repeat').fill(`${ADMIN.password}!`);
    await page.getByTestId('setup-submit').click();
    expect(await page.getByTestId('setup-missing').textContent()).toBe(UI_TEXT.pl.form_mismatch);

    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-repeat').fill(ADMIN.password);
    await page.getByTestId('setup-repeat').press('Enter');
    await page.locator('[role=tablist]').waitFor();
    expect(await page.getByTestId('header-operator').textContent()).toContain(ADMIN.displayName);
    expect(await page.getByTestId('header-role').textContent()).toBe(UI_TEXT.pl.role_administrator);
    expect(await page.getByRole('tab').count()).toBe(6);
  });

  it('adds an operator who may run the data exchange, and refuses to demote the last administrator', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: UI_TEXT.en.tab_settings }).click();
    const operators = page.getByTestId('settings-operators');
    await operators.locator('[data-operator=admin]').waitFor();

    await page.getByTestId('operator-add').click();
    const dialog = page.getByTestId('operator-dialog');
    await dialog.waitFor();
    expect(await focusedTestId(page)).toBe('operator-name');
    await page.getByTestId('operator-name').fill(CLERK.name);
    await page.getByTestId('operator-display-name').fill(CLERK.displayName);
    expect(await page.getByTestId('operator-role').inputValue()).toBe('operator');
    await page.getByTestId('operator-exchange').check();
    await page.getByTestId('operator-password').fill(CLERK.password);
    await page.getByTestId('operator-repeat').fill(CLERK.password);
    await screenshot(page, 'security-en-operator-dialog');
    await page.getByTestId('operator-save').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('operator-saved').textContent()).toBe(UI_TEXT.en.ops_saved.replace('{name}', CLERK.name));

    const row = operators.locator(`[data-operator=${CLERK.name}]`);
    await row.waitFor();
    expect(await row.getAttribute('data-grants')).toBe('exchange.run');
    expect(await row.textContent()).toContain(UI_TEXT.en.perm_exchange_run);
    expect(await row.textContent()).toContain(UI_TEXT.en.role_operator);
    const saved = (await bridgeCall<OperatorView[]>(app, 'operators.list', {})).find((o) => o.name === CLERK.name);
    expect(saved).toMatchObject({ role: 'operator', grants: ['exchange.run'], hasPassword: true, disabled: false });

    // the only administrator cannot become an auditor: main says so inside the form
    await page.getByTestId('operator-edit-admin').click();
    await dialog.waitFor();
    await page.getByTestId('operator-role').selectOption('auditor');
    expect(await page.getByTestId('operator-exchange').count()).toBe(0);
    await page.getByTestId('operator-save').click();
    const problem = page.getByTestId('operator-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('SAL-6024');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('operator-edit-admin');
    expect(await operators.locator('[data-operator=admin]').getAttribute('data-role')).toBe('administrator');
  });

  it('tests the accounting connection and shows every step passed', async () => {
    const { page } = app;
    const profiles = page.getByTestId('settings-profiles');
    await profiles.locator('[data-profile=accounting]').waitFor();
    await page.getByTestId('test-profile-accounting').click();
    const result = page.getByTestId('profile-test-accounting');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-ok')).toBe('true');
    const steps = result.locator('li[data-step]');
    expect(await steps.count()).toBeGreaterThan(0);
    const oks = await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-ok')));
    expect(oks.every((ok) => ok === 'true')).toBe(true);
    expect(await result.locator('.step-mark').allTextContents()).toContain('✓');
    await page.locator('#panel-settings').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await screenshot(page, 'security-en-settings');
  });

  it('signs out to the sign-in screen, clearing the window; a language chosen there is kept after sign-in', async () => {
    const { page } = app;
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    expect(await page.locator('[role=tablist]').count()).toBe(0);
    expect(await page.getByText(ADMIN.displayName).count()).toBe(0);
    expect(await focusedTestId(page)).toBe('sign-in-name');
    // the organisation is remembered from the session that just ended
    expect(await page.getByTestId('auth-organisation').textContent()).toBe((await page.title()).split(' — ')[1]);
    // nobody is signed in on main's side either
    const status = await page.evaluate(() => (window as unknown as { saldo: { appStatus(r: object): Promise<{ ok: boolean; error?: { code: string } }> } }).saldo.appStatus({}));
    expect(status.ok).toBe(false);

    // main's language is English now; the next operator picks Polish before signing in
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('heading', { name: UI_TEXT.pl.auth_signInTitle }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    await submitSignIn(page, CLERK.name, 'nie to hasło');
    // main answered in English; the form shows it in the chosen language
    expect(await page.getByTestId('sign-in-problem').getByTestId('problem-message').textContent()).toBe(CATALOGUE['SAL-6020'].pl.message);
    await screenshot(page, 'security-pl-sign-in-after-sign-out');

    await submitSignIn(page, CLERK.name, CLERK.password);
    await page.locator('[role=tablist]').waitFor();
    expect(await page.getByTestId('header-role').textContent()).toBe(UI_TEXT.pl.role_operator);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe(UI_TEXT.pl.tab_www);
    // the chosen language was saved for the operator once signed in
    await page.waitForFunction(() => document.documentElement.lang === 'pl');
    expect((await bridgeCall<{ locale: string }>(app, 'app.status', {})).locale).toBe('pl');

    await page.getByTestId('check-source').waitFor();
    expect(await page.getByRole('tab', { name: UI_TEXT.pl.tab_audit }).count()).toBe(0);
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_settings }).click();
    await page.getByTestId('settings-admin-only').waitFor();
    expect(await page.getByTestId('settings-operators').count()).toBe(0);
    expect(await page.getByTestId('settings-profiles').count()).toBe(0);
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});

describe('an Auditor, wrong passwords and the audit log', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({
      locale: 'pl',
      signedIn: false,
      browser: browserOf(),
      prepare: (ws) =>
        addOperators(ws.dir, [
          { ...AUDITOR, role: 'auditor' },
          { ...LOCKED, role: 'operator' },
        ]),
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('starts at the sign-in screen, in Polish, with the language switch', async () => {
    const { page } = app;
    const form = page.getByTestId('sign-in');
    await form.waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    expect(await form.getByRole('heading', { level: 1 }).textContent()).toBe(UI_TEXT.pl.auth_signInTitle);
    expect(await page.getByRole('button', { name: 'English' }).count()).toBe(1);
    expect(await focusedTestId(page)).toBe('sign-in-name');
    await screenshot(page, 'security-pl-sign-in');
  });

  it('refuses a wrong password with SAL-6020 and clears the password field', async () => {
    const { page } = app;
    await submitSignIn(page, AUDITOR.name, 'to nie jest hasło');
    const problem = page.getByTestId('sign-in-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('SAL-6020');
    expect(await problem.getByTestId('problem-message').textContent()).toBe(CATALOGUE['SAL-6020'].pl.message);
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');
    expect(await focusedTestId(page)).toBe('sign-in-password');
    // an unknown name gets the same answer
    await submitSignIn(page, 'nikt', 'to nie jest hasło');
    expect(await problem.getAttribute('data-code')).toBe('SAL-6020');
  });

  it('locks the account after five wrong passwords in a row (SAL-6021)', async () => {
    const { page } = app;
    for (let i = 1; i <= 5; i++) await submitSignIn(page, LOCKED.name, `złe hasło numer ${i}`);
    const problem = page.getByTestId('sign-in-problem');
    await page.waitForFunction(() => document.querySelector('[data-testid=sign-in-problem]')?.getAttribute('data-code') === 'SAL-6021');
    const message = (await problem.getByTestId('problem-message').textContent())!;
    expect(message).toContain(LOCKED.name);
    expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // a local time, not an ISO instant
    await screenshot(page, 'security-pl-locked');
    // even the right password is refused while the account is locked
    await submitSignIn(page, LOCKED.name, LOCKED.password);
    expect(await problem.getAttribute('data-code')).toBe('SAL-6021');
    expect(await page.locator('[role=tablist]').count()).toBe(0);
  });

  it('signs in as an Auditor and finds no way to send; main refuses the call too', async () => {
    const { page } = app;
    await submitSignIn(page, AUDITOR.name, AUDITOR.password);
    await page.locator('[role=tablist]').waitFor();
    expect(await page.getByTestId('header-role').textContent()).toBe(UI_TEXT.pl.role_auditor);
    expect(await page.getByRole('tab').allTextContents()).toEqual([UI_TEXT.pl.tab_www, UI_TEXT.pl.tab_journal, UI_TEXT.pl.tab_audit, UI_TEXT.pl.tab_settings]);

    // Data to WWW: no Check, no send, no button at all
    await page.getByTestId('www-no-permission').waitFor();
    expect(await page.getByTestId('check-source').count()).toBe(0);
    expect(await page.locator('#panel-www button').count()).toBe(0);
    expect(await page.locator('#panel-www select').count()).toBe(0);

    // Settings: own operator and language only, nothing of the administrator's
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_settings }).click();
    await page.getByTestId('settings-admin-only').waitFor();
    expect(await page.getByTestId('settings-profiles').count()).toBe(0);
    expect(await page.getByTestId('settings-operators').count()).toBe(0);
    expect(await page.getByTestId('operator-add').count()).toBe(0);
    expect(await page.locator('#panel-settings button').count()).toBe(0);
    await screenshot(page, 'security-pl-auditor-settings');

    // main refuses what the window does not offer
    const answers = await page.evaluate(async (period) => {
      const saldo = (window as unknown as { saldo: Record<string, (r: object) => Promise<{ ok: boolean; error?: { code: string } }>> }).saldo;
      return {
        check: await saldo.sourceCheck({ period }),
        cycle: await saldo.cycleRun({ period }),
        operators: await saldo.operatorsList({}),
        profiles: await saldo.profilesTest({ name: 'accounting' }),
      };
    }, app.ws.period);
    expect(answers.check.ok).toBe(false);
    expect(answers.check.error?.code).toBe('SAL-6003');
    expect(answers.cycle.error?.code).toBe('SAL-6003');
    expect(answers.operators.error?.code).toBe('SAL-6003');
    expect(answers.profiles.error?.code).toBe('SAL-6003');
  });

  it('lists the sign-ins in the audit log, filters them, and saves the log as a PDF', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('tab', { name: UI_TEXT.uk.tab_audit }).click();
    const table = page.getByTestId('audit-table');
    await table.locator('[data-action="session.signIn"][data-operator=ewa]').first().waitFor();
    expect(await table.locator('[data-action="session.signIn.failed"][data-operator=ewa]').count()).toBeGreaterThan(0);
    expect(await table.locator('[data-action="session.signIn.failed"][data-operator=jan]').count()).toBeGreaterThan(0);
    expect(await table.locator('[data-action="session.signIn.locked"][data-operator=jan]').count()).toBeGreaterThan(0);
    expect(await table.locator('tbody tr[data-action="session.signIn"]').first().textContent()).toContain(UI_TEXT.uk.action_session_signIn);

    // filter by action, then by operator
    await page.getByTestId('audit-filter-action').selectOption('session.signIn.failed');
    expect(await table.locator('tbody tr').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-action')))])).toEqual(['session.signIn.failed']);
    await page.getByTestId('audit-filter-operator').selectOption('jan');
    expect(await table.locator('tbody tr').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-operator')))])).toEqual(['jan']);
    await page.getByTestId('audit-clear-filter').click();
    expect(await page.getByTestId('audit-filter-action').inputValue()).toBe('');

    await page.getByTestId('audit-pdf').click();
    const pathEl = page.getByTestId('audit-pdf-path');
    await pathEl.waitFor({ timeout: 60_000 });
    const file = (await pathEl.textContent())!.trim();
    expect(file.toLowerCase().endsWith('.pdf')).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(fileStartsWith(file, '%PDF')).toBe(true);
    await screenshot(page, 'security-uk-audit');
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});
