// The one report renderer (DESIGN.md §2): ReportDoc → a standalone HTML document with print CSS
// (A4 portrait, no external resources, no scripts), plus the Chromium print header/footer
// templates that Electron's printToPDF and playwright's page.pdf both accept.
// Every interpolated value goes through esc().

import { formatMoney, parseDecimal, sumMinor } from '../../shared/domain/money';
import type { Locale } from '../../shared/domain/types';
import { reportText } from '../../shared/i18n/reports';
import {
  formatCount,
  formatDate,
  formatInstant,
  formatReportPeriod,
  type CellValue,
  type ReportColumn,
  type ReportDoc,
  type ReportLetter,
  type ReportSection,
  type ReportTable,
} from './model';

/** Page margins in millimetres; the PDF printers (Chromium here, Electron's printToPDF) must use the same. */
export const REPORT_PAGE_MARGIN_MM = { top: 20, right: 15, bottom: 18, left: 15 } as const;

const FONT_STACK = `"DejaVu Sans", "Liberation Sans", Arial, "Segoe UI", "Noto Sans", sans-serif`;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

// ---------------------------------------------------------------------------------------------
// Cells

function toMinor(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      return parseDecimal(value);
    } catch {
      return null;
    }
  }
  return null;
}

function toCount(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** A cell's printed text (not yet escaped). */
export function formatCell(value: CellValue | undefined, column: Pick<ReportColumn, 'kind'>, locale: Locale, timeZone?: string): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'money': {
      const minor = toMinor(value);
      return minor === null ? String(value) : formatMoney(minor, locale);
    }
    case 'count': {
      const n = toCount(value);
      return n === null ? String(value) : formatCount(n, locale);
    }
    case 'date': {
      const s = String(value);
      if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s, locale);
      if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return formatInstant(s, locale, timeZone);
      return s;
    }
    default:
      return String(value);
  }
}

function alignOf(column: ReportColumn): 'left' | 'right' | 'center' {
  if (column.align) return column.align;
  return column.kind === 'money' || column.kind === 'count' ? 'right' : 'left';
}

function cellClass(column: ReportColumn): string {
  const cls = [`a-${alignOf(column)}`];
  if (column.kind === 'money' || column.kind === 'count') cls.push('num');
  if (column.kind === 'date' || column.nowrap) cls.push('nowrap');
  return cls.join(' ');
}

function isSummable(column: ReportColumn): boolean {
  return column.kind === 'money' || column.kind === 'count';
}

