import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { ProblemTable } from '../ui/ProblemTable';
import { BANK_REPORTS, useBank } from './store';

/**
 * Write the run's output files (residential, commercial, unmatched) and show where they went — or,
 * with saldo.json bank.deliver = accounting, what accounting answered for the matched payments and
 * the unmatched file; print or save the three reports.
 */
export function OutputPanel() {
  const t = useT();
  const runId = useBank((s) => s.runId);
  const busy = useBank((s) => s.writeBusy);
  const written = useBank((s) => (s.written?.runId === s.runId ? s.written.result : null));
  const write = useBank((s) => s.writeOutputs);
  const reportBusy = useBank((s) => s.reportBusy);
  const report = useBank((s) => (s.report?.runId === s.runId ? s.report : null));
  const print = useBank((s) => s.printReport);
  const savePdf = useBank((s) => s.saveReportPdf);
  const job = useBank((s) => s.job);
  const canPrint = useSaldo((s) => hasPermission(s.status, 'reports.print'));
  if (runId === null) return null;

  return (
    <div className="bank-output-row">
      <section className="panel bank-output" data-testid="bank-output" aria-labelledby="bank-output-heading">
        <h2 className="panel-title" id="bank-output-heading">
          {t.t('bank_outputHeading')}
        </h2>
        <p className="panel-intro">{t.t('bank_outputIntro')}</p>
        <div className="toolbar">
          <button type="button" className="button button-primary" data-testid="bank-write" disabled={busy || !!job} onClick={() => void write()}>
            {busy ? t.t('bank_writing') : t.t('bank_write')}
          </button>
        </div>
        {written ? (
          <div className="table-scroll">
            <table className="figures bank-written" data-testid="bank-written">
              <caption>{t.t('bank_writtenTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('bank_colOutFile')}</th>
                  <th scope="col">{t.t('bank_colPath')}</th>
                  <th scope="col" className="num">
                    {t.t('bank_colRows')}
                  </th>
                  <th scope="col" className="num">
                    {t.t('bank_colTotal')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {written.files.map((f) => (
                  <tr key={f.kind} data-kind={f.kind}>
                    <th scope="row">{t.t(`bankOut_${f.kind}`)}</th>
                    <td>
                      <code className="path" data-testid="bank-written-path">
                        {f.file}
                      </code>
                    </td>
                    <td className="num">{t.num(f.rows)}</td>
                    <td className="num">{t.money(f.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {written?.booked ? (
          <>
            <div className="table-scroll">
              <table className="figures bank-written bank-booked" data-testid="bank-booked">
                <caption>{t.t('bank_bookedTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.t('bank_colBooking')}</th>
                    <th scope="col" className="num">
                      {t.t('bank_colPayments')}
                    </th>
                    <th scope="col" className="num">
                      {t.t('bank_colTotal')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(['written', 'already', 'refused'] as const).map((k) => (
                    <tr key={k} data-booking={k}>
                      <th scope="row">{t.t(`bankBooked_${k}`)}</th>
                      <td className="num">{t.num(written.booked![k].count)}</td>
                      <td className="num">{t.money(written.booked![k].amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {written.booked.errors.length ? (
              <div data-testid="bank-refused">
                <h3 className="section-title">{t.t('bank_refusedHeading')}</h3>
                <ProblemTable problems={written.booked.errors} />
              </div>
            ) : null}
          </>
        ) : null}
      </section>

      {canPrint ? (
        <section className="panel bank-reports" data-testid="bank-reports" aria-labelledby="bank-reports-heading">
          <h2 className="panel-title" id="bank-reports-heading">
            {t.t('bank_reportsHeading')}
          </h2>
          <ul className="plain-list bank-report-list">
            {BANK_REPORTS.map((kind) => {
              const name = t.t(`bankReport_${kind}`);
              return (
                <li key={kind} className="bank-report" data-report={kind}>
                  <span className="bank-report-name">{name}</span>
                  <span className="spacer" />
                  <button
                    type="button"
                    className="button button-small"
                    data-testid={`report-print-${kind}`}
                    aria-label={t.t('bank_printOf', { report: name })}
                    disabled={reportBusy}
                    onClick={() => void print(kind)}
                  >
                    {t.t('bank_print')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    data-testid={`report-pdf-${kind}`}
                    aria-label={t.t('bank_pdfOf', { report: name })}
                    disabled={reportBusy}
                    onClick={() => void savePdf(kind)}
                  >
                    {t.t('bank_pdf')}
                  </button>
                </li>
              );
            })}
          </ul>
          {reportBusy ? (
            <p className="muted" role="status">
              {t.t('bank_working')}
            </p>
          ) : null}
          {report ? (
            <div className="report-outcome" role="status" data-testid="bank-report-outcome" data-kind={report.kind}>
              {report.action === 'pdf' || (!report.printed && report.file) ? (
                <>
                  <span>
                    {t.t(`bankReport_${report.kind}`)} — {t.t('bank_pdfSaved')}
                  </span>
                  <code className="path" data-testid="bank-report-path">
                    {report.file}
                  </code>
                </>
              ) : report.printed ? (
                <span>{t.t('bank_printed')}</span>
              ) : (
                <span>{t.t('bank_printCancelled')}</span>
              )}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
