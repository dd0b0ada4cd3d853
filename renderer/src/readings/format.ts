// Meter values on screen: decimal strings from main printed with the locale's decimal mark and
// grouping (never through a float, so "12.300" stays 12,300 and a 4-decimal value keeps its digits).

import type { Locale } from '../../../shared/domain/types';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1234.5" → "1 234,5" (pl/uk) / "1,234.5" (en); anything that is not a decimal is shown as written. */
export function formatDecimal(value: string | undefined | null, locale: Locale): string {
  if (value === undefined || value === null) return '';
  const m = DECIMAL.exec(value);
  if (!m) return value;
  const [, sign, whole, frac] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'en' ? ',' : '\u00a0');
  return `${sign ? '−' : ''}${grouped}${frac !== undefined ? (locale === 'en' ? '.' : ',') + frac : ''}`;
}

/** "m3" → "m³". */
export function unitLabel(unit: string | undefined): string {
  if (!unit) return '';
  return unit.replace(/^m3$/i, 'm³').replace(/^m2$/i, 'm²');
}

/** Bytes for people: "812 KB", "3,4 MB". */
export function formatBytes(n: number, locale: Locale): string {
  const tag = locale === 'en' ? 'en-GB' : locale === 'pl' ? 'pl-PL' : 'uk-UA';
  const f = (x: number, d: number) => new Intl.NumberFormat(tag, { maximumFractionDigits: d }).format(x);
  if (n < 1024) return `${f(n, 0)} B`;
  if (n < 1024 * 1024) return `${f(n / 1024, 0)} KB`;
  return `${f(n / (1024 * 1024), 1)} MB`;
}
