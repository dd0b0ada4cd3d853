// Meter values as exact numbers: bigints scaled by 10^4 (the contract's values have at most 4
// decimals). No float ever holds a register value or a consumption.

export const SCALE = 4;
export const ONE = 10_000n;

export type ParsedValue =
  | {
      ok: true;
      /** The value × 10^4 (truncated past 4 decimals; such values are refused by the decimals rule). */
      scaled: bigint;
      /** Significant decimals (trailing zeros do not count: 12.50 has 1). */
      decimals: number;
      negative: boolean;
    }
  | { ok: false };

/**
 * Reads a value as written: digits with a decimal comma or point, an optional sign, spaces between
 * groups of three digits ("12 345,678" — how Polish and Ukrainian write it). Nothing else: no
 * exponent, no thousands commas, no units.
 */
export function parseMeterValue(text: string): ParsedValue {
  const fast = parsePlain(text);
  if (fast) return fast;
  let s = text.trim();
  if (/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d*)?$/.test(s)) s = s.replace(/[ \u00a0\u202f]/g, '');
  const m = /^([+-])?(\d*)(?:[.,](\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false };
  const intPart = m[2] || '0';
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const negative = m[1] === '-';
  // One BigInt from the digits: fewer allocations when 100k readings and their history are read.
  const scaledAbs = BigInt(intPart + (frac + '0000').slice(0, SCALE));
  const isZero = scaledAbs === 0n && frac === '';
  return { ok: true, scaled: negative && !isZero ? -scaledAbs : scaledAbs, decimals: frac.length, negative: negative && !isZero };
}

/**
 * The common shape — digits, one decimal mark, digits, nothing else — read without regular
 * expressions (the history of a large estate is a million values).
 */
function parsePlain(s: string): ParsedValue | undefined {
  const n = s.length;
  if (n === 0 || n > 30) return undefined;
  let mark = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && mark < 0 && i > 0 && i < n - 1) {
      mark = i;
      continue;
    }
    return undefined;
  }
  const intPart = mark < 0 ? s : s.slice(0, mark);
  let frac = mark < 0 ? '' : s.slice(mark + 1);
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  if (end !== frac.length) frac = frac.slice(0, end);
  return { ok: true, scaled: BigInt(intPart + (frac + '0000').slice(0, SCALE)), decimals: frac.length, negative: false };
}

/** A scaled value as decimal text with exactly `decimals` places (rounded half up when it must cut). */
export function formatScaled(scaled: bigint, decimals: number): string {
  const neg = scaled < 0n;
  let abs = neg ? -scaled : scaled;
  const cut = SCALE - Math.min(Math.max(decimals, 0), SCALE);
  if (cut > 0) {
    const unit = 10n ** BigInt(cut);
    abs = ((abs + unit / 2n) / unit) * unit;
  }
  const int = abs / ONE;
  const frac = (abs % ONE).toString().padStart(SCALE, '0').slice(0, SCALE - cut);
  return `${neg && abs !== 0n ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A scaled value with up to `max` decimals, trailing zeros dropped (for messages). */
export function formatTrim(scaled: bigint, max = SCALE): string {
  const t = formatScaled(scaled, max);
  return t.includes('.') ? t.replace(/\.?0+$/, '') : t;
}

/** Decimal text (a setting like "3.2") → scaled; the settings schema guarantees the shape. */
export function scaledOf(text: string): bigint {
  const p = parseMeterValue(text);
  return p.ok ? p.scaled : 0n;
}

/** Days from a to b (YYYY-MM-DD, calendar days, no zone involved). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

// A batch has few distinct dates: each is turned into a day number once.
const dayNumbers = new Map<string, number>();
function dayNumber(d: string): number {
  let n = dayNumbers.get(d);
  if (n === undefined) {
    n = Math.round(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(d, n);
  }
  return n;
}

/**
 * A month is 365.25 / 12 = 30.4375 = 487/16 days: "months since the previous reading" is
 * days × 16 / 487, kept as that fraction so the norm is compared exactly.
 */
export const MONTH_NUM = 16n;
export const MONTH_DEN = 487n;
