// Renders the rows of one output file in the configured layout (CSV or fixed-width) and encodes
// the text (iconv-lite for the Windows and DOS code pages). Amounts are formatted from integer
// minor units by string, never through a float. A fixed-width value that does not fit its field is
// an error for amounts, account numbers and dates (cutting them would book the wrong thing), while
// free text (titles, names, addresses) is cut to the width.

import iconv from 'iconv-lite';
import { toDecimalString } from '../../../shared/domain/money';
import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';
import type { DateFormat, OutputColumn, OutputLayout } from './layout';

/** One row of an output file: the item's values by column name. */
export type OutputRow = Record<OutputColumn, string | number | null | undefined> & { amount: number };

const TEXT_COLUMNS: ReadonlySet<OutputColumn> = new Set(['title', 'payerName', 'address']);
const DATE_COLUMNS: ReadonlySet<OutputColumn> = new Set(['bookingDate', 'valueDate']);

export function formatAmount(minor: number, mark: ',' | '.'): string {
  const s = toDecimalString(minor);
  return mark === ',' ? s.replace('.', ',') : s;
}

export function formatDate(iso: string | null | undefined, f: DateFormat): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  switch (f) {
    case 'YYYY-MM-DD':
      return iso;
    case 'DD.MM.YYYY':
      return `${d}.${mo}.${y}`;
    case 'DD-MM-YYYY':
      return `${d}-${mo}-${y}`;
    case 'DD/MM/YYYY':
      return `${d}/${mo}/${y}`;
    case 'YYYYMMDD':
      return `${y}${mo}${d}`;
    case 'YYMMDD':
      return `${y.slice(2)}${mo}${d}`;
  }
}

/** Bank text can hold anything: control characters (a line break would split a record) become spaces. */
function clean(s: string): string {
  return s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

function cell(row: OutputRow, col: OutputColumn, layout: OutputLayout): string {
  const v = row[col];
  if (col === 'amount') return formatAmount(row.amount, layout.decimalMark);
  if (DATE_COLUMNS.has(col)) return formatDate(v as string | null | undefined, layout.dateFormat);
  return v === null || v === undefined ? '' : clean(String(v));
}

function csvQuote(s: string, sep: string): string {
  return s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderText(rows: readonly OutputRow[], layout: OutputLayout, locale: Locale): string {
  const eol = layout.lineEnding === 'crlf' ? '\r\n' : '\n';
  const lines: string[] = [];
  if (layout.kind === 'csv') {
    const { separator, columns, header, formulaGuard } = layout.csv;
    if (header) lines.push(columns.map((c) => csvQuote(c, separator)).join(separator));
    for (const r of rows) {
      lines.push(
        columns
          .map((c) => {
            let v = cell(r, c, layout);
            // A title like "=HYPERLINK(…)" must stay text if someone opens the file in a spreadsheet.
            if (formulaGuard && TEXT_COLUMNS.has(c) && /^[=+\-@]/.test(v)) v = `'${v}`;
            return csvQuote(v, separator);
          })
          .join(separator),
      );
    }
  } else {
    for (const r of rows) {
      let line = '';
      for (const f of layout.fixed.fields) {
        let v = cell(r, f.column, layout);
        if ([...v].length > f.width) {
          if (!TEXT_COLUMNS.has(f.column)) fail('SAL-3065', locale, { value: v, column: f.column, width: f.width });
          v = [...v].slice(0, f.width).join('');
        }
        const fill = f.pad.repeat(f.width - [...v].length);
        // Zero-padded negative amounts keep the sign in front: "-00012,50", not "000-12,50".
        if (f.align === 'right' && f.pad === '0' && v.startsWith('-')) line += `-${fill}${v.slice(1)}`;
        else line += f.align === 'right' ? fill + v : v + fill;
      }
      lines.push(line);
    }
  }
  return lines.length ? lines.join(eol) + eol : '';
}

export type OutputEncoding = NonNullable<OutputLayout['encoding']>;

export function defaultEncoding(locale: Locale): OutputEncoding {
  return locale === 'pl' ? 'windows-1250' : locale === 'uk' ? 'windows-1251' : 'utf-8';
}

/**
 * Encodes the text; a character the code page cannot hold (iconv would write "?") is an error with
 * its line, never a silently changed name or title.
 */
export function encodeText(text: string, encoding: OutputEncoding, locale: Locale = 'en'): Uint8Array {
  if (encoding === 'utf-8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (encoding === 'utf-8-bom') return new Uint8Array(Buffer.from('\uFEFF' + text, 'utf8'));
  const bytes = iconv.encode(text, encoding);
  const back = iconv.decode(bytes, encoding);
  if (back !== text) {
    let i = 0;
    while (i < text.length && text[i] === back[i]) i++;
    const line = text.slice(0, i).split('\n').length;
    fail('SAL-3073', locale, { encoding, char: text.codePointAt(i) ? String.fromCodePoint(text.codePointAt(i)!) : '?', line });
  }
  return new Uint8Array(bytes);
}

export function renderOutput(rows: readonly OutputRow[], layout: OutputLayout, locale: Locale): Uint8Array {
  return encodeText(renderText(rows, layout, locale), layout.encoding ?? defaultEncoding(locale), locale);
}
