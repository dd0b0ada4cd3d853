import { useState } from 'react';
import { isIsoDate, lastDayOfPeriod } from '../../../shared/domain/period';
import { useT } from '../i18n';
import { useSaldo } from '../store';

/**
 * A date typed the way the window shows dates (day first in every language: 31.10.2026,
 * 31/10/2026), or as YYYY-MM-DD; answers YYYY-MM-DD, or null when it is not a calendar date.
 * (A native date input would follow the system's locale, not the window's language.)
 */
export function parseDayFirst(text: string): string | null {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The date balances are sent as of: the chosen month's last day unless the operator types another. */
export function AsOfDate({ period, disabled }: { period: string; disabled: boolean }) {
  const t = useT();
  const asOf = useSaldo((s) => s.asOf);
  const invalid = useSaldo((s) => s.asOfInvalid);
  const setAsOf = useSaldo((s) => s.setAsOf);
  const fallback = lastDayOfPeriod(period);
  // What the operator is typing; null shows the chosen date as the window writes dates.
  const [draft, setDraft] = useState<string | null>(null);

  const change = (text: string) => {
    setDraft(text);
    if (!text.trim()) return setAsOf(null);
    const iso = parseDayFirst(text);
    if (iso) setAsOf(iso === fallback ? null : iso);
    else setAsOf(asOf, true);
  };

  return (
    <label className="field field-inline" title={t.t('www_asOfHelp')}>
      <span className="field-label">{t.t('www_asOf')}</span>
      <input
        type="text"
        inputMode="numeric"
        className="input input-date"
        data-testid="as-of"
        value={draft ?? t.date(asOf ?? fallback)}
        disabled={disabled}
        maxLength={10}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'as-of-invalid' : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          if (!invalid) setDraft(null);
        }}
      />
      {invalid ? (
        <span className="text-danger small" id="as-of-invalid" data-testid="as-of-invalid" role="alert">
          {t.t('www_asOfInvalid', { example: t.date(fallback) })}
        </span>
      ) : null}
    </label>
  );
}
