import '../styles/progress.css';

interface Props {
  label: string;
  done: number;
  total: number;
  /** Stripes move while the job runs; a finished bar stands still. */
  running: boolean;
  /** What screen readers announce, e.g. "1 234 / 5 000". */
  valueText: string;
  tone?: 'normal' | 'warning' | 'danger';
}

/** role=progressbar with aria-valuenow/aria-valuemax; indeterminate until the total is known. */
export function ProgressBar({ label, done, total, running, valueText, tone = 'normal' }: Props) {
  const known = total > 0;
  const pct = known ? Math.min(100, Math.max(0, (done / total) * 100)) : 0;
  return (
    <div
      className={`progress progress-${tone}${running ? ' progress-running' : ''}${known ? '' : ' progress-indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
      aria-valuetext={valueText}
      data-testid="progress"
    >
      <div className="progress-fill" style={{ width: known ? `${pct}%` : undefined }} />
    </div>
  );
}
