// When an activation code stops working: at the end of a calendar day in the premises' time zone,
// so the letter can say "valid until 21.01.2027" and mean all of that day, whatever the season's
// UTC offset.

/** The zone's offset from UTC at an instant, in minutes (e.g. 60 for Warsaw in winter). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /([+\-\u2212])(\d{2}):(\d{2})/.exec(part);
  if (!m) return 0;
  const sign = m[1] === '+' ? 1 : -1;
  return sign * (Number(m[2]) * 60 + Number(m[3]));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The last second of `date` (YYYY-MM-DD) in the zone, as an instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  // The offset at local midnight can differ from the offset a few hours before (DST): settle it in two steps.
  let guess = nextMidnightUtc - zoneOffsetMinutes(new Date(nextMidnightUtc), timeZone) * 60_000;
  guess = nextMidnightUtc - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess - 1000);
}

/** A code issued at `issuedAt` works to the end of the day `days` days later (premises' time). */
export function activationExpiry(issuedAt: Date, days: number, timeZone: string): { expiresAt: Date; lastDay: string } {
  const today = localDate(issuedAt, timeZone);
  const [y, m, d] = today.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  return { expiresAt: endOfLocalDay(lastDay, timeZone), lastDay };
}
