import { useEffect } from 'react';
import { useT } from '../i18n';
import { hasPermission, useSaldo } from '../store';
import { HistoryPanel } from './HistoryPanel';
import { ImportPanel } from './ImportPanel';
import { ImportSummary } from './ImportSummary';
import { ReadingsPanel } from './ReadingsPanel';
import { ReadingsProgress } from './ReadingsProgress';
import { useReadings } from './store';
import '../styles/readings.css';

/**
 * Meter readings (issue 5, seed 002): import from the portal or a radio file (drag and drop too),
 * the summary, the three grids with the review of held readings, re-check after a correction, the
 * history of a meter or premises, and the printed reports.
 */
export function ReadingsTab() {
  const t = useT();
  const allowed = useSaldo((s) => hasPermission(s.status, 'readings.process'));
  const init = useReadings((s) => s.init);
  const job = useReadings((s) => s.job);
  const last = useReadings((s) => s.last);
  const history = useReadings((s) => s.history);

  useEffect(() => {
    if (allowed) void init();
  }, [allowed, init]);

  // A file dropped beside the drop zone must not make the window open it.
  useEffect(() => {
    const stop = (e: DragEvent) => e.preventDefault();
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  if (!allowed) {
    return (
      <div className="readings">
        <p className="notice notice-info" data-testid="readings-no-permission">
          {t.t('rd_noPermission')}
        </p>
      </div>
    );
  }
  const recheckJob = job?.channel === 'readings.recheck' ? job : null;
  return (
    <div className="readings" data-testid="readings-tab">
      <ImportPanel />
      {recheckJob ? (
        <section className="panel">
          <ReadingsProgress progress={recheckJob.progress} running label={t.t('rd_recheckProgressLabel')} />
        </section>
      ) : null}
      {last && !job ? <ImportSummary outcome={last} /> : null}
      <ReadingsPanel />
      {history ? <HistoryPanel /> : null}
    </div>
  );
}
