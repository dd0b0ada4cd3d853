// Amounts as banks write them → integer minor units, without ever passing through a float.

export type Minor = number;

/**
 * "1234,56" / "1234," / "0,5" (SWIFT decimal comma, the comma is mandatory in MT940 but some
 * exports drop it) or "1234.56" with `mark` '.'. At most two decimals; no sign, no grouping.
 * Returns undefined when the text is not such a number.
 */
export function parseUnsignedAmount(s: string, mark: ',' | '.' = ','): Minor | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  let whole = 0;
  let i = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
    } else break;
  }
  let frac = 0;
  let fracDigits = 0;
  if (i < n) {
    if (s[i] !== mark) return undefined;
    i++;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      if (fracDigits === 2) {
        // a third decimal is only acceptable when it is a zero (e.g. "12,340")
        if (c !== 48) return undefined;
        continue;
      }
      frac = frac * 10 + (c - 48);
      fracDigits++;
    }
  }
  if (digits === 0 && fracDigits === 0) return undefined;
  if (fracDigits === 1) frac *= 10;
  const v = whole * 100 + frac;
  return Number.isSafeInteger(v) ? v : undefined;
}

/**
 * A human-formatted amount from a CSV cell: "-1 234,56 PLN", "1.234,56", "−45,00", "(12.00)",
 * "+100.00". Grouping (spaces, no-break spaces, the other mark) and a currency code are dropped.
 */
export function parseLooseAmount(raw: string, mark: ',' | '.'): { minor: Minor; currency?: string } | undefined {
  let s = raw.trim();
  if (!s) return undefined;
  let currency: string | undefined;
  const cur = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(s);
  if (cur) {
    currency = cur[1] ?? cur[2];
    s = s.replace(cur[0], '').trim();
  }
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s[0] === '-' || s[0] === '\u2212') {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s[0] === '+') {
    s = s.slice(1).trim();
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  const group = mark === ',' ? /[\s\u00a0\u202f.']/g : /[\s\u00a0\u202f,']/g;
  s = s.replace(group, '');
  const v = parseUnsignedAmount(s, mark);
  if (v === undefined) return undefined;
  const out: { minor: Minor; currency?: string } = { minor: negative && v !== 0 ? -v : v };
  if (currency) out.currency = currency;
  return out;
}

/** Minor units → "1234.56" for messages and details. */
export function minorToDecimal(minor: Minor): string {
  const neg = minor < 0;
  const abs = Math.abs(minor);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}
