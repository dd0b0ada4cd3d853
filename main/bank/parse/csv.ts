// CSV bank exports read through a saved column mapping (the operator's, or a preset). A CSV has
// no balances unless the mapping gives them (opening/closing, or a "balance after" column): its
// check is `unavailable` otherwise.

import { z } from 'zod';
import { isValidIban, isValidNrb } from '../../../shared/domain/iban';
import type { Statement, StatementEntry } from '../types';
import { minorToDecimal, parseLooseAmount } from './amounts';
import { fromFormat, type DateFormat } from './dates';
import { isFeeText } from './fees';
import { cleanAccount, squeeze } from './pieces';
import type { Problems } from './problems';

/** A column by its header text, or by 0-based position when the file has no header. */
const Column = z.union([z.number().int().min(0), z.string().min(1)]);

export const CsvMappingSchema = z.object({
  name: z.string().optional(),
  delimiter: z.string().length(1).default(';'),
  /** The quote character; empty for none. */
  quote: z.string().max(1).default('"'),
  /** Lines to skip before the header (or before the data when there is no header). */
  skipLines: z.number().int().min(0).default(0),
  /** Instead of counting, skip to the first line starting with this text (mBank's preamble). */
  headerStartsWith: z.string().optional(),
  /** Whether the first line after the skipped ones names the columns. */
  header: z.boolean().default(true),
  /** Data lines starting with this text are notes, not entries (mBank's "#…" summary lines). */
  skipRowsStartingWith: z.string().optional(),
  encoding: z.string().optional(),
  decimalMark: z.enum([',', '.']).default(','),
  dateFormat: z.enum(['YYYY-MM-DD', 'DD.MM.YYYY', 'DD-MM-YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYYMMDD']).default('YYYY-MM-DD'),
  columns: z
    .object({
      date: Column,
      valueDate: Column.optional(),
      /** One signed amount column … */
      amount: Column.optional(),
      /** … or separate debit (money out) and credit (money in) columns. */
      debit: Column.optional(),
      credit: Column.optional(),
      currency: Column.optional(),
      /** One or several columns joined into the title. */
      title: z.union([Column, z.array(Column).min(1)]).optional(),
      payerName: Column.optional(),
      payerAccount: Column.optional(),
      payerTaxId: Column.optional(),
      reference: Column.optional(),
      /** The account balance after each entry: lets the file be checked entry by entry. */
      balanceAfter: Column.optional(),
      /** The statement account, when the export lists several accounts. */
      account: Column.optional(),
    })
    .refine((c) => c.amount !== undefined || (c.debit !== undefined && c.credit !== undefined), {
      message: 'either amount, or both debit and credit',
      path: ['amount'],
    }),
  /** Statement account and currency when the file does not say. */
  account: z.string().optional(),
  currency: z.string().length(3).default('PLN'),
  /** Balances as decimal strings ("1234.56"), when the operator knows them. */
  openingBalance: z.string().regex(/^-?\d+(\.\d{1,2})?$/).optional(),
  closingBalance: z.string().regex(/^-?\d+(\.\d{1,2})?$/).optional(),
});

export type CsvMapping = z.infer<typeof CsvMappingSchema>;
export type CsvMappingInput = z.input<typeof CsvMappingSchema>;

/**
 * Presets for exports whose layout is published or widely documented:
 *  - mbank: mBank's personal/business "Lista operacji" CSV (Windows-1250, `;`): a preamble, then
 *    `#Data operacji;#Opis operacji;#Rachunek;#Kategoria;#Kwota;#Saldo po operacji;`, amounts
 *    like "-1 234,50 PLN", newest first (as read by e.g. piotrekio/mquery).
 *  - ua-debit-credit: the business statement CSV of Ukrainian banks on the iBank 2 UA platform
 *    (Raiffeisen Bank Aval, Bank Vostok …; Windows-1251, `;`): `ЄДРПОУ;МФО;Рахунок;Валюта;Дата
 *    операції;Код операції;МФО банка;Назва банка;Рахунок кореспондента;ЄДРПОУ кореспондента;
 *    Кореспондент;Документ;Дата документа;Дебет;Кредит;Призначення платежу;Гривневе покриття`,
 *    separate debit and credit columns, dates "DD.MM.YYYY HH:mm" (as read by e.g. lvu/firemerge).
 */