function sumColumn(rows: Array<Record<string, CellValue>>, column: ReportColumn): number | null {
  const values: number[] = [];
  for (const row of rows) {
    const v = row[column.key];
    if (v === null || v === undefined || v === '') continue;
    const n = column.kind === 'money' ? toMinor(v) : toCount(v);
    if (n === null) return null; // a non-numeric cell: no honest subtotal
    values.push(n);
  }
  if (column.kind === 'money') return sumMinor(values);
  return values.reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------------------------
// Tables

function renderTable(table: ReportTable, doc: ReportDoc): string {
  const { locale } = doc;
  if (table.rows.length === 0) {
    return `<p class="empty">${esc(table.emptyText ?? reportText(locale, 'noData'))}</p>`;
  }
  const groupColumn = table.groupBy ? table.columns.find((c) => c.key === table.groupBy) : undefined;
  const columns = table.groupBy ? table.columns.filter((c) => c.key !== table.groupBy) : table.columns;
  const span = Math.max(1, columns.length);
  const narrow = columns.length <= 2 ? ' narrow' : '';

  const colgroup = columns.some((c) => c.width)
    ? `<colgroup>${columns.map((c) => (c.width ? `<col style="width:${esc(c.width)}">` : '<col>')).join('')}</colgroup>`
    : '';
  const head = `<thead><tr>${columns.map((c) => `<th class="${cellClass(c)}" scope="col">${esc(c.label)}</th>`).join('')}</tr></thead>`;

  const rowHtml = (row: Record<string, CellValue>): string =>
    `<tr>${columns.map((c) => `<td class="${cellClass(c)}">${esc(formatCell(row[c.key], c, locale, doc.timeZone))}</td>`).join('')}</tr>`;

  /** A row of sums (subtotal or total): label in the first column unless that column has a value. */
  const sumRow = (cls: string, label: string, values: Record<string, string | number | null>): string => {
    const cells = columns.map((c, i) => {
      const v = values[c.key];
      let text = v === null || v === undefined ? '' : formatCell(v, c, locale, doc.timeZone);
      if (i === 0 && text === '') text = label;
      const klass = i === 0 && text === label ? 'a-left label' : cellClass(c);
      return `<td class="${klass}">${esc(text)}</td>`;
    });
    return `<tr class="${cls}">${cells.join('')}</tr>`;
  };

  const body: string[] = [];
  if (table.groupBy) {
    const key = table.groupBy;
    const groups = new Map<string, Array<Record<string, CellValue>>>();
    for (const row of table.rows) {
      const g = row[key] === null || row[key] === undefined ? '' : String(row[key]);
      const list = groups.get(g);
      if (list) list.push(row);
      else groups.set(g, [row]);
    }
    for (const [g, rows] of groups) {
      const shown = groupColumn ? formatCell(g, groupColumn, locale, doc.timeZone) : g;
      const title = groupColumn ? `${groupColumn.label}: ${shown || '—'}` : shown || '—';
      body.push(`<tbody class="group"><tr class="group-head"><td colspan="${span}">${esc(title)}</td></tr>`);
      for (const row of rows) body.push(rowHtml(row));
      const sums: Record<string, number | null> = {};
      for (const c of columns) if (isSummable(c)) sums[c.key] = sumColumn(rows, c);
      if (columns.some(isSummable)) {
        body.push(sumRow('subtotal', `${reportText(locale, 'subtotal')}: ${shown || '—'}`, sums));
      }
      body.push('</tbody>');
    }
  } else {
    body.push(`<tbody>${table.rows.map(rowHtml).join('')}</tbody>`);
  }
  if (table.totals) {
    body.push(`<tbody class="totals">${sumRow('total', reportText(locale, 'total'), table.totals)}</tbody>`);
  }
  return `<table class="grid${narrow}">${colgroup}${head}${body.join('')}</table>`;
}

function renderSection(section: ReportSection, doc: ReportDoc): string {
  const note = section.note ? `<p class="note">${esc(section.note)}</p>` : '';
  return `<section class="section"><div class="section-head"><h2>${esc(section.heading)}</h2>${note}</div>${renderTable(section.table, doc)}</section>`;
}

function renderSummary(summary: Array<{ label: string; value: string }>): string {
  // Two label/value pairs per row: compact like a form, read left to right.
  const rows: string[] = [];
  for (let i = 0; i < summary.length; i += 2) {
    const pair = summary.slice(i, i + 2);
    const cells = pair.map((p) => `<th scope="row">${esc(p.label)}</th><td>${esc(p.value)}</td>`).join('');
    rows.push(`<tr>${cells}${pair.length < 2 ? '<th></th><td></td>' : ''}</tr>`);
  }
  return `<table class="summary">${rows.join('')}</table>`;
}

// ---------------------------------------------------------------------------------------------
// Document

const CSS = `
@page { size: A4 portrait; margin: ${REPORT_PAGE_MARGIN_MM.top}mm ${REPORT_PAGE_MARGIN_MM.right}mm ${REPORT_PAGE_MARGIN_MM.bottom}mm ${REPORT_PAGE_MARGIN_MM.left}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 8.5pt; line-height: 1.35; color: #000; background: #fff; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; padding-bottom: 2.5mm; border-bottom: 1pt solid #000; }
.org-name { font-size: 10.5pt; font-weight: bold; }
.org-line { color: #333; }
.meta { border-collapse: collapse; font-size: 8pt; }
.meta th { text-align: left; font-weight: normal; color: #555; padding: 0 3mm 0 0; white-space: nowrap; vertical-align: top; }
.meta td { text-align: left; padding: 0; white-space: nowrap; }
h1 { font-size: 14pt; font-weight: bold; margin: 5mm 0 3mm; }
.summary { border-collapse: collapse; width: 100%; margin: 0 0 2mm; }
.summary { table-layout: fixed; }
.summary th { text-align: left; font-weight: normal; color: #555; padding: 0.6mm 3mm 0.6mm 0; vertical-align: top; width: 36mm; }
.summary td { padding: 0.6mm 6mm 0.6mm 0; vertical-align: top; overflow-wrap: break-word; }
.section { margin-top: 6mm; }
.section-head { break-after: avoid; page-break-after: avoid; }
h2 { font-size: 10pt; font-weight: bold; margin: 0 0 1.5mm; }
.note { margin: 0 0 1.5mm; color: #333; }
.empty { margin: 0; padding: 1.5mm 0; border-top: 0.5pt solid #999; border-bottom: 0.5pt solid #999; color: #333; }
table.grid { border-collapse: collapse; width: 100%; font-size: 8pt; }
table.grid.narrow { width: 55%; min-width: 95mm; }
.grid thead { display: table-header-group; }
.grid tr { break-inside: avoid; page-break-inside: avoid; }
.grid th { font-weight: bold; background: #ececec; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; padding: 1mm 1.5mm; vertical-align: bottom; }
.grid td { padding: 0.8mm 1.5mm; border-bottom: 0.4pt solid #c4c4c4; vertical-align: top; overflow-wrap: break-word; white-space: pre-line; }
.grid .a-left { text-align: left; }
.grid .a-right { text-align: right; }
.grid .a-center { text-align: center; }
.grid .num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.grid .nowrap { white-space: nowrap; }
.grid tr.group-head { break-after: avoid; page-break-after: avoid; }
.grid tr.group-head td { font-weight: bold; padding-top: 2mm; border-bottom: 0.6pt solid #666; }
.grid tr.subtotal td { font-weight: bold; background: #f5f5f5; border-top: 0.5pt solid #666; border-bottom: 0.5pt solid #666; }
.grid tr.total td { font-weight: bold; border-top: 0.75pt solid #000; border-bottom: 2.2pt double #000; padding-top: 1.2mm; padding-bottom: 1.2mm; }
.grid td.label { white-space: nowrap; }
`;

// ---------------------------------------------------------------------------------------------
// The letter layout (ReportDoc.letters): one A4 page per letter — letterhead, the recipient's
// address where a window envelope shows it, the text, and a boxed highlight (an activation code).

const MONO_STACK = `"DejaVu Sans Mono", "Liberation Mono", Consolas, "Courier New", monospace`;

const LETTER_CSS = `
@page { size: A4 portrait; margin: ${REPORT_PAGE_MARGIN_MM.top}mm ${REPORT_PAGE_MARGIN_MM.right}mm ${REPORT_PAGE_MARGIN_MM.bottom}mm ${REPORT_PAGE_MARGIN_MM.left}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.42; color: #000; background: #fff; }
.letter { min-height: 252mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.letter:last-child { break-after: auto; page-break-after: auto; }
.lh { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; padding-bottom: 2.5mm; border-bottom: 1pt solid #000; }
.lh .org-name { font-size: 11.5pt; font-weight: bold; }
.lh .org-line { color: #333; font-size: 9pt; }
.addr-row { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm; margin-top: 12mm; min-height: 30mm; }
.recipient { margin-left: 5mm; font-size: 11pt; line-height: 1.35; }
.recipient .name { font-weight: bold; }
.ref { border-collapse: collapse; font-size: 9pt; }
.ref th { text-align: left; font-weight: normal; color: #444; padding: 0.4mm 3mm 0.4mm 0; white-space: nowrap; vertical-align: top; }
.ref td { padding: 0.4mm 0; white-space: nowrap; font-weight: bold; }
.subject { font-size: 13pt; font-weight: bold; margin: 4mm 0 3mm; }
.letter p { margin: 0 0 2.5mm; }
.hl { margin: 3mm auto 4mm; padding: 3mm 6mm 3.5mm; border: 1.4pt solid #000; border-radius: 2mm; text-align: center; width: 140mm; }
.hl .hl-label { font-size: 9pt; color: #333; text-transform: uppercase; letter-spacing: 0.08em; }
.hl .hl-value { font-family: ${MONO_STACK}; font-size: 23pt; font-weight: bold; letter-spacing: 0.12em; margin: 1.5mm 0 1mm; white-space: nowrap; }
.hl .hl-note { font-size: 9pt; }
.steps h2 { font-size: 11pt; margin: 2mm 0 1.5mm; }
.steps ol { margin: 0 0 3mm; padding-left: 6mm; }
.steps li { margin: 0 0 1.3mm; padding-left: 1mm; }
.remarks p { font-size: 9.5pt; }
.closing { margin-top: 3mm; }
.closing p { margin: 0; }
.footnote { margin-top: auto; padding-top: 2mm; border-top: 0.5pt solid #999; font-size: 8pt; color: #333; }
`;

function renderLetter(l: ReportLetter, doc: ReportDoc): string {
  const { organisation: org } = doc;
  const head = [
    `<div class="org-name">${esc(org.name)}</div>`,
    org.address ? `<div class="org-line">${esc(org.address)}</div>` : '',
    org.taxId ? `<div class="org-line">${esc(reportText(doc.locale, 'taxId'))}: ${esc(org.taxId)}</div>` : '',
  ].join('');
  const recipient = l.recipient.map((line, i) => `<div${i === 0 ? ' class="name"' : ''}>${esc(line)}</div>`).join('');
  const ref = `<table class="ref">${l.reference.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td>${esc(r.value)}</td></tr>`).join('')}</table>`;
  const hl = l.highlight
    ? `<div class="hl"><div class="hl-label">${esc(l.highlight.label)}</div><div class="hl-value">${esc(l.highlight.value)}</div>${l.highlight.note ? `<div class="hl-note">${esc(l.highlight.note)}</div>` : ''}</div>`
    : '';
  const steps = l.steps ? `<div class="steps"><h2>${esc(l.steps.heading)}</h2><ol>${l.steps.items.map((s) => `<li>${esc(s)}</li>`).join('')}</ol></div>` : '';
  const paras = (xs: string[] | undefined) => (xs ?? []).map((p) => `<p>${esc(p)}</p>`).join('');
  return `<article class="letter">
