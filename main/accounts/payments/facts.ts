// What the payments import and the funds report take from the workspace: the accounts' currency
// and the premises' time zone (a payment made at 23:30 UTC on the 31st is, in Warsaw or Kyiv, paid
// on the 1st of the next month — and belongs to that month's money).

import type { Workspace } from '../../engine/workspace';
import { lettersTimeZone } from '../settings';

export type Currency = 'PLN' | 'UAH';

export function accountsCurrency(ws: Workspace): Currency {
  const c = ws.cfg.config;
  return c.accounts.currency ?? (c.locale === 'uk' ? 'UAH' : 'PLN');
}

/** The premises' zone (saldo.json accounts.timeZone, else by the workspace's language). */
export function premisesTimeZone(ws: Workspace): string {
  return lettersTimeZone(ws.cfg.config.accounts, ws.cfg.config.locale);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone; null for no instant. */
export function localDay(instant: string, timeZone: string): string | null {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) return null;
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
