// Reading dates in files: a calendar day in one of the operator's formats, optionally with a time;
// a time with a zone (Z, +02:00) is an instant and becomes the calendar day in the premises' time
// zone (a radio reading taken 2024-01-31T23:30Z is 1 February in Warsaw and in Kyiv). A time without
// a zone is already local: only its day counts.

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const DAY_PATTERNS: Record<DateFormat, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{1,2})-(\d{1,2})/,
  'DD.MM.YYYY': /^(\d{1,2})\.(\d{1,2})\.(\d{4})/,
  'DD/MM/YYYY': /^(\d{1,2})\/(\d{1,2})\/(\d{4})/,
};

// After the day: [T or spaces] HH:MM[:SS | .SS (wmbusmeters prints 12:10.24)][.fraction] [zone]
const TIME = /^(?:[T ]\s*)(\d{1,2}):(\d{2})(?:[:.](\d{2})(?:[.,]\d{1,9})?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** True when y-m-d is a real calendar day. */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** `YYYY-MM-DD` is a real day (for dates that arrive already formatted, e.g. from the portal). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isCalendarDay(+m[1], +m[2], +m[3]);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Zone offsets by (zone, UTC hour): a zone's offset changes on the hour at most, and Intl is slow
// for 100k timestamps.
const offsets = new Map<string, number>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in minutes at the instant. */
export function zoneOffsetAt(epochMs: number, timeZone: string): number {
  const hour = Math.floor(epochMs / 3_600_000);
  const key = `${timeZone}\u0000${hour}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const at = hour * 3_600_000;
    const p: Record<string, number> = {};
    for (const part of formatterOf(timeZone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    off = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - at) / 60_000);
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(epochMs: number, timeZone: string): string {
  return new Date(epochMs + zoneOffsetAt(epochMs, timeZone) * 60_000).toISOString().slice(0, 10);
}

function zoneOffsetMinutes(z: string): number {
  if (/^(Z|UTC)$/i.test(z)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z)!;
  const v = +m[2] * 60 + (m[3] ? +m[3] : 0);
  return m[1] === '-' ? -v : v;
}

/**
 * The calendar day a cell means, or undefined when it matches none of the formats (or is not a
 * real day or time). The first format that matches wins.
 */
export function parseDateCell(cell: string, formats: readonly DateFormat[], timeZone: string): string | undefined {
  const s = cell.trim();
  for (const f of formats) {
    const m = DAY_PATTERNS[f].exec(s);
    if (!m) continue;
    const [y, mo, d] = f === 'YYYY-MM-DD' ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]];
    if (!isCalendarDay(y, mo, d)) return undefined;
    const rest = s.slice(m[0].length);
    const day = `${y}-${pad2(mo)}-${pad2(d)}`;
    if (rest === '') return day;
    const t = TIME.exec(rest);
    if (!t) return undefined;
    const hh = +t[1];
    const mm = +t[2];
    const ss = t[3] ? +t[3] : 0;
    if (hh > 23 || mm > 59 || ss > 59) return undefined;
    if (!t[4]) return day;
    const utcMs = Date.UTC(y, mo - 1, d, hh, mm, ss) - zoneOffsetMinutes(t[4]) * 60_000;
    return localDay(utcMs, timeZone);
  }
  return undefined;
}

/** A Unix timestamp in seconds (wmbusmeters' timestamp_ut) as the premises' calendar day. */
export function unixSecondsToDay(cell: string, timeZone: string): string | undefined {
  if (!/^\d{9,11}$/.test(cell.trim())) return undefined;
  return localDay(Number(cell.trim()) * 1000, timeZone);
}
