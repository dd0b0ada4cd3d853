// An administrator stores a connection secret in Settings: typed once, encrypted by main, shown
// afterwards only as "stored" — never in the page, the store or the audit log.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startApp, type AppSession } from './helpers';

const TOKEN = 'portal-Bearer-9c1e-Żaba';
let browser: Browser;
let app: AppSession;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp({
    browser,
    premises: 40,
    months: 2,
    // A portal reached over HTTPS needs a token secret.
    prepare: (ws) => {
      const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
      cfg.portal = { transport: 'https', baseUrl: 'https://portal.example.pl/api', tokenSecret: 'portal-token' };
      writeFileSync(ws.configFile, JSON.stringify(cfg));
    },
  });
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

describe('connection secrets in Settings', () => {
  it('stores the portal token encrypted and shows it only as stored', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: /Ustawienia/ }).click();
    const item = page.locator('[data-secret="portal-token"]');
    await expect.poll(() => item.getAttribute('data-set')).toBe('false');
    await page.getByTestId('secret-edit-portal-token').click();
    await page.getByTestId('secret-value-portal-token').fill(TOKEN);
    await page.getByTestId('secret-save-portal-token').click();
    await expect.poll(() => item.getAttribute('data-set')).toBe('true');
    await screenshot(page, 'secrets-pl-stored');
    expect(await page.content()).not.toContain(TOKEN);
    const ws = app.ws.dir;
    for (const f of ['secrets.json', 'store.sqlite', 'store.sqlite-wal']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(ws, f));
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(TOKEN)), f).toBe(false);
    }
    const audit = app.bridge.backend.ws.audit.list(20);
    expect(audit.some((a) => a.action === 'secrets.set' && a.target === 'portal-token')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    expect(await app.bridge.backend.secrets.get('portal-token')).toBe(TOKEN);
  });
});
