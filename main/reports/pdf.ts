// HTML → PDF. The PdfPrinter port has two adapters: ChromiumPdfPrinter (here: a system
// Chromium-family browser driven by playwright-core, for the CLI and tests) and the desktop
// app's Electron printToPDF adapter. Both get the same HTML and the same header/footer templates.

import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { writeFileAtomically } from '../engine/atomic-file';
import type { Locale } from '../../shared/domain/types';
import { fail } from '../../shared/errors/problem';
import { REPORT_PAGE_MARGIN_MM } from './html';

export interface PdfPrinter {
  toPdf(html: string, opts: { headerTemplate: string; footerTemplate: string }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Candidate browser executables in the order they are tried (after SALDO_BROWSER). */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') {
    const pf86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
    const pf = env['ProgramFiles'] ?? 'C:\\Program Files';
    const local = env['LOCALAPPDATA'];
    const list = [
      `${pf86}\\Microsoft\\Edge\\Application\\msedge.exe`,
      `${pf}\\Microsoft\\Edge\\Application\\msedge.exe`,
      `${pf}\\Google\\Chrome\\Application\\chrome.exe`,
      `${pf86}\\Google\\Chrome\\Application\\chrome.exe`,
    ];
    if (local) list.push(`${local}\\Google\\Chrome\\Application\\chrome.exe`);
    return list;
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

/**
 * The browser to print with: SALDO_BROWSER when set (and only it: a wrong value is reported, not
 * silently replaced), else the first candidate that exists. null when there is none.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = existsSync,
): string | null {
  const named = env['SALDO_BROWSER']?.trim();
  if (named) return exists(named) ? named : null;
  return browserCandidates(env, platform).find((f) => exists(f)) ?? null;
}

function isLocalUrl(url: string): boolean {
  return url === 'about:blank' || url.startsWith('about:') || url.startsWith('data:');
}

export interface ChromiumPdfPrinterOptions {
  /** Browser executable; found with findBrowser() when absent. */
  executablePath?: string;
  /** Language of the problems this printer raises. */
  locale?: Locale;
}

/** Prints with a system Chromium/Edge via playwright-core; one browser, launched on first use, reused until close(). */
export class ChromiumPdfPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private readonly locale: Locale;

  constructor(private readonly options: ChromiumPdfPrinterOptions = {}) {
    this.locale = options.locale ?? 'en';
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.options.executablePath ?? findBrowser();
      if (!executablePath) fail('SAL-6010', this.locale);
      this.browser = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath, args: [...BROWSER_ARGS], headless: true }))
        .then((b) => {
          b.on('disconnected', () => {
            this.browser = null;
          });
          return b;
        });
      this.browser.catch(() => {
        this.browser = null;
      });
    }
    return this.browser;
  }

  async toPdf(html: string, opts: { headerTemplate: string; footerTemplate: string }): Promise<Uint8Array> {
    const browser = await this.launch();
    // Reports have no scripts and no external resources: JavaScript off, every request refused.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**', (route) => (isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
      await page.setContent(html, { waitUntil: 'load' });
      const m = REPORT_PAGE_MARGIN_MM;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: opts.headerTemplate,
        footerTemplate: opts.footerTemplate,
        margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
        preferCSSPageSize: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (!pending) return;
    const browser = await pending.catch(() => null);
    await browser?.close().catch(() => undefined);
  }
}

/** Writes a file so a reader never sees half of it: temp name in the same folder, fsync, rename. */
export async function writePdfAtomically(file: string, bytes: Uint8Array, locale: Locale = 'en'): Promise<void> {
  try {
    await writeFileAtomically(file, bytes);
  } catch (e) {
    fail('SAL-6013', locale, { file, detail: e instanceof Error ? e.message : String(e) });
  }
}
