// Periods are accounting months, written YYYY-MM. Dates are calendar dates (YYYY-MM-DD) with no
// time zone; instants are ISO strings in UTC. Keeping the two apart avoids the off-by-one-day
// bugs of converting local midnight to UTC.

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPeriod(s: string): boolean {
  return PERIOD_RE.test(s);
}

export function parsePeriod(s: string): { year: number; month: number } {
  const m = PERIOD_RE.exec(s);
  if (!m) throw new RangeError(`not a period (YYYY-MM): ${JSON.stringify(s)}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function formatPeriod(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(period: string, n: number): string {
  const { year, month } = parsePeriod(period);
  const idx = year * 12 + (month - 1) + n;
  return formatPeriod(Math.floor(idx / 12), (idx % 12) + 1);
}

/** Number of whole months from a to b (b - a). */
export function monthsBetween(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return pb.year * 12 + pb.month - (pa.year * 12 + pa.month);
}

export function lastDayOfPeriod(period: string): string {
  const { year, month } = parsePeriod(period);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${formatPeriod(year, month)}-${String(day).padStart(2, '0')}`;
}

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The period of a calendar date, and the period containing `now` in UTC. */
export function periodOfDate(date: string): string {
  return date.slice(0, 7);
}

export function currentPeriod(now: Date = new Date()): string {
  return formatPeriod(now.getUTCFullYear(), now.getUTCMonth() + 1);
}
