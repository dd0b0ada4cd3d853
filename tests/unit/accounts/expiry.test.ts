// A code works to the end of its last day in the premises' time zone, summer or winter.
import { describe, expect, it } from 'vitest';
import { activationExpiry, endOfLocalDay, localDate, zoneOffsetMinutes } from '../../../main/accounts/activation/expiry';

describe('activation expiry', () => {
  it('ends at 23:59:59 local time, whatever the offset that day', () => {
    expect(endOfLocalDay('2027-01-21', 'Europe/Warsaw').toISOString()).toBe('2027-01-21T22:59:59.000Z');
    expect(endOfLocalDay('2027-07-21', 'Europe/Warsaw').toISOString()).toBe('2027-07-21T21:59:59.000Z');
    expect(endOfLocalDay('2027-07-21', 'Europe/Kyiv').toISOString()).toBe('2027-07-21T20:59:59.000Z');
    // The night the clocks go back (Kyiv, 31 Oct 2027 04:00 → 03:00): midnight after it is at UTC+2.
    expect(endOfLocalDay('2027-10-31', 'Europe/Kyiv').toISOString()).toBe('2027-10-31T21:59:59.000Z');
    expect(endOfLocalDay('2027-03-28', 'Europe/Warsaw').toISOString()).toBe('2027-03-28T21:59:59.000Z');
  });

  it('counts the days from the local date of issue (late evening in Kyiv is already the next day)', () => {
    const issued = new Date('2026-11-22T22:30:00Z'); // 00:30 on 23 November in Kyiv
    expect(localDate(issued, 'Europe/Kyiv')).toBe('2026-11-23');
    const { expiresAt, lastDay } = activationExpiry(issued, 60, 'Europe/Kyiv');
    expect(lastDay).toBe('2027-01-22');
    expect(expiresAt.toISOString()).toBe('2027-01-22T21:59:59.000Z');
    expect(zoneOffsetMinutes(expiresAt, 'Europe/Kyiv')).toBe(120);
  });
});
