// Meter values on paper: decimal strings summed exactly (scaled bigints, never floats) and printed
// with the locale's decimal mark and the same thousands grouping as counts and money.

import type { Locale } from '../../../shared/domain/types';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function isDecimal(s: string | undefined | null): s is string {
  return typeof s === 'string' && DECIMAL.test(s);
}

/** Exact sum of decimal strings ("12.5" + "0.125" = "12.625"); the result keeps the widest scale. */
export function sumDecimals(values: readonly string[]): string {
  let scale = 0;
  for (const v of values) {
    const m = DECIMAL.exec(v);
    if (!m) throw new Error(`not a decimal: ${v}`);
    scale = Math.max(scale, m[3]?.length ?? 0);
  }
  let total = 0n;
  for (const v of values) {
    const [, sign, whole, frac = ''] = DECIMAL.exec(v)!;
    const scaled = BigInt(whole + frac.padEnd(scale, '0'));
    total += sign ? -scaled : scaled;
  }
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${neg ? '-' : ''}${whole}${scale ? `.${frac}` : ''}`;
}

/** "1234.5" → "1 234,5" (pl/uk, NBSP) or "1,234.5" (en); anything that is not a decimal is printed as given. */
export function formatDecimal(value: string, locale: Locale): string {
  const m = DECIMAL.exec(value);
  if (!m) return value;
  const [, sign, whole, frac] = m;
  const group = locale === 'en' ? ',' : '\u00a0';
  const mark = locale === 'en' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign ? '−' : ''}${grouped}${frac !== undefined ? mark + frac : ''}`;
}
