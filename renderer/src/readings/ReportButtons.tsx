import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { InlineProblem } from '../ui/InlineProblem';
import { useReadings, type GridKind } from './store';

/** Print the report of the grid on screen (accepted, held or rejected readings of the run), or save it as PDF. */
export function ReportButtons({ kind }: { kind: GridKind }) {
  const t = useT();
  const canPrint = useSaldo((s) => hasPermission(s.status, 'reports.print'));
  const runId = useReadings((s) => s.runId);
  const busy = useReadings((s) => s.reportBusy);
  const print = useReadings((s) => s.printReport);
  const save = useReadings((s) => s.savePdf);
  const problem = useReadings((s) => s.reportError);
  const report = useReadings((s) => (s.report?.kind === `readings-${kind}` && s.report.runId === runId ? s.report : null));
  if (!canPrint) return null;
  const off = runId === null || busy;
  const why = runId === null ? t.t('rd_reportNeedsRun') : undefined;
  return (
    <div className="readings-report">
      <div className="report-actions">
        {busy ? (
          <span className="muted" role="status">
            {t.t('journal_working')}
          </span>
        ) : null}
        <button type="button" className="button" data-testid="readings-report-print" disabled={off} title={why} onClick={() => void print(`readings-${kind}`)}>
          {t.t(`rd_print_${kind}`)}
        </button>
        <button type="button" className="button" data-testid="readings-report-pdf" disabled={off} title={why} onClick={() => void save(`readings-${kind}`)}>
          {t.t('journal_savePdf')}
        </button>
      </div>
      {problem ? <InlineProblem problem={problem} testId="readings-report-problem" /> : null}
      {report ? (
        <div className="report-outcome" role="status" data-testid="readings-report-outcome">
          {report.action === 'pdf' || (!report.printed && report.file) ? (
            <>
              <span>{t.t('journal_pdfSaved')}</span>
              <code className="path" data-testid="readings-report-path">
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