<header class="lh"><div class="org">${head}</div></header>
<div class="addr-row"><address class="recipient" style="font-style: normal">${recipient}</address>${ref}</div>
<h1 class="subject">${esc(l.subject)}</h1>
${l.salutation ? `<p>${esc(l.salutation)}</p>` : ''}${paras(l.paragraphs)}${hl}${steps}<div class="remarks">${paras(l.remarks)}</div><div class="closing">${paras(l.closing)}</div>
${l.footnote ? `<div class="footnote">${esc(l.footnote)}</div>` : ''}
</article>`;
}

function renderLettersHtml(doc: ReportDoc): string {
  return `<!DOCTYPE html>
<html lang="${esc(doc.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Saldo">
<title>${esc(doc.title)} — ${esc(doc.organisation.name)}</title>
<style>${LETTER_CSS}</style>
</head>
<body data-report-kind="${esc(doc.kind)}">
${(doc.letters ?? []).map((l) => renderLetter(l, doc)).join('\n')}
</body>
</html>
`;
}

/** The full standalone HTML of a report. */
export function renderReportHtml(doc: ReportDoc): string {
  if (doc.letters) return renderLettersHtml(doc);
  const { locale, organisation: org } = doc;
  const orgLines = [
    `<div class="org-name">${esc(org.name)}</div>`,
    org.address ? `<div class="org-line">${esc(org.address)}</div>` : '',
    org.taxId ? `<div class="org-line">${esc(reportText(locale, 'taxId'))}: ${esc(org.taxId)}</div>` : '',
  ].join('');
  const meta: Array<[string, string]> = [];
  if (doc.period) meta.push([reportText(locale, 'period'), formatReportPeriod(doc.period, locale)]);
  meta.push([reportText(locale, 'operator'), doc.operator]);
  meta.push([reportText(locale, 'printed'), formatInstant(doc.printedAt, locale, doc.timeZone)]);
  const metaHtml = `<table class="meta">${meta.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;

  return `<!DOCTYPE html>
<html lang="${esc(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Saldo">
<title>${esc(doc.title)} — ${esc(org.name)}</title>
<style>${CSS}</style>
</head>
<body data-report-kind="${esc(doc.kind)}">
<header class="doc-head"><div class="org">${orgLines}</div>${metaHtml}</header>
<h1>${esc(doc.title)}</h1>
${doc.summary && doc.summary.length ? renderSummary(doc.summary) : ''}
${doc.sections.map((s) => renderSection(s, doc)).join('\n')}
</body>
</html>
`;
}

