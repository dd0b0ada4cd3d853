import { useEffect, useRef } from 'react';
import { CATALOGUE, type ErrorCode } from '../../../shared/errors/catalogue';
import type { ReadingsImportSummary } from '../../../shared/ipc/contract-readings';
import { readingProblem } from './problems';
import { useT, type Translator } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { InlineProblem } from '../ui/InlineProblem';
import { ProblemTable } from '../ui/ProblemTable';
import { StatusBadge } from '../ui/StatusBadge';
import type { ReadingsOutcome } from './store';

const FIGURES = ['read', 'accepted', 'held', 'rejected', 'duplicates', 'superseded'] as const;

/** A code's finding in general words: its short title, or its catalogue message with the particulars left out. */
function codeTitle(t: Translator, code: string): { text: string; severity: string | null } {
  const entry = (CATALOGUE as Record<string, (typeof CATALOGUE)[ErrorCode] | undefined>)[code];
  const title = t.label('rd_code_', code);
  if (!entry) return { text: title, severity: null };
  if (title !== code) return { text: title, severity: entry.severity };
  return { text: entry[t.locale].message.replace(/\s*\{\w+\}/g, ' …').replace(/\(\s*…\s*\)/g, '(…)').replace(/\s+/g, ' ').trim(), severity: entry.severity };
}

function ByCode({ byCode, t }: { byCode: ReadingsImportSummary['byCode']; t: Translator }) {
  const rows = Object.entries(byCode).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return null;
  return (
    <table className="figures by-code" data-testid="readings-by-code">
      <caption>{t.t('rd_byCode')}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('problem_code')}</th>
          <th scope="col">{t.t('problem_severity')}</th>
          <th scope="col">{t.t('rd_finding')}</th>
          <th scope="col" className="num">
            {t.t('rd_readings')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([code, n]) => {
          const { text, severity } = codeTitle(t, code);
          return (
            <tr key={code} data-code={code}>
              <td>
                <code>{code}</code>
              </td>
              <td>{severity ? <span className={`severity severity-${severity}`}>{t.label('severity_', severity)}</span> : null}</td>
              <td className="by-code-text">{text}</td>
              <td className="num">{t.num(n)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What an import or a re-check did: status, the six counts, findings by code, file and run problems. */
export function ImportSummary({ outcome }: { outcome: ReadingsOutcome }) {
  const t = useT();
  const canJournal = useSaldo((s) => hasPermission(s.status, 'journal.read'));
  const open = useSaldo((s) => s.openRunInJournal);
  const ref = useRef<HTMLElement>(null);
  const r = outcome.result;

  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  const recheck = outcome.channel === 'readings.recheck';
  const errors = (r?.errors ?? []).map((p) => readingProblem(p, t));
  // The run's own failure is in the errors too: show it once, as the reason, not again in the list.
  const failure = outcome.error ? readingProblem(outcome.error, t) : null;
  const listed = failure ? errors.filter((p) => !(p.code === failure.code && p.message === failure.message)) : errors;

  return (
    <section ref={ref} className="panel summary readings-summary" data-testid="readings-summary" data-run-id={r?.runId} data-status={outcome.status} aria-live="polite">
      <div className="summary-head">
        <h2 className="panel-title">{t.t(recheck ? 'rd_recheckHeading' : 'rd_resultHeading')}</h2>
        <StatusBadge status={outcome.status} />
        {r ? <span className="muted">{t.t('www_run', { id: t.num(r.runId) })}</span> : null}
        {outcome.what ? <span className="muted mono">{outcome.what}</span> : null}
        <span className="spacer" />
        {r && canJournal ? (
          <button type="button" className="button" onClick={() => void open(r.runId)}>
            {t.t('www_openJournal')}
          </button>
        ) : null}
      </div>
      {outcome.status === 'cancelled' ? (
        <p className="notice notice-note" data-testid="readings-cancelled-note">
          {t.t('rd_cancelledNote')}
        </p>
      ) : null}
      {failure ? <InlineProblem problem={failure} testId="readings-failure" /> : null}
      {r ? (
        <div className="summary-figures">
          <dl className="readings-figures" data-testid="readings-figures">
            {FIGURES.map((f) => (
              <div key={f} className={`readings-figure figure-${f}`} data-figure={f}>
                <dt>{t.t(`rd_fig_${f}`)}</dt>
                <dd className="num">{t.num(r[f])}</dd>
              </div>
            ))}
          </dl>
          <ByCode byCode={r.byCode} t={t} />
        </div>
      ) : null}
      {listed.length > 0 ? (
        <>
          <h3 className="section-title">{t.t('rd_problemsHeading')}</h3>
          <ProblemTable problems={listed} />
        </>
      ) : null}
    </section>
  );
}
