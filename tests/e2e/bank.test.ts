// Bank statements end to end, in Debian's Chromium on a demo workspace: a PKO-style MT940 chosen
// with the file button is imported (balances checked, payments matched by the account number in
// their titles); a second file with a broken balance and the first one again are dropped on the
// window — the check says "does not agree", the repeat is recognised, nothing of either is booked;
// an unmatched payment is assigned to a premises found by searching its owner's name; the output
// files are written; the unmatched report is printed (a PDF, as there is no system printer here);
// the tab in English; a payment suggested from the payer's history is confirmed; Cancel of a long
// import.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/domain/money';
import { UI_TEXT } from '../../shared/i18n/ui';
import type { BankItemsPage, StatementView } from '../../shared/ipc/contract-bank';
import { demoPremises, demoStatement, followUpStatement, longStatement, type DemoStatement } from '../support/bank-statement';
import { bridgeCall, fileStartsWith, screenshot, startApp, useBrowser, type AppSession } from './helpers';

const browserOf = useBrowser();

/** Scrolls the tab so that `testId` is at the top, for a screenshot that shows it. */
async function show(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** Waits for the summary of an import other than `before` and answers its status and run. */
async function finishedImport(page: Page, before: string | null): Promise<{ status: string; runId: number }> {
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-testid=bank-summary]');
      return !!el && !!el.getAttribute('data-run-id') && el.getAttribute('data-run-id') !== prev;
    },
    before,
    { timeout: 60_000 },
  );
  const s = page.getByTestId('bank-summary');
  return { status: (await s.getAttribute('data-status'))!, runId: Number(await s.getAttribute('data-run-id')) };
}

async function figure(page: Page, name: string): Promise<number> {
  return Number(await page.getByTestId('bank-figures').locator(`[data-figure=${name}]`).getAttribute('data-count'));
}

async function segmentCount(page: Page, segment: string): Promise<string | null> {
  return page.getByTestId(`segment-${segment}`).getAttribute('data-count');
}

/** Drops files on the drop zone the way the browser does: dragenter, dragover, drop with a DataTransfer of Files. */
async function dropFiles(page: Page, files: Array<{ name: string; bytes: Buffer }>): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'application/octet-stream' }));
    }
    const zone = document.querySelector('[data-testid=bank-drop]')!;
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })));
}

function pl(grosze: number): string {
  return formatMoney(grosze, 'pl');
}

