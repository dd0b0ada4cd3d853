// Data to WWW end to end: the premises grid (paged from main, filtered by building), a preview with
// counts, "send selected" of three ticked premises with a moving progress bar and the folder
// portal's outbox on disk, a full send and its error report as PDF, the 5% guard stopping a send
// until confirmed, a notice to members, the English window, an operator without the exchange
// permission (preview only), and Cancel of a long send on a larger workspace.

import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/domain/types';
import { UI_TEXT } from '../../shared/i18n/ui';
import type { PremisesPage } from '../../shared/ipc/contract';
import { bridgeCall, recordProgress, recordedProgress, screenshot, startApp, type AppSession, fileStartsWith, useBrowser } from './helpers';

/** A figure of the result table: category row, figure column, as a number. */
async function figure(page: Page, category: string, fig: string): Promise<number> {
  const text = await page.getByTestId('send-figures').locator(`tbody tr[data-key=${category}] td[data-figure=${fig}]`).textContent();
  return Number(text!.replace(/\s/g, ''));
}

/** Waits for the summary of a send (not the one shown before it) and answers its status. */
async function finishedSend(page: Page, before: string | null, timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid=send-summary]');
      return !!el && el.getAttribute('data-run-id') !== prev && !!el.getAttribute('data-run-id');
    },
    before,
    { timeout },
  );
  return (await page.getByTestId('send-summary').getAttribute('data-status'))!;
}

async function shownRunId(page: Page): Promise<string | null> {
  const s = page.getByTestId('send-summary');
  return (await s.count()) ? s.getAttribute('data-run-id') : null;
}

