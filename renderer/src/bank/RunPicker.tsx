import { useT } from '../i18n';
import { useBank } from './store';

/** Which import the tab shows: the earlier imports of the journal, newest first. */
export function RunPicker() {
  const t = useT();
  const runs = useBank((s) => s.runs);
  const runId = useBank((s) => s.runId);
  const job = useBank((s) => s.job);
  const select = useBank((s) => s.selectRun);
  if (runId === null) return null;
  const listed = runs.some((r) => r.id === runId) ? runs : [{ id: runId, started: '', operator: '' }, ...runs];
  return (
    <label className="field field-inline bank-run-pick">
      <span className="field-label">{t.t('bank_runPick')}</span>
      <select className="select" value={runId} disabled={!!job} data-testid="bank-run" onChange={(e) => void select(Number(e.target.value))}>
        {listed.map((r) => (
          <option key={r.id} value={r.id}>
            {r.started ? t.t('bank_runOption', { id: t.num(r.id), date: t.dateTimeShort(r.started), operator: r.operator }) : t.t('bank_run', { id: t.num(r.id) })}
          </option>
        ))}
      </select>
    </label>
  );
}
