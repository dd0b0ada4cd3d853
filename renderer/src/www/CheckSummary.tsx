import { useT } from '../i18n';
import { hasPermission, useSaldo, type CheckOutcome } from '../store';
import { CountsTable, TotalsTable } from '../ui/FigureTables';
import { StatusBadge } from '../ui/StatusBadge';

/** What a finished check found: status, counts per category, money totals, problems. */
export function CheckSummary({ outcome }: { outcome: CheckOutcome }) {
  const t = useT();
  const canJournal = useSaldo((s) => hasPermission(s.status, 'journal.read'));
  const open = useSaldo((s) => s.openRunInJournal);
  const r = outcome.result;
  return (
    <section className="panel summary" data-testid="check-summary" data-run-id={r?.runId} aria-live="polite">
      <div className="summary-head">
        <h2 className="panel-title">{t.t('www_resultHeading', { period: t.period(outcome.period) })}</h2>
        <StatusBadge status={outcome.status} />
        {r ? <span className="muted">{t.t('www_run', { id: r.runId })}</span> : null}
        <span className="spacer" />
        {r && canJournal ? (
          <button type="button" className="button" onClick={() => void open(r.runId)}>
            {t.t('www_openJournal')}
          </button>
        ) : null}
      </div>
      {r ? (
        <>
          <div className="summary-figures">
            <CountsTable
              counts={r.counts}
              caption={t.t('journal_counts')}
              itemLabel={t.t('www_category')}
              valueLabel={t.t('www_count')}
              totalLabel={t.t('www_allRecords')}
              testId="summary-counts"
            />
            <TotalsTable
              totals={r.totals}
              caption={t.t('journal_totals')}
              itemLabel={t.t('www_totalsItem')}
              valueLabel={t.t('www_totalsValue')}
              testId="summary-totals"
            />
          </div>
          <p className={r.problems > 0 ? 'text-danger' : 'text-ok'} data-testid="summary-problems">
            {r.problems > 0 ? t.plural('www_problems', r.problems) : t.t('www_noProblems')}
          </p>
        </>
      ) : null}
    </section>
  );
}
