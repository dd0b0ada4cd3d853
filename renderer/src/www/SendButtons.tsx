import { useT } from '../i18n';
import { SENT_CATEGORIES, useSaldo } from '../store';

/** One button per category and one for all of them: each sends in the chosen mode at once. */
export function SendButtons({ disabled }: { disabled: boolean }) {
  const t = useT();
  const mode = useSaldo((s) => s.wwwMode);
  const send = useSaldo((s) => s.startWwwSend);
  const modeName = t.t(`sendMode_${mode}`);
  return (
    <div className="send-buttons" role="group" aria-label={`${t.t('send_categories')} — ${modeName}`} data-testid="send-buttons">
      <span className="field-label">{t.t('send_categories')}:</span>
      <button
        type="button"
        className="button button-primary"
        data-testid="send-all-categories"
        disabled={disabled}
        title={t.t('send_categoryTitle', { mode: modeName, category: t.t('send_allCategories') })}
        onClick={() => void send()}
      >
        {t.t('send_allCategories')}
      </button>
      {SENT_CATEGORIES.map((c) => (
        <button
          key={c}
          type="button"
          className="button"
          data-testid={`send-${c}`}
          data-category={c}
          disabled={disabled}
          title={t.t('send_categoryTitle', { mode: modeName, category: t.label('cat_', c) })}
          onClick={() => void send({ categories: [c] })}
        >
          {t.label('cat_', c)}
        </button>
      ))}
    </div>
  );
}
