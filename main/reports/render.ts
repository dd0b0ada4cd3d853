// HTML + header/footer → PDF through whichever printer the caller has (Chromium, Electron).

import { renderReportHtml, reportHeaderFooter } from './html';
import type { ReportDoc } from './model';
import type { PdfPrinter } from './pdf';

export function renderReportPdf(doc: ReportDoc, printer: PdfPrinter): Promise<Uint8Array> {
  return printer.toPdf(renderReportHtml(doc), reportHeaderFooter(doc));
}
