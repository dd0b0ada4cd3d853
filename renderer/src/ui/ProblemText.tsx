import type { Problem } from '../../../shared/domain/types';
import { useT } from '../i18n';

/** A problem as the operator reads it: code and severity, message, what to do. */
export function ProblemText({ problem }: { problem: Problem }) {
  const t = useT();
  return (
    <div className="problem-text">
      <div className="problem-head">
        <code className="problem-code" data-testid="problem-code">
          {problem.code}
        </code>
        <span className={`severity severity-${problem.severity}`}>{t.label('severity_', problem.severity)}</span>
        <span className="problem-message" data-testid="problem-message">
          {problem.message}
          {problem.key ? <span className="muted"> ({problem.key})</span> : null}
        </span>
      </div>
      <div className="problem-hint">
        <span className="problem-hint-label">{t.t('whatToDo')}:</span> {problem.hint}
      </div>
    </div>
  );
}
