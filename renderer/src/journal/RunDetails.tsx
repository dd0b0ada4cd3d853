import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { CountsTable, TotalsTable } from '../ui/FigureTables';
import { ProblemTable } from '../ui/ProblemTable';
import { StatusBadge } from '../ui/StatusBadge';
import { ReportActions, ReportOutcome } from './ReportActions';

/** The selected run: facts, counts, money, problems, and its printable report. */
export function RunDetails() {
  const t = useT();
  const run = useSaldo((s) => s.selectedRun);
  const selectedRunId = useSaldo((s) => s.selectedRunId);
  const canPrint = useSaldo((s) => hasPermission(s.status, 'reports.print'));

  if (selectedRunId === null || !run) {
    return (
      <section className="run-details run-details-empty" data-testid="run-details">
        <p className="muted">{selectedRunId === null ? t.t('journal_selectHint') : t.t('loading')}</p>
      </section>
    );
  }

  return (
    <section className="run-details" data-testid="run-details" aria-label={t.t('journal_details', { id: run.id })}>
      <div className="run-details-head">
        <h3 className="panel-title">{t.t('journal_details', { id: t.num(run.id) })}</h3>
        <StatusBadge status={run.status} />
        <span className="muted">{t.label('kind_', run.kind)}</span>
        <span className="spacer" />
        {canPrint ? <ReportActions runId={run.id} /> : null}
      </div>
      {canPrint ? <ReportOutcome runId={run.id} /> : null}
      <div className="run-details-body">
        <dl className="facts facts-compact">
          <dt>{t.t('col_period')}</dt>
          <dd>{t.period(run.period)}</dd>
          <dt>{t.t('col_operator')}</dt>
          <dd>{run.operator}</dd>
          <dt>{t.t('col_started')}</dt>
          <dd className="tabular">{t.dateTime(run.started)}</dd>
          <dt>{t.t('journal_finished')}</dt>
          <dd className="tabular">{run.finished ? t.dateTime(run.finished) : t.t('none')}</dd>
          <dt>{t.t('col_duration')}</dt>
          <dd className="tabular">{t.duration(run.durationMs)}</dd>
          {run.mode ? (
            <>
              <dt>{t.t('journal_mode')}</dt>
              <dd>{t.label('mode_', run.mode)}</dd>
            </>
          ) : null}
        </dl>
        <CountsTable
          counts={run.counts}
          caption={t.t('journal_counts')}
          itemLabel={t.t('www_category')}
          valueLabel={t.t('www_count')}
          totalLabel={t.t('www_allRecords')}
          testId="run-counts"
        />
        <TotalsTable totals={run.totals} caption={t.t('journal_totals')} itemLabel={t.t('www_totalsItem')} valueLabel={t.t('www_totalsValue')} testId="run-totals" />
      </div>
      <h4 className="section-title">{t.t('journal_problems')}</h4>
      <ProblemTable problems={run.problems} />
    </section>
  );
}
