// Money is held in integer minor units (grosze, kopiyky). Floats never touch an amount:
// parsing and formatting go through strings, sums through integers (checked to stay safe).

export type Minor = number; // an integer count of minor units

export function assertMinor(n: number): Minor {
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of exact range: ${n}`);
  return n;
}

export function addMinor(a: Minor, b: Minor): Minor {
  return assertMinor(a + b);
}

export function sumMinor(values: Iterable<Minor>): Minor {
  let t = 0;
  for (const v of values) t = assertMinor(t + v);
  return t;
}

/** "1234.56", "-0.05", "12,5" (decimal comma accepted) → minor units. Rejects more than 2 decimals. */
export function parseDecimal(s: string): Minor {
  const t = s.trim().replace(',', '.');
  const m = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) throw new RangeError(`not an amount: ${JSON.stringify(s)}`);
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const v = assertMinor(whole * 100 + frac);
  return m[1] === '-' ? -v : v;
}

/** Minor units → "1234.56" (machine form: JSON, CSV, CLI). */
export function toDecimalString(minor: Minor): string {
  assertMinor(minor);
  const neg = minor < 0;
  const abs = Math.abs(minor);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** Minor units → "1 234,56" style for people, by locale (pl/uk use a decimal comma). */
export function formatMoney(minor: Minor, locale: string): string {
  const s = toDecimalString(minor);
  const neg = s.startsWith('-');
  const [whole, frac] = (neg ? s.slice(1) : s).split('.');
  const group = locale === 'en' ? ',' : '\u00a0';
  const dec = locale === 'en' ? '.' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${neg ? '−' : ''}${grouped}${dec}${frac}`;
}
