import { useT } from '../i18n';
import { EmptyState } from '../ui/EmptyState';

export function ReadingsTab() {
  const t = useT();
  return (
    <EmptyState title={t.t('readings_empty')} tag={t.t('notAvailableYet')} testId="readings-empty">
      <p>{t.t('readings_more')}</p>
    </EmptyState>
  );
}
