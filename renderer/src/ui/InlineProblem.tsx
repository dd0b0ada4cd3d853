import type { Problem } from '../../../shared/domain/types';
import { localiseProblem } from '../auth/problems';
import { useT } from '../i18n';
import { ProblemText } from './ProblemText';

/** A problem inside a form or a panel (not the banner): code, message and what to do, in the window's language. */
export function InlineProblem({ problem, testId, id }: { problem: Problem; testId?: string; id?: string }) {
  const t = useT();
  return (
    <div className={`inline-problem inline-problem-${problem.severity}`} role="alert" data-testid={testId} data-code={problem.code} id={id}>
      <ProblemText problem={localiseProblem(problem, t)} />
    </div>
  );
}

/** A short message of the form itself (an empty field, two different passwords). */
export function FormMessage({ text, testId, id }: { text: string; testId?: string; id?: string }) {
  return (
    <div className="inline-problem inline-problem-error" role="alert" data-testid={testId} id={id}>
      <span className="form-message">{text}</span>
    </div>
  );
}
