import { useT } from '../i18n';
import { useSaldo } from '../store';

/** The month to work on, newest first, shown by name ("październik 2026"). */
export function PeriodPicker({ periods, value, disabled }: { periods: string[]; value: string | null; disabled: boolean }) {
  const t = useT();
  const choose = useSaldo((s) => s.choosePeriod);
  const sorted = [...periods].sort((a, b) => b.localeCompare(a));
  return (
    <label className="field field-inline">
      <span className="field-label">{t.t('www_month')}</span>
      <select className="select" data-testid="period" value={value ?? ''} disabled={disabled} onChange={(e) => choose(e.target.value)}>
        {sorted.map((p) => (
          <option key={p} value={p}>
            {t.period(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
