import { useEffect } from 'react';
import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { InlineProblem } from '../ui/InlineProblem';
import { TextField } from '../ui/TextField';
import { useAccounts, type EventFilter } from './store';

const EVENTS: EventFilter[] = ['all', 'registered', 'unregistered'];

/**
 * Who registered on the residents' portal, and when (issue 7 point 2): the registration events Saldo
 * took from the portal, newest first, with what each did to the accounting side's registered
 * accounts. The e-mail is shown masked. Sync fetches the new events now (the cycle does it too).
 */
export function RegistrationsPanel() {
  const t = useT();
  const status = useSaldo((s) => s.status);
  const { search, event, page, loading, listProblem, sync, setSearch, setEvent, load, startSync } = useAccounts();
  const canSync = hasPermission(status, 'exchange.run');
  const syncing = !!sync && !sync.result && !sync.error;

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel registrations" data-testid="registrations-panel" aria-labelledby="registrations-heading">
      <h2 className="panel-title" id="registrations-heading">
        {t.t('acc_regHeading')}
      </h2>
      <p className="panel-intro">{t.t('acc_regIntro')}</p>
      <div className="toolbar">
        <TextField label={t.t('acc_regSearch')} value={search} maxLength={200} onValue={setSearch} invalid={false} testId="registrations-search" />
        <label className="field">
          <span className="field-label">{t.t('acc_regEvent')}</span>
          <select className="input" value={event} data-testid="registrations-event" onChange={(e) => setEvent(e.target.value as EventFilter)}>
            {EVENTS.map((x) => (
              <option key={x} value={x}>
                {t.t(`acc_regEvent_${x}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        {canSync ? (
          <button type="button" className="button" data-testid="registrations-sync" disabled={syncing} onClick={() => void startSync()}>
            {syncing ? t.t('acc_regSyncing') : t.t('acc_regSync')}
          </button>
        ) : null}
      </div>
      {sync?.error ? <InlineProblem problem={sync.error} testId="registrations-sync-problem" /> : null}
      {sync?.result ? (
        <p className="report-outcome" role="status" data-testid="registrations-synced" data-run-id={sync.result.runId}>
          {t.t('acc_regSynced', {
            id: t.num(sync.result.runId),
            status: t.label('status_', sync.result.status),
            read: t.num(sync.result.read),
            inserted: t.num(sync.result.inserted),
            deleted: t.num(sync.result.deleted),
            rejected: t.num(sync.result.rejected),
          })}
        </p>
      ) : null}
      {sync?.result?.errors.length ? <InlineProblem problem={sync.result.errors[sync.result.errors.length - 1]} testId="registrations-sync-warning" /> : null}
      {listProblem ? <InlineProblem problem={listProblem} testId="registrations-problem" /> : null}
      {page ? (
        <>
          <p className="muted" data-testid="registrations-count" data-registered={page.registeredNow} data-total={page.total}>
            {t.t('acc_regCount', { registered: t.num(page.registeredNow), shown: t.num(page.rows.length), total: t.num(page.total) })}
          </p>
          {page.rows.length === 0 ? (
            <p className="notice notice-info" data-testid="registrations-empty">
              {loading ? t.t('acc_regLoading') : t.t('acc_regEmpty')}
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table registrations-table" data-testid="registrations-table">
                <thead>
                  <tr>
                    <th scope="col">{t.t('acc_regCol_at')}</th>
                    <th scope="col">{t.t('acc_regCol_event')}</th>
                    <th scope="col">{t.t('acc_regCol_account')}</th>
                    <th scope="col">{t.t('acc_regCol_person')}</th>
                    <th scope="col">{t.t('acc_regCol_email')}</th>
                    <th scope="col">{t.t('acc_regCol_outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((r) => (
                    <tr key={r.id} data-account={r.accountNo} data-event={r.event}>
                      <td className="nowrap">{t.dateTimeShort(r.at)}</td>
                      <td>
                        <span className={`reg-event reg-event-${r.event}`}>{t.t(`acc_regEvent_${r.event}`)}</span>
                      </td>
                      <td className="mono">{r.accountNo}</td>
                      <td>{r.person}</td>
                      <td className="mono muted">{r.email}</td>
                      <td>
                        {t.t(`acc_regOutcome_${r.outcome}`)}
                        {r.code ? <code className="reg-code">{r.code}</code> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : loading ? (
        <p className="muted">{t.t('acc_regLoading')}</p>
      ) : null}
    </section>
  );
}
