import { useEffect, useRef } from 'react';
import type { Problem } from '../../../shared/domain/types';
import type { WwwCategoryResult, WwwSendSummary } from '../../../shared/ipc/contract';
import { problemInWindowLanguage } from '../auth/problems';
import { useT, type Translator } from '../i18n';
import { hasPermission, SENT_CATEGORIES, useSaldo, type SendOutcome } from '../store';
import { InlineProblem } from '../ui/InlineProblem';
import { ProblemTable } from '../ui/ProblemTable';
import { StatusBadge } from '../ui/StatusBadge';
import { ErrorReportActions } from './ErrorReportActions';

/** Codes of the guards that stop a send before anything is sent, until the operator confirms. */
const GUARDS = new Set(['SAL-1020', 'SAL-1021']);

type Figure = 'sent' | 'toSend' | 'new' | 'changed' | 'unchanged' | 'skipped' | 'notInBilling' | 'rejected' | 'problems';

const SEND_COLUMNS: Figure[] = ['sent', 'new', 'changed', 'unchanged', 'skipped', 'notInBilling', 'rejected', 'problems'];
const PREVIEW_COLUMNS: Figure[] = ['toSend', 'new', 'changed', 'unchanged', 'notInBilling', 'skipped', 'problems'];

function figure(r: WwwCategoryResult, f: Figure): number {
  switch (f) {
    case 'problems':
      return r.errors.length;
    // A dry run counts the not-in-billing marks among the records it would send; a real send
    // counts them apart. Shown the real send's way, so the preview's figure is the one to expect.
    case 'toSend':
      return Math.max(0, r.sent - r.notInBilling);
    default:
      return r[f];
  }
}

function CategoryTable({ summary, t }: { summary: WwwSendSummary; t: Translator }) {
  const cols = summary.dryRun ? PREVIEW_COLUMNS : SEND_COLUMNS;
  const rows = SENT_CATEGORIES.filter((c) => summary.categories[c]).map((c) => [c, summary.categories[c]!] as const);
  if (rows.length === 0) return null;
  const sum = (f: Figure) => rows.reduce((n, [, r]) => n + figure(r, f), 0);
  return (
    <table className="figures send-figures" data-testid="send-figures">
      <caption>{t.t('send_table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('www_category')}</th>
          {cols.map((f) => (
            <th key={f} scope="col" className="num">
              {t.t(`res_${f}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([c, r]) => (
          <tr key={c} data-key={c}>
            <th scope="row">{t.label('cat_', c)}</th>
            {cols.map((f) => {
              const v = figure(r, f);
              const bad = v > 0 && (f === 'skipped' || f === 'rejected' || f === 'problems');
              return (
                <td key={f} className={`num${bad ? ' text-danger' : v === 0 ? ' muted' : ''}`} data-figure={f}>
                  {t.num(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {rows.length > 1 ? (
        <tfoot>
          <tr>
            <th scope="row">{t.t('www_allRecords')}</th>
            {cols.map((f) => (
              <td key={f} className="num" data-figure={f}>
                {t.num(sum(f))}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** What a send or preview did: status, per category counts, the problems, the printable error report. */
export function SendSummary({ outcome }: { outcome: SendOutcome }) {
  const t = useT();
  const canSend = useSaldo((s) => hasPermission(s.status, 'exchange.run'));
  const canJournal = useSaldo((s) => hasPermission(s.status, 'journal.read'));
  const canPrint = useSaldo((s) => hasPermission(s.status, 'reports.print'));
  const busy = useSaldo((s) => !!s.job);
  const confirm = useSaldo((s) => s.confirmStoppedSend);
  const open = useSaldo((s) => s.openRunInJournal);
  const ref = useRef<HTMLElement>(null);
  const { request, result: r, status } = outcome;
  const dry = !!request.dryRun;

  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  // Main words problems in the workspace's language; the operator reads them in the window's.
  const shown = (list: Problem[]) => list.map((p) => problemInWindowLanguage(p, t));
  const guards = shown(r?.errors.filter((p) => GUARDS.has(p.code)) ?? []);
  const problems = r ? shown([...r.errors.filter((p) => !GUARDS.has(p.code)), ...SENT_CATEGORIES.flatMap((c) => r.categories[c]?.errors ?? [])]) : [];
  const categories = request.categories?.length ? request.categories.map((c) => t.label('cat_', c)).join(', ') : t.t('send_allCategories');

  return (
    <section
      ref={ref}
      className="panel summary send-summary"
      data-testid="send-summary"
      data-run-id={r?.runId}
      data-status={status}
      data-dry-run={dry ? 'true' : 'false'}
      aria-live="polite"
    >
      <div className="summary-head">
        <h2 className="panel-title">{t.t(dry ? 'send_previewHeading' : 'send_resultHeading', { period: t.period(request.period) })}</h2>
        <StatusBadge status={status} />
        {r ? <span className="muted">{t.t('www_run', { id: t.num(r.runId) })}</span> : null}
        <span className="spacer" />
        {r && canJournal ? (
          <button type="button" className="button" onClick={() => void open(r.runId)}>
            {t.t('www_openJournal')}
          </button>
        ) : null}
      </div>
      <dl className="facts facts-inline">
        <dt>{t.t('send_modeFact')}</dt>
        <dd>{t.t(`sendMode_${request.mode}`)}</dd>
        <dt>{t.t('www_category')}</dt>
        <dd>{categories}</dd>
        {request.asOf ? (
          <>
            <dt>{t.t('www_asOf')}</dt>
            <dd className="tabular">{t.date(request.asOf)}</dd>
          </>
        ) : null}
        {request.mode === 'selected' ? (
          <>
            <dt>{t.t('send_accountsFact')}</dt>
            <dd className="tabular">{t.num(request.accounts?.length ?? 0)}</dd>
          </>
        ) : null}
      </dl>
      {dry ? (
        <p className="notice notice-info" data-testid="preview-note">
          {t.t('send_previewNote')}
        </p>
      ) : null}
      {status === 'stopped' ? (
        <div className="stopped" data-testid="send-stopped">
          {guards.map((p, i) => (
            <InlineProblem key={i} problem={p} testId="stop-problem" />
          ))}
          <p>{t.t('send_stoppedNote')}</p>
          {dry || canSend ? (
            <button type="button" className="button button-primary" data-testid="confirm-send" disabled={busy} onClick={() => void confirm()}>
              {dry ? t.t('send_confirmPreview') : t.t('send_confirm')}
            </button>
          ) : null}
        </div>
      ) : null}
      {outcome.error && status !== 'stopped' ? <InlineProblem problem={problemInWindowLanguage(outcome.error, t)} testId="send-error" /> : null}
      {status === 'cancelled' ? (
        <p className="notice notice-note" data-testid="cancelled-note">
          {t.t('send_cancelledNote')}
        </p>
      ) : null}
      {r && status !== 'stopped' ? <CategoryTable summary={r} t={t} /> : null}
      {r ? (
        <>
          <div className="send-problems-head">
            <h3 className="section-title">{t.t('res_problemsHeading')}</h3>
            <span className="spacer" />
            {canPrint ? <ErrorReportActions runId={r.runId} /> : null}
          </div>
          <div data-testid="send-problems">
            <ProblemTable problems={problems} />
          </div>
        </>
      ) : null}
    </section>
  );
}