export const CSV_PRESETS = {
  mbank: CsvMappingSchema.parse({
    name: 'mBank',
    delimiter: ';',
    headerStartsWith: '#Data operacji',
    skipRowsStartingWith: '#',
    encoding: 'windows-1250',
    decimalMark: ',',
    dateFormat: 'YYYY-MM-DD',
    currency: 'PLN',
    columns: { date: '#Data operacji', title: '#Opis operacji', amount: '#Kwota', balanceAfter: '#Saldo po operacji' },
  }),
  'ua-debit-credit': CsvMappingSchema.parse({
    name: 'iBank 2 UA (Raiffeisen Bank Aval …)',
    delimiter: ';',
    encoding: 'windows-1251',
    decimalMark: '.',
    dateFormat: 'DD.MM.YYYY',
    currency: 'UAH',
    columns: {
      date: 'Дата операції',
      debit: 'Дебет',
      credit: 'Кредит',
      title: 'Призначення платежу',
      payerName: 'Кореспондент',
      payerAccount: 'Рахунок кореспондента',
      payerTaxId: 'ЄДРПОУ кореспондента',
      reference: 'Документ',
      account: 'Рахунок',
      currency: 'Валюта',
    },
  }),
} satisfies Record<string, CsvMapping>;

export type CsvPresetName = keyof typeof CSV_PRESETS;

