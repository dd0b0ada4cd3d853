// Reports in the app: Electron's printToPDF for PDFs and the system print dialog for paper, both
// from the same HTML the CLI turns into PDF with Chromium. The report window is sandboxed, runs
// no JavaScript and loads nothing from the network.

import type { BrowserWindow as BW } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPrinter } from '../reports/pdf';
import type { SystemPrinter } from '../engine/ports';

async function withReportWindow<T>(Ctor: typeof BW, html: string, fn: (w: BW) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'saldo-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const w = new Ctor({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await w.loadFile(file);
    return await fn(w);
  } finally {
    w.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export class ElectronPdfPrinter implements PdfPrinter {
  constructor(private readonly Ctor: typeof BW) {}

  toPdf(html: string, opts: { headerTemplate: string; footerTemplate: string }): Promise<Uint8Array> {
    return withReportWindow(this.Ctor, html, async (w) => {
      const buf = await w.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: opts.headerTemplate,
        footerTemplate: opts.footerTemplate,
        preferCSSPageSize: true,
      });
      return new Uint8Array(buf);
    });
  }

  async close(): Promise<void> {}
}

export class ElectronSystemPrinter implements SystemPrinter {
  constructor(private readonly Ctor: typeof BW) {}

  print(html: string): Promise<boolean> {
    return withReportWindow(this.Ctor, html, (w) => new Promise<boolean>((resolve) => w.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok))));
  }
}