/** Chromium print templates (playwright page.pdf and Electron printToPDF): running head and "Page X of Y" foot. */
export function reportHeaderFooter(doc: ReportDoc): { headerTemplate: string; footerTemplate: string } {
  const { locale } = doc;
  const m = REPORT_PAGE_MARGIN_MM;
  // Chromium renders templates with font-size 0 and no page margins: set both explicitly.
  const box = `font-family: ${FONT_STACK.replace(/"/g, "'")}; font-size: 8.5px; color: #333; width: 100%; margin: 0 ${m.right}mm 0 ${m.left}mm; display: flex; justify-content: space-between; gap: 6mm; -webkit-print-color-adjust: exact;`;
  if (doc.letters) {
    // A letter to a resident: no running head, no operator or page count; the sender at the foot.
    const sender = [doc.organisation.name, doc.organisation.address].filter(Boolean).join(' · ');
    return { headerTemplate: '<span></span>', footerTemplate: `<div style="${box} padding-bottom: 6mm; justify-content: center;"><span>${esc(sender)}</span></div>` };
  }
  const right = [doc.title, doc.period ? formatReportPeriod(doc.period, locale) : ''].filter(Boolean).join(' · ');
  const headerTemplate =
    `<div style="${box} padding-top: 7mm; border: 0;">` +
    `<span style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis;">${esc(doc.organisation.name)}</span>` +
    `<span style="white-space: nowrap;">${esc(right)}</span></div>`;
  const pageText = esc(reportText(locale, 'page'))
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  const printed = `${reportText(locale, 'printed')}: ${formatInstant(doc.printedAt, locale, doc.timeZone)} · ${reportText(locale, 'operator')}: ${doc.operator}`;
  const footerTemplate =
    `<div style="${box} padding-bottom: 6mm;">` +
    `<span style="white-space: nowrap; overflow: hidden; text-overflow: ellipsis;">${esc(printed)}</span>` +
    `<span style="white-space: nowrap; font-weight: bold; color: #000;">${pageText}</span></div>`;
  return { headerTemplate, footerTemplate };
}
