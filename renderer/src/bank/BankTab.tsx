import { useEffect } from 'react';
import { problemInWindowLanguage } from '../auth/problems';
import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { EmptyState } from '../ui/EmptyState';
import { InlineProblem } from '../ui/InlineProblem';
import '../styles/bank.css';
import { ImportPanel } from './ImportPanel';
import { ImportSummary } from './ImportSummary';
import { OutputPanel } from './OutputPanel';
import { PaymentsPanel } from './PaymentsPanel';
import { StatementsPanel } from './StatementsPanel';
import { useBank } from './store';

/**
 * Bank statements (issue 6, seed 002): open or drop statement files; per statement its balances and
 * check; the payments matched (residential / commercial), suggested and unmatched, the outgoing
 * ones and fees apart; assign an unmatched payment; write the files for the accounting system;
 * print the reports.
 */
export function BankTab() {
  const t = useT();
  const allowed = useSaldo((s) => hasPermission(s.status, 'bank.process'));
  const job = useBank((s) => s.job);
  const last = useBank((s) => s.lastImport);
  const runId = useBank((s) => s.runId);
  const error = useBank((s) => s.error);
  const dismiss = useBank((s) => s.dismissError);
  const loadRuns = useBank((s) => s.loadRuns);
  const refresh = useBank((s) => s.refresh);

  // Coming back to the tab shows the import as it is now (payments may have been assigned elsewhere).
  useEffect(() => {
    if (!allowed) return;
    void loadRuns();
    if (useBank.getState().runId !== null) void refresh();
  }, [allowed, loadRuns, refresh]);

  if (!allowed) {
    return (
      <div className="bank">
        <p className="notice notice-info" data-testid="bank-no-permission">
          {t.t('bank_noPermission')}
        </p>
      </div>
    );
  }

  return (
    <div className="bank" data-testid="bank-tab">
      <ImportPanel />
      {error ? (
        <div className="bank-error">
          <InlineProblem problem={problemInWindowLanguage(error, t)} testId="bank-error" />
          <button type="button" className="button button-quiet" onClick={dismiss}>
            {t.t('bank_dismiss')}
          </button>
        </div>
      ) : null}
      {/* The summary of the import just made while it is the import shown; a cancelled or failed one stays until the next. */}
      {last && !job && (!last.summary || last.summary.runId === runId || last.status !== 'completed') ? <ImportSummary outcome={last} /> : null}
      {runId === null && !job && !last ? (
        <EmptyState title={t.t('bank_noRunYet')} testId="bank-no-run" />
      ) : (
        <>
          <StatementsPanel />
          <PaymentsPanel />
          <OutputPanel />
        </>
      )}
    </div>
  );
}
