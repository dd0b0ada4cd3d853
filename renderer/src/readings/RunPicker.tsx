import type { RunRecord } from '../../../shared/domain/types';
import { useT, type Translator } from '../i18n';
import { useReadings } from './store';

function runLabel(r: RunRecord, t: Translator): string {
  const source = r.kind === 'cycle' ? t.label('kind_', r.kind) : r.mode === 'portal' ? t.t('rd_src_portal') : t.t('rd_src_radio');
  const status = r.status === 'completed' ? '' : ` · ${t.label('status_', r.status)}`;
  return `${t.t('www_run', { id: t.num(r.id) })} · ${t.dateTimeShort(r.started)} · ${source}${status}`;
}

/** Which import's readings the grids show (newest first), or the readings of every run. */
export function RunPicker({ disabled }: { disabled: boolean }) {
  const t = useT();
  const runs = useReadings((s) => s.runs);
  const runId = useReadings((s) => s.runId);
  const select = useReadings((s) => s.selectRun);
  // An import this window just made may not be in the journal list (no right to read the journal).
  const shown = runId !== null && !runs.some((r) => r.id === runId) ? [{ id: runId, label: t.t('www_run', { id: t.num(runId) }) }] : [];
  return (
    <label className="field field-inline">
      <span className="field-label">{t.t('rd_run')}</span>
      <select className="select run-picker" data-testid="readings-run" value={runId === null ? '' : String(runId)} disabled={disabled} onChange={(e) => void select(e.target.value ? Number(e.target.value) : null)}>
        {shown.map((o) => (
          <option key={o.id} value={String(o.id)}>
            {o.label}
          </option>
        ))}
        {runs.map((r) => (
          <option key={r.id} value={String(r.id)}>
            {runLabel(r, t)}
          </option>
        ))}
        <option value="">{t.t('rd_allRuns')}</option>
      </select>
    </label>
  );
}
