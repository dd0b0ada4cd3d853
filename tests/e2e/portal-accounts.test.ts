// Residents' portal accounts in the window (Data to WWW tab), in Debian's Chromium against the real
// dispatcher: the registrations list fills after "fetch registrations now" (who registered when,
// e-mails masked, the closed account marked), filters by event and account, and activation
// letters for one building are created from the form — the window names the letters file and
// shows no code.

import { existsSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationsPage } from '../../shared/ipc/contract-accounts';
import { bridgeCall, screenshot, startApp, type AppSession, useBrowser } from './helpers';
import { readLetters } from '../support/letters';

const browserOf = useBrowser();

async function rows(page: Page): Promise<Array<{ account: string | null; event: string | null }>> {
  return page
    .getByTestId('registrations-table')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => ({ account: tr.getAttribute('data-account'), event: tr.getAttribute('data-event') })));
}

describe('portal accounts in the window', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', premises: 200, months: 2, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('fetches the registrations and lists who registered when, newest first, e-mails masked', async () => {
    const { page } = app;
    const panel = page.getByTestId('registrations-panel');
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('registrations-empty').waitFor();
    await page.getByTestId('registrations-sync').click();
    await page.getByTestId('registrations-synced').waitFor({ timeout: 60_000 });
    await page.getByTestId('registrations-table').waitFor();
    const facts = await bridgeCall<RegistrationsPage>(app, 'accounts.registrations', { limit: 500 });
    expect(facts.total).toBeGreaterThan(5);
    const count = page.getByTestId('registrations-count');
    expect(await count.getAttribute('data-total')).toBe(String(facts.total));
    expect(await count.getAttribute('data-registered')).toBe(String(facts.registeredNow));
    const shown = await rows(page);
    expect(shown.map((r) => r.account)).toEqual(facts.rows.map((r) => r.accountNo));
    // The closed account is on top (the last event of the month) and marked.
    expect(shown[0].event).toBe('unregistered');
    const first = page.getByTestId('registrations-table').locator('tbody tr').first();
    expect(await first.textContent()).toContain('Zamknięcie');
    expect(await first.textContent()).toContain('usunięto');
    const text = (await page.getByTestId('registrations-table').textContent())!;
    expect(text).toMatch(/•+@example\.pl/);
    expect(text).not.toMatch(/[a-z]{3,}\.[a-z]{3,}\d*@example\.pl/); // no full address anywhere
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'portal-registrations-pl');

    await page.getByTestId('registrations-event').selectOption('unregistered');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=registrations-table] tbody tr').length === 1);
    await page.getByTestId('registrations-event').selectOption('all');
    await page.getByTestId('registrations-search').fill(facts.rows[3].accountNo);
    await page.waitForFunction((a) => {
      const trs = [...document.querySelectorAll('[data-testid=registrations-table] tbody tr')];
      return trs.length > 0 && trs.every((tr) => tr.getAttribute('data-account') === a);
    }, facts.rows[3].accountNo);
  });

  it('creates portal accounts for one building and names the letters file, never a code', async () => {
    const { page } = app;
    const all = await bridgeCall<{ buildings: string[] }>(app, 'www.premises', { period: app.ws.period, limit: 1 });
    const building = all.buildings[all.buildings.length - 1];
    const form = page.getByTestId('create-accounts');
    await form.scrollIntoViewIfNeeded();
    await page.getByTestId('create-start').click();
    await page.getByTestId('create-missing').waitFor();
    await page.getByTestId('create-building').fill(building);
    await page.getByTestId('create-start').click();
    const result = page.getByTestId('create-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-status')).toBe('completed');
    const issued = Number(await result.getAttribute('data-issued'));
    expect(issued).toBeGreaterThan(0);
    const fileText = (await page.getByTestId('create-file').textContent())!;
    const file = /Listy: (.+\.pdf)\./.exec(fileText)![1];
    expect(existsSync(file)).toBe(true);
    const letters = readLetters(file);
    expect(letters).toHaveLength(issued);
    const body = (await page.locator('body').textContent())!;
    for (const l of letters) expect(body).not.toContain(l.code.match(/.{1,4}/g)!.join('-'));
    await form.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'portal-accounts-created-pl');
    rmSync(file);
    expect(app.issues.all()).toEqual([]);
  });
});
