// Bank days as YYYY-MM-DD. A statement's dates are the bank's local calendar days: a camt DtTm
// keeps the day as written in its own offset, never shifted into the reader's time zone.

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= dim;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (!valid(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** SWIFT YYMMDD. Two-digit years: 00–79 → 20xx, 80–99 → 19xx (statements are never older). */
export function fromYYMMDD(s: string): string | undefined {
  if (!/^\d{6}$/.test(s)) return undefined;
  const yy = Number(s.slice(0, 2));
  return iso(yy < 80 ? 2000 + yy : 1900 + yy, Number(s.slice(2, 4)), Number(s.slice(4, 6)));
}

/**
 * The :61: entry (booking) date MMDD carries no year: it is the one closest to the value date.
 * Value 2025-12-31 with booking 0102 is 2026-01-02; value 2026-01-02 with booking 1231 is 2025-12-31.
 */
export function bookingDateNear(valueDate: string, mmdd: string): string | undefined {
  if (!/^\d{4}$/.test(mmdd)) return undefined;
  const vy = Number(valueDate.slice(0, 4));
  const vm = Number(valueDate.slice(5, 7));
  const m = Number(mmdd.slice(0, 2));
  const d = Number(mmdd.slice(2, 4));
  let y = vy;
  if (vm - m > 6) y = vy + 1;
  else if (m - vm > 6) y = vy - 1;
  return iso(y, m, d);
}

/** DD.MM.YYYY (1C, Ukrainian CSV), optionally followed by a time, which is dropped. */
export function fromDotted(s: string): string | undefined {
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s.*)?$/.exec(s.trim());
  return m ? iso(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}

/** ISO date or date-time ("2026-01-02", "2026-01-02T10:00:00+01:00"): the calendar day as written. */
export function fromIsoDay(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

export type DateFormat = 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'DD-MM-YYYY' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYYMMDD';

/** A CSV date in the mapping's format; a trailing time ("12.01.2026 10:15") is dropped. */
export function fromFormat(raw: string, format: DateFormat): string | undefined {
  const s = raw.trim().split(/[\sT]/)[0];
  let m: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
      return m ? iso(+m[1], +m[2], +m[3]) : undefined;
    case 'YYYYMMDD':
      m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
      return m ? iso(+m[1], +m[2], +m[3]) : undefined;
    case 'MM/DD/YYYY':
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      return m ? iso(+m[3], +m[1], +m[2]) : undefined;
    default: {
      const sep = format[2];
      m = new RegExp(`^(\\d{1,2})\\${sep}(\\d{1,2})\\${sep}(\\d{4})$`).exec(s);
      return m ? iso(+m[3], +m[2], +m[1]) : undefined;
    }
  }
}