describe('Bank statements on a demo workspace', () => {
  let app: AppSession;
  let st: DemoStatement;
  let firstRun = 0;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', throttleMs: 5, browser: browserOf() });
    st = demoStatement(app.ws.dir);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports a statement chosen with the file button: the balances check and the payments are matched', async () => {
    const { page } = app;
    await page.locator('[role=tab][data-tab=bank]').click();
    await page.getByTestId('bank-no-run').waitFor();
    await page.getByTestId('bank-file-input').setInputFiles({ name: st.fileName, mimeType: 'application/octet-stream', buffer: st.bytes });
    await page.getByTestId('bank-pending').locator(`[data-file="${st.fileName}"]`).waitFor();
    expect(await page.getByTestId('bank-pending-count').textContent()).toBe('1 plik do importu');
    await page.getByTestId('bank-import-start').click();
    const { status, runId } = await finishedImport(page, null);
    expect(status).toBe('completed');
    firstRun = runId;

    // what the file holds, as the statement was written
    const count = (kind: string) => st.payments.filter((p) => p.expect === kind).length;
    expect(await figure(page, 'matched')).toBe(count('residential') + count('commercial'));
    expect(await figure(page, 'unmatched')).toBe(count('unmatched'));
    expect(await figure(page, 'outgoing')).toBe(count('outgoing'));
    expect(await figure(page, 'fees')).toBe(count('fee'));
    const row = page.getByTestId('bank-files').locator(`tr[data-file="${st.fileName}"]`);
    expect(await row.getAttribute('data-booked')).toBe('true');
    expect(await row.locator('td').nth(1).textContent()).toBe(UI_TEXT.pl.bankEnc_windows_1250);
    expect(await row.locator('[data-check]').getAttribute('data-check')).toBe('pass');
    // the file list is emptied once its files are read
    expect(await page.getByTestId('bank-pending').count()).toBe(0);

    // the statement with its balances and the check
    const statement = page.getByTestId('statements-table').locator('tbody tr');
    await statement.first().waitFor();
    expect(await statement.count()).toBe(1);
    expect(await statement.getAttribute('data-check')).toBe('pass');
    expect(await statement.getByTestId('check-badge').textContent()).toBe(`✓${UI_TEXT.pl.bankCheck_pass}`);
    expect(await statement.getByTestId('statement-closing').textContent()).toBe(pl(st.closing));
    expect(await statement.getByTestId('statement-computed').textContent()).toBe(pl(st.closing));

    // the lists: residential and commercial apart
    await page.waitForFunction(() => document.querySelector('[data-testid=segment-residential]')?.getAttribute('data-count') !== '');
    expect(await segmentCount(page, 'residential')).toBe(String(count('residential')));
    expect(await segmentCount(page, 'commercial')).toBe(String(count('commercial')));
    expect(await segmentCount(page, 'unmatched')).toBe(String(count('unmatched')));
    await page.getByTestId('segment-residential').click();
    const grid = page.getByTestId('bank-items');
    await page.waitForFunction(() => document.querySelector('[data-testid=bank-items]')?.getAttribute('data-segment') === 'residential');
    await grid.locator('tbody tr[data-key]').first().waitFor();
    const accounts = await grid.locator('tbody tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account')));
    expect(accounts.sort()).toEqual(st.payments.filter((p) => p.expect === 'residential').map((p) => p.accountNo).sort());
    await show(page, 'bank-statements');
    await screenshot(page, 'bank-pl-imported');
  });

  it('drops a statement that does not add up and the first one again: neither is booked', async () => {
    const { page } = app;
    const broken = demoStatement(app.ws.dir, { fileName: 'wyciag-uszkodzony.sta', number: '00124/1', closingDelta: 1 });
    await dropFiles(page, [
      { name: st.fileName, bytes: st.bytes },
      { name: broken.fileName, bytes: broken.bytes },
    ]);
    await page.getByTestId('bank-pending').locator(`[data-file="${broken.fileName}"]`).waitFor();
    expect(await page.getByTestId('bank-pending').locator('li').count()).toBe(2);
    await page.getByTestId('bank-import-start').click();
    const { runId } = await finishedImport(page, String(firstRun));

    const files = page.getByTestId('bank-files');
    const again = files.locator(`tr[data-file="${st.fileName}"]`);
    expect(await again.getAttribute('data-duplicate')).toBe('true');
    expect(await again.getAttribute('data-booked')).toBe('false');
    const bad = files.locator(`tr[data-file="${broken.fileName}"]`);
    expect(await bad.getAttribute('data-booked')).toBe('false');
    expect(await bad.locator('[data-check]').getAttribute('data-check')).toBe('mismatch');
    expect(await figure(page, 'matched')).toBe(0);
    // the problems say why, with codes
    const codes = await page.getByTestId('bank-problems').locator('tbody tr code').allTextContents();
    expect(codes.length).toBeGreaterThanOrEqual(2);
    for (const c of codes) expect(c).toMatch(/^SAL-30\d\d$/);

    // the broken statement: its computed closing differs from the stated one by exactly a grosz
    const mismatch = page.getByTestId('statements-table').locator('tbody tr[data-check=mismatch]');
    await mismatch.waitFor();
    expect(await mismatch.getByTestId('check-badge').textContent()).toBe(`✗${UI_TEXT.pl.bankCheck_mismatch}`);
    expect(await mismatch.getByTestId('statement-closing').textContent()).toBe(pl(broken.closing));
    expect(await mismatch.getByTestId('statement-computed').textContent()).toBe(pl(broken.closing - 1));
    expect(await mismatch.getByTestId('statement-difference').textContent()).toBe('różnica 0,01');
    const shown = await bridgeCall<StatementView[]>(app, 'bank.statements', { runId });
    expect(shown.find((s) => s.file === broken.fileName)?.check).toBe('mismatch');
    expect((await bridgeCall<BankItemsPage>(app, 'bank.items', { runId, limit: 1 })).total).toBe(0);
    await show(page, 'bank-summary');
    await screenshot(page, 'bank-pl-mismatch');
  });

  it('assigns an unmatched payment to a premises found by its owner’s name', async () => {
    const { page } = app;
    // back to the first import
    await page.getByTestId('bank-run').selectOption(String(firstRun));
    await page.waitForFunction(() => document.querySelector('[data-testid=segment-unmatched]')?.getAttribute('data-count') === '2');
    await page.getByTestId('segment-unmatched').click();
    const grid = page.getByTestId('bank-items');
    await page.waitForFunction(() => document.querySelector('[data-testid=bank-items]')?.getAttribute('data-segment') === 'unmatched');
    const payment = grid.locator('tbody tr[data-amount="123.45"]');
    await payment.waitFor();
    await payment.getByTestId('item-assign').click();

    const dialog = page.getByTestId('assign-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('assign-amount').textContent()).toBe('123,45 PLN');
    // a premises nobody paid for in this statement, found by its owner's surname
    const used = new Set(st.payments.map((p) => p.accountNo));
    const target = demoPremises(app.ws.dir).find((p) => p.kind === 'residential' && !used.has(p.accountNo) && p.owner.split(' ').length === 2)!;
    const surname = target.owner.split(' ')[1];
    // saving with nothing chosen says what is missing
    await dialog.getByTestId('premises-search').fill('');
    await dialog.getByTestId('assign-save').click();
    await dialog.getByTestId('assign-missing').waitFor();
    await dialog.getByTestId('premises-search').fill(surname);
    const hit = dialog.locator(`[data-testid=premises-hit][data-account="${target.accountNo}"]`);
    await hit.waitFor();
    await hit.locator('input[type=radio]').check();
    await dialog.getByTestId('assign-note').fill('Płatnik potwierdził telefonicznie');
    await screenshot(page, 'bank-pl-assign');
    await dialog.getByTestId('assign-save').click();
    await dialog.waitFor({ state: 'detached' });

    expect(await page.getByTestId('bank-assigned').textContent()).toBe(`Wpłatę 123,45 przypisano do ${target.accountNo}.`);
    await page.waitForFunction(() => document.querySelector('[data-testid=segment-unmatched]')?.getAttribute('data-count') === '1');
    expect(await segmentCount(page, 'residential')).toBe('3');
    const booked = await bridgeCall<BankItemsPage>(app, 'bank.items', { runId: firstRun, status: 'matched', kind: 'residential', search: target.accountNo });
    expect(booked.rows).toHaveLength(1);
    expect(booked.rows[0]).toMatchObject({ amount: '123.45', accountNo: target.accountNo, method: 'operator', note: 'Płatnik potwierdził telefonicznie' });
    await show(page, 'bank-payments');
    await screenshot(page, 'bank-pl-assigned');
  });

  it('writes the output files and prints the unmatched report', async () => {
    const { page } = app;
    await page.getByTestId('bank-write').click();
    const written = page.getByTestId('bank-written');
    await written.waitFor({ timeout: 30_000 });
    expect(await written.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(['residential', 'commercial', 'unmatched']);
    for (const path of await written.getByTestId('bank-written-path').allTextContents()) expect(existsSync(path.trim())).toBe(true);

    await page.getByTestId('report-print-bank-unmatched').click();
    const pathEl = page.getByTestId('bank-report-path');
    await pathEl.waitFor({ timeout: 60_000 });
    const file = (await pathEl.textContent())!.trim();
    expect(file).toContain('bank-unmatched');
    expect(fileStartsWith(file, '%PDF')).toBe(true);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Wpłaty nierozpoznane');
    expect(text).toContain('Ewa Zając');
    // the assigned payment is no longer unmatched
    expect(text).not.toContain('Żółkiewski');
    expect(readFileSync(file).byteLength).toBeGreaterThan(1000);
    await show(page, 'bank-output');
    await screenshot(page, 'bank-pl-output');
  });

  it('shows the tab in English with a decimal point', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: UI_TEXT.en.tab_bank }).waitFor();
    const statement = page.getByTestId('statements-table').locator('tbody tr').first();
    await statement.waitFor();
    expect(await statement.getByTestId('check-badge').textContent()).toBe(`✓${UI_TEXT.en.bankCheck_pass}`);
    expect(await statement.getByTestId('statement-closing').textContent()).toBe(formatMoney(st.closing, 'en'));
    expect(await page.getByTestId('segment-unmatched').textContent()).toContain(UI_TEXT.en.bankSeg_unmatched);
    await page.getByTestId('bank-tab').evaluate((el) => el.closest('.tab-panel')!.scrollTo(0, 0));
    await screenshot(page, 'bank-en-top');
    await show(page, 'bank-statements');
    await screenshot(page, 'bank-en-statements');
    await page.getByRole('button', { name: 'Polski' }).click();
    await page.getByRole('tab', { name: UI_TEXT.pl.tab_bank }).waitFor();
  });

  it('suggests a payment from the payer’s history and books it once confirmed', async () => {
    const { page } = app;
    const next = followUpStatement(st);
    await page.getByTestId('bank-file-input').setInputFiles({ name: next.fileName, mimeType: 'application/octet-stream', buffer: next.bytes });
    await page.getByTestId('bank-pending').locator(`[data-file="${next.fileName}"]`).waitFor();
    // the last summary is not on screen while an earlier import is shown
    expect(await page.getByTestId('bank-summary').count()).toBe(0);
    const before = null;
    await page.getByTestId('bank-import-start').click();
    const { status, runId } = await finishedImport(page, before);
    expect(status).toBe('completed');
    expect(await figure(page, 'suggested')).toBe(1);
    expect(await figure(page, 'matched')).toBe(0);

    await page.waitForFunction(() => document.querySelector('[data-testid=segment-suggested]')?.getAttribute('data-count') === '1');
    await page.getByTestId('segment-suggested').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=bank-items]')?.getAttribute('data-segment') === 'suggested');
    const row = page.getByTestId('bank-items').locator('tbody tr[data-key]');
    await row.waitFor();
    const expected = next.payments[0].accountNo!;
    expect(await row.locator('.cell-suggestion').textContent()).toBe(expected);
    // a suggestion is not booked on its own
    expect((await bridgeCall<BankItemsPage>(app, 'bank.items', { runId, status: 'matched', limit: 1 })).total).toBe(0);
    await show(page, 'bank-payments');
    await screenshot(page, 'bank-pl-suggested');
    await row.getByTestId('item-confirm').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=segment-suggested]')?.getAttribute('data-count') === '0');
    expect(await segmentCount(page, 'residential')).toBe('1');
    const booked = await bridgeCall<BankItemsPage>(app, 'bank.items', { runId, status: 'matched' });
    expect(booked.rows.map((r) => [r.accountNo, r.amount, r.method])).toEqual([[expected, '412.35', 'payer-history']]);
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});

