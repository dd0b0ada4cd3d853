import { LOCALES, type Locale } from '../../../shared/domain/types';
import { LANGUAGE_NAMES } from '../../../shared/i18n/ui';
import { useT } from '../i18n';
import { useSaldo } from '../store';

const ORDER: Locale[] = ['pl', 'uk', 'en'];

/** Polish / Ukrainian / English, each named in its own language; the choice is saved by main. */
export function LanguageSwitch() {
  const t = useT();
  const setLocale = useSaldo((s) => s.setLocale);
  return (
    <div className="lang-switch" role="group" aria-label={t.t('languageSwitch')}>
      {ORDER.filter((l) => LOCALES.includes(l)).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-button"
          aria-pressed={t.locale === l}
          data-locale={l}
          onClick={() => void setLocale(l)}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
