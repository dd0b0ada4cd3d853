// Locale-aware text and formatting for the renderer. Every visible string goes through `t()` (the
// catalogue in shared/i18n/ui.ts); numbers, money, dates and periods through the helpers below so
// that pl/uk get a decimal comma and local dates, and every time shows its zone.

import { useMemo } from 'react';
import { formatMoney, parseDecimal } from '../../shared/domain/money';
import { parsePeriod } from '../../shared/domain/period';
import type { Locale } from '../../shared/domain/types';
import {
  LOCALE_TAGS,
  lookupUiText,
  uiPlural,
  uiText,
  type Params,
  type UiPluralKey,
  type UiStringKey,
} from '../../shared/i18n/ui';
import { useSaldo } from './store';

/** The operator's own time zone, named explicitly in every formatter. */
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export interface Translator {
  locale: Locale;
  tag: string;
  t(key: UiStringKey, params?: Params): string;
  /** Plural-aware text; {count} is the locale-formatted count. */
  plural(key: UiPluralKey, count: number, params?: Params): string;
  /** A label for a machine value under a prefix ('cat_', 'status_', …), or the value itself. */
  label(prefix: string, value: string): string;
  num(n: number): string;
  /** Money: integer minor units or a decimal string ("1234.56"). */
  money(amount: number | string): string;
  /** A calendar date YYYY-MM-DD (no time zone). */
  date(iso: string): string;
  /** An instant (ISO string) in the operator's time zone, with the zone named. */
  dateTime(iso: string): string;
  /** The same to the minute, for dense tables. */
  dateTimeShort(iso: string): string;
  /** A period YYYY-MM as a month name: "październik 2026". */
  period(p: string | null | undefined): string;
  duration(ms: number | null | undefined): string;
}

export function makeTranslator(locale: Locale): Translator {
  const tag = LOCALE_TAGS[locale];
  // Group thousands always ("1 240", like money), not CLDR's Polish minimum of five digits.
  const numberFmt = new Intl.NumberFormat(tag, { maximumFractionDigits: 0, useGrouping: 'always' });
  const secondsFmt = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateFmt = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  const instant: Intl.DateTimeFormatOptions = {
    timeZone: LOCAL_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  };
  const dateTimeFmt = new Intl.DateTimeFormat(tag, { ...instant, second: '2-digit' });
  const dateTimeShortFmt = new Intl.DateTimeFormat(tag, instant);
  const monthFmt = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long' });

  const t = (key: UiStringKey, params?: Params) => uiText(locale, key, params);
  const num = (n: number) => numberFmt.format(n);

  return {
    locale,
    tag,
    t,
    plural: (key, count, params) => uiPlural(locale, key, count, num(count), params),
    label: (prefix, value) => lookupUiText(locale, prefix, value) ?? value,
    num,
    money(amount) {
      if (typeof amount === 'number') return Number.isSafeInteger(amount) ? formatMoney(amount, locale) : String(amount);
      try {
        return formatMoney(parseDecimal(amount), locale);
      } catch {
        return amount; // more than two decimals or not a number: show what main sent, never round
      }
    },
    date(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      if (!m) return iso;
      return dateFmt.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    },
    dateTime(iso) {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
    },
    dateTimeShort(iso) {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeShortFmt.format(d);
    },
    period(p) {
      if (!p) return t('none');
      try {
        const { year, month } = parsePeriod(p);
        return `${monthFmt.format(new Date(Date.UTC(year, month - 1, 1)))} ${year}`;
      } catch {
        return p;
      }
    },
    duration(ms) {
      if (ms === null || ms === undefined || !Number.isFinite(ms)) return t('none');
      const totalSeconds = ms / 1000;
      if (totalSeconds < 60) return `${secondsFmt.format(totalSeconds)} ${t('unit_second')}`;
      const s = Math.round(totalSeconds);
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const sec = String(s % 60).padStart(2, '0');
      const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
      return h > 0
        ? `${h} ${t('unit_hour')} ${mm} ${t('unit_minute')} ${sec} ${t('unit_second')}`
        : `${mm} ${t('unit_minute')} ${sec} ${t('unit_second')}`;
    },
  };
}

const cache = new Map<Locale, Translator>();

export function translatorFor(locale: Locale): Translator {
  let tr = cache.get(locale);
  if (!tr) {
    tr = makeTranslator(locale);
    cache.set(locale, tr);
  }
  return tr;
}

/** The translator for the current UI language; components re-render when the language changes. */
export function useT(): Translator {
  const locale = useSaldo((s) => s.locale);
  return useMemo(() => translatorFor(locale), [locale]);
}
