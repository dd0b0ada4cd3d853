import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { EmptyState } from '../ui/EmptyState';
import { RunDetails } from './RunDetails';
import { RunTable } from './RunTable';
import '../styles/journal.css';

/** The run journal: who ran what, when, for which month, and how it ended. */
export function JournalTab() {
  const t = useT();
  const allowed = useSaldo((s) => hasPermission(s.status, 'journal.read'));
  const runs = useSaldo((s) => s.runs);
  const runsState = useSaldo((s) => s.runsState);
  const refresh = useSaldo((s) => s.loadJournal);

  if (!allowed) return <EmptyState title={t.t('journal_noPermission')} testId="journal-no-permission" />;

  return (
    <div className="journal">
      <div className="journal-toolbar">
        <h2 className="panel-title">{t.t('journal_heading')}</h2>
        <span className="muted" data-testid="journal-count">
          {runsState === 'loaded' ? t.plural('journal_runs', runs.length) : t.t('loading')}
        </span>
        <span className="spacer" />
        <button type="button" className="button" data-testid="journal-refresh" disabled={runsState === 'loading'} onClick={() => void refresh()}>
          {t.t('journal_refresh')}
        </button>
      </div>
      {runsState === 'loaded' && runs.length === 0 ? (
        <EmptyState title={t.t('journal_empty')} testId="journal-empty" />
      ) : (
        <>
          <RunTable runs={runs} />
          <RunDetails />
        </>
      )}
    </div>
  );
}
