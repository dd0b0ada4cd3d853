import { useT } from '../i18n';
import { GridFilters } from './GridFilters';
import { ReadingsGrid } from './ReadingsGrid';
import { ReportButtons } from './ReportButtons';
import { ReviewBar } from './ReviewBar';
import { RunPicker } from './RunPicker';
import { GRIDS, useReadings } from './store';

/** The three grids of a run — accepted, held for review, rejected — with their filters, review and reports. */
export function ReadingsPanel() {
  const t = useT();
  const view = useReadings((s) => s.view);
  const setView = useReadings((s) => s.setView);
  const grids = useReadings((s) => s.grids);
  const runId = useReadings((s) => s.runId);
  const job = useReadings((s) => s.job);
  const recheck = useReadings((s) => s.startRecheck);
  const problem = useReadings((s) => s.gridError);

  return (
    <section className="panel readings-panel" data-testid="readings-panel" aria-labelledby="readings-panel-heading">
      <div className="panel-head">
        <h2 className="panel-title" id="readings-panel-heading">
          {t.t('rd_gridsHeading')}
        </h2>
        <span className="muted small">{t.t('rd_rowHint')}</span>
      </div>
      <div className="toolbar readings-run-bar">
        <RunPicker disabled={!!job} />
        <span className="spacer" />
        <button type="button" className="button" data-testid="readings-recheck" title={t.t('rd_recheckHint')} disabled={runId === null || !!job} onClick={() => void recheck()}>
          {job?.channel === 'readings.recheck' ? t.t('rd_rechecking') : t.t('rd_recheck')}
        </button>
      </div>
      <GridFilters />
      {problem ? (
        <p className="text-danger" role="alert" data-testid="readings-grid-problem">
          {problem.code}: {problem.message}
        </p>
      ) : null}
      {/* A switch of three pressed buttons, not a second tab list inside the window's tabs. */}
      <div className="grid-tabs" role="group" aria-label={t.t('rd_gridsHeading')}>
        {GRIDS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={view === k}
            aria-controls="readings-view"
            className={`grid-tab grid-tab-${k}${view === k ? ' is-active' : ''}`}
            data-testid={`readings-tab-${k}`}
            onClick={() => setView(k)}
          >
            <span>{t.t(`rd_grid_${k}`)}</span>
            <span className="grid-tab-count" data-testid={`readings-count-${k}`}>
              {grids[k].total === null ? '…' : t.num(grids[k].total)}
            </span>
          </button>
        ))}
      </div>
      <div id="readings-view" className="grid-view" data-view={view}>
        <ReadingsGrid key={view} kind={view} />
        {view === 'held' ? <ReviewBar /> : null}
        <ReportButtons kind={view} />
      </div>
    </section>
  );
}
