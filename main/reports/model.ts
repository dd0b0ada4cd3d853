// The data model of a printed report, independent of any feature. A feature builds a ReportDoc
// from its data (labels already localised, money as integer minor units); html.ts renders it.
// Also the locale formatting the builders and the renderer share (dates with an explicit time
// zone, counts with grouping, durations, periods), so every report prints values the same way.

import type { Locale } from '../../shared/domain/types';
import { isIsoDate, isPeriod, parsePeriod } from '../../shared/domain/period';
import { reportText } from '../../shared/i18n/reports';

export type CellValue = string | number | null;

export interface ReportOrganisation {
  name: string;
  address?: string;
  taxId?: string;
}

export interface ReportColumn {
  key: string;
  label: string;
  align?: 'left' | 'right' | 'center';
  /** money: integer minor units, formatted per locale; count: integer with grouping; date: YYYY-MM-DD or an ISO instant. */
  kind?: 'text' | 'money' | 'count' | 'date';
  /** Optional CSS width hint, e.g. '12%' or '22mm'. */
  width?: string;
  /** Keep each cell on one line (codes, references). */
  nowrap?: boolean;
}

export interface ReportTable {
  columns: ReportColumn[];
  rows: Array<Record<string, CellValue>>;
  /** The grand total row: values by column key (money in minor units). The first column gets the "Total" label unless given. */
  totals?: Record<string, string | number>;
  /** Group rows by this key (in order of first appearance), with a subtotal of the money and count columns per group. */
  groupBy?: string;
  /** Printed instead of the table when there are no rows. */
  emptyText?: string;
}

export interface ReportSection {
  heading: string;
  note?: string;
  table: ReportTable;
}

export interface ReportDoc {
  /** The report kind (registry key), e.g. 'run-summary'. */
  kind: string;
  title: string;
  organisation: ReportOrganisation;
  /** Accounting month YYYY-MM (printed with the month name) or any free text; null when not applicable. */
  period: string | null;
  /** Who printed it. */
  operator: string;
  printedAt: Date;
  locale: Locale;
  /** IANA time zone for printed times; the machine's zone when absent. Always named on the page. */
  timeZone?: string;
  summary?: Array<{ label: string; value: string }>;
  sections: ReportSection[];
  /**
   * The letter layout (e.g. activation letters): one A4 page per letter, with the organisation's
   * letterhead, the recipient's address and the letter's text, instead of title, summary and sections.
   */
  letters?: ReportLetter[];
}

/** One letter of a letters document (html.ts renders each on a page of its own). */
export interface ReportLetter {
  /** The recipient's address block, line by line. */
  recipient: string[];
  /** Label/value lines beside the address (account, dates, references). */
  reference: Array<{ label: string; value: string }>;
  subject: string;
  salutation?: string;
  paragraphs: string[];
  /** A value printed large in a box (an activation code), with a line under it. */
  highlight?: { label: string; value: string; note?: string };
  steps?: { heading: string; items: string[] };
  /** After the steps: remarks, then the closing lines (regards, signature). */
  remarks?: string[];
  closing?: string[];
  /** Small print at the bottom of the page. */
  footnote?: string;
}

// ---------------------------------------------------------------------------------------------
// Formatting shared by builders and the renderer

const INTL_LOCALE: Record<Locale, string> = { pl: 'pl-PL', uk: 'uk-UA', en: 'en-GB' };

/** Integer with the same grouping as formatMoney (NBSP for pl/uk, comma for en). */
export function formatCount(n: number, locale: Locale): string {
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  const [whole, frac] = String(Math.abs(n)).split('.');
  const group = locale === 'en' ? ',' : '\u00a0';
  const dec = locale === 'en' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${neg ? '−' : ''}${grouped}${frac !== undefined ? dec + frac : ''}`;
}

/** "UTC+01:00" for the zone's offset at that instant. */
export function utcOffsetLabel(at: Date, timeZone?: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /([+\-\u2212]\d{2}:\d{2})/.exec(part ?? '');
  return `UTC${m ? m[1].replace('\u2212', '-') : '+00:00'}`;
}

/** Local date and time with the zone named: "22.11.2026, 14:03 (UTC+01:00)", "22 Nov 2026, 14:03 (UTC+01:00)". */
export function formatInstant(at: Date | string, locale: Locale, timeZone?: string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const fmt = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: locale === 'en' ? 'numeric' : '2-digit',
    month: locale === 'en' ? 'short' : '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${fmt.format(d)} (${utcOffsetLabel(d, timeZone)})`;
}

/** A calendar date YYYY-MM-DD (no time zone): "22.11.2026" / "22 Nov 2026". */
export function formatDate(date: string, locale: Locale): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'UTC',
    day: locale === 'en' ? 'numeric' : '2-digit',
    month: locale === 'en' ? 'short' : '2-digit',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "2026-10" → "październik 2026 (2026-10)"; anything else is printed as given. */
export function formatReportPeriod(period: string, locale: Locale): string {
  if (!isPeriod(period)) return period;
  const { year, month } = parsePeriod(period);
  const name = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
  return `${name} (${period})`;
}

/** 83_500 ms → "1 min 24 s"; 3_725_000 → "1 h 2 min 5 s" (localised units). */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h}\u00a0${reportText(locale, 'unitHour')}`);
  if (h || m) parts.push(`${m}\u00a0${reportText(locale, 'unitMinute')}`);
  if (ms < 1000 && ms > 0) parts.push(`${formatCount(Math.round(ms) / 1000, locale)}\u00a0${reportText(locale, 'unitSecond')}`);
  else parts.push(`${s}\u00a0${reportText(locale, 'unitSecond')}`);
  return parts.join(' ');
}
