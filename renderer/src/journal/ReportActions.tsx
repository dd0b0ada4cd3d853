import { useT } from '../i18n';
import { useSaldo } from '../store';

/** Print and Save PDF for a run's summary report. */
export function ReportActions({ runId }: { runId: number }) {
  const t = useT();
  const busy = useSaldo((s) => s.reportBusy);
  const print = useSaldo((s) => s.printReport);
  const save = useSaldo((s) => s.savePdf);
  return (
    <div className="report-actions">
      {busy ? (
        <span className="muted" role="status">
          {t.t('journal_working')}
        </span>
      ) : null}
      <button type="button" className="button" data-testid="report-print" disabled={busy} onClick={() => void print(runId)}>
        {t.t('journal_print')}
      </button>
      <button type="button" className="button button-primary" data-testid="report-pdf" disabled={busy} onClick={() => void save(runId)}>
        {t.t('journal_savePdf')}
      </button>
    </div>
  );
}

/** What came of the last Print or Save PDF for this run: the saved file's full path. */
export function ReportOutcome({ runId }: { runId: number }) {
  const t = useT();
  const report = useSaldo((s) => (s.report?.runId === runId && s.report.kind === 'run-summary' ? s.report : null));
  if (!report) return null;
  return (
    <div className="report-outcome" role="status" data-testid="report-outcome">
      {report.action === 'pdf' ? (
        <>
          <span>{t.t('journal_pdfSaved')}</span>
          <code className="path" data-testid="pdf-path">
            {report.file}
          </code>
        </>
      ) : report.printed ? (
        <span>{report.file ? `${t.t('journal_printed')} ${report.file}` : t.t('journal_printed')}</span>
      ) : (
        <span>{t.t('journal_printCancelled')}</span>
      )}
    </div>
  );
}
