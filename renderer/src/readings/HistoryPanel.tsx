import { useEffect, useRef } from 'react';
import { readingProblem } from './problems';
import { useT } from '../i18n';
import { InlineProblem } from '../ui/InlineProblem';
import { formatDecimal, unitLabel } from './format';
import { useReadings } from './store';

/** Every archived reading of a meter or a premises, newest first, with its outcome and who decided it. */
export function HistoryPanel() {
  const t = useT();
  const h = useReadings((s) => s.history);
  const show = useReadings((s) => s.showHistory);
  const close = useReadings((s) => s.closeHistory);
  const ref = useRef<HTMLElement>(null);
  const query = h?.query;
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [query]);
  if (!h) return null;
  const byMeter = 'meterId' in h.query;
  const title = byMeter ? t.t('rd_historyMeter', { meter: (h.query as { meterId: string }).meterId }) : t.t('rd_historyPremises', { account: (h.query as { accountNo: string }).accountNo });
  const rows = h.rows ? [...h.rows].sort((a, b) => b.readingDate.localeCompare(a.readingDate) || b.zone - a.zone || Number(b.key) - Number(a.key)) : null;
  const num = (s?: string) => formatDecimal(s, t.locale);

  return (
    <section ref={ref} className="panel readings-history" data-testid="readings-history" aria-labelledby="readings-history-heading">
      <div className="panel-head">
        <h2 className="panel-title" id="readings-history-heading">
          {title}
        </h2>
        {rows ? <span className="muted">{t.plural('rd_historyCount', rows.length)}</span> : <span className="muted">{t.t('loading')}</span>}
        <span className="spacer" />
        {byMeter && h.from.accountNo ? (
          <button type="button" className="button" data-testid="history-premises" onClick={() => void show({ accountNo: h.from.accountNo! }, h.from)}>
            {t.t('rd_historyShowPremises', { account: h.from.accountNo })}
          </button>
        ) : null}
        {!byMeter && h.from.meterId ? (
          <button type="button" className="button" data-testid="history-meter" onClick={() => void show({ meterId: h.from.meterId! }, h.from)}>
            {t.t('rd_historyShowMeter', { meter: h.from.meterId })}
          </button>
        ) : null}
        <button type="button" className="button button-quiet" data-testid="history-close" onClick={close}>
          {t.t('rd_historyClose')}
        </button>
      </div>
      {h.error ? <InlineProblem problem={h.error} /> : null}
      {rows && rows.length === 0 && !h.error ? <p className="muted">{t.t('rd_historyEmpty')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="history-scroll">
          <table className="problems history-table" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">{t.t('rd_colDate')}</th>
                {byMeter ? null : <th scope="col">{t.t('rd_colMeter')}</th>}
                <th scope="col" className="num">
                  {t.t('rd_colValue')}
                </th>
                <th scope="col" className="num">
                  {t.t('rd_colConsumption')}
                </th>
                <th scope="col">{t.t('rd_colOutcome')}</th>
                <th scope="col">{t.t('rd_colSource')}</th>
                <th scope="col">{t.t('rd_colRun')}</th>
                <th scope="col">{t.t('rd_colFindings')}</th>
                <th scope="col">{t.t('rd_colDecided')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-key={r.key} data-outcome={r.outcome} className={r.key === h.from.key ? 'is-current' : undefined}>
                  <td className="nowrap">{t.date(r.readingDate)}</td>
                  {byMeter ? null : (
                    <td className="mono nowrap">
                      {r.meterId ?? r.serial ?? ''}
                      {r.zone > 1 ? <span className="muted"> · {t.t('rd_zoneShort', { zone: r.zone })}</span> : null}
                    </td>
                  )}
                  <td className="num">{r.normalized ? num(r.normalized) : r.value}</td>
                  <td className="num">{r.consumption ? `${num(r.consumption)} ${unitLabel(r.unit)}` : ''}</td>
                  <td>
                    <span className={`outcome outcome-${r.outcome}`}>{t.label('rd_outcome_', r.outcome)}</span>
                  </td>
                  <td>{t.t(`rd_src_${r.source}`)}</td>
                  <td className="num">{t.num(r.runId)}</td>
                  <td className="history-findings">
                    {r.problems.map((p, i) => {
                      const q = readingProblem(p, t);
                      return (
                        <div key={i} title={q.hint}>
                          <code>{q.code}</code> {q.message}
                        </div>
                      );
                    })}
                  </td>
                  <td>
                    {r.decidedBy ? (
                      <span title={r.note}>
                        {r.decidedBy}
                        {r.decidedAt ? <span className="muted"> · {t.dateTimeShort(r.decidedAt)}</span> : null}
                        {r.note ? <div className="muted small">{r.note}</div> : null}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
