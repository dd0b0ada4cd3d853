import type { StatementView } from '../../../shared/ipc/contract-bank';
import { useT } from '../i18n';

const MARK: Record<StatementView['check'], string> = { pass: '✓', unavailable: '○', mismatch: '✗' };

/**
 * A statement's balance check: a mark, a word and a colour each, so that "not checked" never looks
 * like "agrees" (nor needs colour to be told apart); the hint says what it means.
 */
export function CheckBadge({ check }: { check: StatementView['check'] }) {
  const t = useT();
  return (
    <span className={`check-badge check-${check}`} data-check={check} title={t.t(`bankCheckHint_${check}`)} data-testid="check-badge">
      <span aria-hidden="true" className="check-mark">
        {MARK[check]}
      </span>
      {t.t(`bankCheck_${check}`)}
    </span>
  );
}
