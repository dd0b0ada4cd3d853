// What the three bank reports share: their input (the import run, its statements and items as the
// service shows them), the report context, and the small formatting rules for bank data on paper.

import { formatMoney, parseDecimal, sumMinor } from '../../../shared/domain/money';
import type { Locale, RunRecord } from '../../../shared/domain/types';
import { lookupReportText, reportText, type ReportTextKey } from '../../../shared/i18n/reports';
import type { BankItemView, StatementView } from '../../../shared/ipc/contract-bank';
import { formatCount, formatInstant, type ReportOrganisation } from '../../reports/model';

export interface BankReportData {
  run: RunRecord;
  statements: StatementView[];
  /** Every item of the run (all statuses). */
  items: BankItemView[];
}

export interface BankReportContext {
  organisation: ReportOrganisation;
  locale: Locale;
  printedAt: Date;
  operator: string;
  timeZone?: string;
}

export type Params = Record<string, string | number>;

export function texts(locale: Locale) {
  return {
    t: (key: ReportTextKey, params?: Params) => reportText(locale, key, params),
    lookup: (prefix: string, value: string) => lookupReportText(locale, prefix, value) ?? value,
  };
}

/** Decimal string → minor units; an unreadable amount is a bug upstream, so it throws rather than print a wrong sum. */
export function minor(amount: string): number {
  return parseDecimal(amount);
}

export function sumOf(amounts: Iterable<string>): number {
  const list: number[] = [];
  for (const a of amounts) list.push(minor(a));
  return sumMinor(list);
}

/**
 * An account number printed in groups of four, so that a long IBAN/NRB wraps at a group and can be
 * read aloud: "PL61 1090 1014 …"; a Polish NRB without the country starts with its two check
 * digits ("61 1090 1014 …"), as the banks print it. Anything else (premises numbers) is left as is.
 */
export function groupAccount(account: string | undefined): string {
  if (!account) return '';
  const s = account.replace(/\s+/g, '');
  if (/^[A-Z]{2}\d{2}[0-9A-Z]{8,}$/.test(s)) return s.replace(/(.{4})(?=.)/g, '$1 ');
  if (/^\d{26}$/.test(s)) return `${s.slice(0, 2)} ${s.slice(2).replace(/(.{4})(?=.)/g, '$1 ')}`;
  return account;
}

/** The date a payment is reported under: the booking date when the bank gives it, else the value date. */
export function itemDate(item: Pick<BankItemView, 'bookingDate' | 'valueDate'>): string {
  return item.bookingDate ?? item.valueDate;
}

/** "3 · 1 234,56" — a count and an amount (minor units) for the summary block. */
export function countAmount(locale: Locale, count: number, amountMinor: number): string {
  return reportText(locale, 'bankCountAmount', { count: formatCount(count, locale), amount: formatMoney(amountMinor, locale) });
}

/** The summary lines every bank report starts with: which import, when, by whom. */
export function runLines(data: BankReportData, ctx: BankReportContext): Array<{ label: string; value: string }> {
  const { t, lookup } = texts(ctx.locale);
  const files = new Set([...data.statements.map((s) => s.file), ...(data.run.problems ?? []).flatMap((p) => (p.file ? [p.file] : []))]);
  return [
    { label: t('bankImportNo'), value: String(data.run.id) },
    { label: t('runStatus'), value: lookup('status_', data.run.status) },
    { label: t('bankStarted'), value: formatInstant(data.run.started, ctx.locale, ctx.timeZone) },
    { label: t('bankStartedBy'), value: data.run.operator },
    { label: t('bankFilesCount'), value: formatCount(files.size, ctx.locale) },
    { label: t('bankStatementsCount'), value: formatCount(data.statements.length, ctx.locale) },
  ];
}

/** The currencies of the run's money, in order of appearance. */
export function currenciesOf(rows: Iterable<{ currency: string }>): string[] {
  const seen = new Set<string>();
  for (const r of rows) seen.add(r.currency);
  return [...seen];
}

/** A note naming the currency of the amounts (one), or saying that totals are per currency (several). */
export function currencyNote(locale: Locale, currencies: string[]): string | undefined {
  if (currencies.length === 0) return undefined;
  if (currencies.length === 1) return reportText(locale, 'bankCurrencyNote', { currency: currencies[0] });
  return reportText(locale, 'bankCurrenciesNote');
}
