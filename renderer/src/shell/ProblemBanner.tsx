import { useT } from '../i18n';
import { useSaldo } from '../store';
import { ProblemText } from '../ui/ProblemText';

/** The last problem (code, message, hint) until the operator dismisses it. */
export function ProblemBanner() {
  const t = useT();
  const error = useSaldo((s) => s.error);
  const dismiss = useSaldo((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className={`banner banner-${error.severity}`} role="alert" data-testid="problem-banner">
      <ProblemText problem={error} />
      <button type="button" className="button button-quiet banner-close" onClick={dismiss}>
        {t.t('dismiss')}
      </button>
    </div>
  );
}
