// The rows of importReadings as both adapters pass them on (the reading_tt table type of the
// exchange contract; the SQLite demo's meter_readings): checked once, before anything is written,
// for what the exchange cannot carry exactly. A float value is refused here — a reading travels
// as decimal text only. Whether a meter exists, the zone fits or the value is a meter value is
// the database's answer per row (refused), not a reason to stop the batch.

import type { Locale } from '../../shared/domain/types';
import { isIsoDate } from '../../shared/domain/period';
import { problem, ProblemError } from '../../shared/errors/problem';
import type { AcceptedReading } from '../readings/types';

/** The longest reading_key the exchange carries (reading_tt.reading_key varchar(128)). */
export const READING_KEY_MAX = 128;
const READING_VALUE_RE = /^\d{1,11}(\.\d{1,4})?$/;

export interface CheckedReading {
  /** Idempotency key: a reading_key already recorded is answered 'already' and not written again. */
  reading_key: string;
  /** When given, the meter must belong to this account. */
  account_no: string | null;
  meter_id: string;
  reading_date: string; // YYYY-MM-DD
  zone: number;
  value: string; // decimal text as given
  source: 'portal' | 'radio';
}

/** Throws SAL-5053 (nothing written) for a row the exchange cannot carry; otherwise the rows as passed on. */
export function readingRows(rows: ReadonlyArray<AcceptedReading>, locale: Locale): CheckedReading[] {
  return rows.map((r, i) => {
    const key = typeof r?.reading_key === 'string' ? r.reading_key : '';
    const bad = (detail: string): never => {
      throw new ProblemError(problem('SAL-5053', locale, { key: key ? key.slice(0, READING_KEY_MAX) : `#${i + 1}`, detail }));
    };
    if (key.length === 0 || key.length > READING_KEY_MAX) bad(`the reading key must be 1–${READING_KEY_MAX} characters`);
    if (typeof r.value !== 'string') bad(`the value must be decimal text, not ${typeof r.value === 'number' ? 'a floating-point number' : typeof r.value}`);
    if (r.value.length > 32) bad('the value is longer than 32 characters');
    if (typeof r.meter_id !== 'string' || r.meter_id.length === 0 || r.meter_id.length > 32) bad('the meter id must be 1–32 characters');
    if (r.account_no !== undefined && (typeof r.account_no !== 'string' || r.account_no.length === 0 || r.account_no.length > 32)) bad('the account number must be 1–32 characters');
    if (typeof r.reading_date !== 'string' || !isIsoDate(r.reading_date)) bad('the reading date must be a date (YYYY-MM-DD)');
    if (!Number.isInteger(r.zone) || r.zone < 1 || r.zone > 255) bad('the zone must be a whole number from 1 to 255');
    if (r.source !== 'portal' && r.source !== 'radio') bad('the source must be portal or radio');
    return { reading_key: key, account_no: r.account_no ?? null, meter_id: r.meter_id, reading_date: r.reading_date, zone: r.zone, value: r.value, source: r.source };
  });
}

/**
 * Whether text is a meter value the reference schema holds (decimal(15,4): up to 11 digits and 4
 * places, not negative) — the same test as TRY_CONVERT in saldo.import_readings plus the sign.
 */
export function isReadingValue(v: string): boolean {
  return READING_VALUE_RE.test(v);
}

/** Two decimal texts denote the same number ("12.50" and "12.5000"). */
export function sameDecimal(a: string, b: string): boolean {
  const norm = (x: string) => {
    const [i, f = ''] = x.split('.');
    return `${i.replace(/^0+(?=\d)/, '')}.${f.replace(/0+$/, '')}`;
  };
  return norm(a) === norm(b);
}