describe('cancel a long import', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await startApp({ locale: 'pl', throttleMs: 0, browser: browserOf() });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stops a long statement’s import within seconds; nothing of it is booked and the file stays to try again', async () => {
    const { page } = app;
    const long = longStatement(app.ws.dir, 60_000);
    await page.locator('[role=tab][data-tab=bank]').click();
    await page.getByTestId('bank-file-input').setInputFiles({ name: long.fileName, mimeType: 'application/octet-stream', buffer: long.bytes });
    await page.getByTestId('bank-pending').locator(`[data-file="${long.fileName}"]`).waitFor();
    await page.getByTestId('bank-import-start').click();
    const cancel = page.getByTestId('bank-cancel');
    await cancel.waitFor();
    // enabled once main answered with the job's id
    await page.waitForFunction(() => !(document.querySelector('[data-testid=bank-cancel]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 30_000 });
    // Click at once: the window to cancel in is the parse and the matching of the file (a few
    // seconds); a screenshot first could use it up on a busy machine. The picture comes after.
    const clicked = Date.now();
    await cancel.click();
    await screenshot(page, 'bank-pl-cancelling');
    const { status, runId } = await finishedImport(page, null);
    expect(status).toBe('cancelled');
    expect(Date.now() - clicked).toBeLessThan(5000);
    await page.getByTestId('bank-cancelled').waitFor();
    expect(await page.getByTestId('bank-progress-phase').textContent()).toBe(UI_TEXT.pl.status_cancelled);
    expect(await page.getByTestId('bank-error').allTextContents()).toEqual([]);
    expect((await bridgeCall<BankItemsPage>(app, 'bank.items', { runId, limit: 1 })).total).toBe(0);
    // the file is still there to import again, and Import is usable again
    await page.getByTestId('bank-pending').locator(`[data-file="${long.fileName}"]`).waitFor();
    expect(await page.getByTestId('bank-import-start').isEnabled()).toBe(true);
    await show(page, 'bank-import');
    await screenshot(page, 'bank-pl-cancelled');
  }, 120_000);

  it('logged no console errors, page errors or CSP violations', () => {
    expect(app.issues.all()).toEqual([]);
  });
});