/** The preset whose header this text carries, for CSV files opened without a mapping. */
export function presetFor(text: string): CsvMapping | undefined {
  const head = text.slice(0, 8192);
  if (/^#Data operacji;/m.test(head)) return CSV_PRESETS.mbank;
  const first = head.split(/\r?\n/, 1)[0];
  if (/Дата операції/.test(first) && /Дебет/.test(first) && /Кредит/.test(first)) return CSV_PRESETS['ua-debit-credit'];
  return undefined;
}

interface Row {
  cells: string[];
  line: number;
}

/** RFC 4180 records with a configurable delimiter and quote; a quoted field may span lines. */
export function splitCsv(text: string, delimiter: string, quote: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          cell += quote;
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (quote && ch === quote && cell.trim() === '') {
      inQuotes = true;
      wasQuoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(wasQuoted ? cell : cell.trim());
      cell = '';
      wasQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(wasQuoted ? cell : cell.trim());
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      wasQuoted = false;
      line++;
      rowLine = line;
    } else if (!wasQuoted) {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length) {
    cells.push(wasQuoted ? cell : cell.trim());
    rows.push({ cells, line: rowLine });
  }
  return rows;
}

type Col = string | number;

export function parseCsv(text: string, mapping: CsvMapping, problems: Problems): Statement[] {
  const rows = splitCsv(text.replace(/^\ufeff/, ''), mapping.delimiter, mapping.quote);
  let start = mapping.skipLines;
  if (mapping.headerStartsWith !== undefined) {
    const at = rows.findIndex((r) => r.cells.join(mapping.delimiter).startsWith(mapping.headerStartsWith as string));
    if (at < 0) {
      problems.add('SAL-3018', { column: mapping.headerStartsWith });
      return [];
    }
    start = at;
  }
  const preamble = rows.slice(0, start);
  const header = mapping.header ? rows[start]?.cells.map((c) => c.trim()) : undefined;
  const data = rows.slice(mapping.header ? start + 1 : start);

  const resolve = (c: Col | undefined): number | undefined => {
    if (c === undefined) return undefined;
    if (typeof c === 'number') return c;
    const i = header ? header.findIndex((h) => h === c || h.toLowerCase() === c.toLowerCase()) : -1;
    if (i < 0) {
      problems.add('SAL-3018', { column: c });
      return -1;
    }
    return i;
  };
  const cols = mapping.columns;
  const titleCols = cols.title === undefined ? [] : Array.isArray(cols.title) ? cols.title : [cols.title];
  const at = {
    date: resolve(cols.date),
    valueDate: resolve(cols.valueDate),
    amount: resolve(cols.amount),
    debit: resolve(cols.debit),
    credit: resolve(cols.credit),
    currency: resolve(cols.currency),
    title: titleCols.map(resolve),
    payerName: resolve(cols.payerName),
    payerAccount: resolve(cols.payerAccount),
    payerTaxId: resolve(cols.payerTaxId),
    reference: resolve(cols.reference),
    balanceAfter: resolve(cols.balanceAfter),
    account: resolve(cols.account),
  };
  if (problems.hasErrors) return [];

  const cell = (r: Row, i: number | undefined) => (i === undefined || i < 0 ? '' : (r.cells[i] ?? '').trim());
  const fileAccount = cleanAccount(mapping.account) ?? accountInPreamble(preamble);
  const byAccount = new Map<string, { st: Statement; balances: Array<{ after: number; amount: number; line: number }> }>();

  for (const r of data) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    if (mapping.skipRowsStartingWith && (r.cells[0] ?? '').startsWith(mapping.skipRowsStartingWith)) continue;
    const rawDate = cell(r, at.date);
    const date = fromFormat(rawDate, mapping.dateFormat as DateFormat);
    if (!date) {
      problems.add('SAL-3019', { column: String(cols.date), value: rawDate, format: mapping.dateFormat, line: r.line }, { line: r.line });
      continue;
    }
    const valueDate = at.valueDate !== undefined ? fromFormat(cell(r, at.valueDate), mapping.dateFormat as DateFormat) : undefined;
    let amount: number;
    let currency = cell(r, at.currency) || undefined;
    if (at.amount !== undefined) {
      const a = parseLooseAmount(cell(r, at.amount), mapping.decimalMark);
      if (!a) {
        problems.add('SAL-3024', { column: String(cols.amount), value: cell(r, at.amount), line: r.line }, { line: r.line });
        continue;
      }
      amount = a.minor;
      currency ??= a.currency;
    } else {
      const d = cell(r, at.debit);
      const c = cell(r, at.credit);
      const debit = d === '' ? undefined : parseLooseAmount(d, mapping.decimalMark);
      const credit = c === '' ? undefined : parseLooseAmount(c, mapping.decimalMark);
      if ((d !== '' && !debit) || (c !== '' && !credit)) {
        const bad = d !== '' && !debit ? { column: String(cols.debit), value: d } : { column: String(cols.credit), value: c };
        problems.add('SAL-3024', { ...bad, line: r.line }, { line: r.line });
        continue;
      }
      const dv = Math.abs(debit?.minor ?? 0);
      const cv = Math.abs(credit?.minor ?? 0);
      if (dv !== 0 && cv !== 0) {
        problems.add('SAL-3025', { debit: d, credit: c, line: r.line }, { line: r.line });
        continue;
      }
      amount = cv - dv;
      currency ??= debit?.currency ?? credit?.currency;
    }
    const account = cleanAccount(cell(r, at.account)) ?? fileAccount ?? '';
    let group = byAccount.get(account);
    if (!group) {
      group = {
        st: { format: 'csv', id: '', account, currency: currency ?? mapping.currency, entries: [], check: { result: 'unavailable' }, line: r.line },
        balances: [],
      };
      byAccount.set(account, group);
    }
    const st = group.st;
    const e: StatementEntry = {
      seq: st.entries.length + 1,
      amount,
      currency: currency ?? st.currency,
      valueDate: valueDate ?? date,
      bookingDate: date,
      mark: amount >= 0 ? 'C' : 'D',
      reversal: false,
      title: squeeze(at.title.map((i) => cell(r, i)).filter(Boolean).join(' ')),
      counterparty: {},
      line: r.line,
    };
    const name = cell(r, at.payerName);
    const pAcc = cleanAccount(cell(r, at.payerAccount));
    const tax = cell(r, at.payerTaxId);
    if (name) e.counterparty.name = name;
    if (pAcc) e.counterparty.account = pAcc;
    if (tax) e.counterparty.taxId = tax;
    if (isFeeText(e.title, amount)) e.fee = true;
    const ref = cell(r, at.reference);
    if (ref) {
      e.customerReference = ref;
      e.bankReference = `${date}/${ref}/${pAcc ?? ''}`;
    }
    st.entries.push(e);
    if (at.balanceAfter !== undefined) {
      const b = parseLooseAmount(cell(r, at.balanceAfter), mapping.decimalMark);
      if (!b) problems.add('SAL-3024', { column: String(cols.balanceAfter), value: cell(r, at.balanceAfter), line: r.line }, { line: r.line });
      else group.balances.push({ after: b.minor, amount, line: r.line });
    }
  }

  const out: Statement[] = [];
  for (const { st, balances } of byAccount.values()) {
    const dates = st.entries.map((e) => e.bookingDate ?? e.valueDate).sort();
    st.id = `${st.account || 'csv'}/${dates[0] ?? ''}..${dates[dates.length - 1] ?? ''}`;
    if (balances.length === st.entries.length && balances.length > 0) chainBalances(st, balances, problems);
    if (mapping.openingBalance !== undefined) st.opening = { amount: decimalToMinor(mapping.openingBalance), date: dates[0] ?? '', currency: st.currency };
    if (mapping.closingBalance !== undefined) st.closing = { amount: decimalToMinor(mapping.closingBalance), date: dates[dates.length - 1] ?? '', currency: st.currency };
    out.push(st);
  }
  return out;
}

