import { useT } from '../i18n';
import { EmptyState } from '../ui/EmptyState';

export function BankTab() {
  const t = useT();
  return (
    <EmptyState title={t.t('bank_empty')} tag={t.t('notAvailableYet')} testId="bank-empty">
      <p>{t.t('bank_more')}</p>
    </EmptyState>
  );
}