/** Scrolls the tab so that `testId` is in view, for a screenshot that shows it. */
async function show(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

const browserOf = useBrowser();

describe('Data to WWW on a demo workspace', () => {
  let app: AppSession;
  let fullRunId = 0;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', premises: 300, throttleMs: 5, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the premises of the month and filters them by building', async () => {
    const { page } = app;
    const all = await bridgeCall<PremisesPage>(app, 'www.premises', { period: app.ws.period, limit: 1 });
    expect(all.total).toBe(300);
    const grid = page.getByTestId('premises-grid');
    await page.waitForFunction(() => document.querySelector('[data-testid=premises-grid]')?.getAttribute('data-total') === '300');
    await grid.locator('tbody tr[data-account]').first().waitFor();
    expect(await grid.locator('tbody tr[data-account]').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('premises-count').textContent()).toBe('300 lokali');
    // the as-of date is the month's last day
    expect(await page.getByTestId('as-of').inputValue()).toBe('31.10.2026');

    const building = all.buildings[1];
    const inBuilding = await bridgeCall<PremisesPage>(app, 'www.premises', { period: app.ws.period, building, limit: 1 });
    await page.getByTestId('filter-building').selectOption(building);
    await page.waitForFunction((n) => document.querySelector('[data-testid=premises-grid]')?.getAttribute('data-total') === String(n), inBuilding.total);
    await grid.locator('tbody tr[data-account]').first().waitFor();
    const shown = await grid.locator('tbody tr[data-building]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-building')));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([building]));
    await show(page, 'premises-panel');
    await screenshot(page, 'www-pl-grid');
    await page.getByTestId('filter-clear').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=premises-grid]')?.getAttribute('data-total') === '300');
  });

  it('previews a full send as of a typed date: counts per category, nothing sent', async () => {
    const { page } = app;
    await page.getByTestId('mode-all').check();
    // a date that is not one stops everything until corrected
    await page.getByTestId('as-of').fill('31.13.2026');
    await page.getByTestId('as-of-invalid').waitFor();
    expect(await page.getByTestId('send-preview').isDisabled()).toBe(true);
    expect(await page.getByTestId('send-all-categories').isDisabled()).toBe(true);
    await page.getByTestId('as-of').fill('30.10.2026');
    expect(await page.getByTestId('as-of-invalid').count()).toBe(0);
    await page.getByTestId('send-preview').click();
    expect(await finishedSend(page, null)).toBe('completed');
    const summary = page.getByTestId('send-summary');
    expect(await summary.getAttribute('data-dry-run')).toBe('true');
    await page.getByTestId('preview-note').waitFor();
    expect(await summary.locator('dd').allTextContents()).toContain('30.10.2026');
    const preview = await bridgeCall<RunRecord>(app, 'journal.get', { runId: Number(await shownRunId(page)) });
    expect(preview.kind).toBe('www-preview');
    const toSend = await figure(page, 'accounts', 'toSend');
    expect(toSend).toBeGreaterThan(0);
    expect(await figure(page, 'accounts', 'new')).toBe(toSend);
    expect(await figure(page, 'charges', 'toSend')).toBeGreaterThan(0);
    expect(await page.getByTestId('send-figures').locator('tbody tr').count()).toBe(8);
    // nothing reached the portal
    expect(existsSync(join(app.ws.dir, 'portal', 'outbox', 'manifest.jsonl'))).toBe(false);
    await show(page, 'send-panel');
    await screenshot(page, 'www-pl-preview');
    // back to the month's last day for the sends below
    await page.getByTestId('as-of').fill('31.10.2026');
    await page.getByTestId('as-of').blur();
  });

  it('sends three ticked premises with a moving progress bar; the portal outbox is written', async () => {
    const { page } = app;
    await page.getByTestId('filter-portal').selectOption('yes');
    const grid = page.getByTestId('premises-grid');
    await page.waitForFunction(() => document.querySelector('[data-testid=premises-grid] tbody tr[data-www=yes]') !== null);
    // "send selected" is offered only once something is ticked
    expect(await page.getByTestId('mode-selected').isDisabled()).toBe(true);
    const clean = grid.locator('tbody tr[data-www=yes][data-error=""]');
    const chosen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const row = clean.nth(i);
      chosen.push((await row.getAttribute('data-account'))!);
      await row.getByTestId('premises-tick').check();
    }
    expect(await page.getByTestId('ticked-count').textContent()).toBe('Zaznaczono: 3');
    await page.getByTestId('mode-selected').check();

    const before = await shownRunId(page);
    await recordProgress(page);
    await page.getByTestId('send-all-categories').click();
    expect(await finishedSend(page, before)).toBe('completed');
    const values = await recordedProgress(page);
    expect(values.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);

    expect(await page.getByTestId('send-summary').getAttribute('data-dry-run')).toBe('false');
    expect(await figure(page, 'accounts', 'sent')).toBe(3);
    expect(existsSync(join(app.ws.dir, 'portal', 'outbox', 'manifest.jsonl'))).toBe(true);
    const run = await bridgeCall<RunRecord>(app, 'journal.get', { runId: Number(await shownRunId(page)) });
    expect(run.kind).toBe('www-send');
    expect(run.mode).toBe('selected');
    await show(page, 'send-panel');
    await screenshot(page, 'www-pl-selected');
    await page.getByTestId('untick-all').click();
  });

  it('sends everything, lists the problems and saves the error report as a PDF', async () => {
    const { page } = app;
    await page.getByTestId('mode-all').check();
    const before = await shownRunId(page);
    await page.getByTestId('send-all-categories').click();
    expect(await finishedSend(page, before)).toBe('completed');
    fullRunId = Number(await shownRunId(page));
    const sent = await figure(page, 'accounts', 'sent');
    const skipped = await figure(page, 'accounts', 'skipped');
    const enabled = await bridgeCall<PremisesPage>(app, 'www.premises', { period: app.ws.period, portalEnabled: true, limit: 5000 });
    // every portal-enabled premises is either sent or skipped for an error, none vanishes
    expect(sent + skipped).toBeLessThanOrEqual(enabled.total);
    expect(sent).toBeGreaterThan(enabled.total * 0.8);
    // the demo data has planted defects: they are listed with a code and what to do
    const problems = page.getByTestId('send-problems').locator('tbody tr');
    expect(await problems.count()).toBeGreaterThan(0);
    expect(await problems.first().locator('code').textContent()).toMatch(/^SAL-\d{4}$/);

    await page.getByTestId('errors-pdf').click();
    const pathEl = page.getByTestId('errors-pdf-path');
    await pathEl.waitFor({ timeout: 60_000 });
    const file = (await pathEl.textContent())!.trim();
    expect(file).toContain('www-errors');
    expect(existsSync(file)).toBe(true);
    expect(fileStartsWith(file, '%PDF')).toBe(true);
    await show(page, 'send-summary');
    await screenshot(page, 'www-pl-sent');

    // after the send, nothing portal-enabled without an error is "changed" any more
    await page.getByTestId('filter-changed').check();
    const changed = await bridgeCall<PremisesPage>(app, 'www.premises', { period: app.ws.period, changedOnly: true, portalEnabled: true, limit: 5000 });
    expect(changed.rows.every((r) => r.error !== null)).toBe(true);
    await page.getByTestId('filter-clear').click();
  });

  it('stops a full send that would mark too many accounts not in billing, and goes on when confirmed', async () => {
    const { page } = app;
    const enabled = await bridgeCall<PremisesPage>(app, 'www.premises', { period: app.ws.period, portalEnabled: true, limit: 5000 });
    const drop = enabled.rows.filter((r) => !r.error).slice(0, 20).map((r) => r.account);
    const acc = new Database(join(app.ws.dir, 'accounting.sqlite'));
    try {
      const upd = acc.prepare(`UPDATE premises SET www = 0 WHERE account_no = ?`);
      for (const a of drop) upd.run(a);
    } finally {
      acc.close();
    }
    const before = await shownRunId(page);
    await page.getByTestId('send-accounts').click();
    expect(await finishedSend(page, before)).toBe('stopped');
    const stop = page.getByTestId('stop-problem');
    expect(await stop.getAttribute('data-code')).toBe('SAL-1020');
    expect(await page.getByTestId('send-summary').locator('[data-status]').first().textContent()).toBe(UI_TEXT.pl.status_stopped);
    expect(await page.getByTestId('confirm-send').textContent()).toBe(UI_TEXT.pl.send_confirm);
    await show(page, 'send-summary');
    await screenshot(page, 'www-pl-stopped');

    const stopped = await shownRunId(page);
    await page.getByTestId('confirm-send').click();
    expect(await finishedSend(page, stopped)).toBe('completed');
    expect(await figure(page, 'accounts', 'notInBilling')).toBe(drop.length);
  });

  it('sends a notice to the members', async () => {
    const { page } = app;
    await page.getByTestId('notice-send').click();
    expect(await page.getByTestId('notice-missing').textContent()).toBe(UI_TEXT.pl.notice_titleRequired);
    await page.getByTestId('notice-audience-members').check();
    await page.getByTestId('notice-title').fill('Zebranie członków');
    await page.getByTestId('notice-body').fill('Zebranie członków spółdzielni odbędzie się 12 grudnia o 18:00 w świetlicy.');
    await page.getByTestId('notice-send').click();
    const sent = page.getByTestId('notice-sent');
    await sent.waitFor({ timeout: 30_000 });
    expect(Number(await sent.getAttribute('data-recipients'))).toBeGreaterThan(0);
    const run = await bridgeCall<RunRecord>(app, 'journal.get', { runId: Number(await sent.getAttribute('data-run-id')) });
    expect(run.kind).toBe('www-notice');
    await show(page, 'notice-form');
    await screenshot(page, 'www-pl-notice');
  });

  it('shows the tab in English', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: UI_TEXT.en.tab_www }).waitFor();
    await page.getByTestId('send-modes').getByText(UI_TEXT.en.sendMode_all, { exact: true }).waitFor();
    expect(await page.getByTestId('send-all-categories').textContent()).toBe(UI_TEXT.en.send_allCategories);
    await page.getByTestId('premises-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'www-en-grid');
    await show(page, 'send-summary');
    await screenshot(page, 'www-en-sent');
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_www }).waitFor();
  });

  it('shows an operator without the exchange permission the grid and the preview, but no way to send', async () => {
    const { page, bridge } = app;
    bridge.backend.ws.operators.add({ name: 'marek', displayName: 'Marek Nowicki', role: 'operator' });
    bridge.actAs('marek');
    await page.reload();
    await page.getByTestId('premises-grid').locator('tbody tr[data-account]').first().waitFor();
    await page.getByTestId('send-no-permission').waitFor();
    expect(await page.getByTestId('send-buttons').count()).toBe(0);
    expect(await page.getByTestId('send-all-categories').count()).toBe(0);
    expect(await page.getByTestId('notice-form').count()).toBe(0);
    expect(await page.getByTestId('send-preview').isEnabled()).toBe(true);
    expect(await page.getByTestId('check-source').isEnabled()).toBe(true);
    await page.getByTestId('send-preview').click();
    expect(await finishedSend(page, null)).toBe('completed');
    expect(await page.getByTestId('confirm-send').count()).toBe(0);
    await show(page, 'send-panel');
    await screenshot(page, 'www-pl-preview-only');
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});