function decimalToMinor(s: string): number {
  const a = parseLooseAmount(s, '.');
  return a ? a.minor : 0;
}

/**
 * A "balance after" column checks every entry: each balance must be the previous one plus the
 * entry (in the file's order, oldest first or newest first). When the chain holds, the opening
 * (before the oldest entry) and the closing (after the newest) become the statement's balances.
 */
function chainBalances(st: Statement, balances: Array<{ after: number; amount: number; line: number }>, problems: Problems): void {
  const breaks = (list: typeof balances) => {
    for (let i = 1; i < list.length; i++) if (list[i - 1].after + list[i].amount !== list[i].after) return i;
    return -1;
  };
  const ascending = balances;
  const descending = [...balances].reverse();
  const firstDate = st.entries[0].bookingDate ?? st.entries[0].valueDate;
  const lastDate = st.entries[st.entries.length - 1].bookingDate ?? st.entries[st.entries.length - 1].valueDate;
  const preferDesc = firstDate > lastDate;
  const order = preferDesc ? [descending, ascending] : [ascending, descending];
  const ok = order.find((l) => breaks(l) < 0);
  if (!ok) {
    const list = order[0];
    const i = breaks(list);
    const computed = list[i - 1].after + list[i].amount;
    problems.add('SAL-3023', { line: list[i].line, stated: minorToDecimal(list[i].after), computed: minorToDecimal(computed) }, { line: list[i].line, key: st.account });
    st.check = { result: 'mismatch', expected: list[i].after, computed };
    return;
  }
  const oldest = ok[0];
  const newest = ok[ok.length - 1];
  const dates = st.entries.map((e) => e.bookingDate ?? e.valueDate).sort();
  st.opening = { amount: oldest.after - oldest.amount, date: dates[0], currency: st.currency };
  st.closing = { amount: newest.after, date: dates[dates.length - 1], currency: st.currency };
}

/** mBank and others print the account in the preamble ("#Numer rachunku;" then the number). */
function accountInPreamble(rows: Row[]): string | undefined {
  for (const r of rows) {
    for (const c of r.cells) {
      const t = cleanAccount(c);
      if (!t) continue;
      if (/^\d{26}$/.test(t) && isValidNrb(t)) return t;
      if (/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(t) && isValidIban(t)) return t;
    }
  }
  return undefined;
}
