import type { Problem } from '../../../shared/domain/types';
import { FormMessage, InlineProblem } from '../ui/InlineProblem';

/**
 * The end of the sign-in and set-up forms: the form's own message before a problem from main, both
 * under `errorId`, then the submit button. The test ids are `<testId>-missing|-problem|-submit`.
 */
export function AuthFooter({
  testId,
  errorId,
  message,
  problem,
  busy,
  label,
  busyLabel,
}: {
  testId: string;
  errorId: string;
  message: string | null;
  problem: Problem | null;
  busy: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <>
      {message ? (
        <FormMessage id={errorId} text={message} testId={`${testId}-missing`} />
      ) : problem ? (
        <InlineProblem id={errorId} problem={problem} testId={`${testId}-problem`} />
      ) : null}
      <div className="auth-actions">
        <button type="submit" className="button button-primary auth-submit" disabled={busy} data-testid={`${testId}-submit`}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </>
  );
}
