import { useT } from '../i18n';

/** connected, or not connected with the problem (code, message, what to do). */
export function ConnectionState({ connected, problem }: { connected: boolean; problem?: { code: string; message: string; hint: string } }) {
  const t = useT();
  if (connected) return <span className="conn conn-ok"><span className="dot" aria-hidden="true" />{t.t('connected')}</span>;
  return (
    <span className="conn conn-bad">
      <span className="dot" aria-hidden="true" />
      {problem ? (
        <>
          <code>{problem.code}</code> {problem.message}
          <span className="settings-hint">{problem.hint}</span>
        </>
      ) : (
        t.t('notConnected')
      )}
    </span>
  );
}
