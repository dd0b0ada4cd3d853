// Meter readings end to end, in Debian's Chromium against the real dispatcher and services: a
// radio file in Windows-1250 chosen with the file input (one good reading, one far above the
// norm, one lower than the previous, one for no meter) → the summary and the three grids; the
// held reading accepted with a note moves to the accepted grid; the rejected report saved as PDF;
// the demo's radio file dropped onto the drop zone (a synthetic drop with the file's bytes);
// the history of a meter; the filters; the English window; and Cancel of a long import.

import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/domain/types';
import { UI_TEXT } from '../../shared/i18n/ui';
import type { ReadingsPage } from '../../shared/ipc/contract-readings';
import { bridgeCall, fileStartsWith, recordProgress, recordedProgress, screenshot, startApp, useBrowser, type AppSession } from './helpers';

interface RadioMeter {
  meter: string;
  radio: string;
  account: string;
  last: string;
  decimals: number;
}

/** Radio meters of the demo with a recorded reading, in service and verified past the test's dates. */
function radioMeters(dir: string, n: number): RadioMeter[] {
  const db = new Database(join(dir, 'accounting.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT m.meter_code AS meter, m.radio_id AS radio, p.account_no AS account, m.decimals AS decimals,
                (SELECT r.value FROM meter_readings r WHERE r.meter_id = m.meter_id ORDER BY r.reading_date DESC LIMIT 1) AS last
         FROM meters m JOIN premises p ON p.premises_id = m.premises_id
         WHERE m.automatic = 1 AND m.radio_id IS NOT NULL AND m.removed_on IS NULL AND m.tariff_zones = 1
           AND m.medium IN ('cold_water', 'hot_water') AND m.verification_due > '2027-06-30'
           AND p.account_no IS NOT NULL AND p.account_no <> ''
           AND EXISTS (SELECT 1 FROM meter_readings r WHERE r.meter_id = m.meter_id)
         ORDER BY m.meter_id DESC LIMIT ?`,
      )
      .all(n) as RadioMeter[];
  } finally {
    db.close();
  }
}

/** "123.456" + delta (in thousandths) with the meter's decimals, written with a decimal comma. */
function plus(value: string, deltaMilli: number, decimals: number): string {
  const [i, f = ''] = value.split('.');
  const scaled = BigInt(i + f.padEnd(3, '0').slice(0, 3)) + BigInt(deltaMilli);
  const s = scaled.toString().padStart(4, '0');
  const whole = s.slice(0, -3);
  const frac = s.slice(-3).padEnd(decimals, '0').slice(0, decimals);
  return decimals ? `${whole},${frac}` : whole;
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Waits for the summary of a new run (not `before`) and answers its status. */
async function finished(page: Page, before: string | null, timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid=readings-summary]');
      return !!el && !!el.getAttribute('data-run-id') && el.getAttribute('data-run-id') !== prev;
    },
    before,
    { timeout },
  );
  return (await page.getByTestId('readings-summary').getAttribute('data-status'))!;
}

async function shownRun(page: Page): Promise<string | null> {
  const s = page.getByTestId('readings-summary');
  return (await s.count()) ? s.getAttribute('data-run-id') : null;
}

async function figure(page: Page, name: string): Promise<number> {
  return Number((await page.getByTestId('readings-figures').locator(`[data-figure=${name}] dd`).textContent())!.replace(/\s/g, ''));
}

async function count(page: Page, grid: 'accepted' | 'held' | 'rejected'): Promise<number> {
  await page.waitForFunction((g) => /^\d/.test(document.querySelector(`[data-testid=readings-count-${g}]`)?.textContent ?? ''), grid);
  return Number((await page.getByTestId(`readings-count-${grid}`).textContent())!.replace(/\s/g, ''));
}

async function show(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

const browserOf = useBrowser();

describe('meter readings on a demo workspace', () => {
  let app: AppSession;
  let meters: RadioMeter[];
  let runId = 0;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', premises: 300, throttleMs: 5, browser: browserOf() });
    meters = radioMeters(app.ws.dir, 4);
    expect(meters).toHaveLength(4);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports a Windows-1250 radio file chosen with the file input: summary and three grids', async () => {
    const { page } = app;
    await openTab(page, UI_TEXT.pl.tab_readings);
    await page.getByTestId('readings-import').waitFor();
    // the demo administrator's saved mapping is offered
    await page.waitForFunction(() => (document.querySelector('[data-testid=readings-mapping]') as HTMLSelectElement | null)?.value === 'radio-demo');
    expect(await page.getByTestId('readings-import-start').isDisabled()).toBe(true);

    const [good, high, low] = meters;
    const lines = [
      'Nr radiowy;Data odczytu;Wskazanie licznika;Alarmy',
      `${good.radio};05.11.2026;${plus(good.last, 2500, good.decimals)};słaba bateria`,
      `${high.radio};05.11.2026;${plus(high.last, 900_000, high.decimals)};`,
      `${low.radio};05.11.2026;${plus(low.last, -5000, low.decimals)};`,
      'FFFF0001;05.11.2026;12,500;',
    ];
    // The bytes are Windows-1250 (the alarm flag has a Polish letter), chosen explicitly.
    const text = `${lines.join('\r\n')}\r\n`;
    await page.getByTestId('readings-file-input').setInputFiles({ name: 'odczyty-listopad.csv', mimeType: 'text/csv', buffer: iconv.encode(text, 'win1250') });
    expect(await page.getByTestId('readings-file-name').textContent()).toContain('odczyty-listopad.csv');
    await page.getByTestId('readings-encoding').selectOption('windows-1250');
    await screenshot(page, 'readings-pl-file-chosen');

    await recordProgress(page);
    await page.getByTestId('readings-import-start').click();
    expect(await finished(page, null)).toBe('completed');
    runId = Number(await shownRun(page));
    expect(await figure(page, 'read')).toBe(4);
    expect(await figure(page, 'accepted')).toBe(1);
    expect(await figure(page, 'held')).toBe(1);
    expect(await figure(page, 'rejected')).toBe(2);
    const progress = await recordedProgress(page);
    expect(progress.length).toBeGreaterThan(0);
    // the findings by code, with their severity
    const codes = await page.getByTestId('readings-by-code').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes).toContain('SAL-2001');
    const run = await bridgeCall<RunRecord>(app, 'journal.get', { runId });
    expect(run.kind).toBe('readings-import');
    // the alarm flag was decoded from Windows-1250 and passed on as a warning of the accepted reading
    const ok = await bridgeCall<ReadingsPage>(app, 'readings.list', { runId, outcome: 'accepted' });
    expect(ok.rows.map((r) => r.meterId)).toEqual([good.meter]);
    expect(ok.rows[0].problems.map((p) => p.message).join(' ')).toContain('SŁABA');

    // the grids show this import, the held one first
    expect(await page.getByTestId('readings-run').inputValue()).toBe(String(runId));
    expect(await count(page, 'accepted')).toBe(1);
    expect(await count(page, 'held')).toBe(1);
    expect(await count(page, 'rejected')).toBe(2);
    expect(await page.getByTestId('readings-tab-held').getAttribute('aria-pressed')).toBe('true');
    const heldRow = page.getByTestId('readings-grid-held').locator('tbody tr[data-key]');
    await heldRow.first().waitFor();
    expect(await heldRow.getAttribute('data-meter')).toBe(high.meter);
    await show(page, 'readings-summary');
    await screenshot(page, 'readings-pl-summary');
    await show(page, 'readings-panel');
    await screenshot(page, 'readings-pl-held');
  });

  it('accepts the held reading with a note: it moves to the accepted grid', async () => {
    const { page } = app;
    const grid = page.getByTestId('readings-grid-held');
    // no decision without a note
    await grid.locator('tbody tr[data-key]').first().getByTestId('reading-tick').check();
    expect(await page.getByTestId('readings-ticked-count').textContent()).toBe('Zaznaczono: 1');
    await page.getByTestId('review-accept').click();
    expect(await page.getByTestId('review-note-missing').textContent()).toBe(UI_TEXT.pl.rd_noteRequired);
    await page.getByTestId('review-note').fill('Wymiana instalacji — zużycie potwierdzone przez administratora budynku');
    await page.getByTestId('review-accept').click();
    const outcome = page.getByTestId('review-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-accepted')).toBe('1');
    expect(await count(page, 'held')).toBe(0);
    expect(await count(page, 'accepted')).toBe(2);
    await page.getByTestId('readings-empty-held').waitFor();
    await screenshot(page, 'readings-pl-reviewed');

    await page.getByTestId('readings-tab-accepted').click();
    // main agrees: accepted, decided by the operator, with the note
    const list = await bridgeCall<ReadingsPage>(app, 'readings.list', { runId, outcome: 'accepted' });
    const decided = list.rows.find((r) => r.meterId === meters[1].meter)!;
    expect(decided.decidedBy).toBeTruthy();
    expect(decided.note).toBe('Wymiana instalacji — zużycie potwierdzone przez administratora budynku');
    const accepted = page.getByTestId('readings-grid-accepted').locator(`tbody tr[data-meter="${meters[1].meter}"]`);
    await accepted.waitFor();
    expect(await accepted.locator('.cell-remarks').textContent()).toContain(decided.decidedBy);
  });

  it('saves the rejected report as a PDF', async () => {
    const { page } = app;
    await page.getByTestId('readings-tab-rejected').click();
    const rows = page.getByTestId('readings-grid-rejected').locator('tbody tr[data-key]');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-code')).sort())).toEqual(['SAL-2001', 'SAL-2015']);
    await page.getByTestId('readings-report-pdf').click();
    const path = page.getByTestId('readings-report-path');
    await path.waitFor({ timeout: 60_000 });
    const file = (await path.textContent())!.trim();
    expect(file).toContain('readings-rejected');
    expect(existsSync(file)).toBe(true);
    expect(fileStartsWith(file, '%PDF')).toBe(true);
    await show(page, 'readings-panel');
    await screenshot(page, 'readings-pl-rejected');
  });

  it('re-checks the held and rejected readings of the import after a correction', async () => {
    const { page } = app;
    // The correction: the meter that matched nothing is now known by its radio id.
    const acc = new Database(join(app.ws.dir, 'accounting.sqlite'));
    try {
      acc.prepare(`UPDATE meters SET radio_id = 'FFFF0001' WHERE meter_code = ?`).run(meters[3].meter);
    } finally {
      acc.close();
    }
    const before = await shownRun(page);
    await page.getByTestId('readings-recheck').click();
    expect(await finished(page, before)).toBe('completed');
    expect(await page.getByTestId('readings-summary').locator('h2').textContent()).toBe(UI_TEXT.pl.rd_recheckHeading);
    const recheck = await bridgeCall<RunRecord>(app, 'journal.get', { runId: Number(await shownRun(page)) });
    expect(recheck.kind).toBe('readings-recheck');
    // the grids still show the import, and the reading for FFFF0001 is no longer "no meter"
    expect(await page.getByTestId('readings-run').inputValue()).toBe(String(runId));
    const list = await bridgeCall<ReadingsPage>(app, 'readings.list', { runId, limit: 100 });
    const again = list.rows.find((r) => r.value === '12,500')!;
    expect(again.meterId).toBe(meters[3].meter);
    expect(again.problems.some((p) => p.code === 'SAL-2001')).toBe(false);
  });

  it('imports the demo radio file dropped onto the drop zone', async () => {
    const { page } = app;
    const dir = join(app.ws.dir, 'readings');
    const name = readdirSync(dir).find((f) => f.endsWith('.csv'))!;
    const bytes = readFileSync(join(dir, name));
    await show(page, 'readings-import');
    // A synthetic drop: a DataTransfer holding a File with the file's bytes, as the OS would hand it over.
    await page.getByTestId('readings-drop').evaluate(
      (el, { name, data }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], name, { type: 'text/csv' }));
        el.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
        el.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
        el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      { name, data: [...bytes] },
    );
    await page.getByTestId('readings-file-name').getByText(name).waitFor();
    await page.getByTestId('readings-encoding').selectOption('auto');
    const before = await shownRun(page);
    await page.getByTestId('readings-import-start').click();
    expect(await finished(page, before)).toBe('completed');
    const read = await figure(page, 'read');
    const lines = bytes.toString('latin1').split(/\r?\n/).filter((l) => l.trim()).length - 1;
    expect(read).toBeGreaterThanOrEqual(lines);
    expect((await figure(page, 'accepted')) + (await figure(page, 'held')) + (await figure(page, 'rejected')) + (await figure(page, 'duplicates')) + (await figure(page, 'superseded'))).toBe(read);
    expect(await figure(page, 'rejected')).toBeGreaterThan(0);
    expect(await page.getByTestId('readings-run').inputValue()).toBe(await shownRun(page));
    await show(page, 'readings-import');
    await screenshot(page, 'readings-pl-dropped');
  });

  it('filters the grids by building and medium, and shows the history of a meter', async () => {
    const { page } = app;
    await page.getByTestId('readings-tab-accepted').click();
    const grid = page.getByTestId('readings-grid-accepted');
    await grid.locator('tbody tr[data-key]').first().waitFor();
    const all = await count(page, 'accepted');
    const building = (await page.getByTestId('readings-filter-building').locator('option').nth(1).getAttribute('value'))!;
    await page.getByTestId('readings-filter-building').selectOption(building);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=readings-count-accepted]')?.textContent?.replace(/\s/g, '')) < n, all);
    const buildings = await grid.locator('tbody tr[data-key]').evaluateAll((rs) => [...new Set(rs.map((r) => r.getAttribute('data-building')))]);
    expect(buildings).toEqual([building]);
    const medium = (await page.getByTestId('readings-filter-medium').locator('option').nth(1).getAttribute('value'))!;
    await page.getByTestId('readings-filter-medium').selectOption(medium);
    await page.waitForFunction(() => !document.querySelector('[data-testid=readings-grid-accepted] tbody tr[aria-busy]'));
    const media = await grid.locator('tbody tr[data-key]').evaluateAll((rs) => [...new Set(rs.map((r) => r.getAttribute('data-medium')))]);
    expect(media.every((m) => m === medium)).toBe(true);

    const row = grid.locator('tbody tr[data-key]').first();
    const meter = (await row.getAttribute('data-meter'))!;
    await row.click();
    const history = page.getByTestId('readings-history');
    await history.getByTestId('history-table').waitFor();
    expect(await history.locator('h2').textContent()).toContain(meter);
    expect(await history.locator('tbody tr').count()).toBeGreaterThan(0);
    await show(page, 'readings-history');
    await screenshot(page, 'readings-pl-history');
    await page.getByTestId('history-premises').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=readings-history] h2')?.textContent?.includes('lokalu'));
    await page.getByTestId('history-close').click();
    await page.getByTestId('readings-filter-clear').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=readings-count-accepted]')?.textContent?.replace(/\s/g, '') === String(n), all);
  });

  it('saves a new column mapping for the operator and offers it', async () => {
    const { page } = app;
    await show(page, 'readings-import');
    await page.getByTestId('mapping-new').click();
    const form = page.getByTestId('mapping-editor');
    await form.waitFor();
    await page.getByTestId('mapping-name').fill('Firma Odczytowa Kowalski');
    await page.getByTestId('mapping-col-serial').fill('Numer fabryczny');
    await page.getByTestId('mapping-save').click();
    expect(await page.getByTestId('mapping-missing').textContent()).toBe(UI_TEXT.pl.rd_map_needDate);
    await page.getByTestId('mapping-col-date').fill('Data');
    await page.getByTestId('mapping-col-zone1').fill('Taryfa dzienna');
    await page.getByTestId('mapping-col-zone2').fill('Taryfa nocna');
    await page.getByTestId('mapping-delimiter').selectOption(';');
    await screenshot(page, 'readings-pl-mapping');
    await page.getByTestId('mapping-save').click();
    await form.waitFor({ state: 'detached' });
    expect(await page.getByTestId('readings-mapping').inputValue()).toBe('Firma Odczytowa Kowalski');
    const saved = await bridgeCall<Array<{ name: string; mapping: { delimiter: string; columns: Record<string, unknown> } }>>(app, 'readings.mappings', {});
    const m = saved.find((x) => x.name === 'Firma Odczytowa Kowalski')!;
    expect(m.mapping.delimiter).toBe(';');
    expect(m.mapping.columns).toEqual({ serial: 'Numer fabryczny', date: 'Data', zoneValues: ['Taryfa dzienna', 'Taryfa nocna'] });
    await page.getByTestId('readings-mapping').selectOption('radio-demo');
  });

  it('shows the tab in English', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: UI_TEXT.en.tab_readings }).waitFor();
    expect(await page.getByTestId('readings-import-start').textContent()).toBe(UI_TEXT.en.rd_importFile);
    expect(await page.getByTestId('readings-tab-accepted').locator('span').first().textContent()).toBe(UI_TEXT.en.rd_grid_accepted);
    await show(page, 'readings-import');
    await screenshot(page, 'readings-en-import');
    await show(page, 'readings-panel');
    await screenshot(page, 'readings-en-grids');
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_readings }).waitFor();
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});

describe('cancel a long import', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', premises: 300, throttleMs: 0, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stops within a couple of seconds and shows the import as cancelled', async () => {
    const { page } = app;
    const meters = radioMeters(app.ws.dir, 200);
    // 200 meters × 600 days: 120,000 readings (most superseded by a later one of the month)
    const out = ['Nr radiowy;Data odczytu;Wskazanie licznika;Alarmy'];
    for (let d = 0; d < 600; d++) {
      const day = new Date(Date.UTC(2025, 2, 1 + d)).toISOString().slice(0, 10).split('-').reverse().join('.');
      for (const m of meters) out.push(`${m.radio};${day};${plus(m.last, d * 10, m.decimals)};`);
    }
    await openTab(page, UI_TEXT.pl.tab_readings);
    await page.waitForFunction(() => (document.querySelector('[data-testid=readings-mapping]') as HTMLSelectElement | null)?.value === 'radio-demo');
    await page.getByTestId('readings-file-input').setInputFiles({ name: 'duzy-plik.csv', mimeType: 'text/csv', buffer: Buffer.from(out.join('\n'), 'utf8') });
    await page.getByTestId('readings-file-name').waitFor();
    await recordProgress(page);
    await page.getByTestId('readings-import-start').click();
    // Cancel while the readings are being archived (the longest step), once the bar has moved.
    await page.waitForFunction(
      (archiving) =>
        document.querySelector('[data-testid=readings-progress-phase]')?.textContent === archiving &&
        Number(document.querySelector('[data-testid=readings-progress] [role=progressbar]')?.getAttribute('aria-valuenow') ?? 0) > 0,
      UI_TEXT.pl.rd_phase_archive,
      { timeout: 60_000 },
    );
    // The bridge serves the page from this test's own process, so while the import holds the event
    // loop Playwright's commands queue behind it: one click event (not a full actionability check).
    const clicked = Date.now();
    await page.getByTestId('readings-cancel').dispatchEvent('click');
    expect(await finished(page, null, 15_000)).toBe('cancelled');
    const run = await bridgeCall<RunRecord>(app, 'journal.get', { runId: Number(await shownRun(page)) });
    expect(Date.parse(run.finished!) - clicked).toBeLessThan(3000);
    expect(run.status).toBe('cancelled');
    // what was archived before the cancel is exactly what the run counted
    expect(run.counts['readings.read']).toBe(120_000);
    await page.getByTestId('readings-cancelled-note').waitFor();
    // the bar moved through the steps and stands where the cancel stopped it
    expect(new Set(await recordedProgress(page)).size).toBeGreaterThan(2);
    const bar = page.getByTestId('readings-progress').getByRole('progressbar');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(Number(await bar.getAttribute('aria-valuemax')));
    await show(page, 'readings-import');
    await screenshot(page, 'readings-pl-cancelled');
    expect(await page.getByTestId('readings-import-start').isEnabled()).toBe(true);
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});
