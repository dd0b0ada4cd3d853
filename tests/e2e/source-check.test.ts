// Data to WWW → "Check source data" end to end: the progress bar moves, the summary shows counts and
// money, the Journal lists the run and saves its PDF; Cancel works on a larger workspace.

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/domain/types';
import { UI_TEXT } from '../../shared/i18n/ui';
import { bridgeCall, recordProgress, recordedProgress, screenshot, startApp, type AppSession, fileStartsWith, useBrowser } from './helpers';

const browserOf = useBrowser();

describe('check source data on the demo period', () => {
  let app: AppSession;
  let runId = 0;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', premises: 400, throttleMs: 20, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('runs with a moving progress bar and ends with a summary of counts and money', async () => {
    const { page } = app;
    expect(await page.getByTestId('period').inputValue()).toBe(app.ws.period);
    await recordProgress(page);
    await page.getByTestId('check-source').click();
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: 60_000 });

    const values = await recordedProgress(page);
    expect(values.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);

    // the bar stays at its final value, full
    const bar = page.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));

    expect(await summary.locator('[data-status]').getAttribute('data-status')).toBe('completed');
    runId = Number(await summary.getAttribute('data-run-id'));
    expect(runId).toBeGreaterThan(0);

    // counts per category, localised, with the same numbers the journal recorded
    const run = await bridgeCall<RunRecord>(app, 'journal.get', { runId });
    const counts = page.getByTestId('summary-counts');
    expect(await counts.locator('tbody tr[data-key=accounts] th').textContent()).toBe(UI_TEXT.pl.cat_accounts);
    expect(run.counts.accounts).toBeGreaterThan(0);
    const shown = (await counts.locator('tbody tr[data-key=accounts] td').textContent())!.replace(/\s/g, '');
    expect(shown).toBe(String(run.counts.accounts));

    // money totals as money: decimal comma, two decimals
    const charges = await page.getByTestId('summary-totals').locator('tr[data-key=charges_total] td').textContent();
    expect(charges).toMatch(/^−?\d{1,3}(\u00a0\d{3})*,\d{2}$/);
    expect(charges!.replace(/\u00a0/g, '').replace(',', '.').replace('−', '-')).toBe(run.totals.charges_total);
    await screenshot(page, 'www-pl-summary');
  });

  it('lists the run in the Journal and saves its PDF', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_journal }).click();
    const row = page.locator(`[data-run-id="${runId}"]`).first();
    await row.waitFor();
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('completed');
    expect(await row.textContent()).toContain('październik 2026');
    // newest first
    expect(await page.locator('tbody [data-run-id]').first().getAttribute('data-run-id')).toBe(String(runId));

    await row.click();
    const details = page.getByTestId('run-details');
    await details.getByTestId('run-counts').waitFor();
    await details.getByTestId('report-pdf').click();
    const pathEl = page.getByTestId('pdf-path');
    await pathEl.waitFor({ timeout: 60_000 });
    const file = (await pathEl.textContent())!.trim();
    expect(file.toLowerCase().endsWith('.pdf')).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(fileStartsWith(file, '%PDF')).toBe(true);
    await screenshot(page, 'journal-pl');
  });

  it('shows the Journal in English after switching language', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: UI_TEXT.en.tab_journal }).waitFor();
    const row = page.locator(`tbody [data-run-id="${runId}"]`).first();
    expect(await row.textContent()).toContain('October 2026');
    expect(await row.textContent()).toContain(UI_TEXT.en.kind_source_check);
    await screenshot(page, 'journal-en');
    await page.getByRole('tab', { name: UI_TEXT.en.tab_www }).click();
    await screenshot(page, 'www-en');
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});

describe('cancel on a larger workspace', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', premises: 6000, months: 12, throttleMs: 20, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stops the check and shows it as cancelled', async () => {
    const { page } = app;
    await page.getByTestId('check-source').click();
    const bar = page.getByRole('progressbar');
    await page.waitForFunction(() => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0, undefined, { timeout: 30_000 });
    await page.getByTestId('cancel-job').click();
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.locator('[data-status]').getAttribute('data-status')).toBe('cancelled');
    expect(await summary.locator('[data-status]').textContent()).toBe(UI_TEXT.pl.status_cancelled);
    const done = Number(await bar.getAttribute('aria-valuenow'));
    const total = Number(await bar.getAttribute('aria-valuemax'));
    expect(done).toBeLessThan(total);
    await screenshot(page, 'www-pl-cancelled');

    const runs = await bridgeCall<RunRecord[]>(app, 'journal.list', { limit: 5 });
    expect(runs.find((r) => r.status === 'cancelled')).toBeTruthy();
    // the Check button is usable again
    expect(await page.getByTestId('check-source').isEnabled()).toBe(true);
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});
