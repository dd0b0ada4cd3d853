import type { RunStatus } from '../../../shared/domain/types';
import { useT } from '../i18n';
import '../styles/badge.css';

export function StatusBadge({ status }: { status: RunStatus }) {
  const t = useT();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t.label('status_', status)}
    </span>
  );
}
