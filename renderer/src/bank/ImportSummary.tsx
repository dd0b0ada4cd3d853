import { useEffect, useRef } from 'react';
import type { BankFileSummary, BankImportSummary } from '../../../shared/ipc/contract-bank';
import { problemInWindowLanguage } from '../auth/problems';
import { useT, type Translator } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { InlineProblem } from '../ui/InlineProblem';
import { ProblemTable } from '../ui/ProblemTable';
import { StatusBadge } from '../ui/StatusBadge';
import { CheckBadge } from './CheckBadge';
import type { ImportOutcome } from './store';

type Figure = 'statements' | 'entries' | 'matched' | 'suggested' | 'unmatched' | 'outgoing' | 'fees' | 'duplicates';

/** A figure's count and, for money, its sum (decimal string) from the summary. */
function figureOf(s: BankImportSummary, f: Figure): { count: number; amount?: string } {
  switch (f) {
    case 'statements':
    case 'entries':
    case 'duplicates':
      return { count: s[f] };
    default:
      return { count: s[f], amount: s.totals[f] };
  }
}

const FIGURES: Figure[] = ['statements', 'entries', 'matched', 'suggested', 'unmatched', 'outgoing', 'fees', 'duplicates'];
const ATTENTION: ReadonlySet<Figure> = new Set(['suggested', 'unmatched', 'duplicates']);

function fileState(t: Translator, f: BankFileSummary): { text: string; cls: string } {
  if (f.duplicate) return { text: t.t('bank_fileDuplicate'), cls: 'text-warn' };
  if (f.booked) return { text: t.t('bank_fileBooked'), cls: 'text-ok' };
  return { text: t.t('bank_fileRefused'), cls: 'text-danger' };
}

/** What an import did: status, counts and sums, each file with its check and whether it was booked, the problems. */
export function ImportSummary({ outcome }: { outcome: ImportOutcome }) {
  const t = useT();
  const canJournal = useSaldo((s) => hasPermission(s.status, 'journal.read'));
  const open = useSaldo((s) => s.openRunInJournal);
  const ref = useRef<HTMLElement>(null);
  const { summary: s, status } = outcome;

  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  // Main words problems in the workspace's language; the operator reads them in the window's.
  const problems = s ? [...s.files.flatMap((f) => f.errors.map((p) => ({ ...p, file: p.file ?? f.file }))), ...s.errors].map((p) => problemInWindowLanguage(p, t)) : [];

  return (
    <section ref={ref} className="panel summary bank-summary" data-testid="bank-summary" data-run-id={s?.runId} data-status={status} aria-live="polite">
      <div className="summary-head">
        <h2 className="panel-title">{t.t('bank_resultHeading')}</h2>
        <StatusBadge status={status} />
        {s ? <span className="muted">{t.t('bank_run', { id: t.num(s.runId) })}</span> : null}
        <span className="spacer" />
        {s && canJournal ? (
          <button type="button" className="button" onClick={() => void open(s.runId)}>
            {t.t('bank_openJournal')}
          </button>
        ) : null}
      </div>
      {outcome.error ? <InlineProblem problem={problemInWindowLanguage(outcome.error, t)} testId="bank-import-error" /> : null}
      {status === 'cancelled' ? (
        <p className="notice notice-note" data-testid="bank-cancelled">
          {t.t('bank_cancelledNote')}
        </p>
      ) : null}
      {s ? (
        <>
          <dl className="bank-figures" data-testid="bank-figures">
            {FIGURES.map((f) => {
              const v = figureOf(s, f);
              const flag = v.count > 0 && ATTENTION.has(f);
              return (
                <div key={f} className={`bank-figure${flag ? ' is-flagged' : ''}${v.count === 0 ? ' is-zero' : ''}`} data-figure={f} data-count={v.count}>
                  <dt>{t.t(`bankFig_${f}`)}</dt>
                  <dd>
                    <span className="bank-figure-count">{t.num(v.count)}</span>
                    {v.amount !== undefined && v.count > 0 ? <span className="bank-figure-amount tabular">{t.money(v.amount)}</span> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
          {s.files.length > 0 ? (
            <div className="table-scroll">
              <table className="figures bank-files-table" data-testid="bank-files">
                <caption>{t.t('bank_filesTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.t('bank_colFile')}</th>
                    <th scope="col">{t.t('bank_colFormat')}</th>
                    <th scope="col">{t.t('bank_colEncoding')}</th>
                    <th scope="col" className="num">
                      {t.t('bank_colStatements')}
                    </th>
                    <th scope="col" className="num">
                      {t.t('bank_colEntries')}
                    </th>
                    <th scope="col">{t.t('bank_colCheck')}</th>
                    <th scope="col">{t.t('bank_colBooked')}</th>
                    <th scope="col" className="num">
                      {t.t('bank_colProblems')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.files.map((f, i) => {
                    const state = fileState(t, f);
                    return (
                      <tr key={i} data-file={f.file} data-booked={f.booked ? 'true' : 'false'} data-duplicate={f.duplicate ? 'true' : 'false'}>
                        <th scope="row" className="mono break">
                          {f.file}
                        </th>
                        <td>{f.format ? t.label('bankFormat_', f.format) : <span className="muted">{t.t('bank_unknown')}</span>}</td>
                        <td>{f.encoding ? t.label('bankEnc_', f.encoding) : t.t('none')}</td>
                        <td className="num">{t.num(f.statements)}</td>
                        <td className="num">{t.num(f.entries)}</td>
                        <td>{f.statements > 0 ? <CheckBadge check={f.balanceCheck === 'ok' ? 'pass' : f.balanceCheck} /> : t.t('none')}</td>
                        <td className={state.cls}>{state.text}</td>
                        <td className={`num${f.errors.length ? ' text-danger' : ' muted'}`}>{t.num(f.errors.length)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
          {problems.length > 0 ? (
            <>
              <h3 className="section-title">{t.t('bank_problemsHeading')}</h3>
              <div data-testid="bank-problems">
                <ProblemTable problems={problems} />
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
