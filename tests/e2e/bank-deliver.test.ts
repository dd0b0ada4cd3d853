// The bank tab with saldo.json bank.deliver = accounting, in Debian's Chromium on a demo workspace:
// a statement is imported, "Write output files" books the matched payments in the accounting
// database and writes only the unmatched file; the result shows what accounting answered — counts,
// sums and the payment it refused, with its code, key and reason.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/domain/money';
import { UI_TEXT } from '../../shared/i18n/ui';
import { demoStatement, type DemoStatement } from '../support/bank-statement';
import { screenshot, startApp, useBrowser, type AppSession } from './helpers';

const browserOf = useBrowser();

describe('Bank statements booked through the accounting exchange', () => {
  let app: AppSession;
  let st: DemoStatement;

  beforeAll(async () => {
    app = await startApp({
      locale: 'pl',
      throttleMs: 5,
      browser: browserOf(),
      prepare: (ws) => {
        const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
        writeFileSync(ws.configFile, JSON.stringify({ ...cfg, bank: { deliver: 'accounting' } }, null, 2));
      },
    });
    st = demoStatement(app.ws.dir);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('books the matched payments and shows the answers, the refused one with its reason', async () => {
    const { page } = app;
    const commercial = st.payments.find((p) => p.expect === 'commercial')!;
    const residential = st.payments.filter((p) => p.expect === 'residential');

    await page.locator('[role=tab][data-tab=bank]').click();
    await page.getByTestId('bank-no-run').waitFor();
    await page.getByTestId('bank-file-input').setInputFiles({ name: st.fileName, mimeType: 'application/octet-stream', buffer: st.bytes });
    await page.getByTestId('bank-pending').locator(`[data-file="${st.fileName}"]`).waitFor();
    await page.getByTestId('bank-import-start').click();
    await page.waitForFunction(() => !!document.querySelector('[data-testid=bank-summary]')?.getAttribute('data-run-id'), null, { timeout: 60_000 });

    // Accounting has renumbered the commercial premises since: it refuses that payment.
    const acc = new Database(join(app.ws.dir, 'accounting.sqlite'));
    acc.pragma('busy_timeout = 2000');
    acc.prepare('UPDATE premises SET account_no = ? WHERE account_no = ?').run(`${commercial.accountNo}-N`, commercial.accountNo);
    acc.close();

    await page.getByTestId('bank-write').click();
    const table = page.getByTestId('bank-booked');
    await table.waitFor({ timeout: 30_000 });
    const cells = async (k: string) => table.locator(`tr[data-booking=${k}] td`).allTextContents();
    const written = residential.reduce((s, p) => s + p.amount, 0);
    expect(await cells('written')).toEqual([String(residential.length), formatMoney(written, 'pl')]);
    expect(await cells('already')).toEqual(['0', formatMoney(0, 'pl')]);
    expect(await cells('refused')).toEqual(['1', formatMoney(commercial.amount, 'pl')]);
    expect(await table.locator('tr[data-booking=written] th').textContent()).toBe(UI_TEXT.pl.bankBooked_written);

    const refused = page.getByTestId('bank-refused');
    expect(await refused.locator('tbody tr').count()).toBe(1);
    expect(await refused.locator('tbody tr code').textContent()).toBe('SAL-3046');
    const text = await refused.locator('tbody tr').textContent();
    expect(text).toContain(`no account ${commercial.accountNo}`);
    expect(text).toContain('System czynszowy nie przyjął wpłaty');

    // Only the unmatched file was written.
    const files = page.getByTestId('bank-written').locator('tbody tr');
    expect(await files.count()).toBe(1);
    expect(await files.first().getAttribute('data-kind')).toBe('unmatched');

    // What the demo accounting database holds: the residential payments, once.
    const db = new Database(join(app.ws.dir, 'accounting.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT amount FROM bank_payments ORDER BY amount').pluck().all() as number[];
    db.close();
    expect(rows).toEqual(residential.map((p) => p.amount).sort((a, b) => a - b));
    await page.getByTestId('bank-booked').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'bank-pl-booked-to-accounting');
    expect(app.issues.all()).toEqual([]);
  });
});