describe('cancel a long send', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', premises: 6000, months: 2, throttleMs: 0, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stops within a couple of seconds and shows the send as cancelled', async () => {
    const { page } = app;
    await page.getByTestId('premises-grid').locator('tbody tr[data-account]').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('mode-all').check();
    // The operator's click happens in the page the moment the bar first moves: a click sent from
    // here would need a round trip, and on a fast machine the whole send can end before it lands.
    await page.evaluate(() => {
      const w = window as unknown as { __cancelClickedAt?: number };
      const tryCancel = () => {
        if (w.__cancelClickedAt !== undefined) return;
        const moved = Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0;
        const button = document.querySelector<HTMLButtonElement>('[data-testid=cancel-job]');
        if (!moved || !button || button.disabled) return;
        w.__cancelClickedAt = Date.now();
        button.click();
      };
      new MutationObserver(tryCancel).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('send-all-categories').click();
    expect(await finishedSend(page, null, 60_000)).toBe('cancelled');
    const tookMs = await page.evaluate(() => Date.now() - (window as unknown as { __cancelClickedAt: number }).__cancelClickedAt);
    expect(tookMs).toBeLessThan(3000);
    expect(await page.getByTestId('send-summary').locator('[data-status]').first().textContent()).toBe(UI_TEXT.pl.status_cancelled);
    await page.getByTestId('cancelled-note').waitFor();
    const bar = page.getByRole('progressbar');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(Number(await bar.getAttribute('aria-valuemax')));
    await show(page, 'send-panel');
    await screenshot(page, 'www-pl-cancelled-send');
    // the buttons are usable again
    expect(await page.getByTestId('send-all-categories').isEnabled()).toBe(true);
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});
