// End-to-end helpers: build the renderer when it is missing or stale, start a demo workspace behind
// the loopback test bridge, open it in Debian's Chromium and collect console errors, page errors and
// CSP violations so that every test can assert there were none.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startBridge, type Bridge } from '../support/bridge';
import { makeDemoWorkspace } from '../support/workspace';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_OUT = join(ROOT, 'out', 'renderer');
export const RESULTS_DIR = join(ROOT, 'test-results');
export const CHROMIUM = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';

const SOURCES = [join(ROOT, 'renderer'), join(ROOT, 'shared'), join(ROOT, 'electron.vite.config.ts')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

function rendererIsFresh(): boolean {
  const index = join(RENDERER_OUT, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
}

// Renderer only, with electron-vite's own resolved renderer config (the same settings
// `electron-vite build` uses for that step), for when main or preload do not build.
const RENDERER_ONLY = `
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
process.env.NODE_ENV_ELECTRON_VITE = 'production';
const cfg = await resolveConfig({}, 'build', 'production');
await build({ ...cfg.config.renderer, configFile: false, logLevel: 'warn' });
`;

let built = false;

/** Builds out/renderer once per test run when it is missing or older than its sources. */
export function ensureRendererBuilt(): void {
  if (built || rendererIsFresh()) {
    built = true;
    return;
  }
  const full = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
  if (full.status !== 0 || !rendererIsFresh()) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', RENDERER_ONLY], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    if (r.status !== 0 || !existsSync(join(RENDERER_OUT, 'index.html'))) {
      throw new Error(`renderer build failed:\n${full.stderr}\n${r.stdout}\n${r.stderr}`);
    }
  }
  built = true;
}

beforeAll(ensureRendererBuilt, 180_000);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Everything the page said that a clean run must not say. */
export interface PageIssues {
  console: string[];
  pageErrors: string[];
  csp: string[];
  all(): string[];
}

export async function watchPage(page: Page): Promise<PageIssues> {
  const issues: PageIssues = {
    console: [],
    pageErrors: [],
    csp: [],
    all: () => [...issues.console, ...issues.pageErrors, ...issues.csp],
  };
  page.on('console', (m) => {
    if (m.type() === 'error') issues.console.push(m.text());
  });
  page.on('pageerror', (e) => issues.pageErrors.push(String(e)));
  await page.exposeFunction('__saldoCsp', (s: string) => issues.csp.push(s));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __saldoCsp(s: string): void }).__saldoCsp(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return issues;
}

export interface AppSession {
  ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
  bridge: Bridge;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  issues: PageIssues;
  close(): Promise<void>;
}

export async function startApp(
  opts: {
    premises?: number;
    months?: number;
    locale?: 'pl' | 'uk';
    throttleMs?: number;
    browser?: Browser;
    /** false: the window starts at the sign-in (or first-start) screen. */
    signedIn?: boolean;
    /** Runs on the workspace before the bridge opens it (e.g. to add operators to its store). */
    prepare?: (ws: Awaited<ReturnType<typeof makeDemoWorkspace>>) => Promise<void> | void;
  } = {},
): Promise<AppSession> {
  const ws = await makeDemoWorkspace({ premises: opts.premises, months: opts.months, locale: opts.locale ?? 'pl' });
  await opts.prepare?.(ws);
  const bridge = await startBridge({ configFile: ws.configFile, staticDir: RENDERER_OUT, throttleMs: opts.throttleMs, signedIn: opts.signedIn });
  const browser = opts.browser ?? (await launchBrowser());
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
  });
  const page = await context.newPage();
  const issues = await watchPage(page);
  await page.goto(bridge.url);
  await page.locator(opts.signedIn === false ? '[data-testid=sign-in], [data-testid=setup]' : '[role=tablist]').first().waitFor();
  return {
    ws,
    bridge,
    browser,
    context,
    page,
    issues,
    async close() {
      await context.close().catch(() => undefined);
      if (!opts.browser) await browser.close().catch(() => undefined);
      await bridge.close().catch(() => undefined);
      ws.cleanup();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Starts recording every aria-valuenow the progress bar takes (in the page, so no value is missed). */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: number[] };
    w.__progress = [];
    const read = () => {
      const el = document.querySelector('[role=progressbar]');
      const v = el?.getAttribute('aria-valuenow');
      if (v !== null && v !== undefined && w.__progress[w.__progress.length - 1] !== Number(v)) w.__progress.push(Number(v));
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

export function recordedProgress(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
}

/** One call straight to the bridge (the same dispatcher the page uses), for facts to compare with. */
export async function bridgeCall<T>(app: AppSession, channel: string, body: unknown): Promise<T> {
  const r = await fetch(`${app.bridge.url}__bridge/call/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await r.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

/** Whether a file starts with the given bytes (e.g. "%PDF"), reading only those. */
export function fileStartsWith(file: string, magic: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(magic.length);
    readSync(fd, buf, 0, magic.length, 0);
    return buf.toString('latin1') === magic;
  } finally {
    closeSync(fd);
  }
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser;
}
