import { useT } from '../i18n';
import { useSaldo } from '../store';

/** Print the run's error report (code, account, message, what to do) or save it as a PDF. */
export function ErrorReportActions({ runId }: { runId: number }) {
  const t = useT();
  const busy = useSaldo((s) => s.reportBusy);
  const print = useSaldo((s) => s.printReport);
  const save = useSaldo((s) => s.savePdf);
  const report = useSaldo((s) => (s.report?.runId === runId && s.report.kind === 'www-errors' ? s.report : null));
  return (
    <div className="error-report">
      <div className="report-actions">
        {busy ? (
          <span className="muted" role="status">
            {t.t('journal_working')}
          </span>
        ) : null}
        <button type="button" className="button" data-testid="errors-print" disabled={busy} onClick={() => void print(runId, 'www-errors')}>
          {t.t('res_printErrors')}
        </button>
        <button type="button" className="button" data-testid="errors-pdf" disabled={busy} onClick={() => void save(runId, 'www-errors')}>
          {t.t('res_savePdf')}
        </button>
      </div>
      {report ? (
        <div className="report-outcome" role="status" data-testid="errors-report-outcome">
          {report.action === 'pdf' || (!report.printed && report.file) ? (
            <>
              <span>{t.t('journal_pdfSaved')}</span>
              <code className="path" data-testid="errors-pdf-path">
                {report.file}
              </code>
            </>
          ) : report.printed ? (
            <span>{t.t('journal_printed')}</span>
          ) : (
            <span>{t.t('journal_printCancelled')}</span>
          )}
        </div>
      ) : null}
    </div>
  );
}
